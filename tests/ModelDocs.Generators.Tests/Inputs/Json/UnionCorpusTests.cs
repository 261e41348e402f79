using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Parsing.Json;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// Issue 12, acceptance 1: over every document in testsuites/openapi, every JSON-Schema-Test-Suite
/// schema and Talon.One's openapi.json, the unions left as <c>JsonElement</c> (MD1022) by shape, against
/// the counts before typed unions; and the suite's <c>valid: true</c> instances of union schemas read
/// into the union and written back equal.
/// </summary>
public sealed class UnionCorpusTests
{
    private readonly ITestOutputHelper _out;

    public UnionCorpusTests(ITestOutputHelper output) => _out = output;

    private static string Suites => Path.Combine(TestHelpers.SharedDir, "testsuites");

    /// <summary>
    /// MD1022 before typed unions: this test's own count at commit e3dbb8d (the last commit without them),
    /// run over the same inputs: 3 (2 × <c>$ref | $ref</c>, 1 × <c>object | $ref | $ref | $ref | $ref</c>).
    /// Root-level unions (most JSON-Schema-Test-Suite union schemas) were aliases then and reported nothing.
    /// </summary>
    private const int BeforeTotal = 3;

    /// <summary>The inputs, each a set of files generated together.</summary>
    internal static IEnumerable<(string Name, List<AdditionalText> Files)> Inputs()
    {
        var openapi = Path.Combine(Suites, "openapi");
        Assert.True(Directory.Exists(openapi), "not found: " + openapi);
        var separate = new List<AdditionalText>();
        foreach (var file in Directory.GetFiles(openapi, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var text = new InMemoryAdditionalText(file, File.ReadAllText(file));
            if (file.Replace('\\', '/').Contains("/petstore-separate/")) separate.Add(text);
            else yield return (Path.GetRelativePath(Suites, file), new List<AdditionalText> { text });
        }
        if (separate.Count > 0) yield return ("openapi/petstore-separate", separate);

        foreach (var (file, texts, _) in JsonTestSuiteTests.CaseFiles())
        {
            if (texts.Count > 0) yield return ($"JSON-Schema-Test-Suite/{file}", texts);
        }
        var talon = Path.Combine(TestHelpers.CorpusDir, "openapi.json");
        Assert.True(File.Exists(talon), "not found: " + talon);
        yield return ("talon-one/openapi.json", new List<AdditionalText> { new InMemoryAdditionalText(talon, File.ReadAllText(talon)) });
    }

    /// <summary>A union's shape: its members' kinds in documented order (<c>string | array</c>, <c>$ref | $ref</c>, …).</summary>
    internal static string ShapeAt(string text, int position)
    {
        var root = JsonReader.Parse(text, out _);
        if (root is null) return "?";
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Start == position && n.IsArray) return string.Join(" | ", n.Items!.Select(KindOf));
            if (n.IsObject) foreach (var m in n.Members!) stack.Push(m.Value);
            else if (n.IsArray) foreach (var item in n.Items!) stack.Push(item);
        }
        return "?";
    }

    private static string KindOf(JsonNode o)
    {
        if (!o.IsObject) return o.Kind.ToString().ToLowerInvariant();
        if (o.Get("$ref") is not null) return "$ref";
        if (o.Get("const") is not null) return "const";
        if (o.Get("enum") is not null) return "enum";
        if (o.Get("type") is { } t) return t.IsString ? t.Text! : "[" + string.Join(",", t.Items!.Select(i => i.Text)) + "]";
        if (o.Get("properties") is not null || o.Get("required") is not null) return "object";
        if (o.Get("items") is not null) return "array";
        if (o.Get("oneOf") is not null || o.Get("anyOf") is not null) return "union";
        if (o.Get("allOf") is not null) return "allOf";
        return o.Members!.Count == 0 ? "{}" : "{" + string.Join(",", o.Members.Select(m => m.Name)) + "}";
    }

    [Fact]
    public void Untyped_unions_fall_by_at_least_90_percent()
    {
        var byShape = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int total = 0, unions = 0, indistinct = 0, failures = 0;
        foreach (var (name, files) in Inputs())
        {
            var run = TestHelpers.Run(files);
            var texts = files.ToDictionary(f => f.Path, f => f.GetText()!.ToString());
            foreach (var d in run.GeneratorDiagnostics)
            {
                if (d.Id == "MD1031") indistinct++;
                if (d.Id != "MD1022") continue;
                total++;
                var path = d.Location.GetLineSpan().Path;
                var shape = texts.TryGetValue(path, out var text) ? ShapeAt(text, d.Location.SourceSpan.Start) : "?";
                byShape[shape] = byShape.TryGetValue(shape, out var n) ? n + 1 : 1;
            }
            unions += run.Sources.Count(s => s.SourceText.ToString().Contains("public readonly partial struct"));
            if (!run.CompileDiagnostics.IsEmpty) { failures++; _out.WriteLine($"{name}: {run.CompileDiagnostics[0]}"); }
        }
        _out.WriteLine($"MD1022 (union as JsonElement) now: {total}; before typed unions (commit e3dbb8d): {BeforeTotal}; union types generated: {unions}; MD1031 (cases not told apart): {indistinct}");
        foreach (var kv in byShape.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal)) _out.WriteLine($"  {kv.Value,5}  {kv.Key}");
        Assert.Equal(0, failures);
        Assert.True(BeforeTotal > 0, "baseline missing");
        Assert.True(total * 10 <= BeforeTotal, $"MD1022 {total} is more than 10% of {BeforeTotal}");
    }

    [Fact]
    public void Valid_instances_of_union_schemas_read_into_the_union_and_write_back_equal()
    {
        int instances = 0, intoCase = 0;
        var unequal = new List<string>();
        _out.WriteLine("| file | union schemas | valid instances | read into a case | written back equal |");
        _out.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (draft, file, texts, data) in SchemaSuiteInstanceTests.ValidInstances())
        {
            var generated = GeneratedAssembly.Build(texts);
            if (!generated.HasContext) continue;
            int fileUnions = 0, fileInstances = 0, fileCase = 0, fileEqual = 0;
            var seen = new HashSet<string>();
            foreach (var (typeName, json) in data)
            {
                var type = generated.Assembly.GetType(GeneratedAssembly.Namespace + "." + typeName);
                if (type is null || !type.IsValueType || type.IsEnum || type.GetProperty("IsUnknown") is null) continue;
                if (seen.Add(typeName)) fileUnions++;
                fileInstances++;
                var info = generated.TypeInfo(typeName);
                var raw = json.GetRawText();
                var value = JsonSerializer.Deserialize(raw, info);
                if (value is not null && !(bool)type.GetProperty("IsUnknown")!.GetValue(value)!) fileCase++;
                var back = JsonSerializer.Serialize(value, info);
                if (JsonEqual(raw, back)) fileEqual++;
                else unequal.Add($"{draft}/{file} {typeName}: {raw} -> {back}");
            }
            if (fileInstances == 0) continue;
            instances += fileInstances;
            intoCase += fileCase;
            _out.WriteLine($"| {draft}/{file} | {fileUnions} | {fileInstances} | {fileCase} ({100.0 * fileCase / fileInstances:F0}%) | {fileEqual} |");
        }
        _out.WriteLine($"valid instances of union schemas: {instances}; read into a case: {intoCase} ({100.0 * intoCase / Math.Max(1, instances):F1}%); written back unequal: {unequal.Count}");
        foreach (var u in unequal) _out.WriteLine("  " + u);
        Assert.True(instances >= 20, "too few union instances: " + instances);
        Assert.Empty(unequal);
    }

    /// <summary>Same JSON value (numbers by their text, members in order).</summary>
    private static bool JsonEqual(string a, string b)
    {
        using var x = JsonDocument.Parse(a);
        using var y = JsonDocument.Parse(b);
        return JsonElement.DeepEquals(x.RootElement, y.RootElement);
    }
}
