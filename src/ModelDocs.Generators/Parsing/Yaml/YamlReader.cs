using System.IO;
using System.Numerics;
using ModelDocs.Generators.Parsing.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelDocs.Generators.Parsing.Yaml;

/// <summary>
/// YAML → the same <see cref="JsonNode"/> tree <see cref="JsonReader"/> builds, positions being character
/// offsets into the YAML text (YamlDotNet's <c>Mark.Index</c>), so every diagnostic the JSON Schema reader
/// reports points at the YAML line and column. Reads YamlDotNet's event stream (its <see cref="Parser"/>, the
/// libyaml port: iterative, spec-compliant, no reflection); the tree is built here with an explicit stack.
/// <para>Rules:</para>
/// <list type="bullet">
/// <item>YAML 1.2 core schema for plain scalars: <c>null</c>/<c>Null</c>/<c>NULL</c>/<c>~</c>/empty → null,
///   <c>true</c>/<c>false</c> (three casings) → bool, <c>[-+]?[0-9]+</c>, <c>0o…</c>, <c>0x…</c> → integer,
///   decimal floats with an optional exponent → number (stored as JSON number text: <c>+1</c> → <c>1</c>,
///   <c>0o17</c> → <c>15</c>, <c>.5</c> → <c>0.5</c>); everything else is a string (YAML 1.1's
///   <c>on</c>/<c>yes</c>/<c>no</c>/<c>off</c>, dates, <c>1_000</c>). <c>.inf</c>/<c>.nan</c> have no JSON
///   form and stay strings (their text). Quoted and block scalars are always strings.</item>
/// <item>Tags: <c>!!str</c>, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c>, <c>!!null</c> are applied (a value that
///   does not fit is an error); any other tag (<c>!!binary</c>, <c>!custom</c>) is ignored: a scalar stays the
///   string it is written as.</item>
/// <item>Keys: scalar keys are their text whatever they resolve to (<c>200:</c> → <c>"200"</c>); a mapping or
///   sequence as a key is an error; a key repeated in one mapping is an error at the second.</item>
/// <item>Anchors and aliases: an alias is the anchored node itself (shared, not copied). The nodes aliases
///   stand for are counted; more than <see cref="MaxAliasNodes"/> in one file is an error (the
///   "billion laughs" bomb stops after a few events). An alias may not reach deeper than <see cref="MaxDepth"/>.</item>
/// <item>Merge keys (<c>&lt;&lt;: *base</c>, YAML 1.1, common in OpenAPI files): the mapping (or each mapping
///   of a sequence) is merged in, keys written in the mapping itself winning, earlier sources before later.</item>
/// <item>One document per file: a second document in the stream is an error at its start.</item>
/// <item>Limits, each an error at the offending position: nesting deeper than <see cref="MaxDepth"/>,
///   a scalar longer than <see cref="MaxScalarLength"/> characters. YamlDotNet's own errors (tabs in
///   indentation, bad indentation, unclosed quotes…) carry their position.</item>
/// </list>
/// Never throws for bad input: the result is a tree or the first error with its offset.
/// </summary>
internal static class YamlReader
{
    public const int MaxDepth = JsonReader.MaxDepth;
    public const int MaxScalarLength = 1 << 20;
    public const long MaxAliasNodes = 1_000_000;

    private sealed class Frame(JsonNode node, bool block)
    {
        public JsonNode Node { get; } = node;
        public bool Block { get; } = block;
        public long Size = 1;
        public int Height;
        public string? Anchor;
        public bool HasKey;
        public string? Key;
        public int KeyStart;
        public int KeyEnd;
        public HashSet<string>? Keys;
        public List<(JsonNode Source, int At)>? Merges;
    }

    /// <summary>A completed node with the facts aliases need: how many nodes it stands for and how deep it goes.</summary>
    private readonly struct Anchored(JsonNode node, long size, int height)
    {
        public JsonNode Node { get; } = node;
        public long Size { get; } = size;
        public int Height { get; } = height;
    }

