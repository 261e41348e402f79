namespace ModelDocs.Generators.Common;

/// <summary>
/// Edit distance between short names and values, and the "did you mean" pick built on it. The callers
/// keep their own measure (case handling, transpositions, cap) and their own bound for a typo.
/// </summary>
internal static class EditDistance
{
    /// <summary>
    /// How many single-character insertions, deletions and substitutions turn <paramref name="a"/> into
    /// <paramref name="b"/> (Levenshtein); with <paramref name="transpositions"/>, a swap of two adjacent
    /// characters counts 1 too (optimal string alignment). Compares characters ordinally. Any distance above
    /// <paramref name="cap"/> is <paramref name="cap"/> + 1, and the work stops as soon as it must be one.
    /// </summary>
    public static int Between(string a, string b, bool transpositions, int cap = int.MaxValue - 1)
    {
        if (Math.Abs(a.Length - b.Length) > cap) return cap + 1;
        // Three rows of the matrix: i - 2 (for a transposition), i - 1 and i.
        var before = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, before[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            // No later row goes below this row's minimum: a transposition into the next row starts from a
            // cell of the row before this one that is at most one less than its diagonal neighbour here.
            if (rowMin > cap) return cap + 1;
            (before, prev, cur) = (prev, cur, before);
        }
        return Math.Min(prev[b.Length], cap + 1);
    }

    /// <summary>
    /// The candidate with the smallest <paramref name="distance"/>, ties to the earlier candidate; null when
    /// there is none or <paramref name="accept"/> (given the closest and its distance) turns it down as a
    /// different word rather than a typo.
    /// </summary>
    public static string? Closest(IEnumerable<string> candidates, Func<string, int> distance, Func<string, int, bool> accept)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = distance(c);
            if (d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }
        return best is not null && accept(best, bestDistance) ? best : null;
    }
}
