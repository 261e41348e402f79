namespace ModelDocs.Generators.Common;

/// <summary>
/// C# identifiers from names: what the readers, the resolver and the emitters all need, so it sits below them.
/// The keyword list is C#'s reserved keywords as Roslyn's <c>SyntaxFacts.GetKeywordKind</c> knows them
/// (Common uses the BCL only; <c>IdentifiersTests</c> checks the list against Roslyn's).
/// </summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    /// <summary>Whether <paramref name="s"/> is a reserved C# keyword (not a contextual one).</summary>
    public static bool IsKeyword(string s) => Keywords.Contains(s);

    /// <summary>Escapes a C# keyword (and the contextual <c>record</c>) with '@' so it stays a valid identifier.</summary>
    public static string EscapeKeyword(string identifier)
        => IsKeyword(identifier) || identifier == "record" ? "@" + identifier : identifier;

    /// <summary>A valid C# type or member identifier (without '@'), PascalCased.</summary>
    public static string ToIdentifier(string name)
    {
        var s = ToPascalCase(name);
        return IsKeyword(s) ? s + "_" : s;
    }

    /// <summary><c>profile_id</c> → <c>ProfileId</c>, <c>catalogItemID</c> → <c>CatalogItemID</c>, <c>30s</c> → <c>_30s</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }
        var s = sb.ToString();
        // ALLCAPS words (OK, WARNING, PARTIALLY_RETURNED) read better as Pascal words.
        if (s.Length > 1 && IsAllUpper(name)) s = FromUpperWords(name);
        if (s.Length == 0) s = "_";
        if (char.IsDigit(s[0])) s = "_" + s;
        return s;
    }

    private static bool IsAllUpper(string name)
    {
        var letters = 0;
        foreach (var c in name)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (!char.IsUpper(c)) return false;
            }
        }
        return letters > 1;
    }

    private static string FromUpperWords(string name)
    {
        var sb = new StringBuilder();
        foreach (var part in name.Split(new[] { '_', '-', ' ', '.', '/', ':' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new StringBuilder();
            foreach (var c in part)
            {
                if (char.IsLetterOrDigit(c)) clean.Append(c);
            }
            if (clean.Length == 0) continue;
            var p = clean.ToString();
            sb.Append(char.ToUpperInvariant(p[0])).Append(p.Substring(1).ToLowerInvariant());
        }
        return sb.ToString();
    }
}
