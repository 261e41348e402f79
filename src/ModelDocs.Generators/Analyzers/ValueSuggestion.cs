using System;
using System.Collections.Generic;

namespace ModelDocs.Generators.Analyzers;

/// <summary>"Did you mean": the closest candidate by edit distance, when it is close enough to be a typo.</summary>
internal static class ValueSuggestion
{
    /// <summary>
    /// The closest of <paramref name="candidates"/> to <paramref name="value"/>: a case-insensitive
    /// match wins, then the smallest optimal-string-alignment distance (a transposition counts 1),
    /// ties to the earlier candidate. Null when even the closest needs more than a third of the
    /// longer string's characters changed (and more than 2), which is a different word, not a typo.
    /// </summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = string.Equals(c, value, StringComparison.OrdinalIgnoreCase)
                ? 0
                : 1 + Distance(value.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }
        if (best is null) return null;
        var edits = bestDistance == 0 ? 0 : bestDistance - 1;
        var limit = Math.Max(2, Math.Max(value.Length, best.Length) / 3);
        return edits <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        // Values are short (wire values, member names); cap to keep the cost bounded for odd inputs.
        if (a.Length > 256 || b.Length > 256) return Math.Max(a.Length, b.Length);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}
