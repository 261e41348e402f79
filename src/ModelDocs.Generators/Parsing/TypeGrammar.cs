using System;
using System.Collections.Generic;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing;

/// <summary>
/// Parses a Type cell's text (entities already decoded, emphasis and link stripped) into the
/// neutral <see cref="TypeSpec"/>. Covers every dialect's container syntax: <c>List[X]</c>,
/// <c>list[X]</c>, <c>List&lt;X&gt;</c>, <c>Array&lt;X&gt;</c>, <c>Set&lt;X&gt;</c>, <c>[]X</c>, <c>X[]</c>,
/// <c>Dict[str, X]</c>, <c>dict(str, X)</c>, <c>Map&lt;String, X&gt;</c>, <c>Hash&lt;String, X&gt;</c>,
/// <c>Dictionary&lt;string, X&gt;</c>, <c>map[string]X</c>, <c>array&lt;string,X&gt;</c>,
/// <c>{ [key: string]: X; }</c>. Iterative over containers with a depth limit, so hostile input
/// cannot overflow the stack.
/// </summary>
internal static class TypeGrammar
{
    public const int MaxDepth = 32;

    public static TypeSpec Parse(string text, Dialect dialect, out string? error)
    {
        error = null;
        var s = text.Trim();
        // Containers are peeled from the outside in; the chain is rebuilt afterwards.
        var wrappers = new List<TypeKind>();
        var depth = 0;
        while (true)
        {
            if (++depth > MaxDepth)
            {
                error = $"nested deeper than {MaxDepth} levels";
                return new TypeSpec(TypeKind.Unknown, Name: Truncate(text));
            }
            if (s.Length == 0)
            {
                error = "empty type";
                return new TypeSpec(TypeKind.Unknown, Name: Truncate(text));
            }
            if (Primitive(s.TrimStart('\\').TrimStart('*'), dialect) is not null) break;
            if (TryUnwrap(s, out var kind, out var inner))
            {
                // Optional[X] / Nullable<X> only say "may be null": no wrapper.
                if (kind != TypeKind.Unknown) wrappers.Add(kind);
                s = inner.Trim();
                continue;
            }
            break;
        }

        var leaf = ParseLeaf(s, dialect, out error);
        for (var i = wrappers.Count - 1; i >= 0; i--) leaf = new TypeSpec(wrappers[i], leaf);
        return leaf;
    }

    private static bool TryUnwrap(string s, out TypeKind kind, out string inner)
    {
        kind = TypeKind.List;
        inner = string.Empty;

        // go: []X and map[string]X
        if (s.StartsWith("[]", StringComparison.Ordinal)) { inner = s.Substring(2); return true; }
        if (s.StartsWith("map[", StringComparison.Ordinal))
        {
            var close = s.IndexOf(']');
            if (close > 0) { kind = TypeKind.Map; inner = s.Substring(close + 1); return true; }
        }
        // php/java arrays: X[]
        if (s.EndsWith("[]", StringComparison.Ordinal) && s.Length > 2) { inner = s.Substring(0, s.Length - 2); return true; }
        // typescript: { [key: string]: X; }
        if (s.StartsWith("{", StringComparison.Ordinal) && s.EndsWith("}", StringComparison.Ordinal))
        {
            var body = s.Substring(1, s.Length - 2).Trim();
            if (body.StartsWith("[", StringComparison.Ordinal))
            {
                var close = body.IndexOf(']');
                var colon = close < 0 ? -1 : body.IndexOf(':', close);
                if (colon > 0)
                {
                    kind = TypeKind.Map;
                    inner = body.Substring(colon + 1).Trim().TrimEnd(';').Trim();
                    return true;
                }
            }
            return false;
        }

        // Name<...>, Name[...], Name(...)
        var open = s.IndexOfAny(new[] { '<', '[', '(' });
        if (open <= 0) return false;
        var closeChar = s[open] switch { '<' => '>', '[' => ']', _ => ')' };
        if (s[s.Length - 1] != closeChar) return false;
        var name = s.Substring(0, open).Trim();
        var args = s.Substring(open + 1, s.Length - open - 2);
        switch (name)
        {
            case "List": case "list": case "Array": case "Set": case "set": case "Sequence": case "IEnumerable": case "Collection": case "IList": case "ICollection": case "IReadOnlyList":
                inner = args;
                return true;
            case "Dict": case "dict": case "Map": case "Hash": case "Dictionary": case "IDictionary": case "IReadOnlyDictionary": case "array": case "Record":
                var comma = TopLevelComma(args);
                if (comma < 0)
                {
                    if (name == "array") { inner = args; return true; }
                    return false;
                }
                kind = TypeKind.Map;
                inner = args.Substring(comma + 1);
                return true;
            case "Optional": case "Nullable":
                kind = TypeKind.Unknown;
                inner = args;
                return true;
        }
        return false;
    }

