namespace ModelDocs.Generators.Parsing.Json;

/// <summary>
/// A strict RFC 8259 reader over a string that keeps positions. Iterative: containers live on an
/// explicit stack, so nesting costs heap, never call stack; nesting deeper than <see cref="MaxDepth"/>
/// is an error (real OpenAPI documents rarely nest deeper than 20). Never throws for bad input: the
/// result is a tree or the first error with its offset. A leading byte order mark is skipped;
/// unpaired surrogates in <c>\u</c> escapes are kept as written (RFC 8259 §8.2 leaves them undefined).
/// </summary>
internal sealed class JsonReader
{
    public const int MaxDepth = 256;

    private readonly string _s;
    private int _pos;
    private readonly StringBuilder _sb = new();

    private JsonReader(string text) => _s = text;

    public static JsonNode? Parse(string text, out JsonSyntaxError? error)
    {
        var reader = new JsonReader(text);
        return reader.Run(out error);
    }

    private sealed class Frame
    {
        public Frame(JsonNode node) => Node = node;
        public JsonNode Node { get; }
        public string? Key;
        public int KeyStart;
        public int KeyEnd;
    }

    /// <summary>Reads the one JSON value of the text (nothing but whitespace after it), iteratively: an explicit stack of open containers.</summary>
    private JsonNode? Run(out JsonSyntaxError? error)
    {
        error = null;
        if (_s.Length > 0 && _s[0] == '\uFEFF') _pos = 1;
        var stack = new Stack<Frame>();
        SkipWhitespace();
        while (true)
        {
            // Expect a value at _pos.
            if (_pos >= _s.Length) return Fail(out error, stack.Count == 0 ? "the text is empty; a JSON value was expected" : "the text ends where a value was expected");
            var c = _s[_pos];
            JsonNode? read;
            if (c == '{' || c == '[')
            {
                if (!OpenContainer(c, stack, out read, out error)) return null;
                if (read is null) continue; // open: its first value comes next
            }
            else
            {
                read = ReadScalar(c, out error);
                if (read is null) return null;
            }
            JsonNode value = read;
            if (!AttachValue(stack, ref value, out var complete, out error)) return null;
            if (complete) return value;
        }
    }

    /// <summary>
    /// At <c>{</c> or <c>[</c>: an empty container is a completed <paramref name="value"/>; any other is pushed
    /// open (value null), an object's first key read. False, with the error, when too deep or the key is bad.
    /// </summary>
    private bool OpenContainer(char c, Stack<Frame> stack, out JsonNode? value, out JsonSyntaxError? error)
    {
        value = null;
        error = null;
        if (stack.Count >= MaxDepth)
        {
            Fail(out error, $"nesting is deeper than {MaxDepth} levels");
            return false;
        }
        var node = new JsonNode(c == '{' ? JsonKind.Object : JsonKind.Array, _pos);
        if (c == '{') node.Members = new List<JsonMember>();
        else node.Items = new List<JsonNode>();
        _pos++;
        SkipWhitespace();
        var close = c == '{' ? '}' : ']';
        if (_pos < _s.Length && _s[_pos] == close)
        {
            _pos++;
            node.End = _pos;
            value = node;
            return true;
        }
        var frame = new Frame(node);
        stack.Push(frame);
        return c != '{' || ReadKey(frame, out error);
    }

    /// <summary>A string, number, <c>true</c>, <c>false</c> or <c>null</c> at the position (null, with the error, when none is there).</summary>
    private JsonNode? ReadScalar(char c, out JsonSyntaxError? error)
    {
        error = null;
        var start = _pos;
        if (c == '"')
        {
            var text = ReadString(out error);
            return text is null ? null : new JsonNode(JsonKind.String, start) { Text = text, End = _pos };
        }
        if (c == '-' || (c >= '0' && c <= '9'))
        {
            if (!ReadNumber(out error)) return null;
            return new JsonNode(JsonKind.Number, start) { Text = _s.Substring(start, _pos - start), End = _pos };
        }
        if (c == 't' || c == 'f' || c == 'n')
        {
            var word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            if (string.CompareOrdinal(_s, _pos, word, 0, word.Length) != 0) return Fail(out error, $"'{Show(c)}' does not start 'true', 'false' or 'null'", FirstMismatch(word));
            var value = new JsonNode(c == 't' ? JsonKind.True : c == 'f' ? JsonKind.False : JsonKind.Null, _pos) { End = _pos + word.Length };
            _pos += word.Length;
            return value;
        }
        return Fail(out error, $"'{Show(c)}' cannot start a JSON value");
    }

