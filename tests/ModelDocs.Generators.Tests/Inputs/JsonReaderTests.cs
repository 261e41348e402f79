using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Parsing.Json;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>The JSON reader against JSONTestSuite (y_ must parse, n_ must be rejected at the offending character, i_ must not crash) and by hand.</summary>
public sealed class JsonReaderTests
{
    private readonly ITestOutputHelper _out;

    public JsonReaderTests(ITestOutputHelper output) => _out = output;

    private static string Decode(byte[] bytes)
    {
        // As the compiler reads AdditionalFiles: BOM, else UTF-8 (invalid bytes become U+FFFD).
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        return new UTF8Encoding(false).GetString(bytes);
    }

    [Fact]
    public void JSONTestSuite_y_parse_n_rejected_i_finish()
    {
        var dir = Path.Combine(TestHelpers.SharedDir, "testsuites", "JSONTestSuite", "test_parsing");
        Assert.True(Directory.Exists(dir), "JSONTestSuite not found at " + dir);
        int y = 0, yOk = 0, n = 0, nOk = 0, i = 0, iAccepted = 0, iRejected = 0;
        var failures = new System.Collections.Generic.List<string>();
        foreach (var file in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var text = Decode(File.ReadAllBytes(file));
            var node = JsonReader.Parse(text, out var error);
            switch (name[0])
            {
                case 'y':
                    y++;
                    if (node is not null && error is null) yOk++;
                    else failures.Add($"{name}: rejected: {error?.Message} at {error?.Position}");
                    break;
                case 'n':
                    n++;
                    if (node is null && error is not null && error.Position >= 0 && error.Position <= text.Length) nOk++;
                    else failures.Add($"{name}: accepted");
                    break;
                default:
                    i++;
                    if (node is not null) iAccepted++;
                    else iRejected++;
                    break;
            }
        }
        _out.WriteLine($"y_: {yOk}/{y} parsed; n_: {nOk}/{n} rejected with a located error; i_: {i} finished ({iAccepted} accepted, {iRejected} rejected)");
        foreach (var f in failures) _out.WriteLine("  " + f);
        Assert.Empty(failures);
        Assert.Equal(95, y);
        Assert.Equal(188, n);
        Assert.Equal(35, i);
    }

    [Theory]
    [InlineData("[1,]", 3, "']'")]
    [InlineData("{\"a\" 1}", 5, "':'")]
    [InlineData("[01]", 2, "leading zero")]
    [InlineData("[1.]", 3, "decimal point")]
    [InlineData("[\"a\\x\"]", 4, "escape")]
    [InlineData("[\"a\tb\"]", 3, "control character")]
    [InlineData("{\"a\":1}x", 7, "after the end")]
    [InlineData("[tru]", 4, "true")]
    [InlineData("", 0, "empty")]
    [InlineData("{'a':1}", 1, "property name")]
    [InlineData("[1 2]", 3, "','")]
    public void Errors_point_at_the_offending_character(string json, int position, string messagePart)
    {
        Assert.Null(JsonReader.Parse(json, out var error));
        Assert.NotNull(error);
        Assert.Equal(position, error!.Position);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        Assert.Null(JsonReader.Parse(deep, out var error));
        Assert.Equal(JsonReader.MaxDepth, error!.Position);
        Assert.Contains("deeper than", error.Message, StringComparison.Ordinal);

        var ok = new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth);
        Assert.NotNull(JsonReader.Parse(ok, out _));
    }

    [Fact]
    public void Values_and_positions_are_kept()
    {
        const string json = "{ \"a\": [1, -2.5e3, \"x\\u00e9\\n\"], \"b\": {\"c\": true, \"d\": null}, \"a\": false }";
        var root = JsonReader.Parse(json, out var error);
        Assert.Null(error);
        Assert.Equal(3, root!.Members!.Count);
        Assert.Equal(JsonKind.False, root.Get("a")!.Kind); // the last of a repeated name
        var arr = root.Members[0].Value;
        Assert.Equal(new[] { "1", "-2.5e3", "xé\n" }, arr.Items!.Select(v => v.Text).ToArray());
        Assert.Equal(json.IndexOf('['), arr.Start);
        Assert.Equal(json.IndexOf(']') + 1, arr.End);
        Assert.Equal(json.IndexOf("\"b\"", StringComparison.Ordinal), root.Members[1].NameStart);
        Assert.Equal(JsonKind.True, root.Get("b")!.Get("c")!.Kind);
    }
}