    private static int TopLevelComma(string args)
    {
        var depth = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case '<': case '[': case '(': case '{': depth++; break;
                case '>': case ']': case ')': case '}': depth--; break;
                case ',' when depth == 0: return i;
            }
        }
        return -1;
    }

    private static TypeSpec ParseLeaf(string s, Dialect dialect, out string? error)
    {
        error = null;
        var name = s.Trim().TrimStart('\\').TrimStart('*');
        if (name.EndsWith("?", StringComparison.Ordinal)) name = name.Substring(0, name.Length - 1);
        var kind = Primitive(name, dialect);
        if (kind is { } k) return new TypeSpec(k);

        // Qualified names: \TalonOne\Client\Model\CartItem, TalonOneSdk.Model.CartItem, TalonOne::CartItem.
        var simple = name;
        var cut = Math.Max(Math.Max(simple.LastIndexOf('\\'), simple.LastIndexOf('.')), simple.LastIndexOf(':'));
        if (cut >= 0 && cut < simple.Length - 1)
        {
            // csharp writes an inner enum as Model.XEnum; keep the last segment.
            if (Primitive(simple.Substring(cut + 1), dialect) is { } k2 && simple.IndexOf('\\') < 0) return new TypeSpec(k2);
            simple = simple.Substring(cut + 1);
        }
        if (IsIdentifier(simple)) return new TypeSpec(TypeKind.Reference, Name: simple);
        error = "not a type name";
        return new TypeSpec(TypeKind.Unknown, Name: Truncate(s));
    }

    private static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || s.Length > 512 || !(char.IsLetter(s[0]) || s[0] == '_')) return false;
        foreach (var c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s.Substring(0, 77) + "...";

    /// <summary>Primitive names; where dialects disagree on a spelling, the dialect decides.</summary>
    internal static TypeKind? Primitive(string name, Dialect dialect)
    {
        switch (name)
        {
            // Spellings whose meaning depends on the dialect.
            case "int":
                return dialect is Dialect.CSharp ? TypeKind.Int32 : TypeKind.Integer;
            case "float":
                return dialect is Dialect.CSharp ? TypeKind.Float : TypeKind.Number;
            case "Integer":
                return dialect is Dialect.Java ? TypeKind.Int32 : TypeKind.Integer;
            case "Float":
                return dialect is Dialect.Java ? TypeKind.Float : TypeKind.Number;
            case "Date":
                // typescript writes Date for both date and date-time; java's java.util.Date is a timestamp.
                return dialect is Dialect.Ruby ? TypeKind.Date : TypeKind.DateTime;
            case "object": case "Object": case "AnyType": case "any": case "interface{}": case "mixed": case "JsonElement": case "JsonNode": case "dynamic": case "unknown":
                return TypeKind.Any;

            case "str": case "string": case "String": case "StrictStr": case "char": case "Character":
                return TypeKind.String;
            case "int32": case "Int32": case "Int": case "short": case "Short": case "int16":
                return TypeKind.Int32;
            case "int64": case "Int64": case "long": case "Long": case "uint64":
                return TypeKind.Int64;
            case "StrictInt": case "integer": case "BigInteger": case "Fixnum":
                return TypeKind.Integer;
            case "float32": // OpenAPI Generator's go writes float32 for an unsized number too.
                return TypeKind.Number;
            case "number": case "BigDecimal": case "Number": case "StrictFloat": case "Numeric": case "Union[StrictFloat, StrictInt]":
                return TypeKind.Number;
            case "Single": case "single":
                return TypeKind.Float;
            case "double": case "Double": case "float64":
                return TypeKind.Double;
            case "decimal": case "Decimal":
                return TypeKind.Decimal;
            case "bool": case "Bool": case "boolean": case "Boolean": case "StrictBool":
                return TypeKind.Boolean;
            case "date": case "LocalDate": case "DateOnly":
                return TypeKind.Date;
            case "datetime": case "DateTime": case "OffsetDateTime": case "time.Time": case "Time": case "DateTimeOffset": case "LocalDateTime": case "Instant":
                return TypeKind.DateTime;
            case "UUID": case "uuid": case "Guid": case "uuid.UUID":
                return TypeKind.Uuid;
            case "bytes": case "bytearray": case "byte[]": case "ByteArray": case "File": case "file": case "Blob": case "os.File": case "*os.File": case "SplFileObject": case "Stream": case "System.IO.Stream": case "StrictBytes": case "binary":
                return TypeKind.Bytes;
        }
        return null;
    }
}
