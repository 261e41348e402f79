using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// Every OpenAPI/Swagger document in testsuites/openapi and every schema in JSON-Schema-Test-Suite
/// generates without a generator exception (nor MD9001) and what it generates compiles with zero
/// errors and warnings. Per-file results are printed.
/// </summary>
public sealed class JsonTestSuiteTests
{
    private readonly ITestOutputHelper _out;

    public JsonTestSuiteTests(ITestOutputHelper output) => _out = output;

    private static string Suites => Path.Combine(TestHelpers.SharedDir, "testsuites");

    /// <summary>Runs the generator; returns a failure description or null, and the counts.</summary>
    private static string? Check(IReadOnlyList<AdditionalText> files, out int types, out string diagnostics)
    {
        types = 0;
        diagnostics = string.Empty;
        GeneratorRun run;
        try
        {
            run = TestHelpers.Run(files);
        }
        catch (Exception ex)
        {
            return "generator exception: " + ex.Message.Split('\n')[0];
        }
        types = run.Sources.Count(s => s.HintName.StartsWith("Test.Models.", StringComparison.Ordinal) && !s.HintName.EndsWith(".ModelDocsJsonContext.g.cs", StringComparison.Ordinal));
        diagnostics = string.Join(" ", run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
        var internalErrors = run.GeneratorDiagnostics.Where(d => d.Id == "MD9001").ToList();
        if (internalErrors.Count > 0) return "MD9001: " + internalErrors[0].GetMessage();
        if (!run.CompileDiagnostics.IsEmpty) return "compile: " + run.CompileDiagnostics[0];
        return null;
    }

    [Fact]
    public void Every_openapi_document_generates_and_compiles()
    {
        var root = Path.Combine(Suites, "openapi");
        Assert.True(Directory.Exists(root), "not found: " + root);
        var failures = new List<string>();
        var groups = new List<(string Name, List<string> Files)>();
        foreach (var file in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            // petstore-separate refers across its files: one compilation for the folder.
            var separate = file.Replace('\\', '/').IndexOf("/petstore-separate/", StringComparison.Ordinal);
            if (separate >= 0)
            {
                var name = file.Substring(0, separate) + "/petstore-separate";
                var group = groups.FirstOrDefault(g => g.Name == name);
                if (group.Files is null) groups.Add((name, new List<string> { file }));
                else group.Files.Add(file);
                continue;
            }
            groups.Add((file, new List<string> { file }));
        }
        int totalTypes = 0, documents = 0;
        _out.WriteLine("| input | types | diagnostics | result |");
        _out.WriteLine("|---|---:|---|---|");
        foreach (var (name, files) in groups)
        {
            documents += files.Count;
            var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f, File.ReadAllText(f))).ToList();
            var problem = Check(texts, out var types, out var diags);
            totalTypes += types;
            _out.WriteLine($"| {Path.GetRelativePath(root, name)} | {types} | {diags} | {(problem ?? "ok")} |");
            if (problem is not null) failures.Add(name + ": " + problem);
        }
        _out.WriteLine($"{documents} files in {groups.Count} runs, {totalTypes} types, {failures.Count} failures");
        Assert.Empty(failures);
        Assert.Equal(87, documents);
        Assert.True(totalTypes > 400, "suspiciously few types: " + totalTypes);
    }

    /// <summary>
    /// Each file of the suite (<c>draft/name.json</c>): its object schemas as documents generated together, one per
    /// case (<see cref="AsSchemaDocument"/>), and how many of its cases are boolean schemas (no type to generate).
    /// </summary>
    internal static IEnumerable<(string File, List<AdditionalText> Texts, int BooleanSchemas)> CaseFiles()
    {
        var root = Path.Combine(Suites, "JSON-Schema-Test-Suite", "tests");
        Assert.True(Directory.Exists(root), "not found: " + root);
        foreach (var draftDir in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var draft = Path.GetFileName(draftDir);
            foreach (var file in Directory.GetFiles(draftDir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                using var cases = JsonDocument.Parse(File.ReadAllText(file));
                var texts = new List<AdditionalText>();
                int i = 0, booleans = 0;
                foreach (var c in cases.RootElement.EnumerateArray())
                {
                    i++;
                    var schema = c.GetProperty("schema");
                    if (schema.ValueKind != JsonValueKind.Object)
                    {
                        booleans++;
                        continue;
                    }
                    texts.Add(new InMemoryAdditionalText($"/jsts/{draft}/{Path.GetFileNameWithoutExtension(file)}/case{i:D2}.json", AsSchemaDocument(schema, draft)));
                }
                yield return ($"{draft}/{Path.GetFileName(file)}", texts, booleans);
            }
        }
    }

    /// <summary>
    /// A test-suite schema as a user would add it: marked with <c>$schema</c> for its draft (unless it
    /// says so already), which is how the reader tells a JSON Schema from other JSON files.
    /// </summary>
    internal static string AsSchemaDocument(JsonElement schema, string draft)
    {
        var raw = schema.GetRawText();
        if (schema.TryGetProperty("$schema", out _)) return raw;
        var meta = draft == "draft7" ? "http://json-schema.org/draft-07/schema#" : "https://json-schema.org/draft/2020-12/schema";
        var members = raw.Trim().Substring(1).TrimStart();
        return "{\"$schema\": \"" + meta + "\"" + (members.StartsWith("}", StringComparison.Ordinal) ? "" : ", ") + members;
    }

    [Fact]
    public void Every_json_schema_test_suite_schema_generates_and_compiles()
    {
        var failures = new List<string>();
        int schemas = 0, booleanSchemas = 0, totalTypes = 0;
        _out.WriteLine("| file | schemas | types | diagnostics | result |");
        _out.WriteLine("|---|---:|---:|---|---|");
        foreach (var (file, texts, booleans) in CaseFiles())
        {
            schemas += texts.Count;
            booleanSchemas += booleans; // true/false: accepts anything or nothing; no type to generate
            var problem = Check(texts, out var types, out var diags);
            totalTypes += types;
            _out.WriteLine($"| {file} | {texts.Count} | {types} | {diags} | {(problem ?? "ok")} |");
            if (problem is not null) failures.Add($"{file}: {problem}");
        }
        _out.WriteLine($"{schemas} object schemas (+{booleanSchemas} boolean schemas, no type), {totalTypes} types, {failures.Count} failures");
        Assert.Empty(failures);
        Assert.True(schemas > 250, "suspiciously few schemas: " + schemas);
    }
}