    /// <summary>
    /// Attaches a completed value to its container, closing containers as they end (each closed one is then
    /// the value attached). <paramref name="complete"/>: the stack emptied, and <paramref name="value"/> is the
    /// whole text's value. Otherwise the next value is due (after a comma, and an object's key).
    /// </summary>
    private bool AttachValue(Stack<Frame> stack, ref JsonNode value, out bool complete, out JsonSyntaxError? error)
    {
        complete = false;
        error = null;
        while (true)
        {
            if (stack.Count == 0)
            {
                SkipWhitespace();
                if (_pos < _s.Length)
                {
                    Fail(out error, $"'{Show(_s[_pos])}' after the end of the JSON value");
                    return false;
                }
                complete = true;
                return true;
            }
            var top = stack.Peek();
            if (top.Node.Kind == JsonKind.Object) top.Node.Members!.Add(new JsonMember(top.Key!, top.KeyStart, top.KeyEnd, value));
            else top.Node.Items!.Add(value);
            SkipWhitespace();
            if (_pos >= _s.Length)
            {
                Fail(out error, top.Node.Kind == JsonKind.Object ? "the text ends inside an object ('}' expected)" : "the text ends inside an array (']' expected)");
                return false;
            }
            var d = _s[_pos];
            var close = top.Node.Kind == JsonKind.Object ? '}' : ']';
            if (d == ',')
            {
                _pos++;
                SkipWhitespace();
                return top.Node.Kind != JsonKind.Object || ReadKey(top, out error);
            }
            if (d != close)
            {
                Fail(out error, $"'{Show(d)}' where ',' or '{close}' was expected");
                return false;
            }
            _pos++;
            top.Node.End = _pos;
            stack.Pop();
            value = top.Node;
        }
    }

    /// <summary>Reads <c>"name" :</c> and leaves the position at the value.</summary>
    private bool ReadKey(Frame frame, out JsonSyntaxError? error)
    {
        error = null;
        if (_pos >= _s.Length)
        {
            error = new JsonSyntaxError("the text ends inside an object (a property name was expected)", _pos);
            return false;
        }
        if (_s[_pos] != '"')
        {
            error = new JsonSyntaxError($"'{Show(_s[_pos])}' where a property name in double quotes was expected", _pos);
            return false;
        }
        frame.KeyStart = _pos;
        var key = ReadString(out error);
        if (key is null) return false;
        frame.Key = key;
        frame.KeyEnd = _pos;
        SkipWhitespace();
        if (_pos >= _s.Length || _s[_pos] != ':')
        {
            error = new JsonSyntaxError(_pos >= _s.Length ? "the text ends after a property name (':' expected)" : $"'{Show(_s[_pos])}' where ':' was expected", _pos);
            return false;
        }
        _pos++;
        SkipWhitespace();
        return true;
    }

