using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators.Parsing.Json;
using ModelDocs.Generators.Parsing.Yaml;
using Xunit;

namespace ModelDocs.Generators.Tests.Yaml;

/// <summary>The YAML reader by hand: the 1.2 core schema, positions, and hostile inputs (each a located error, never an exception).</summary>
public sealed class YamlReaderTests
{
    private static JsonNode Read(string yaml)
    {
        var node = YamlReader.Parse(yaml, out var error);
        Assert.True(node is not null, "not read: " + error?.Message + " at " + error?.Position);
        return node!;
    }

    private static JsonSyntaxError Reject(string yaml)
    {
        var node = YamlReader.Parse(yaml, out var error);
        Assert.True(node is null && error is not null, "expected an error");
        Assert.InRange(error!.Position, 0, yaml.Length);
        return error;
    }

    private static JsonNode Value(string scalar) => Read("v: " + scalar + "\n").Get("v")!;

    [Theory]
    [InlineData("null", "Null", null)]
    [InlineData("Null", "Null", null)]
    [InlineData("NULL", "Null", null)]
    [InlineData("~", "Null", null)]
    [InlineData("", "Null", null)]
    [InlineData("true", "True", null)]
    [InlineData("True", "True", null)]
    [InlineData("FALSE", "False", null)]
    [InlineData("on", "String", "on")]
    [InlineData("off", "String", "off")]
    [InlineData("yes", "String", "yes")]
    [InlineData("no", "String", "no")]
    [InlineData("y", "String", "y")]
    [InlineData("n", "String", "n")]
    [InlineData("tRUE", "String", "tRUE")]
    [InlineData("2001-12-14", "String", "2001-12-14")]
    [InlineData("1_000", "String", "1_000")]
    [InlineData("0b101", "String", "0b101")]
    [InlineData("42", "Number", "42")]
    [InlineData("-17", "Number", "-17")]
    [InlineData("+17", "Number", "17")]
    [InlineData("010", "Number", "10")]
    [InlineData("0o17", "Number", "15")]
    [InlineData("0x1F", "Number", "31")]
    [InlineData("0xFFFFFFFFFFFFFFFFFF", "Number", "4722366482869645213695")]
    [InlineData("1e3", "Number", "1e3")]
    [InlineData("-1.5E+3", "Number", "-1.5E+3")]
    [InlineData(".5", "Number", "0.5")]
    [InlineData("1.", "Number", "1")]
    [InlineData("3.14", "Number", "3.14")]
    [InlineData(".inf", "String", ".inf")]
    [InlineData("-.Inf", "String", "-.Inf")]
    [InlineData(".NaN", "String", ".NaN")]
    [InlineData("\"true\"", "String", "true")]
    [InlineData("'42'", "String", "42")]
    [InlineData("\"null\"", "String", "null")]
    [InlineData("!!str 42", "String", "42")]
    [InlineData("!!int \"42\"", "Number", "42")]
    [InlineData("!!binary aGVsbG8=", "String", "aGVsbG8=")]
    [InlineData("!custom true", "String", "true")]
    [InlineData("hello world", "String", "hello world")]
    public void Plain_scalars_follow_the_1_2_core_schema(string scalar, string kind, string? text)
    {
        var v = Value(scalar);
        Assert.Equal(kind, v.Kind.ToString());
        if (text is not null) Assert.Equal(text, v.Text);
    }

    [Fact]
    public void Block_scalars_are_strings_and_keys_are_their_text()
    {
        var root = Read("a: |\n  true\n  x\nb: >-\n  1\n  2\n200: ok\ntrue: t\nnull: n\n");
        Assert.Equal("true\nx\n", root.GetString("a"));
        Assert.Equal("1 2", root.GetString("b"));
        Assert.Equal("ok", root.GetString("200"));
        Assert.Equal("t", root.GetString("true"));
        Assert.Equal("n", root.GetString("null"));
    }

