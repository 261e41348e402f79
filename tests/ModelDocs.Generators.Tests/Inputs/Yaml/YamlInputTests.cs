using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Parsing.Json;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests.Yaml;

/// <summary>YAML AdditionalFiles through the whole generator: sniffing, MD1028, cross-format $refs, and Talon.One's spec as YAML.</summary>
public sealed class YamlInputTests
{
    private readonly ITestOutputHelper _out;

    public YamlInputTests(ITestOutputHelper output) => _out = output;

    private static GeneratorRun Run(params (string Path, string Text)[] files)
        => TestHelpers.Run(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)));

    private static string Source(GeneratorRun run, string type)
    {
        var hint = $"Test.Models.{type}.g.cs";
        var source = run.Sources.FirstOrDefault(s => s.HintName == hint);
        Assert.True(source.HintName == hint, $"no {hint}; generated: {string.Join(", ", run.Sources.Select(s => s.HintName))}");
        return source.SourceText.ToString();
    }

    private static string Declaration(string source, string property)
        => source.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("public ", StringComparison.Ordinal) && l.Contains(" " + property + " { get; init; }", StringComparison.Ordinal));

    private static int ModelCount(GeneratorRun run)
        => run.Sources.Count(s => s.HintName.StartsWith("Test.Models.", StringComparison.Ordinal) && !s.HintName.EndsWith("JsonContext.g.cs", StringComparison.Ordinal));

    [Fact]
    public void Openapi_yaml_generates_records_and_enums()
    {
        const string yaml = """
            openapi: 3.0.3
            info: { title: Pets, version: "1" }
            components:
              schemas:
                Pet:
                  type: object
                  required: [id]
                  properties:
                    id: { type: integer, format: int64 }
                    on: { type: boolean }
                    status: { type: string, enum: [available, sold] }
            """;
        var run = Run(("/api/pets.yaml", yaml));
        Assert.Empty(run.GeneratorDiagnostics);
        var pet = Source(run, "Pet");
        Assert.Contains("long Id { get; init; }", Declaration(pet, "Id"), StringComparison.Ordinal);
        Assert.Contains("bool? On { get; init; }", Declaration(pet, "On"), StringComparison.Ordinal);
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
    }

    [Fact]
    public void Yaml_syntax_error_gets_MD1028_at_the_line_and_column_and_other_docs_still_generate()
    {
        const string bad = "openapi: 3.0.3\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      properties: {id: [1, 2}\n";
        const string good = "swagger: '2.0'\ndefinitions:\n  Owner:\n    type: object\n    properties:\n      name: {type: string}\n";
        var run = Run(("/api/broken.yaml", bad), ("/api/good.yml", good));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MD1028", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Descriptor.DefaultSeverity); // the test compilation raises warnings to errors
        var span = d.Location.GetLineSpan();
        Assert.Equal("/api/broken.yaml", span.Path);
        Assert.Equal(5, span.StartLinePosition.Line);
        Assert.Equal(bad.Split('\n')[5].IndexOf('}'), span.StartLinePosition.Character);
        Assert.Contains("(line 6, column " + (span.StartLinePosition.Character + 1) + ")", d.GetMessage(), StringComparison.Ordinal);
        _out.WriteLine(d.ToString());
        Source(run, "Owner");
        Assert.DoesNotContain(run.Sources, s => s.HintName == "Test.Models.Pet.g.cs");
    }

    [Theory]
    [InlineData(".github/workflows/ci.yml", "name: CI\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n")]
    [InlineData("docker-compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n")]
    [InlineData("k8s.yaml", "apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Service\n")]
    [InlineData("broken.yaml", "a: [1, 2\n\tb: {\n")]
    [InlineData("config.schema.yaml", "name: not a schema\nversion: 2\n")]
    public void Yaml_that_is_not_a_schema_gives_nothing(string name, string text)
    {
        var run = Run(("/app/" + name, text));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("Test.Models.", StringComparison.Ordinal));
    }

    [Fact]
    public void Refs_between_json_and_yaml_files_resolve_both_ways()
    {
        const string yaml = """
            openapi: 3.1.0
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    owner: { $ref: "../json/people.json#/$defs/Person" }
                    tag: { type: string }
            """;
        const string json = """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {
                "Person": { "type": "object", "properties": { "name": { "type": "string" } } },
                "Shelter": { "type": "object", "properties": {
                    "pets": { "type": "array", "items": { "$ref": "../yaml/pets.yaml#/components/schemas/Pet" } },
                    "first": { "$ref": "../yaml/pets.yaml#/components/schemas/Pet" } } } } }
            """;
        var run = Run(("/api/yaml/pets.yaml", yaml), ("/api/json/people.json", json));
        Assert.True(run.GeneratorDiagnostics.IsEmpty, TestHelpers.Format(run.GeneratorDiagnostics));
        Assert.Equal("public global::Test.Models.Person? Owner { get; init; }", Declaration(Source(run, "Pet"), "Owner"));
        var shelter = Source(run, "Shelter");
        Assert.Equal("public global::Test.Models.Pet? First { get; init; }", Declaration(shelter, "First"));
        Assert.Contains("global::Test.Models.Pet", Declaration(shelter, "Pets"), StringComparison.Ordinal);
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
    }

    [Fact]
    public void Talon_one_openapi_json_as_yaml_generates_identical_sources()
    {
        var jsonPath = Path.Combine(TestHelpers.CorpusDir, "openapi.json");
        Assert.True(File.Exists(jsonPath), "not found: " + jsonPath);
        var json = File.ReadAllText(jsonPath);
        var tree = JsonReader.Parse(json, out var error);
        Assert.True(tree is not null, error?.Message);
        var yaml = YamlTestHelpers.ToYaml(tree!);
        // The emitter's output reads back to the same tree.
        var back = Parsing.Yaml.YamlReader.Parse(yaml, out var yamlError);
        Assert.True(back is not null, yamlError?.Message + " at " + yamlError?.Position);
        Assert.Null(YamlTestHelpers.Difference(back!, tree!));

        var fromJson = Run(("/api/openapi.json", json));
        var fromYaml = Run(("/api/openapi.yaml", yaml));
        var a = fromJson.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        // Hint names hold no file name; the remarks and [ModelDoc] attribute name the source file: normalised.
        var b = fromYaml.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString().Replace("openapi.yaml", "openapi.json", StringComparison.Ordinal), StringComparer.Ordinal);
        _out.WriteLine($"{a.Count} sources from JSON, {b.Count} from YAML ({yaml.Length:N0} characters of YAML)");
        Assert.Equal(a.Keys.OrderBy(k => k, StringComparer.Ordinal), b.Keys.OrderBy(k => k, StringComparer.Ordinal));
        var differing = a.Keys.Where(k => a[k] != b[k]).ToList();
        if (differing.Count > 0)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "yaml-diff-json.cs"), a[differing[0]]);
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "yaml-diff-yaml.cs"), b[differing[0]]);
        }
        Assert.True(differing.Count == 0, "differ: " + string.Join(", ", differing.Take(10)));
        // Same diagnostics, by id and message (positions differ: one is JSON text, the other YAML).
        Assert.Equal(fromJson.GeneratorDiagnostics.Select(d => d.Id + " " + d.GetMessage().Replace("openapi.json", "openapi.yaml", StringComparison.Ordinal)).OrderBy(x => x, StringComparer.Ordinal),
                     fromYaml.GeneratorDiagnostics.Select(d => d.Id + " " + d.GetMessage()).OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public void Talon_one_original_openapi_yaml_generates_without_errors()
    {
        var yamlPath = Path.Combine(TestHelpers.CorpusDir, "openapi.yaml");
        Assert.True(File.Exists(yamlPath), "not found: " + yamlPath);
        var fromYaml = Run(("/api/openapi.yaml", File.ReadAllText(yamlPath)));
        var fromJson = Run(("/api/openapi.json", File.ReadAllText(Path.Combine(TestHelpers.CorpusDir, "openapi.json"))));
        var bad = fromYaml.GeneratorDiagnostics.Where(d => d.Id is "MD1028" or "MD9001" || d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        Assert.True(bad.Count == 0, TestHelpers.Format(bad));
        int yamlModels = ModelCount(fromYaml), jsonModels = ModelCount(fromJson);
        _out.WriteLine($"openapi.yaml: {yamlModels} model/enum sources, {fromYaml.GeneratorDiagnostics.Length} diagnostics; openapi.json: {jsonModels}, {fromJson.GeneratorDiagnostics.Length}");
        Assert.True(yamlModels > 100, "only " + yamlModels + " models");
        Assert.Equal(jsonModels, yamlModels);
    }
}