    private void SkipWhitespace()
    {
        while (_pos < _s.Length)
        {
            var c = _s[_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') _pos++;
            else break;
        }
    }

    /// <summary>Reads the string at the opening quote, escapes decoded; null, with the error, when it does not end or holds a control character or a bad escape.</summary>
    private string? ReadString(out JsonSyntaxError? error)
    {
        error = null;
        _pos++; // opening quote
        var runStart = _pos;
        _sb.Clear();
        while (true)
        {
            if (_pos >= _s.Length)
            {
                error = new JsonSyntaxError("the text ends inside a string (closing '\"' expected)", _pos);
                return null;
            }
            var c = _s[_pos];
            if (c == '"')
            {
                _sb.Append(_s, runStart, _pos - runStart);
                _pos++;
                return _sb.ToString();
            }
            if (c < 0x20)
            {
                error = new JsonSyntaxError($"control character U+{(int)c:X4} inside a string (write it as an escape)", _pos);
                return null;
            }
            if (c != '\\')
            {
                _pos++;
                continue;
            }
            _sb.Append(_s, runStart, _pos - runStart);
            if (!ReadEscape(out error)) return null;
            _pos += 2;
            runStart = _pos;
        }
    }

    /// <summary>
    /// Appends the escape at the backslash (the position stays there; a <c>\u</c> escape moves it past its
    /// four hex digits). False, with the error, for an escape JSON does not have or one cut short.
    /// </summary>
    private bool ReadEscape(out JsonSyntaxError? error)
    {
        error = null;
        if (_pos + 1 >= _s.Length)
        {
            error = new JsonSyntaxError("the text ends inside an escape", _pos + 1);
            return false;
        }
        var e = _s[_pos + 1];
        switch (e)
        {
            case '"': _sb.Append('"'); break;
            case '\\': _sb.Append('\\'); break;
            case '/': _sb.Append('/'); break;
            case 'b': _sb.Append('\b'); break;
            case 'f': _sb.Append('\f'); break;
            case 'n': _sb.Append('\n'); break;
            case 'r': _sb.Append('\r'); break;
            case 't': _sb.Append('\t'); break;
            case 'u':
            {
                var code = 0;
                for (var i = 0; i < 4; i++)
                {
                    var at = _pos + 2 + i;
                    var h = at < _s.Length ? Hex(_s[at]) : -1;
                    if (h < 0)
                    {
                        error = new JsonSyntaxError(at < _s.Length ? $"'{Show(_s[at])}' in a \\u escape (four hex digits expected)" : "the text ends inside a \\u escape", at);
                        return false;
                    }
                    code = (code << 4) | h;
                }
                _sb.Append((char)code);
                _pos += 4;
                break;
            }
            default:
                error = new JsonSyntaxError($"'\\{Show(e)}' is not a JSON escape", _pos + 1);
                return false;
        }
        return true;
    }

    private static int Hex(char c) => c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    /// <summary><c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c></summary>
    private bool ReadNumber(out JsonSyntaxError? error)
    {
        error = null;
        if (_s[_pos] == '-') _pos++;
        if (_pos >= _s.Length || !IsDigit(_s[_pos]))
        {
            error = new JsonSyntaxError(_pos >= _s.Length ? "the text ends inside a number" : $"'{Show(_s[_pos])}' where a digit was expected", _pos);
            return false;
        }
        if (_s[_pos] == '0')
        {
            _pos++;
            if (_pos < _s.Length && IsDigit(_s[_pos]))
            {
                error = new JsonSyntaxError("a number cannot have a leading zero", _pos);
                return false;
            }
        }
        else
        {
            while (_pos < _s.Length && IsDigit(_s[_pos])) _pos++;
        }
        if (_pos < _s.Length && _s[_pos] == '.')
        {
            _pos++;
            if (_pos >= _s.Length || !IsDigit(_s[_pos]))
            {
                error = new JsonSyntaxError(_pos >= _s.Length ? "the text ends after a decimal point" : $"'{Show(_s[_pos])}' after a decimal point (a digit was expected)", _pos);
                return false;
            }
            while (_pos < _s.Length && IsDigit(_s[_pos])) _pos++;
        }
        if (_pos < _s.Length && (_s[_pos] == 'e' || _s[_pos] == 'E'))
        {
            _pos++;
            if (_pos < _s.Length && (_s[_pos] == '+' || _s[_pos] == '-')) _pos++;
            if (_pos >= _s.Length || !IsDigit(_s[_pos]))
            {
                error = new JsonSyntaxError(_pos >= _s.Length ? "the text ends inside an exponent" : $"'{Show(_s[_pos])}' in an exponent (a digit was expected)", _pos);
                return false;
            }
            while (_pos < _s.Length && IsDigit(_s[_pos])) _pos++;
        }
        return true;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private int FirstMismatch(string word)
    {
        var i = 0;
        while (i < word.Length && _pos + i < _s.Length && _s[_pos + i] == word[i]) i++;
        return _pos + i;
    }

    private JsonNode? Fail(out JsonSyntaxError? error, string message, int? at = null)
    {
        error = new JsonSyntaxError(message, at ?? _pos);
        return null;
    }

    private static string Show(char c) => c < 0x20 || c == 0x7F || (c >= 0xD800 && c <= 0xDFFF) || c == '\uFFFD'
        ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
        : c.ToString();
}
