namespace ModelDocs.Generators.Emit;

/// <summary>
/// A small indented text writer: generated code is text, not syntax trees (STYLE §6). As System.Text.Json's
/// generator's <c>SourceWriter</c>, it owns the indentation: a multi-line text is written line by line at the
/// current level (an empty line stays empty, so no trailing spaces), the level never goes below 0, and
/// <see cref="Finish"/> checks that every block opened was closed. Emitters never indent by hand.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _sb = new();
    private int _indent;

    /// <summary>The current indentation level (4 spaces each).</summary>
    public int Indentation => _indent;

    /// <summary>Writes <paramref name="text"/> at the current level; each of its lines indented, empty ones left empty.</summary>
    public SourceWriter Line(string text = "")
    {
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            AppendLine(text, start, (end < 0 ? text.Length : end) - start);
            if (end < 0) return this;
            start = end + 1;
        }
    }

    /// <summary>Writes <paramref name="text"/>, then <c>{</c>, and indents what follows.</summary>
    public SourceWriter Open(string text)
    {
        Line(text);
        return Open();
    }

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public SourceWriter Open()
    {
        Line("{");
        return Indent();
    }

    /// <summary>Ends the block <see cref="Open()"/> started: <c>}</c> and <paramref name="suffix"/> (such as <c>;</c>) one level out.</summary>
    public SourceWriter Close(string suffix = "")
    {
        Unindent();
        Line("}" + suffix);
        return this;
    }

    /// <summary>Indents what follows one more level without a brace (the statements of a <c>case</c>).</summary>
    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    /// <summary>Ends an <see cref="Indent"/>.</summary>
    /// <exception cref="InvalidOperationException">The level is already 0.</exception>
    public SourceWriter Unindent()
    {
        if (_indent == 0) throw new InvalidOperationException("SourceWriter: closed more blocks than were opened.");
        _indent--;
        return this;
    }

    /// <summary>Writes each line of <paramref name="xmlLines"/> as a <c>///</c> comment line.</summary>
    public SourceWriter Doc(string xmlLines)
    {
        foreach (var l in xmlLines.Split('\n'))
        {
            Line("/// " + l);
        }
        return this;
    }

    /// <summary>
    /// One documented member: an empty line, <c>/// &lt;summary&gt;<paramref name="summary"/>&lt;/summary&gt;</c> and
    /// <paramref name="declaration"/>.
    /// </summary>
    public SourceWriter Member(string summary, string declaration)
    {
        Line();
        Doc("<summary>" + summary + "</summary>");
        return Line(declaration);
    }

    /// <summary>The text written.</summary>
    /// <exception cref="InvalidOperationException">A block is still open (the level is not back to 0).</exception>
    public string Finish()
    {
        if (_indent != 0) throw new InvalidOperationException($"SourceWriter: {_indent} block(s) left open at the end.");
        return _sb.ToString();
    }

    private void AppendLine(string text, int start, int length)
    {
        if (length > 0) _sb.Append(' ', _indent * IndentSize).Append(text, start, length);
        _sb.Append('\n');
    }
}
