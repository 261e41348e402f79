using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// Approved-file snapshots of generated sources (see <see cref="ApprovedFiles"/>): NewCustomerSession in
/// every dialect, an enum doc, and a hand-written doc that triggers every MD1xxx doc diagnostic.
/// The support files <c>ModelDocs.Attributes.g.cs</c> and <c>ModelDocs.Json.g.cs</c> are snapshotted once, in <c>NewCustomerSession_python</c>;
/// every other set leaves it out explicitly.
/// </summary>
public sealed class SnapshotTests
{
    private const string AttributesHint = "ModelDocs.Attributes.g.cs";
    private const string JsonRuntimeHint = "ModelDocs.Json.g.cs";

    private static readonly Dictionary<string, string> Python = new()
    {
        ["build_property.ModelDocsNamespace"] = "Test.Models",
        ["build_property.ModelDocsDialect"] = "python",
    };

    private static KeyValuePair<string, string>[] Snapshot(GeneratorRun run, bool includeAttributes)
    {
        var sources = run.Sources.ToList();
        Assert.Equal(sources.Count, sources.Select(s => s.HintName).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(sources, s => s.HintName == AttributesHint);
        return sources
            .Where(s => includeAttributes || (s.HintName != AttributesHint && s.HintName != JsonRuntimeHint))
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .ToArray();
    }

    private static void AssertCompilesCleanly(GeneratorRun run)
        => Assert.True(run.CompileDiagnostics.IsEmpty, "compile diagnostics:" + Environment.NewLine + TestHelpers.Format(run.CompileDiagnostics));

    /// <summary>0-based index of the only line of <paramref name="text"/> that contains <paramref name="marker"/>.</summary>
    private static int LineOf(string text, string marker)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var hits = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count == 1, $"marker '{marker}' is on {hits.Count} lines");
        return hits[0];
    }

    public static TheoryData<string> Dialects()
        => new() { "python", "csharp", "go", "java", "php", "python-legacy", "ruby", "typescript" };

    [Theory]
    [MemberData(nameof(Dialects))]
    public void NewCustomerSession(string dialect)
    {
        // Only the one doc: its CartItem link has no target, which is MD1004 and a JsonElement.
        var folder = dialect == "python" ? "python" : Path.Combine("dialects", dialect);
        var path = Path.Combine(TestHelpers.CorpusDir, folder, "NewCustomerSession.md");
        var text = File.ReadAllText(path);
        var run = TestHelpers.Run(new[] { new InMemoryAdditionalText(path, text) });

        AssertCompilesCleanly(run);
        var d = Assert.Single(run.GeneratorProblems);
        Assert.Equal("MD1004", d.Id);
        Assert.Contains("'CartItem.md'", d.GetMessage(), StringComparison.Ordinal);
        var span = d.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(LineOf(text, "(CartItem.md)"), span.StartLinePosition.Line);

        var snapshot = Snapshot(run, includeAttributes: dialect == "python");
        ApprovedFiles.Verify("NewCustomerSession_" + dialect, snapshot);

        var model = snapshot.Single(s => s.Key == "Test.Models.NewCustomerSession.g.cs").Value;
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::System.Text.Json.JsonElement>? CartItems { get; init; }", model, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumDoc_IntegrationHubEventType()
    {
        var path = Path.Combine(TestHelpers.CorpusDir, "python", "IntegrationHubEventType.md");
        var run = TestHelpers.Run(new[] { new InMemoryAdditionalText(path, File.ReadAllText(path)) });

        AssertCompilesCleanly(run);
        Assert.Empty(run.GeneratorProblems);
        ApprovedFiles.Verify("EnumDoc_IntegrationHubEventType", Snapshot(run, includeAttributes: false));
    }

    internal const string EveryDiagnosticPath = "docs/EveryDiagnostic.md";
    internal const string NoTablePath = "docs/NoTable.md";
    internal const string DuplicateTitlePath = "docs/ZDuplicate.md";

    /// <summary>Python dialect; each row that should warn says which diagnostic in its description.</summary>
    internal const string EveryDiagnosticDoc = """
        # EveryDiagnostic

        A hand-written doc with one row per doc diagnostic.

        ## Properties

        Name | Type | Description | Notes
        ------------ | ------------- | ------------- | -------------
        **ok** | **str** | A fine property. | [optional] 
        **required_count** | **int** | A required integer. | 
        **lonely** |
        **** | **str** | MD1001 empty name. | [optional] 
        **piped** | **str** | MD1002 one | two | three | [optional] 
        **frob** | **Frobnicator[[str]** | MD1003 unknown type. | [optional] 
        **missing** | [**Missing**](Missing.md) | MD1004 link to a missing doc. | [optional] 
        **ok** | **str** | MD1005 duplicate. | [optional] 
        **foo_bar** | **str** | First of a collision. | [optional] 
        **foo.bar** | **str** | MD1006 collides with foo_bar. | [optional] 
        **count** | **int** | MD1007 bad default. | [optional] [default to abc]
        **every_diagnostic** | **str** | MD1009 named like the type. | [optional] 
        **to_string** | **str** | MD1009 named like a record member. | [optional] 

        [[Back to Model list]](../README.md#documentation-for-models)

        """;

    internal const string NoTableDoc = """
        # NoTable

        A doc whose Properties section has no table.

        ## Properties

        There are no properties here, only prose.

        """;

    /// <summary>Same title as NoTable; it sorts after docs/NoTable.md, so it is the one skipped (MD1010).</summary>
    internal const string DuplicateTitleDoc = """
        # NoTable

        ## Properties

        Name | Type | Description | Notes
        ------------ | ------------- | ------------- | -------------
        **other** | **str** | Never generated. | [optional] 

        """;

    [Fact]
    public void EveryDiagnostic()
    {
        var docs = new[]
        {
            new InMemoryAdditionalText(EveryDiagnosticPath, EveryDiagnosticDoc),
            new InMemoryAdditionalText(NoTablePath, NoTableDoc),
            new InMemoryAdditionalText(DuplicateTitlePath, DuplicateTitleDoc),
        };
        var run = TestHelpers.Run(docs, Python);

        AssertCompilesCleanly(run);

        var t = EveryDiagnosticDoc;
        var expected = new List<(string Id, string Path, int Line)>
        {
            ("MD1001", EveryDiagnosticPath, LineOf(t, "**lonely**")),
            ("MD1001", EveryDiagnosticPath, LineOf(t, "MD1001 empty name")),
            ("MD1002", EveryDiagnosticPath, LineOf(t, "MD1002")),
            ("MD1003", EveryDiagnosticPath, LineOf(t, "MD1003")),
            ("MD1004", EveryDiagnosticPath, LineOf(t, "MD1004")),
            ("MD1005", EveryDiagnosticPath, LineOf(t, "MD1005")),
            ("MD1006", EveryDiagnosticPath, LineOf(t, "MD1006")),
            ("MD1007", EveryDiagnosticPath, LineOf(t, "MD1007")),
            ("MD1009", EveryDiagnosticPath, LineOf(t, "MD1009 named like the type")),
            ("MD1009", EveryDiagnosticPath, LineOf(t, "MD1009 named like a record")),
            ("MD1008", NoTablePath, LineOf(NoTableDoc, "## Properties")),
            ("MD1010", DuplicateTitlePath, LineOf(DuplicateTitleDoc, "# NoTable")),
            // Once for the compilation, at the first python doc's title: its Name column is not the wire name.
            ("MD1029", EveryDiagnosticPath, LineOf(t, "# EveryDiagnostic")),
        };
        var actual = run.GeneratorDiagnostics
            .Select(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line))
            .ToList();
        var message = "actual diagnostics:" + Environment.NewLine + TestHelpers.Format(run.GeneratorDiagnostics);
        Assert.True(
            expected.OrderBy(x => x.Path, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal)
                .SequenceEqual(actual.OrderBy(x => x.Path, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal)),
            "expected: " + string.Join(", ", expected) + Environment.NewLine + message);
        foreach (var d in run.GeneratorProblems)
        {
            Assert.True(d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile, "diagnostic without a location: " + d);
            Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity); // the test compilation promotes warnings to errors
        }

        // Every MD1xxx doc diagnostic except MD1011 (C# version: no doc location) is covered.
        var ids = actual.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in Enumerable.Range(1001, 10).Select(n => "MD" + n))
        {
            Assert.Contains(id, ids);
        }

        // The messages name what went wrong.
        string Message(string id, string marker) => run.GeneratorDiagnostics.Single(d => d.Id == id && d.Location.GetLineSpan().StartLinePosition.Line == LineOf(t, marker)).GetMessage();
        Assert.Contains("'Frobnicator[[str]'", Message("MD1003", "MD1003"), StringComparison.Ordinal);
        Assert.Contains("'Missing.md'", Message("MD1004", "MD1004"), StringComparison.Ordinal);
        Assert.Contains("'abc'", Message("MD1007", "MD1007"), StringComparison.Ordinal);
        Assert.Contains("'FooBar2'", Message("MD1006", "MD1006"), StringComparison.Ordinal);
        Assert.Contains("'EveryDiagnosticValue'", Message("MD1009", "MD1009 named like the type"), StringComparison.Ordinal);
        Assert.Contains("'ToStringValue'", Message("MD1009", "MD1009 named like a record"), StringComparison.Ordinal);

        ApprovedFiles.Verify("EveryDiagnostic", Snapshot(run, includeAttributes: false));
    }

    /// <summary>
    /// Names that collide in C# keep distinct JSON names: python <c>foo_bar</c> and <c>fooBar</c> are the same
    /// wire name (a duplicate, MD1005, later row dropped); <c>foo_bar</c> and <c>foo.bar</c> differ on the wire
    /// but both PascalCase to FooBar (MD1006, the second is FooBar2). Either way System.Text.Json accepts the type.
    /// </summary>
    [Theory]
    [InlineData("fooBar", "MD1005")]
    [InlineData("foo.bar", "MD1006")]
    public void Colliding_names_keep_distinct_json_names(string second, string expectedId)
    {
        var doc = """
            # Collide

            ## Properties

            Name | Type | Description | Notes
            ------------ | ------------- | ------------- | -------------
            **foo_bar** | **str** | First. | [optional] 
            **SECOND** | **str** | Second. | [optional] 

            """.Replace("SECOND", second);
        var run = TestHelpers.Run(new[] { new InMemoryAdditionalText("Collide.md", doc) }, Python);
        AssertCompilesCleanly(run);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == expectedId);
        var source = run.Sources.Single(s => s.HintName == "Test.Models.Collide.g.cs").SourceText.ToString();

        // What System.Text.Json does with the generated type.
        using var pe = new MemoryStream();
        var emit = run.OutputCompilation.Emit(pe);
        Assert.True(emit.Success, TestHelpers.Format(emit.Diagnostics));
        var assembly = System.Reflection.Assembly.Load(pe.ToArray());
        var type = assembly.GetType("Test.Models.Collide", throwOnError: true)!;
        var instance = Activator.CreateInstance(type)!;
        var error = Record.Exception(() => System.Text.Json.JsonSerializer.Serialize(instance, type));

        var wireNames = System.Text.RegularExpressions.Regex.Matches(source, "JsonPropertyName\\(\"([^\"]*)\"\\)").Select(m => m.Groups[1].Value).ToList();
        Assert.True(wireNames.Distinct(StringComparer.Ordinal).Count() == wireNames.Count,
            $"duplicate JSON names {string.Join(", ", wireNames)}; serializing throws: {error?.GetType().Name}: {error?.Message}{Environment.NewLine}{source}");
        Assert.Null(error);
    }
    /// <summary>A small polymorphic OpenAPI document: an allOf hierarchy with a restated discriminator, and a oneOf union whose case lacks the property.</summary>
    private const string PolymorphicSpec = """
    { "openapi": "3.1.0", "components": { "schemas": {
        "Pet": { "type": "object", "required": ["petType", "name"], "description": "A pet.",
          "properties": { "petType": { "type": "string" }, "name": { "type": "string" } },
          "discriminator": { "propertyName": "petType", "mapping": { "cat": "#/components/schemas/Cat" } } },
        "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" },
          { "type": "object", "properties": { "petType": { "type": "string" }, "lives": { "type": "integer", "format": "int32" } } } ] },
        "Shape": { "oneOf": [ { "$ref": "#/components/schemas/Circle" }, { "$ref": "#/components/schemas/Square" } ],
          "discriminator": { "propertyName": "kind" } },
        "Circle": { "type": "object", "required": ["kind"], "properties": { "kind": { "type": "string", "enum": ["Circle"] }, "radius": { "type": "number", "format": "double" } } },
        "Square": { "type": "object", "properties": { "side": { "type": "number", "format": "double" } } }
    } } }
    """;

    [Fact]
    public void Polymorphic_openapi()
    {
        var run = TestHelpers.Run(new[] { new InMemoryAdditionalText("/api/pets.json", PolymorphicSpec) });
        AssertCompilesCleanly(run);
        Assert.Empty(run.GeneratorProblems);
        ApprovedFiles.Verify("Polymorphic_openapi", Snapshot(run, includeAttributes: false));
    }
}