    [Fact]
    public void Offsets_point_into_the_yaml_text()
    {
        const string yaml = "openapi: 3.0.3\ncomponents:\n  schemas:\n    Pet:\n      type: object\n";
        var root = Read(yaml);
        var pet = root.Get("components")!.Get("schemas")!.Members!.Single();
        Assert.Equal("Pet", pet.Name);
        Assert.Equal(yaml.IndexOf("Pet", StringComparison.Ordinal), pet.NameStart);
        Assert.Equal(pet.NameStart + 3, pet.NameEnd);
        var type = pet.Value.Get("type")!;
        Assert.Equal(yaml.IndexOf("object", StringComparison.Ordinal), type.Start);
        Assert.Equal(type.Start + 6, type.End);
        var line = SourceText.From(yaml).Lines.GetLinePosition(type.Start);
        Assert.Equal((4, 12), (line.Line, line.Character));
        // A block mapping ends where its last entry ends.
        Assert.Equal(type.End, pet.Value.End);
    }

    [Fact]
    public void Offsets_with_crlf_and_a_byte_order_mark()
    {
        const string yaml = "\uFEFFa: 1\r\nb: \"x\"\r\n";
        var root = Read(yaml);
        Assert.Equal(yaml.IndexOf("\"x\"", StringComparison.Ordinal), root.Get("b")!.Start);
        Assert.Equal(yaml.IndexOf('b'), root.Members![1].NameStart);
    }

    [Fact]
    public void Aliases_are_the_anchored_node_and_merge_keys_merge()
    {
        var root = Read("base: &b {type: object, description: d}\nuse: *b\nmerged:\n  <<: *b\n  description: own\n");
        Assert.Same(root.Get("base"), root.Get("use"));
        var merged = root.Get("merged")!;
        Assert.Equal("own", merged.GetString("description"));
        Assert.Equal("object", merged.GetString("type"));
        Assert.Equal(2, merged.Members!.Count);
    }

    [Fact]
    public void Flow_style_json_is_yaml()
    {
        var root = Read("{\"a\": [1, 2.5, \"x\", true, null], \"b\": {}}");
        Assert.Equal(5, root.Get("a")!.Items!.Count);
        Assert.Equal("2.5", root.Get("a")!.Items![1].Text);
    }

    // ---------------------------------------------------------------- hostile and malformed inputs

    [Fact]
    public void Billion_laughs_is_refused_fast()
    {
        var sb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 12; i++)
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        var watch = Stopwatch.StartNew();
        var error = Reject(sb.ToString());
        watch.Stop();
        Assert.Contains("alias", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "took " + watch.Elapsed);
    }

    [Fact]
    public void Deep_nesting_is_a_located_error_on_a_small_stack()
    {
        JsonSyntaxError? flow = null, block = null;
        var thread = new Thread(() =>
        {
            flow = Reject(new string('[', 10_000) + new string(']', 10_000));
            block = Reject(string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n");
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Contains("deeper than 256", flow!.Message, StringComparison.Ordinal);
        Assert.Equal(256, flow.Position);
        Assert.Contains("deeper than 256", block!.Message, StringComparison.Ordinal);
        Assert.Equal(512, block.Position);
    }

    [Fact]
    public void Ten_megabyte_scalar_is_a_located_error()
    {
        var yaml = "openapi: 3.0.3\ndescription: " + new string('x', 10 * 1024 * 1024) + "\n";
        var watch = Stopwatch.StartNew();
        var error = Reject(yaml);
        Assert.Contains("longer than the limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(yaml.IndexOf("xxx", StringComparison.Ordinal), error.Position);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
    }

    [Fact]
    public void Tabs_in_indentation_are_a_located_error()
    {
        const string yaml = "a:\n\tb: 1\n";
        var error = Reject(yaml);
        Assert.True(SourceText.From(yaml).Lines.GetLinePosition(error.Position).Line == 1, error.Message + " at " + error.Position);
    }

    [Fact]
    public void Duplicate_keys_are_an_error_at_the_second()
    {
        const string yaml = "a: 1\nb:\n  c: 1\n  c: 2\n";
        var error = Reject(yaml);
        Assert.Contains("'c' appears twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(yaml.LastIndexOf('c'), error.Position);
    }

    [Theory]
    [InlineData("a: 1\n---\nb: 2\n", "more than one YAML document")]
    [InlineData("a: *nope\n", "no anchor")]
    [InlineData("? [a, b]\n: c\n", "keys must be scalars")]
    [InlineData("a: \"unclosed\n", "")]
    [InlineData("a: [1, 2\n", "")]
    [InlineData("a: !!int abc\n", "!!int")]
    [InlineData("", "no YAML document")]
    [InlineData("a: &x [*x]\n", "no anchor")]
    public void Malformed_yaml_is_an_error_not_an_exception(string yaml, string message)
    {
        var error = Reject(yaml);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
