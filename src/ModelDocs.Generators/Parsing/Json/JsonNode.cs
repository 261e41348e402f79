namespace ModelDocs.Generators.Parsing.Json;

internal enum JsonKind { Object, Array, String, Number, True, False, Null }

/// <summary>
/// A parsed JSON value with its position in the text (<see cref="Start"/> inclusive, <see cref="End"/>
/// exclusive). Lives only inside the parse step: specs built from it hold strings, never nodes.
/// </summary>
internal class JsonNode(JsonKind kind, int start)
{
    public JsonKind Kind { get; } = kind;
    public int Start { get; } = start;
    public int End { get; internal set; }

    /// <summary>The decoded string of a String, the literal text of a Number; null otherwise.</summary>
    public string? Text { get; internal set; }

    /// <summary>Members of an Object, in document order (duplicate names are kept; lookups take the last).</summary>
    public List<JsonMember>? Members { get; internal set; }

    /// <summary>Items of an Array.</summary>
    public List<JsonNode>? Items { get; internal set; }

    public bool IsObject => Kind == JsonKind.Object;
    public bool IsArray => Kind == JsonKind.Array;
    public bool IsString => Kind == JsonKind.String;
    public bool IsBool => Kind is JsonKind.True or JsonKind.False;

    /// <summary>The member named <paramref name="name"/> of an object (the last one when repeated), or null.</summary>
    public JsonNode? Get(string name)
    {
        if (Members is null) return null;
        for (var i = Members.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Members[i].Name, name, StringComparison.Ordinal)) return Members[i].Value;
        }
        return null;
    }

    public string? GetString(string name) => Get(name) is { Kind: JsonKind.String } n ? n.Text : null;

    public bool GetBool(string name) => Get(name)?.Kind == JsonKind.True;

    /// <summary>A scalar as it would be written in a doc: strings decoded, numbers and literals as written.</summary>
    public string? ScalarText => Kind switch
    {
        JsonKind.String or JsonKind.Number => Text,
        JsonKind.True => "true",
        JsonKind.False => "false",
        _ => null,
    };

    public override string ToString() => Kind + "@" + Start;
}

internal sealed class JsonMember(string name, int nameStart, int nameEnd, JsonNode value)
{
    public string Name { get; } = name;
    public int NameStart { get; } = nameStart;
    public int NameEnd { get; } = nameEnd;
    public JsonNode Value { get; } = value;
}

/// <summary>Why a text is not JSON, and the offset of the offending character.</summary>
internal sealed class JsonSyntaxError(string message, int position)
{
    public string Message { get; } = message;
    public int Position { get; } = position;
}
