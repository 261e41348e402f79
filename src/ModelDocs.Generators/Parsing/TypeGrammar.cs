using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing;

/// <summary>
/// Parses a Type cell's text (entities decoded, emphasis and links stripped) into the neutral
/// <see cref="TypeSpec"/>, for every language OpenAPI Generator writes docs in. One grammar, no
/// branch per language:
/// <list type="bullet">
/// <item>decorations peeled first: go's <c>Pointer to</c>, C/objc/rust pointer stars, java's
///   <c>@Valid</c> annotations, graphql's <c>!</c>, a trailing <c>?</c>;</item>
/// <item>top-level unions (<c>str, none_type</c>, <c>string | null</c>, <c>(str,)</c>): null-like
///   members make the type nullable, several kinds make it "any value";</item>
/// <item>prefix and suffix forms: <c>[]X</c>, <c>map[K]V</c>, <c>X[]</c>, go's <c>NullableX</c>;</item>
/// <item>bracket literals: <c>[X]</c>, <c>[K: V]</c>, <c>{K: V}</c>, <c>{ [key: string]: X; }</c>;</item>
/// <item>generics with any bracket, qualified or not: <c>List&lt;X&gt;</c>, <c>List[X]</c>,
///   <c>dict(str, X)</c>, <c>Vector{X}</c>, <c>LIST [X]</c>, <c>java.util.Map&lt;K, V&gt;</c>,
///   <c>std::collections::HashMap&lt;K, V&gt;</c>, <c>chrono::DateTime::&lt;Utc&gt;</c>;</item>
/// <item>leaves: the spelling tables in <see cref="Spellings"/>, else a (possibly qualified) type name.</item>
/// </list>
/// Which language wrote the cell matters only for the few spellings whose meaning differs
/// (<see cref="Spellings.Ambiguous"/>). Recursion is bounded by <see cref="MaxDepth"/>, so hostile
/// input cannot overflow the stack.
/// </summary>
internal static class TypeGrammar
{
    public const int MaxDepth = 32;

    /// <summary>No language spells a type in more characters than this; longer cells are not types.</summary>
    public const int MaxLength = 4096;

    private static int BracketDepth(string s)
    {
        int depth = 0, max = 0;
        foreach (var c in s)
        {
            if (c is '<' or '[' or '(' or '{') { if (++depth > max) max = depth; }
            else if (c is '>' or ']' or ')' or '}') { if (depth > 0) depth--; }
        }
        return max;
    }

    /// <param name="link">The stem of the doc the cell links to, if any: a name equal to it is that doc's
    /// model even where the name is also a spelling (<c>[**Data**](Data.md)</c> in a swift doc).</param>
    public static TypeSpec Parse(string text, Dialect dialect, out string? error, string? link = null)
    {
        error = null;
        // One linear pass first: a type nested deeper than MaxDepth, or too long to be a type, is refused
        // before the recursive descent (whose per-level scans would otherwise cost depth x length).
        if (text.Length > MaxLength || BracketDepth(text) > MaxDepth)
        {
            error = text.Length > MaxLength ? $"longer than {MaxLength} characters" : $"nested deeper than {MaxDepth} levels";
            return new TypeSpec(TypeKind.Unknown, Name: Truncate(text.Trim()));
        }
        var result = ParseType(text, new Ctx(dialect, link), 0, ref error);
        return error is null ? result : new TypeSpec(TypeKind.Unknown, Name: Truncate(text.Trim()));
    }

