using System;
using ModelDocs.Generators.Emit;
using Xunit;

namespace ModelDocs.Generators.Tests.Unit;

/// <summary>
/// <see cref="SourceWriter"/> on its own: indentation is the writer's, never the caller's. Expected texts
/// are written out by hand (4 spaces a level, '\n' line ends, no trailing spaces).
/// </summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void A_line_is_written_at_the_current_level()
    {
        var w = new SourceWriter();
        w.Line("a");
        w.Open("class C");
        w.Line("b");
        w.Close();
        Assert.Equal("a\nclass C\n{\n    b\n}\n", w.Finish());
    }

    [Fact]
    public void A_multi_line_text_is_split_and_every_line_indented()
    {
        var w = new SourceWriter();
        w.Open("void M()");
        w.Open("if (x)");
        w.Line("first();\nsecond();\nthird();");
        w.Close();
        w.Close();
        Assert.Equal("void M()\n{\n    if (x)\n    {\n        first();\n        second();\n        third();\n    }\n}\n", w.Finish());
    }

    [Fact]
    public void Empty_lines_stay_empty_without_trailing_spaces()
    {
        var w = new SourceWriter();
        w.Open("namespace N");
        w.Line();
        w.Line("a\n\nb");
        w.Line("c\n");
        w.Close();
        Assert.Equal("namespace N\n{\n\n    a\n\n    b\n    c\n\n}\n", w.Finish());
    }

    [Fact]
    public void Indent_without_a_brace_and_close_with_a_suffix()
    {
        var w = new SourceWriter();
        w.Open("switch (x)");
        w.Line("case 1:");
        w.Indent();
        w.Line("return;");
        w.Unindent();
        w.Close(";");
        Assert.Equal("switch (x)\n{\n    case 1:\n        return;\n};\n", w.Finish());
    }

    [Fact]
    public void Open_without_a_header_writes_only_the_brace()
    {
        var w = new SourceWriter();
        w.Line("case 1:");
        w.Open();
        w.Line("break;");
        w.Close();
        Assert.Equal("case 1:\n{\n    break;\n}\n", w.Finish());
    }

    [Fact]
    public void Doc_lines_are_comment_lines_at_the_current_level()
    {
        var w = new SourceWriter();
        w.Open("class C");
        w.Doc("<summary>\nTwo\nlines.\n</summary>");
        w.Line("int X;");
        w.Close();
        Assert.Equal("class C\n{\n    /// <summary>\n    /// Two\n    /// lines.\n    /// </summary>\n    int X;\n}\n", w.Finish());
    }

    [Fact]
    public void Closing_below_level_zero_throws()
    {
        var w = new SourceWriter();
        w.Open("class C");
        w.Close();
        Assert.Throws<InvalidOperationException>(() => w.Close());
        Assert.Throws<InvalidOperationException>(() => new SourceWriter().Unindent());
    }

    [Fact]
    public void Finishing_with_a_block_open_throws()
    {
        var w = new SourceWriter();
        w.Open("namespace N");
        w.Open("class C");
        w.Close();
        Assert.Throws<InvalidOperationException>(() => w.Finish());
        var indented = new SourceWriter();
        indented.Indent();
        Assert.Throws<InvalidOperationException>(() => indented.Finish());
    }

    [Fact]
    public void An_empty_writer_finishes_empty()
    {
        Assert.Equal(string.Empty, new SourceWriter().Finish());
    }
}
