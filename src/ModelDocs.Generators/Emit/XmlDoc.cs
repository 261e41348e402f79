using System.Text.RegularExpressions;

namespace ModelDocs.Generators.Emit;

/// <summary>
/// Markdown description → XML doc comment content. Entities are already decoded by the reader; here
/// text is XML-escaped, code spans become <c>&lt;c&gt;</c>, links <c>&lt;see href&gt;</c>, emphasis is
/// dropped, paragraphs (two or more spaces in a table cell) become <c>&lt;para&gt;</c>, and "- x" /
/// "1. x" runs become lists. No raw markdown is left.
/// </summary>
internal static class XmlDoc
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex ParagraphBreak = new(@"\s{2,}(?=\S)", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Bullet = new(@"(?:^|\s)-\s+(?=\S)", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Numbered = new(@"(?:^|\s)(\d{1,2})\.\s+(?=\S)", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Emphasis = new(@"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])", RegexOptions.CultureInvariant, Timeout);

    /// <summary>Max characters of a description kept in docs; longer text is cut with an ellipsis.</summary>
    public const int MaxLength = 8000;

    public static string Summary(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return string.Empty;
        var text = markdown!.Trim();
        if (text.Length > MaxLength) text = text.Substring(0, MaxLength) + "…";
        try
        {
            return Render(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return Escape(text);
        }
    }

    private static string Render(string text)
    {
        var paragraphs = ParagraphBreak.Split(text);
        var sb = new StringBuilder();
        var blocks = new List<string>();
        foreach (var p in paragraphs)
        {
            var para = p.Trim();
            if (para.Length == 0) continue;
            blocks.Add(RenderParagraph(para));
        }
        if (blocks.Count == 1) return blocks[0];
        foreach (var b in blocks)
        {
            if (sb.Length > 0) sb.Append('\n');
            if (b.StartsWith("<list", StringComparison.Ordinal)) sb.Append(b);
            else sb.Append("<para>").Append(b).Append("</para>");
        }
        return sb.ToString();
    }

    private static string RenderParagraph(string para)
    {
        // Lists: two or more "- " items, or a "1. … 2. …" run.
        var bullets = Bullet.Matches(para);
        if (bullets.Count >= 2 || (bullets.Count == 1 && bullets[0].Index == 0))
        {
            return RenderList(para, bullets, "bullet");
        }
        var numbers = Numbered.Matches(para);
        if (numbers.Count >= 2 && numbers[0].Groups[1].Value == "1")
        {
            return RenderList(para, numbers, "number");
        }
        return Inline(para);
    }

    private static string RenderList(string para, MatchCollection items, string kind)
    {
        var sb = new StringBuilder();
        var lead = para.Substring(0, items[0].Index).Trim();
        if (lead.Length > 0) sb.Append(Inline(lead)).Append('\n');
        sb.Append("<list type=\"").Append(kind).Append("\">");
        for (var i = 0; i < items.Count; i++)
        {
            var start = items[i].Index + items[i].Length;
            var end = i + 1 < items.Count ? items[i + 1].Index : para.Length;
            var item = para.Substring(start, Math.Max(0, end - start)).Trim();
            sb.Append('\n').Append("<item><description>").Append(Inline(item)).Append("</description></item>");
        }
        sb.Append('\n').Append("</list>");
        return sb.ToString();
    }

    /// <summary>Inline markdown: code spans, links, emphasis; everything else escaped.</summary>
    public static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var i = 0;
        var plain = new StringBuilder();
        void FlushPlain()
        {
            if (plain.Length == 0) return;
            sb.Append(Escape(Emphasis.Replace(plain.ToString(), "$2")).Replace("**", "").Replace("__", ""));
            plain.Clear();
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                var close = text.IndexOf('`', i + 1);
                if (close > i)
                {
                    FlushPlain();
                    sb.Append("<c>").Append(Escape(text.Substring(i + 1, close - i - 1))).Append("</c>");
                    i = close + 1;
                    continue;
                }
            }
            if (c == '[')
            {
                var mid = text.IndexOf("](", i + 1, StringComparison.Ordinal);
                var close = mid < 0 ? -1 : text.IndexOf(')', mid + 2);
                var nestedOpen = mid < 0 ? -1 : text.IndexOf('[', i + 1, mid - i - 1);
                if (mid > i && close > mid && nestedOpen < 0)
                {
                    var label = text.Substring(i + 1, mid - i - 1);
                    var url = text.Substring(mid + 2, close - mid - 2).Trim();
                    var space = url.IndexOf(' ');
                    if (space > 0) url = url.Substring(0, space); // drop a link title
                    FlushPlain();
                    if (url.Length > 0 && url.IndexOf(' ') < 0)
                    {
                        sb.Append("<see href=\"").Append(Escape(url).Replace("\"", "&quot;")).Append("\">")
                          .Append(Escape(Emphasis.Replace(label, "$2")).Replace("**", "")).Append("</see>");
                    }
                    else
                    {
                        sb.Append(Escape(label));
                    }
                    i = close + 1;
                    continue;
                }
            }
            plain.Append(c);
            i++;
        }
        FlushPlain();
        return sb.ToString();
    }

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                // Keep well-formed pairs; a lone surrogate (from bytes that were not text) becomes U+FFFD.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
                else
                {
                    sb.Append('\uFFFD');
                }
                continue;
            }
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                // C# ends a line at these too; inside a /// comment that would end the comment.
                case '\r': case '\n': case '\t': case '\u0085': case '\u2028': case '\u2029': sb.Append(' '); break;
                default:
                    // Control characters are not allowed in XML.
                    if (c < ' ' || c == '\uFFFE' || c == '\uFFFF') sb.Append(' ');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