    /// <summary>The type a cell's text spells (recursive descent, depth-limited); an error leaves <paramref name="error"/> set.</summary>
    private static TypeSpec ParseType(string text, Ctx dialect, int depth, ref string? error)
    {
        if (depth > MaxDepth)
        {
            error = $"nested deeper than {MaxDepth} levels";
            return Unknown;
        }
        var s = Peel(text);
        if (s.Length == 0)
        {
            error = "empty type";
            return Unknown;
        }

        // A union at the top level: python-prior's "str, none_type", typescript's "string | null".
        var parts = SplitTopLevel(s, ',', '|');
        if (parts.Count > 1) return Union(parts, dialect, depth, ref error);
        if (parts[0].Length < s.Length) return ParseType(parts[0], dialect, depth + 1, ref error);

        // The linked doc's own name is a reference, whatever else the name may spell.
        if (dialect.Link is { } link && (string.Equals(s, link, StringComparison.OrdinalIgnoreCase) || string.Equals(Spellings.LastSegment(s), link, StringComparison.OrdinalIgnoreCase))
            && IsIdentifier(Spellings.LastSegment(s)))
            return new TypeSpec(TypeKind.Reference, Name: Spellings.LastSegment(s));

        // A whole spelling: primitives, "any value", bare containers ("dict", "java.util.Map").
        if (Spellings.Lookup(s, dialect.Dialect) is { } known) return known;

        // A parenthesised type or python-prior tuple: (str,) (X)
        if (s[0] == '(' && MatchingClose(s, 0) == s.Length - 1) return ParseType(s.Substring(1, s.Length - 2), dialect, depth + 1, ref error);

        // go: []X, map[K]V; every language with arrays: X[]
        if (s.StartsWith("[]", StringComparison.Ordinal)) return List(ParseType(s.Substring(2), dialect, depth + 1, ref error));
        if (s.StartsWith("map[", StringComparison.Ordinal))
        {
            var close = MatchingClose(s, 3);
            if (close > 0 && close < s.Length - 1) return Map(ParseType(s.Substring(close + 1), dialect, depth + 1, ref error));
        }
        if (s.EndsWith("[]", StringComparison.Ordinal)) return List(ParseType(s.Substring(0, s.Length - 2), dialect, depth + 1, ref error));

        // go's SDK wrappers: NullableString, NullableInt32, NullableTime, Nullable[]X. A model whose name
        // starts with Nullable (NullableClass) stays a reference: only a known type behind the prefix counts.
        if (s.Length > 8 && s.StartsWith("Nullable", StringComparison.Ordinal) && !IsGenericStart(s[8]) && GoNullableWrapped(s.Substring(8), dialect, depth) is { } wrapped) return wrapped;

        // Bracket literals: [X] (swift, javascript, python-prior), [K: V] (swift), {K: V} (javascript,
        // python-prior), { [key: string]: X; } (typescript).
        if ((s[0] == '[' || s[0] == '{') && MatchingClose(s, 0) == s.Length - 1) return BracketLiteral(s, dialect, depth, ref error);

        // Generics: Name<...>, Name[...], Name(...), Name{...}, NAME [...], Name::<...>
        var open = GenericOpen(s);
        if (open > 0 && MatchingClose(s, open) == s.Length - 1) return GenericType(s, open, dialect, depth, ref error);

        return Leaf(s, dialect, ref error);
    }

    /// <summary>
    /// The type a go SDK wrapper (NullableString, NullableTime, Nullable[]X) wraps, <paramref name="rest"/> being what follows
    /// the prefix: as go spells it first (NullableFloat32 wraps float32, whose size go does not mean), then as written
    /// (NullableTime). Null when neither is a known type (a model named NullableClass stays a reference).
    /// </summary>
    private static TypeSpec? GoNullableWrapped(string rest, Ctx dialect, int depth)
    {
        string? restError = null;
        var wrapped = ParseType(char.ToLowerInvariant(rest[0]) + rest.Substring(1), dialect, depth + 1, ref restError);
        if (restError is not null || wrapped.Kind == TypeKind.Reference)
        {
            restError = null;
            wrapped = ParseType(rest, dialect, depth + 1, ref restError);
        }
        return restError is null && wrapped.Kind != TypeKind.Reference ? wrapped : null;
    }

    /// <summary>
    /// A bracket literal: [X] a list (swift, javascript, python-prior); [K: V] (swift), {K: V} (javascript,
    /// python-prior) and { [key: string]: X; } (typescript) a map of the value's type.
    /// </summary>
    private static TypeSpec BracketLiteral(string s, Ctx dialect, int depth, ref string? error)
    {
        var body = s.Substring(1, s.Length - 2).Trim().TrimEnd(';').Trim();
        if (s[0] == '{' && body.StartsWith("[", StringComparison.Ordinal))
        {
            // { [key: string]: X; }
            var keyClose = MatchingClose(body, 0);
            var colon = keyClose < 0 ? -1 : body.IndexOf(':', keyClose);
            if (colon > 0) return Map(ParseType(body.Substring(colon + 1), dialect, depth + 1, ref error));
        }
        var colonAt = TopLevelIndex(body, ':');
        if (colonAt > 0) return Map(ParseType(body.Substring(colonAt + 1), dialect, depth + 1, ref error));
        if (s[0] == '[') return List(ParseType(body, dialect, depth + 1, ref error));
        error = "not a type name";
        return Unknown;
    }

