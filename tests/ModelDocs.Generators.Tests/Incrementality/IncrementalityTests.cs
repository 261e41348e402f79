using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators.Model;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// The incremental pipeline caches what it should: reruns, C# edits and doc edits recompute only what
/// changed, and no tracked step holds a Roslyn object that would defeat caching (or keep a compilation alive).
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] Names =
    {
        "NewCustomerSession", "CartItem", "Product", "AdditionalCost", "PriceDetail",
        "Coupon", "LimitConfig", "CustomerProfile", "AudienceMembership", "LoyaltyMembership", "Attribute",
    };

    private readonly ITestOutputHelper _out;

    public IncrementalityTests(ITestOutputHelper output) => _out = output;

    private sealed record Setup(List<InMemoryAdditionalText> Docs, CSharpCompilation Compilation, GeneratorDriver Driver);

    /// <summary>Both builds of the generator: the pipeline is one, the registration of its sources differs.</summary>
    public static TheoryData<string> Builds => new(GeneratorBuilds.All);

    private static Setup Start(string build)
    {
        var docs = Names
            .Select(n => Path.Combine(TestHelpers.CorpusDir, "python", n + ".md"))
            .Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p)))
            .ToList();
        var compilation = TestHelpers.CreateCompilation();
        var run = TestHelpers.Run(docs, compilation: compilation, trackSteps: true, build: build);
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
        Assert.Empty(run.GeneratorProblems);
        foreach (var n in Names) Assert.Contains(run.Sources, s => s.HintName == $"Test.Models.{n}.g.cs");
        return new Setup(docs, compilation, run.Driver);
    }

    private static GeneratorRunResult Result(GeneratorDriver driver)
    {
        var result = Assert.Single(driver.GetRunResult().Results);
        Assert.Null(result.Exception);
        return result;
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver, string step)
    {
        var tracked = Result(driver).TrackedSteps;
        Assert.True(tracked.TryGetValue(step, out var runs), $"step '{step}' was not tracked; tracked: {string.Join(", ", tracked.Keys)}");
        return runs.SelectMany(r => r.Outputs).ToList();
    }

    private static bool IsReused(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static void AssertAllReused(GeneratorDriver driver, IEnumerable<string> steps, string scenario)
    {
        foreach (var step in steps)
        {
            var outputs = Outputs(driver, step);
            Assert.NotEmpty(outputs);
            var bad = outputs.Where(o => !IsReused(o.Reason)).ToList();
            Assert.True(bad.Count == 0, $"{scenario}: step {step} recomputed {bad.Count} of {outputs.Count} outputs: " +
                                        string.Join("; ", bad.Select(b => $"{b.Reason} {Describe(b.Value)}")));
        }
    }

    private static void AssertAllOutputStepsReused(GeneratorDriver driver, string scenario)
    {
        var outputSteps = Result(driver).TrackedOutputSteps;
        Assert.NotEmpty(outputSteps);
        foreach (var kv in outputSteps)
        {
            var outputs = kv.Value.SelectMany(s => s.Outputs).ToList();
            var bad = outputs.Where(o => !IsReused(o.Reason)).ToList();
            Assert.True(bad.Count == 0, $"{scenario}: output step {kv.Key} re-ran {bad.Count} of {outputs.Count} outputs: " +
                                        string.Join("; ", bad.Select(b => $"{b.Reason} {Describe(b.Value)}")));
        }
    }

    /// <summary>A property of a step output, by name: the two builds' spec types are different types of the same shape.</summary>
    private static object? Prop(object? value, string name)
        => value?.GetType().GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(value);

    /// <summary>The doc a step output belongs to, for the per-doc steps.</summary>
    private static string? FileOf(object? value) => value switch
    {
        null => null,
        System.Runtime.CompilerServices.ITuple t => FileOf(t[0]),
        _ => value.GetType().Name switch
        {
            "FileResult" or "DocumentSpec" or "ModelSpec" => (string?)Prop(value, "FilePath"),
            "DocumentResult" => (string?)Prop(Prop(value, "Document"), "FilePath"),
            "ResolveResult" => (string?)Prop(Prop(value, "Model"), "FilePath"),
            _ => null,
        },
    };

    /// <summary>The hint names an emission step produced.</summary>
    private static string HintsOf(object? value)
        => string.Join(",", ((IEnumerable)Prop(value, "Sources")!).Cast<object>().Select(s => (string)Prop(s, "HintName")!));

    private static string Describe(object? value)
        => FileOf(value) is { } f ? Path.GetFileName(f) : value?.GetType().Name == "EmitResult" ? HintsOf(value) : value?.GetType().Name ?? "null";

    [Theory]
    [MemberData(nameof(Builds))]
    public void Rerun_with_same_inputs_reuses_every_step(string build)
    {
        var s = Start(build);
        var driver = s.Driver.RunGenerators(s.Compilation);
        AssertAllReused(driver, TrackingNames.All, "rerun");
        AssertAllOutputStepsReused(driver, "rerun");
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Unrelated_csharp_edit_reuses_every_step_and_output(string build)
    {
        var s = Start(build);

        // Add a file.
        var added = s.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace App; public static class Extra { public static int Answer => 42; }", TestHelpers.ParseOptions, path: "Extra.cs"));
        var driver = s.Driver.RunGeneratorsAndUpdateCompilation(added, out var output, out _);
        AssertAllReused(driver, TrackingNames.All, "added C# file");
        AssertAllOutputStepsReused(driver, "added C# file");
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // Then edit it. Only the target check reads the compilation (what it reads is equal, so nothing after it
        // runs); the capabilities come from parse options and build properties, so they stay Cached.
        var tree = added.SyntaxTrees.Single(t => t.FilePath == "Extra.cs");
        var edited = added.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            "namespace App; public static class Extra { public static int Answer => 43; }", TestHelpers.ParseOptions, path: "Extra.cs"));
        driver = driver.RunGeneratorsAndUpdateCompilation(edited, out _, out _);
        AssertAllReused(driver, TrackingNames.All, "edited C# file");
        AssertAllOutputStepsReused(driver, "edited C# file");
        Assert.All(Outputs(driver, TrackingNames.Capabilities), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Editing_one_docs_description_recomputes_only_that_doc(string build)
    {
        var s = Start(build);
        var product = s.Docs.Single(d => Path.GetFileName(d.Path) == "Product.md");
        var oldText = product.GetText()!.ToString();
        const string Old = "The specific properties of the product this item belongs to, if available.";
        Assert.Contains(Old, oldText, StringComparison.Ordinal);
        var edited = new InMemoryAdditionalText(product.Path, oldText.Replace(Old, "The product's properties, where known.", StringComparison.Ordinal));

        var driver = s.Driver.ReplaceAdditionalText(product, edited).RunGenerators(s.Compilation);

        foreach (var step in new[] { TrackingNames.Documents, TrackingNames.ParsedDocuments, TrackingNames.Models, TrackingNames.ResolvedModels })
        {
            var outputs = Outputs(driver, step);
            Assert.Equal(Names.Length, outputs.Count);
            foreach (var o in outputs)
            {
                var file = FileOf(o.Value);
                Assert.NotNull(file);
                if (file == product.Path)
                    Assert.True(o.Reason == IncrementalStepRunReason.Modified, $"{step}: Product.md is {o.Reason}, expected Modified");
                else
                    Assert.True(IsReused(o.Reason), $"{step}: {Path.GetFileName(file)} is {o.Reason}, expected Cached or Unchanged");
            }
        }
        // Only Product's sources are emitted again.
        var emitted = Outputs(driver, TrackingNames.ModelSources);
        Assert.Equal(Names.Length, emitted.Count);
        var reEmitted = emitted.Where(o => !IsReused(o.Reason)).Select(o => HintsOf(o.Value)).ToList();
        Assert.Equal(new[] { "Test.Models.Product.g.cs" }, reEmitted);

        // The serializer contexts depend on type names only: a description edit leaves them alone.
        AssertAllReused(driver, new[] { TrackingNames.TypeIndex, TrackingNames.Capabilities, TrackingNames.JsonOptions, TrackingNames.ContextTypes, TrackingNames.SharedSources }, "description edit");

        // The new description reached the output.
        var source = Result(driver).GeneratedSources.Single(g => g.HintName == "Test.Models.Product.g.cs").SourceText.ToString();
        Assert.Contains("The product's properties, where known.", source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Whitespace_at_the_end_of_a_doc_changes_no_model(string build)
    {
        var s = Start(build);
        var doc = s.Docs.Single(d => Path.GetFileName(d.Path) == "CartItem.md");
        var edited = new InMemoryAdditionalText(doc.Path, doc.GetText()!.ToString() + "\n   \n\t\n");

        var driver = s.Driver.ReplaceAdditionalText(doc, edited).RunGenerators(s.Compilation);

        // The doc is re-read, but what it reads as is equal: nothing downstream runs again.
        var documents = Outputs(driver, TrackingNames.Documents);
        Assert.Contains(documents, o => FileOf(o.Value) == doc.Path && o.Reason == IncrementalStepRunReason.Unchanged);
        AssertAllReused(driver, TrackingNames.All, "whitespace edit");
        AssertAllOutputStepsReused(driver, "whitespace edit");
    }

    private const string JsonA = """
    { "openapi": "3.1.0", "components": { "schemas": {
        "Alpha": { "type": "object", "properties": { "name": { "type": "string", "description": "Alpha's name." } } },
        "Beta": { "type": "object", "properties": { "state": { "type": "string", "enum": ["on", "off"] }, "alpha": { "$ref": "#/components/schemas/Alpha" } } },
        "Gamma": { "type": "object", "properties": { "n": { "type": "integer" } } } } } }
    """;

    private const string JsonB = """
    { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Delta", "type": "object",
      "properties": { "alpha": { "$ref": "a.json#/components/schemas/Alpha" } } }
    """;

    /// <summary>A model's identity in a step output: its schema (JSON) or file (markdown).</summary>
    private static string? KeyOf(object? value) => value switch
    {
        null => null,
        System.Runtime.CompilerServices.ITuple t => KeyOf(t[0]),
        _ => value.GetType().Name switch
        {
            "DocumentSpec" => (string?)Prop(value, "JsonKey") ?? (string?)Prop(value, "FilePath"),
            "ResolveResult" => KeyOf(Prop(value, "Model")),
            "ModelSpec" => Prop(value, "FilePath") + "|" + Prop(value, "TypeName"),
            _ => FileOf(value),
        },
    };

    private static void AssertOnlyChanged(GeneratorDriver driver, string[] steps, string changed, string[] mayChange)
    {
        foreach (var step in steps)
        {
            var outputs = Outputs(driver, step);
            Assert.Equal(5, outputs.Count); // Alpha, Beta, Gamma, Delta, CartItem
            foreach (var o in outputs)
            {
                var key = KeyOf(o.Value);
                Assert.NotNull(key);
                if (key == "json:/api/a.json#/components/schemas/" + changed || key == "/api/a.json|" + changed)
                    Assert.True(o.Reason == IncrementalStepRunReason.Modified, $"{step}: {changed} is {o.Reason}, expected Modified");
                else if (!mayChange.Contains(key))
                    Assert.True(IsReused(o.Reason), $"{step}: {key} is {o.Reason}, expected Cached or Unchanged");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Editing_one_schema_in_a_json_file_recomputes_only_that_schema(string build)
    {
        var a = new InMemoryAdditionalText("/api/a.json", JsonA);
        var b = new InMemoryAdditionalText("/api/b.json", JsonB);
        var md = new InMemoryAdditionalText(Path.Combine(TestHelpers.CorpusDir, "python", "CartItem.md"), File.ReadAllText(Path.Combine(TestHelpers.CorpusDir, "python", "CartItem.md")));
        var compilation = TestHelpers.CreateCompilation();
        var run = TestHelpers.Run(new AdditionalText[] { a, b, md }, compilation: compilation, trackSteps: true, build: build);
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
        Assert.Contains(run.Sources, s => s.HintName == "Test.Models.Delta.g.cs");
        Assert.Contains("global::Test.Models.Alpha? Alpha", run.Sources.Single(s => s.HintName == "Test.Models.Delta.g.cs").SourceText.ToString(), StringComparison.Ordinal);

        // Rerun: everything reused.
        var rerun = run.Driver.RunGenerators(compilation);
        AssertAllReused(rerun, TrackingNames.All, "json rerun");
        AssertAllOutputStepsReused(rerun, "json rerun");

        // Edit Alpha's property description in a.json.
        var edited = new InMemoryAdditionalText(a.Path, JsonA.Replace("Alpha's name.", "The alpha's display name.", StringComparison.Ordinal));
        var driver = run.Driver.ReplaceAdditionalText(a, edited).RunGenerators(compilation);

        var files = Outputs(driver, TrackingNames.Documents);
        Assert.Equal(3, files.Count);
        foreach (var o in files)
        {
            var file = FileOf(o.Value);
            if (file == a.Path) Assert.Equal(IncrementalStepRunReason.Modified, o.Reason);
            else Assert.True(IsReused(o.Reason), $"Documents: {file} is {o.Reason}");
        }
        // Schemas after the edit moved (their diagnostics' locations changed), so they are re-read and
        // re-resolved; what they resolve to is equal, so only Alpha reaches emission again.
        var moved = new[] { "json:/api/a.json#/components/schemas/Beta", "json:/api/a.json#/components/schemas/Gamma", "/api/a.json|Beta", "/api/a.json|Gamma" };
        AssertOnlyChanged(driver, new[] { TrackingNames.ParsedDocuments, TrackingNames.Models }, "Alpha", moved);
        AssertOnlyChanged(driver, new[] { TrackingNames.ResolvedModels }, "Alpha", Array.Empty<string>());

        // Editing the last schema of the file moves nothing: only it is re-read.
        var edited2 = new InMemoryAdditionalText(a.Path, JsonA.Replace("\"n\": { \"type\": \"integer\" }", "\"n\": { \"type\": \"integer\", \"description\": \"A count.\" }", StringComparison.Ordinal));
        Assert.NotEqual(JsonA, edited2.GetText().ToString());
        var driver2 = run.Driver.ReplaceAdditionalText(a, edited2).RunGenerators(compilation);
        AssertOnlyChanged(driver2, new[] { TrackingNames.ParsedDocuments, TrackingNames.Models, TrackingNames.ResolvedModels }, "Gamma", Array.Empty<string>());

        // No JSON node, SourceText or other Roslyn object is held by any step.
        foreach (var step in TrackingNames.All)
        {
            foreach (var (value, _) in Outputs(driver, step))
            {
                var found = RoslynObjectFinder.Find(value, out _);
                Assert.True(found is null, $"step {step} output {Describe(value)} holds {found}");
            }
        }
        AssertAllReused(driver, new[] { TrackingNames.TypeIndex, TrackingNames.Capabilities }, "json description edit");
        var alpha = Result(driver).GeneratedSources.Single(g => g.HintName == "Test.Models.Alpha.g.cs").SourceText.ToString();
        Assert.Contains("The alpha's display name.", alpha, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Tracked_step_outputs_hold_no_roslyn_objects(string build)
    {
        var s = Start(build);
        // One more run with an edit, so the walk also sees outputs produced incrementally.
        var product = s.Docs.Single(d => Path.GetFileName(d.Path) == "Product.md");
        var driver2 = s.Driver.ReplaceAdditionalText(product, new InMemoryAdditionalText(product.Path, product.GetText()!.ToString().Replace("if available", "if known", StringComparison.Ordinal)))
            .RunGenerators(s.Compilation);

        var visited = 0;
        foreach (var driver in new[] { s.Driver, driver2 })
        {
            foreach (var step in TrackingNames.All)
            {
                foreach (var (value, _) in Outputs(driver, step))
                {
                    var found = RoslynObjectFinder.Find(value, out var count);
                    visited += count;
                    Assert.True(found is null, $"step {step} output {Describe(value)} holds {found}");
                }
            }
        }
        _out.WriteLine($"walked {visited} objects");
        Assert.True(visited > 1000, "the walk saw suspiciously few objects: " + visited);
    }

    [Fact]
    public void Roslyn_object_finder_finds_what_it_looks_for()
    {
        var location = Location.Create("a.md", new TextSpan(0, 1), new LinePositionSpan(default, default));
        Assert.NotNull(RoslynObjectFinder.Find((1, new List<object> { "x", new[] { location } }), out _));
        Assert.NotNull(RoslynObjectFinder.Find(new Holder(TestHelpers.CreateCompilation()), out _));
        Assert.NotNull(RoslynObjectFinder.Find(new Holder(new InMemoryAdditionalText("a.md", "")), out _));
        Assert.NotNull(RoslynObjectFinder.Find(new Holder(CSharpSyntaxTree.ParseText("class C { }")), out _));
        Assert.NotNull(RoslynObjectFinder.Find(new Holder(CSharpSyntaxTree.ParseText("class C { }").GetRoot()), out _));
        var cyclic = new List<object>();
        cyclic.Add(cyclic);
        Assert.Null(RoslynObjectFinder.Find(cyclic, out _));
    }

    private sealed class Holder
    {
        private readonly object _value;
        public Holder(object value) => _value = value;
        public override string ToString() => _value.ToString()!;
    }
}

/// <summary>
/// Walks an object graph by reflection (instance fields of every type, properties of the generator's own
/// types, items of enumerables) and returns a description of the first Roslyn object it finds that must
/// never sit in an incremental pipeline's cached values.
/// </summary>
internal static class RoslynObjectFinder
{
    private static readonly Type[] Forbidden =
    {
        typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(AdditionalText), typeof(SyntaxTree),
        // Not in the brief's list, but as bad for caching:
        typeof(SemanticModel), typeof(SourceText), typeof(AnalyzerConfigOptions), typeof(AnalyzerConfigOptionsProvider),
        // The JSON reader's tree lives only inside the parse step.
    };

    /// <summary>The JSON reader's tree lives only inside the parse step (by name: the Roslyn 4.8 build's copy is another type).</summary>
    private static readonly string JsonNodeType = typeof(ModelDocs.Generators.Parsing.Json.JsonNode).FullName!;

    /// <summary>Either build of the generator (same assembly name, different load contexts).</summary>
    private static bool IsGeneratorAssembly(Assembly assembly) => assembly.GetName().Name == typeof(ModelDocsGenerator).Assembly.GetName().Name;

    public static string? Find(object? root, out int visited)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(object Value, string Path)>();
        visited = 0;
        if (root is not null) stack.Push((root, root.GetType().Name));
        while (stack.Count > 0)
        {
            var (value, path) = stack.Pop();
            var type = value.GetType();
            if (!type.IsValueType && !seen.Add(value)) continue;
            visited++;
            foreach (var f in Forbidden)
            {
                if (f.IsInstanceOfType(value)) return $"{f.Name} ({type.FullName}) at {path}";
            }
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t.FullName == JsonNodeType) return $"JsonNode ({type.FullName}) at {path}";
            }
            if (IsLeaf(type)) continue;

            if (value is IEnumerable items and not string)
            {
                var i = 0;
                foreach (var item in items)
                {
                    if (item is not null) stack.Push((item, $"{path}[{i}]"));
                    i++;
                }
            }
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRef || field.FieldType.IsByRefLike) continue;
                    var v = field.GetValue(value);
                    if (v is not null) stack.Push((v, path + "." + field.Name));
                }
            }
            if (IsGeneratorAssembly(type.Assembly))
            {
                foreach (var prop in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                {
                    if (prop.GetIndexParameters().Length > 0 || prop.GetMethod is null || prop.PropertyType.IsByRefLike) continue;
                    var v = prop.GetValue(value);
                    if (v is not null) stack.Push((v, path + "." + prop.Name));
                }
            }
        }
        return null;
    }

    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal)
           || typeof(Type).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type)
           || typeof(Assembly).IsAssignableFrom(type);
}