    public static JsonNode? Parse(string text, out JsonSyntaxError? error)
    {
        error = null;
        var at = 0;
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        try
        {
            return Run(text, scanner, ref at, out error);
        }
        catch (YamlException ex)
        {
            // Some scanner errors (a tab as indentation) carry no position of the problem: then where the scanner stopped.
            var index = Math.Max(ex.Start.Index, ex.End.Index);
            if (index <= 0) index = scanner.CurrentPosition.Index;
            error = new JsonSyntaxError(Describe(ex), Clamp(index, text.Length));
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = new JsonSyntaxError($"the YAML reader failed ({ex.GetType().Name}: {ex.Message})", Clamp(at, text.Length));
            return null;
        }
    }

    /// <summary>
    /// Builds the tree from the parser's events: collections open and close frames on a stack, scalars and
    /// aliases are keys or values, and each completed value joins its parent (the first one at the top is the root).
    /// </summary>
    private static JsonNode? Run(string text, Scanner scanner, ref int at, out JsonSyntaxError? error)
    {
        error = null;
        var parser = new Parser(scanner);
        var anchors = new Dictionary<string, Anchored>(StringComparer.Ordinal);
        var stack = new List<Frame>();
        JsonNode? root = null;
        var documents = 0;
        long aliasNodes = 0;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            at = Clamp(ev.Start.Index, text.Length);
            Anchored? completed;
            string? anchor = null;
            switch (ev)
            {
                case DocumentStart:
                    if (++documents > 1)
                        return Fail(out error, "the stream holds more than one YAML document (ModelDocs reads one document per file)", at);
                    continue;
                case MappingStart:
                case SequenceStart:
                    if (!OpenCollection((NodeEvent)ev, stack, at, out error)) return null;
                    continue;
                case MappingEnd:
                case SequenceEnd:
                    if (!CloseCollection(ev, stack, text.Length, out completed, out anchor, out error)) return null;
                    break;
                case Scalar scalar:
                    if (!ReadScalar(scalar, stack, anchors, text.Length, at, out completed, out anchor, out error)) return null;
                    break;
                case AnchorAlias alias:
                    if (!ReadAlias(alias, stack, anchors, text.Length, at, ref aliasNodes, out completed, out error)) return null;
                    break;
                default: // StreamStart, StreamEnd, DocumentEnd, Comment
                    continue;
            }
            if (completed is not { } done) continue; // a key
            if (anchor is not null) anchors[anchor] = done;
            if (stack.Count == 0)
            {
                root ??= done.Node;
                continue;
            }
            AddToParent(stack[stack.Count - 1], done);
        }
        if (root is null) return Fail(out error, "the text holds no YAML document", 0);
        return root;
    }

    /// <summary>A mapping or sequence starts: a new frame on the stack (false, with the error, when too deep or in a key's place).</summary>
    private static bool OpenCollection(NodeEvent ev, List<Frame> stack, int at, out JsonSyntaxError? error)
    {
        if (stack.Count >= MaxDepth) return Fails(out error, $"nesting is deeper than {MaxDepth} levels", at);
        if (!CheckKeyPosition(stack, at, out error)) return false;
        var isMap = ev is MappingStart;
        var node = new JsonNode(isMap ? JsonKind.Object : JsonKind.Array, at);
        if (isMap) node.Members = new List<JsonMember>();
        else node.Items = new List<JsonNode>();
        var block = isMap ? ((MappingStart)ev).Style != MappingStyle.Flow : ((SequenceStart)ev).Style != SequenceStyle.Flow;
        var frame = new Frame(node, block) { Anchor = ev.Anchor.IsEmpty ? null : ev.Anchor.Value };
        if (block) node.End = at;
        stack.Add(frame);
        return true;
    }

    /// <summary>A mapping or sequence ends: its frame comes off the stack, merge keys applied, as a completed value with its anchor.</summary>
    private static bool CloseCollection(ParsingEvent ev, List<Frame> stack, int length, out Anchored? completed, out string? anchor, out JsonSyntaxError? error)
    {
        completed = null;
        anchor = null;
        error = null;
        var frame = stack[stack.Count - 1];
        stack.RemoveAt(stack.Count - 1);
        if (frame.Merges is not null && !ApplyMerges(frame, out error)) return false;
        // A block collection ends where its last entry ends (YamlDotNet marks its end at the next token).
        if (!frame.Block) frame.Node.End = Clamp(ev.End.Index, length);
        completed = new Anchored(frame.Node, frame.Size, frame.Height + 1);
        anchor = frame.Anchor;
        return true;
    }

    /// <summary>
    /// A scalar: in a key's place, the mapping's next key (no value completed; a repeated key fails); else its
    /// resolved value with its anchor.
    /// </summary>
    private static bool ReadScalar(Scalar scalar, List<Frame> stack, Dictionary<string, Anchored> anchors, int length, int at,
        out Anchored? completed, out string? anchor, out JsonSyntaxError? error)
    {
        completed = null;
        anchor = null;
        error = null;
        var end = Clamp(scalar.End.Index, length);
        if (scalar.Value.Length > MaxScalarLength)
            return Fails(out error, $"a scalar of {scalar.Value.Length:N0} characters is longer than the limit of {MaxScalarLength:N0}", at);
        if (stack.Count > 0 && stack[stack.Count - 1].Node.IsObject && !stack[stack.Count - 1].HasKey)
        {
            // A key: its text, whatever it would resolve to as a value.
            var frame = stack[stack.Count - 1];
            if (!IsMergeKey(scalar) && (frame.Keys ??= new HashSet<string>(StringComparer.Ordinal)).Contains(scalar.Value))
                return Fails(out error, $"the key '{Short(scalar.Value)}' appears twice in one mapping", at);
            frame.HasKey = true;
            frame.Key = scalar.Value;
            frame.KeyStart = at;
            frame.KeyEnd = end;
            if (!IsMergeKey(scalar)) frame.Keys!.Add(scalar.Value);
            else frame.Key = null; // a merge key: its value is merged at the end of the mapping
            if (!scalar.Anchor.IsEmpty)
            {
                // An anchored key: an alias of it elsewhere is its text as a string.
                anchors[scalar.Anchor.Value] = new Anchored(new JsonNode(JsonKind.String, at) { Text = scalar.Value, End = end }, 1, 0);
            }
            return true;
        }
        var value = Resolve(scalar, at, end, out error);
        if (value is null) return false;
        completed = new Anchored(value, 1, 0);
        anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
        return true;
    }

    /// <summary>
    /// An alias: in a key's place, a scalar target's text as the next key; else the anchored value itself,
    /// counted against the alias-expansion and depth limits.
    /// </summary>
    private static bool ReadAlias(AnchorAlias alias, List<Frame> stack, Dictionary<string, Anchored> anchors, int length, int at, ref long aliasNodes,
        out Anchored? completed, out JsonSyntaxError? error)
    {
        completed = null;
        error = null;
        if (!anchors.TryGetValue(alias.Value.Value, out var target))
            return Fails(out error, $"the alias '*{alias.Value.Value}' refers to no anchor defined before it", at);
        if (stack.Count > 0 && stack[stack.Count - 1].Node.IsObject && !stack[stack.Count - 1].HasKey)
        {
            if (target.Node.IsObject || target.Node.IsArray)
                return Fails(out error, "a mapping key is a mapping or a sequence (keys must be scalars)", at);
            // An alias of a scalar as a key: its text.
            var frame = stack[stack.Count - 1];
            var name = target.Node.ScalarText ?? "null";
            if ((frame.Keys ??= new HashSet<string>(StringComparer.Ordinal)).Contains(name))
                return Fails(out error, $"the key '{Short(name)}' appears twice in one mapping", at);
            frame.Keys.Add(name);
            frame.HasKey = true;
            frame.Key = name;
            frame.KeyStart = at;
            frame.KeyEnd = Clamp(alias.End.Index, length);
            return true;
        }
        aliasNodes += target.Size;
        if (aliasNodes > MaxAliasNodes)
            return Fails(out error, $"aliases expand to more than {MaxAliasNodes:N0} nodes (an alias bomb?)", at);
        if (stack.Count + target.Height > MaxDepth)
            return Fails(out error, $"the alias '*{alias.Value.Value}' nests deeper than {MaxDepth} levels", at);
        completed = target;
        return true;
    }

    /// <summary>A completed value joins the open collection: the member for the pending key (a merge source for a merge key), or the next item.</summary>
    private static void AddToParent(Frame top, Anchored done)
    {
        var value = done.Node;
        top.Size = SaturatingAdd(top.Size, done.Size);
        if (done.Height > top.Height) top.Height = done.Height;
        if (top.Block) top.Node.End = Math.Max(top.Node.End, value.End);
        if (top.Node.IsObject)
        {
            if (top.Key is null)
            {
                (top.Merges ??= new List<(JsonNode, int)>()).Add((value, top.KeyStart));
            }
            else
            {
                top.Node.Members!.Add(new JsonMember(top.Key, top.KeyStart, top.KeyEnd, value));
            }
            top.HasKey = false;
            top.Key = null;
        }
        else
        {
            top.Node.Items!.Add(value);
        }
    }

    /// <summary>A mapping or sequence where a key is expected (<c>? [a, b] : c</c>): not representable in JSON.</summary>
    private static bool CheckKeyPosition(List<Frame> stack, int at, out JsonSyntaxError? error)
    {
        error = null;
        if (stack.Count > 0 && stack[stack.Count - 1].Node.IsObject && !stack[stack.Count - 1].HasKey)
        {
            error = new JsonSyntaxError("a mapping key is a mapping or a sequence (keys must be scalars)", at);
            return false;
        }
        return true;
    }

    private static bool IsMergeKey(Scalar scalar) => scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty && scalar.Value == "<<";

    /// <summary>Merge keys: members of the merged mappings the mapping does not define itself, first source first.</summary>
    private static bool ApplyMerges(Frame frame, out JsonSyntaxError? error)
    {
        error = null;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in frame.Node.Members!) present.Add(m.Name);
        foreach (var (source, at) in frame.Merges!)
        {
            var sources = source.IsArray ? source.Items! : new List<JsonNode> { source };
            foreach (var s in sources)
            {
                if (!s.IsObject)
                {
                    error = new JsonSyntaxError("the value of a merge key '<<' is not a mapping or a sequence of mappings", at);
                    return false;
                }
                foreach (var m in s.Members!)
                {
                    if (present.Add(m.Name)) frame.Node.Members.Add(m);
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- scalars

    private const string TagPrefix = "tag:yaml.org,2002:";

    private static JsonNode? Resolve(Scalar scalar, int start, int end, out JsonSyntaxError? error)
    {
        error = null;
        var v = scalar.Value;
        string? tag = null;
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            var t = scalar.Tag.Value;
            tag = t.StartsWith(TagPrefix, StringComparison.Ordinal) ? t.Substring(TagPrefix.Length) : "other";
        }
        else if (!scalar.Tag.IsEmpty || scalar.Style != ScalarStyle.Plain)
        {
            tag = "str"; // '!' and every quoted or block scalar
        }

        JsonNode Str() => new JsonNode(JsonKind.String, start) { Text = v, End = end };
        JsonNode? Bad(string type, out JsonSyntaxError? e)
        {
            e = new JsonSyntaxError($"'{Short(v)}' is tagged !!{type} but is not a YAML 1.2 core {type}", start);
            return null;
        }

        switch (tag)
        {
            case "str":
            case "other":
            case "binary":
            case "timestamp":
                return Str();
            case "null":
                return IsNull(v) ? new JsonNode(JsonKind.Null, start) { End = end } : Bad("null", out error);
            case "bool":
                return Bool(v, start, end) ?? Bad("bool", out error);
            case "int":
                return Integer(v) is { } i ? new JsonNode(JsonKind.Number, start) { Text = i, End = end } : Bad("int", out error);
            case "float":
                return (Integer(v) ?? Float(v)) is { } f ? new JsonNode(JsonKind.Number, start) { Text = f, End = end } : Bad("float", out error);
            case null:
                if (IsNull(v)) return new JsonNode(JsonKind.Null, start) { End = end };
                if (Bool(v, start, end) is { } b) return b;
                if ((Integer(v) ?? Float(v)) is { } n) return new JsonNode(JsonKind.Number, start) { Text = n, End = end };
                return Str();
            default:
                return Str(); // !!seq/!!map on a scalar, or another yaml.org tag: the text as written
        }
    }

    private static bool IsNull(string v) => v.Length == 0 || v == "~" || v == "null" || v == "Null" || v == "NULL";

    private static JsonNode? Bool(string v, int start, int end)
        => v is "true" or "True" or "TRUE" ? new JsonNode(JsonKind.True, start) { End = end }
            : v is "false" or "False" or "FALSE" ? new JsonNode(JsonKind.False, start) { End = end }
            : null;

    /// <summary>A core-schema integer as JSON number text, or null.</summary>
    internal static string? Integer(string v)
    {
        if (v.Length > 2 && v[0] == '0' && (v[1] == 'o' || v[1] == 'x'))
        {
            var hex = v[1] == 'x';
            BigInteger value = 0;
            for (var i = 2; i < v.Length; i++)
            {
                var c = v[i];
                int digit;
                if (c >= '0' && c <= '7') digit = c - '0';
                else if (hex && c >= '8' && c <= '9') digit = c - '0';
                else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
                else return null;
                value = value * (hex ? 16 : 8) + digit;
            }
            return value.ToString(CultureInfo.InvariantCulture);
        }
        var p = 0;
        var negative = false;
        if (v.Length > 0 && (v[0] == '-' || v[0] == '+'))
        {
            negative = v[0] == '-';
            p = 1;
        }
        if (p >= v.Length) return null;
        for (var i = p; i < v.Length; i++)
        {
            if (v[i] < '0' || v[i] > '9') return null;
        }
        while (p < v.Length - 1 && v[p] == '0') p++;
        var digits = v.Substring(p);
        return negative ? "-" + digits : digits;
    }

    /// <summary>A core-schema float (not .inf/.nan, which JSON cannot hold) as JSON number text, or null.</summary>
    internal static string? Float(string v)
    {
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var p = 0;
        var sb = new StringBuilder(v.Length + 2);
        if (p < v.Length && (v[p] == '-' || v[p] == '+'))
        {
            if (v[p] == '-') sb.Append('-');
            p++;
        }
        var intStart = p;
        while (p < v.Length && v[p] >= '0' && v[p] <= '9') p++;
        var intDigits = v.Substring(intStart, p - intStart);
        string fraction = string.Empty;
        var hasDot = false;
        if (p < v.Length && v[p] == '.')
        {
            hasDot = true;
            p++;
            var fracStart = p;
            while (p < v.Length && v[p] >= '0' && v[p] <= '9') p++;
            fraction = v.Substring(fracStart, p - fracStart);
        }
        if (intDigits.Length == 0 && fraction.Length == 0) return null;
        if (intDigits.Length == 0 && !hasDot) return null;
        var exponent = string.Empty;
        if (p < v.Length && (v[p] == 'e' || v[p] == 'E'))
        {
            var expStart = p;
            p++;
            if (p < v.Length && (v[p] == '-' || v[p] == '+')) p++;
            var digitsStart = p;
            while (p < v.Length && v[p] >= '0' && v[p] <= '9') p++;
            if (p == digitsStart) return null;
            exponent = v.Substring(expStart, p - expStart);
        }
        if (p != v.Length) return null;
        var trimmed = intDigits.TrimStart('0');
        sb.Append(trimmed.Length == 0 ? "0" : trimmed);
        if (fraction.Length > 0) sb.Append('.').Append(fraction);
        sb.Append(exponent);
        return sb.ToString();
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode? Fail(out JsonSyntaxError? error, string message, int at)
    {
        error = new JsonSyntaxError(message, at);
        return null;
    }

    /// <summary>The error at <paramref name="at"/>, as false (for the steps that say whether they succeeded).</summary>
    private static bool Fails(out JsonSyntaxError? error, string message, int at)
    {
        error = new JsonSyntaxError(message, at);
        return false;
    }

    private static int Clamp(long index, int length) => index < 0 ? 0 : index > length ? length : (int)index;

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static string Short(string s) => s.Length <= 40 ? s : s.Substring(0, 37) + "...";

    /// <summary>YamlDotNet's message without its own "(Line: …, Col: …)" prefix: the diagnostic states the position.</summary>
    private static string Describe(YamlException ex)
    {
        var message = ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0) message = message.Substring(close + 3);
        return message.TrimEnd('.');
    }
}