    /// <summary>A generic, its arguments between the brackets at <paramref name="open"/>: a known generic applied, any other an error.</summary>
    private static TypeSpec GenericType(string s, int open, Ctx dialect, int depth, ref string? error)
    {
        var name = s.Substring(0, open).Trim();
        if (name.EndsWith("::", StringComparison.Ordinal)) name = name.Substring(0, name.Length - 2);
        var args = SplitTopLevel(s.Substring(open + 1, s.Length - open - 2), ',');
        if (Spellings.Generic(name) is { } generic) return ApplyGeneric(generic, name, args, dialect, depth, ref error);
        error = $"'{Truncate(name)}' is not a known generic type";
        return Unknown;
    }

    private static TypeSpec ApplyGeneric(GenericKind generic, string name, List<string> args, Ctx dialect, int depth, ref string? error)
    {
        switch (generic)
        {
            case GenericKind.List:
                // php's array<K, V> is a map; its array<V> a list.
                if (args.Count == 2 && Spellings.LastSegment(name) is "array") return Map(ParseType(args[1], dialect, depth + 1, ref error));
                return List(ParseType(args[0], dialect, depth + 1, ref error));
            case GenericKind.Map:
                // Map<K, V>: the value; R's map(V), eiffel's STRING_TABLE [V]: the only argument.
                return Map(ParseType(args[args.Count - 1], dialect, depth + 1, ref error));
            case GenericKind.Wrapper:
                // Option<X>, Optional[X], Nullable<X>, Box<X>, Annotated[X, ...]: X, which may be null.
                return ParseType(args[0], dialect, depth + 1, ref error);
            case GenericKind.Union:
                return args.Count == 1 ? ParseType(args[0], dialect, depth + 1, ref error) : Union(args, dialect, depth, ref error);
            case GenericKind.DateTime:
                return new TypeSpec(TypeKind.DateTime);
            default:
                return new TypeSpec(TypeKind.Any);
        }
    }

    /// <summary>
    /// A union: null-like members (<c>none_type</c>, <c>null</c>) only say "may be null"; one kind left is
    /// that kind, numbers of several sizes are a number, anything else is "any value" (python-prior's
    /// <c>bool, date, datetime, dict, float, int, list, str, none_type</c>).
    /// </summary>
    private static TypeSpec Union(List<string> parts, Ctx dialect, int depth, ref string? error)
    {
        var kinds = new List<TypeSpec>();
        foreach (var part in parts)
        {
            var p = Peel(part);
            if (p.Length == 0 || Spellings.IsNull(p)) continue;
            var t = ParseType(p, dialect, depth + 1, ref error);
            if (error is not null) return Unknown;
            if (!kinds.Contains(t)) kinds.Add(t);
        }
        if (kinds.Count == 0) return new TypeSpec(TypeKind.Any);
        if (kinds.Count == 1) return kinds[0];
        var allNumbers = true;
        var allIntegers = true;
        foreach (var k in kinds)
        {
            if (!IsNumber(k.Kind)) allNumbers = false;
            if (!IsInteger(k.Kind)) allIntegers = false;
        }
        if (allIntegers) return new TypeSpec(TypeKind.Integer);
        if (allNumbers) return new TypeSpec(TypeKind.Number);
        return new TypeSpec(TypeKind.Any);
    }

    private static bool IsInteger(TypeKind k) => k is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Integer;

    private static bool IsNumber(TypeKind k) => IsInteger(k) || k is TypeKind.Number or TypeKind.Float or TypeKind.Double or TypeKind.Decimal;

    private static TypeSpec Leaf(string s, Ctx dialect, ref string? error)
    {
        // Qualified names: \Ns\Model\CartItem, TalonOneSdk.Model.CartItem, TalonOne::CartItem,
        // models::Category, crate::models::Tag, kotlin.String. The last segment names the type.
        var simple = Spellings.LastSegment(s);
        if (simple.Length < s.Length && s.IndexOf('\\') < 0 && Spellings.Lookup(simple, dialect.Dialect) is { } known) return known;
        if (IsIdentifier(simple)) return new TypeSpec(TypeKind.Reference, Name: simple);
        error = "not a type name";
        return Unknown;
    }

