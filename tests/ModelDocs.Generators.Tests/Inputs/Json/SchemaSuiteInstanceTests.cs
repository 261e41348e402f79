using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// JSON-Schema-Test-Suite through the generated serializer: for each object schema that becomes a
/// record, its <c>valid: true</c> instances are deserialized with the generated context. Prints the
/// share per file. Asserts that nothing but <see cref="JsonException"/> is ever thrown, and that most
/// instances a record can represent (JSON objects) deserialize.
/// </summary>
public sealed class SchemaSuiteInstanceTests
{
    private readonly ITestOutputHelper _out;

    public SchemaSuiteInstanceTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Valid_instances_deserialize_with_the_generated_context()
    {
        int objects = 0, objectsRead = 0, nonObjects = 0;
        var crashes = new List<string>();
        _out.WriteLine("| file | records | valid object instances | deserialized | share |");
        _out.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (draft, file, texts, instances) in ValidInstances())
        {
            var generated = GeneratedAssembly.Build(texts);
            if (!generated.HasContext) continue; // no schema in the file became a type
            int records = 0, fileObjects = 0, fileRead = 0;
            foreach (var (typeName, data) in instances)
            {
                var type = generated.Assembly.GetType(GeneratedAssembly.Namespace + "." + typeName);
                if (type is null || !type.IsClass) continue; // not a record (an alias, a primitive): not representable
                records++;
                if (data.ValueKind != JsonValueKind.Object)
                {
                    nonObjects++; // valid for the schema (it constrains objects only) but not a record
                    continue;
                }
                fileObjects++;
                var info = generated.Context.GetTypeInfo(type)!;
                try
                {
                    JsonSerializer.Deserialize(data.GetRawText(), info);
                    fileRead++;
                }
                catch (JsonException)
                {
                    // A documented refusal, e.g. a number out of the generated type's range.
                }
                catch (Exception ex)
                {
                    crashes.Add($"{draft}/{file} {typeName}: {ex.GetType().Name}: {ex.Message}");
                }
            }
            objects += fileObjects;
            objectsRead += fileRead;
            if (fileObjects > 0)
            {
                _out.WriteLine($"| {draft}/{file} | {records} | {fileObjects} | {fileRead} | {100.0 * fileRead / fileObjects:F0}% |");
            }
        }
        _out.WriteLine($"valid object instances of schemas that became records: {objectsRead}/{objects} deserialized ({100.0 * objectsRead / Math.Max(1, objects):F1}%); {nonObjects} valid non-object instances (not representable as a record) skipped");
        Assert.True(crashes.Count == 0, string.Join("\n", crashes.Take(20)));
        Assert.True(objects > 100, "suspiciously few instances: " + objects);
        Assert.True(objectsRead * 10 >= objects * 8, $"only {objectsRead}/{objects} valid object instances deserialized");
    }

    /// <summary>
    /// Each JSON-Schema-Test-Suite file (draft, file name) with its untitled object schemas as documents
    /// (<c>/jsts/{draft}/caseNN.json</c>, type <c>CaseNN</c>) and their <c>valid: true</c> instances.
    /// </summary>
    internal static IEnumerable<(string Draft, string File, List<AdditionalText> Texts, List<(string Type, JsonElement Data)> Instances)> ValidInstances()
    {
        var root = Path.Combine(TestHelpers.SharedDir, "testsuites", "JSON-Schema-Test-Suite", "tests");
        Assert.True(Directory.Exists(root), "not found: " + root);
        foreach (var draftDir in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var draft = Path.GetFileName(draftDir);
            foreach (var file in Directory.GetFiles(draftDir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                using var cases = JsonDocument.Parse(File.ReadAllText(file));
                var texts = new List<AdditionalText>();
                var instances = new List<(string Type, JsonElement Data)>();
                var i = 0;
                foreach (var c in cases.RootElement.EnumerateArray())
                {
                    i++;
                    var schema = c.GetProperty("schema");
                    if (schema.ValueKind != JsonValueKind.Object || schema.TryGetProperty("title", out _)) continue;
                    texts.Add(new InMemoryAdditionalText($"/jsts/{draft}/case{i:D2}.json", JsonTestSuiteTests.AsSchemaDocument(schema, draft)));
                    foreach (var t in c.GetProperty("tests").EnumerateArray())
                    {
                        if (t.GetProperty("valid").GetBoolean()) instances.Add(($"Case{i:D2}", t.GetProperty("data").Clone()));
                    }
                }
                if (texts.Count > 0) yield return (draft, Path.GetFileName(file), texts, instances);
            }
        }
    }
}
