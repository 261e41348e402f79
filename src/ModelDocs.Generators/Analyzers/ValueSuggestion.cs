using ModelDocs.Generators.Common;

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
        var lower = value.ToLowerInvariant();
        return EditDistance.Closest(candidates,
            c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase) ? 0 : 1 + Distance(lower, c.ToLowerInvariant()),
            (best, distance) => (distance == 0 ? 0 : distance - 1) <= Math.Max(2, Math.Max(value.Length, best.Length) / 3));
    }

    /// <summary>Optimal string alignment distance; the longer length for a string over 256 characters, which is then never a typo.</summary>
    private static int Distance(string a, string b)
        // Values are short (wire values, member names); cap to keep the cost bounded for odd inputs.
        => a.Length > 256 || b.Length > 256 ? Math.Max(a.Length, b.Length) : EditDistance.Between(a, b, transpositions: true);
}
