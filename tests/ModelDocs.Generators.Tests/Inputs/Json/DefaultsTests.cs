using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// Issue 12, item 4: a JSON <c>default</c> that does not fit the property's type. Applied where it converts
/// without loss; otherwise MD1007 (saying it is not applied), and the documented value stays in the
/// property's XML docs. Objects and arrays are documented, never applied.
/// </summary>
public sealed class DefaultsTests
{
    private const string Schema = """
    {
      "openapi": "3.0.3",
      "info": { "title": "t", "version": "1" },
      "components": {
        "schemas": {
          "Limits": {
            "type": "object",
            "properties": {
              "code": { "type": "string", "default": 0 },
              "flagText": { "type": "string", "default": false },
              "count": { "type": "integer", "default": "5" },
              "empty": { "type": "integer", "default": "" },
              "ratio": { "type": "integer", "default": 2.5 },
              "enabled": { "type": "boolean", "default": "true" },
              "enabledNumber": { "type": "boolean", "default": 1 },
              "price": { "type": "number", "default": "1.5" },
              "tags": { "type": "array", "items": { "type": "string" }, "default": ["a", "b"] },
              "labels": { "type": "object", "additionalProperties": { "type": "string" }, "default": { "k": "v" } },
              "name": { "type": "string", "default": { "first": "*/ </c>" } },
              "mode": { "type": "string", "enum": ["on", "off"], "default": 1 },
              "blank": { "type": "string", "default": "" }
            }
          }
        }
      }
    }
    """;

    private static readonly Lazy<GeneratorRun> Run = new(() =>
    {
        var run = TestHelpers.Run(new[] { new InMemoryAdditionalText("/api/limits.json", Schema) });
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
        return run;
    });

    private static string Source => Run.Value.Sources.Single(s => s.HintName == "Test.Models.Limits.g.cs").SourceText.ToString();

    /// <summary>The property's remarks line and its declaration.</summary>
    private static (string Remarks, string Declaration) Property(string clrName)
    {
        var lines = Source.Split('\n').Select(l => l.Trim()).ToList();
        var at = lines.FindIndex(l => l.StartsWith("public ", StringComparison.Ordinal) && l.Contains(" " + clrName + " { get; init; }", StringComparison.Ordinal));
        Assert.True(at >= 0, "no property " + clrName);
        var remarks = lines.Take(at).Last(l => l.StartsWith("/// <remarks>", StringComparison.Ordinal));
        return (remarks, lines[at]);
    }

    private static Diagnostic? Md1007(string property)
        => Run.Value.GeneratorDiagnostics.SingleOrDefault(d => d.Id == "MD1007" && d.GetMessage().Contains($"property '{property}'", StringComparison.Ordinal));

    [Theory]
    [InlineData("Code", "code", "public string Code { get; init; } = \"0\";", "defaults to <c>0</c>")]
    [InlineData("FlagText", "flagText", "public string FlagText { get; init; } = \"false\";", "defaults to <c>false</c>")]
    [InlineData("Count", "count", "public long Count { get; init; } = 5L;", "defaults to <c>5</c>")]
    [InlineData("Enabled", "enabled", "public bool Enabled { get; init; } = true;", "defaults to <c>true</c>")]
    [InlineData("Price", "price", "public decimal Price { get; init; } = 1.5m;", "defaults to <c>1.5</c>")]
    public void Applied_where_the_conversion_is_lossless(string clrName, string wireName, string declaration, string remark)
    {
        var (remarks, decl) = Property(clrName);
        Assert.Equal(declaration, decl);
        Assert.Contains(remark, remarks, StringComparison.Ordinal);
        Assert.Null(Md1007(wireName));
    }

    [Theory]
    [InlineData("Empty", "empty", "public long? Empty { get; init; }", "<c>\"\"</c>", "an empty string is not one")]
    [InlineData("Ratio", "ratio", "public long? Ratio { get; init; }", "<c>2.5</c>", "not a valid integer")]
    [InlineData("EnabledNumber", "enabledNumber", "public bool? EnabledNumber { get; init; }", "<c>1</c>", "not a valid boolean")]
    [InlineData("Name", "name", "public string? Name { get; init; }", "<c>{ \"first\": \"*/ &lt;/c&gt;\" }</c>", "an object is not one")]
    [InlineData("Mode", "mode", "public global::Test.Models.LimitsMode? Mode { get; init; }", "<c>1</c>", "value of LimitsMode")]
    public void Not_applied_when_it_does_not_fit_MD1007_and_the_docs_keep_it(string clrName, string wireName, string declaration, string documented, string why)
    {
        var (remarks, decl) = Property(clrName);
        Assert.Equal(declaration, decl);
        Assert.Contains("; documented default " + documented + ", not applied (it does not fit the type)", remarks, StringComparison.Ordinal);
        var d = Md1007(wireName);
        Assert.NotNull(d);
        Assert.Contains(why, d!.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("it is not applied, and the property's XML docs keep it as the documented default", d.GetMessage(), StringComparison.Ordinal);
        // Located at the default's value in the schema.
        var at = d.Location.SourceSpan.Start;
        Assert.StartsWith(documented.Substring(3, 1), Schema.Substring(at), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tags", "tags", "public global::System.Collections.Generic.IReadOnlyList<string>? Tags { get; init; }", "<c>[\"a\", \"b\"]</c>")]
    [InlineData("Labels", "labels", "public global::System.Collections.Generic.IReadOnlyDictionary<string, string>? Labels { get; init; }", "<c>{ \"k\": \"v\" }</c>")]
    public void Objects_and_arrays_that_fit_are_documented_without_a_diagnostic(string clrName, string wireName, string declaration, string documented)
    {
        var (remarks, decl) = Property(clrName);
        Assert.Equal(declaration, decl);
        Assert.Contains("; documented default " + documented.Replace("\"", "\"", StringComparison.Ordinal) + ", not applied", remarks, StringComparison.Ordinal);
        Assert.Null(Md1007(wireName));
    }

    [Fact]
    public void An_empty_string_on_a_string_stays_no_default()
    {
        var (remarks, decl) = Property("Blank");
        Assert.Equal("public string? Blank { get; init; }", decl);
        Assert.DoesNotContain("default", remarks, StringComparison.Ordinal);
        Assert.Null(Md1007("blank"));
    }
}