    /// <summary>Removes what decorates a type without changing it: pointers, annotations, graphql's <c>!</c>, escapes.</summary>
    internal static string Peel(string text)
    {
        var s = text.Trim();
        while (true)
        {
            var before = s;
            if (s.StartsWith("Pointer to ", StringComparison.Ordinal)) s = s.Substring(11);
            if (s.StartsWith("\\*", StringComparison.Ordinal)) s = s.Substring(2);
            s = s.TrimStart('*', '&').Trim();
            if (s.EndsWith("\\*", StringComparison.Ordinal)) s = s.Substring(0, s.Length - 2);
            s = s.TrimEnd('*', '!', '?').Trim();
            // java: @Valid X, @NotNull X
            if (s.StartsWith("@", StringComparison.Ordinal))
            {
                var space = s.IndexOf(' ');
                if (space > 0) s = s.Substring(space + 1);
            }
            s = s.Trim();
            if (s == before) return s;
        }
    }

    private static bool IsGenericStart(char c) => c is '<' or '(' or '{';

    /// <summary>Where a generic's argument list opens: the first bracket after a name (which may be qualified, or end in a space or <c>::</c>).</summary>
    private static int GenericOpen(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '<' or '[' or '(' or '{') return i == 0 ? -1 : i;
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or ':' or '\\' or ' ' or '$')) return -1;
        }
        return -1;
    }

    private static int MatchingClose(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '<' when !IsArrow(s, i): case '[': case '(': case '{': depth++; break;
                case '>' when !IsArrow(s, i - 1): case ']': case ')': case '}':
                    depth--;
                    if (depth == 0) return i;
                    if (depth < 0) return -1;
                    break;
            }
        }
        return -1;
    }

    // "=>" never occurs in a type; keep the bracket counting simple but safe for "->".
    private static bool IsArrow(string s, int i) => i >= 0 && i + 1 < s.Length && s[i] == '-' && s[i + 1] == '>';

    private static int TopLevelIndex(string s, char separator)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '<' or '[' or '(' or '{') depth++;
            else if (c is '>' or ']' or ')' or '}') depth--;
            else if (c == separator && depth == 0)
            {
                // rust/perl paths: "::" is not a map's colon.
                if (separator == ':' && ((i + 1 < s.Length && s[i + 1] == ':') || (i > 0 && s[i - 1] == ':'))) continue;
                return i;
            }
        }
        return -1;
    }

    private static List<string> SplitTopLevel(string s, char separator, char other = '\0')
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '<' or '[' or '(' or '{') depth++;
            else if (c is '>' or ']' or ')' or '}') depth--;
            else if ((c == separator || (other != '\0' && c == other)) && depth == 0)
            {
                parts.Add(s.Substring(start, i - start));
                start = i + 1;
            }
        }
        parts.Add(s.Substring(start));
        // A trailing comma (python-prior's one-element tuple "(str,)") adds nothing.
        if (parts.Count > 1 && parts[parts.Count - 1].Trim().Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts;
    }

    internal static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || s.Length > 512 || !(char.IsLetter(s[0]) || s[0] == '_')) return false;
        foreach (var c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    private static readonly TypeSpec Unknown = new(TypeKind.Unknown);

    private sealed class Ctx(Dialect dialect, string? link)
    {
        public Dialect Dialect { get; } = dialect;
        public string? Link { get; } = link;
    }

    private static TypeSpec List(TypeSpec element) => new(TypeKind.List, element);

    private static TypeSpec Map(TypeSpec element) => new(TypeKind.Map, element);

    private static string Truncate(string s) => s.Length <= 80 ? s : s.Substring(0, 77) + "...";

    /// <summary>Primitive names; where languages disagree on a spelling, the dialect decides.</summary>
    internal static TypeKind? Primitive(string name, Dialect dialect)
        => Spellings.Lookup(name, dialect) is { Element: null } t && t.Kind is not (TypeKind.List or TypeKind.Map or TypeKind.Reference or TypeKind.Unknown) ? t.Kind : null;
}
