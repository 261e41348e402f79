namespace ModelDocs.Generators.Common;

/// <summary>Small text helpers shared by the readers and the resolver.</summary>
internal static class Strings
{
    /// <summary>
    /// <paramref name="s"/> trimmed of white space and then of one pair of matching quotes around it
    /// (<c>'open'</c> or <c>"open"</c> → <c>open</c>); what is inside the quotes is kept as it is.
    /// </summary>
    public static string Unquote(string s)
    {
        s = s.Trim();
        if (s.Length >= 2 && (s[0] == '\'' || s[0] == '"') && s[s.Length - 1] == s[0]) return s.Substring(1, s.Length - 2);
        return s;
    }
}
