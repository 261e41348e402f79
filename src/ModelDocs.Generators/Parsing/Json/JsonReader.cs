using System.Collections.Generic;
using System.Globalization;
using System.Text;

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
            JsonNode value;
            if (c == '{' || c == '[')
            {
                if (stack.Count >= MaxDepth) return Fail(out error, $"nesting is deeper than {MaxDepth} levels");
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
                }
                else
                {
                    var frame = new Frame(node);
                    stack.Push(frame);
                    if (c == '{' && !ReadKey(frame, out error)) return null;
                    continue;
                }
            }
            else if (c == '"')
            {
                var start = _pos;
                var text = ReadString(out error);
                if (text is null) return null;
                value = new JsonNode(JsonKind.String, start) { Text = text, End = _pos };
            }
            else if (c == '-' || (c >= '0' && c <= '9'))
            {
                var start = _pos;
                if (!ReadNumber(out error)) return null;
                value = new JsonNode(JsonKind.Number, start) { Text = _s.Substring(start, _pos - start), End = _pos };
            }
            else if (c == 't' || c == 'f' || c == 'n')
            {
                var word = c == 't' ? "true" : c == 'f' ? "false" : "null";
                if (string.CompareOrdinal(_s, _pos, word, 0, word.Length) != 0) return Fail(out error, $"'{Show(c)}' does not start 'true', 'false' or 'null'", FirstMismatch(word));
                value = new JsonNode(c == 't' ? JsonKind.True : c == 'f' ? JsonKind.False : JsonKind.Null, _pos) { End = _pos + word.Length };
                _pos += word.Length;
            }
            else
            {
                return Fail(out error, $"'{Show(c)}' cannot start a JSON value");
            }

            // Attach the value to its container, closing containers as they end.
            while (true)
            {
                if (stack.Count == 0)
                {
                    SkipWhitespace();
                    if (_pos < _s.Length) return Fail(out error, $"'{Show(_s[_pos])}' after the end of the JSON value");
                    return value;
                }
                var top = stack.Peek();
                if (top.Node.Kind == JsonKind.Object) top.Node.Members!.Add(new JsonMember(top.Key!, top.KeyStart, top.KeyEnd, value));
                else top.Node.Items!.Add(value);
                SkipWhitespace();
                if (_pos >= _s.Length) return Fail(out error, top.Node.Kind == JsonKind.Object ? "the text ends inside an object ('}' expected)" : "the text ends inside an array (']' expected)");
                var d = _s[_pos];
                var close = top.Node.Kind == JsonKind.Object ? '}' : ']';
                if (d == ',')
                {
                    _pos++;
                    SkipWhitespace();
                    if (top.Node.Kind == JsonKind.Object && !ReadKey(top, out error)) return null;
                    break;
                }
                if (d == close)
                {
                    _pos++;
                    top.Node.End = _pos;
                    stack.Pop();
                    value = top.Node;
                    continue;
                }
                return Fail(out error, $"'{Show(d)}' where ',' or '{close}' was expected");
            }
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
            if (_pos + 1 >= _s.Length)
            {
                error = new JsonSyntaxError("the text ends inside an escape", _pos + 1);
                return null;
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
                            return null;
                        }
                        code = (code << 4) | h;
                    }
                    _sb.Append((char)code);
                    _pos += 4;
                    break;
                }
                default:
                    error = new JsonSyntaxError($"'\\{Show(e)}' is not a JSON escape", _pos + 1);
                    return null;
            }
            _pos += 2;
            runStart = _pos;
        }
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
