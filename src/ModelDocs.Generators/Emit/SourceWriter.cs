using System.Text;

namespace ModelDocs.Generators.Emit;

/// <summary>A small indented text writer: generated code is text, not syntax trees (STYLE §6).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
        _sb.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public SourceWriter Doc(string xmlLines)
    {
        foreach (var l in xmlLines.Split('\n'))
        {
            Line("/// " + l);
        }
        return this;
    }

    public override string ToString() => _sb.ToString();
}
