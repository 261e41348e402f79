namespace ModelDocs.Generators.Parsing;

/// <summary>
/// Decodes HTML entity and numeric character references the way CommonMark/GFM does
/// (spec section "Entity and numeric character references"): named references from the
/// HTML5 table must end in ';'; decimal references have 1–7 digits, hex ones 1–6; code point 0
/// and invalid code points become U+FFFD; anything else is left as written.
/// </summary>
internal static partial class HtmlEntities
{
    public static string Decode(string text)
    {
        if (text.IndexOf('&') < 0) return text;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '&' && TryDecodeAt(text, i, out var decoded, out var length))
            {
                sb.Append(decoded);
                i += length;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static bool TryDecodeAt(string text, int start, out string decoded, out int length)
    {
        decoded = string.Empty;
        length = 0;
        var i = start + 1;
        if (i >= text.Length) return false;
        if (text[i] == '#')
        {
            i++;
            var hex = i < text.Length && (text[i] == 'x' || text[i] == 'X');
            if (hex) i++;
            var digitsStart = i;
            long value = 0;
            while (i < text.Length && i - digitsStart < 8 && (hex ? IsHex(text[i]) : char.IsDigit(text[i])))
            {
                value = value * (hex ? 16 : 10) + HexValue(text[i]);
                i++;
            }
            var digits = i - digitsStart;
            if (digits == 0 || digits > (hex ? 6 : 7) || i >= text.Length || text[i] != ';') return false;
            decoded = CodePointToString(value);
            length = i + 1 - start;
            return true;
        }

        var nameStart = i;
        while (i < text.Length && i - nameStart < 40 && char.IsLetterOrDigit(text[i])) i++;
        if (i == nameStart || i >= text.Length || text[i] != ';') return false;
        if (!Named.TryGetValue(text.Substring(nameStart, i - nameStart), out var value2)) return false;
        decoded = value2;
        length = i + 1 - start;
        return true;
    }

    private static string CodePointToString(long cp)
    {
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return "\uFFFD";
        return char.ConvertFromUtf32((int)cp);
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
