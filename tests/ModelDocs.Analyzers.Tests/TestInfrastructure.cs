using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators.Analyzers;
using ModelDocs.Generators.CodeFixes;

namespace ModelDocs.Analyzers.Tests;

[AttributeUsage(AttributeTargets.Assembly)]
public sealed class SharedDirAttribute : Attribute
{
    public SharedDirAttribute(string path) => Path = path;
    public string Path { get; }
}

/// <summary>
/// The generated code the tests analyze: the real generator run over the repo's <c>schemas/*.md</c>
/// (the NewCustomerSession seed doc and its linked docs) plus <c>Docs/*.md</c> (a plain enum), into
/// namespace <c>Test.Models</c>. Run once per test run.
/// </summary>
public static class GeneratedModels
{
    public const string Namespace = "Test.Models";

    private static readonly Lazy<ImmutableArray<(string HintName, string Source)>> s_sources = new(Generate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ImmutableArray<(string HintName, string Source)> Sources => s_sources.Value;

    public static string RepoDir([CallerFilePath] string callerPath = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", ".."));

    public static string TestDir([CallerFilePath] string callerPath = "") => Path.GetDirectoryName(callerPath)!;

    public static IReadOnlyList<AdditionalText> Docs()
        => Directory.GetFiles(Path.Combine(RepoDir(), "schemas"), "*.md")
            .Concat(Directory.GetFiles(Path.Combine(TestDir(), "Docs"), "*.md"))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryAdditionalText("/docs/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();

    private static ImmutableArray<(string, string)> Generate()
    {
        var compilation = CSharpCompilation.Create("Models",
            new[] { CSharpSyntaxTree.ParseText("namespace Placeholder { }", TestReferences.ParseOptions) },
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ModelDocs.Generators.ModelDocsGenerator().AsSourceGenerator() },
            Docs(),
            TestReferences.ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.ModelDocsNamespace"] = Namespace }));
        var result = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics).GetRunResult();
        if (result.Results.Any(r => r.Exception is not null) || diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            throw new InvalidOperationException("The generator failed on the test docs: " + string.Join("; ", diagnostics));
        }
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("Generated code does not compile: " + string.Join("; ", errors));

        var sources = result.Results.SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();
        foreach (var (hint, text) in sources)
        {
            // The testing library reads markup in every source; generated code must not contain any.
            foreach (var token in new[] { "[|", "|]", "{|", "|}", "$$" })
            {
                if (text.Contains(token, StringComparison.Ordinal)) throw new InvalidOperationException($"{hint} contains test markup '{token}'");
            }
        }
        return sources;
    }
}

public static class TestReferences
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>No reference-assembly package (no network at test time): .NET 8 from Basic.Reference.Assemblies instead.</summary>
    public static readonly ReferenceAssemblies None = new("net8.0");

    public static void Configure(ProjectState state)
    {
        state.AdditionalReferences.AddRange(Net80.References.All);
    }

    public static DiagnosticAnalyzer[] UsageAnalyzers()
        => new DiagnosticAnalyzer[] { new UnknownWireValueAnalyzer(), new NotCreatableAnalyzer(), new UndocumentedTransitionAnalyzer() };

    public static void AddModels(SourceFileCollection sources)
    {
        foreach (var (hint, text) in GeneratedModels.Sources) sources.Add(("/generated/" + hint, text));
    }
}

/// <summary>Analyzer-only test: sources, generated models, .NET 8 references, C# 12, nullable on.</summary>
public sealed class AnalyzerTest : CSharpAnalyzerTest<UnknownWireValueAnalyzer, DefaultVerifier>
{
    public AnalyzerTest(params string[] sources) : this(modelsInReferencedProject: false, sources) { }

    public AnalyzerTest(bool modelsInReferencedProject, params string[] sources)
    {
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Configure(TestState);
        for (var i = 0; i < sources.Length; i++) TestState.Sources.Add(($"/src/Test{i}.cs", sources[i]));
        if (modelsInReferencedProject)
        {
            var models = new ProjectState("Models", LanguageNames.CSharp, "/models", "cs");
            TestState.AdditionalProjects.Add("Models", models);
            TestReferences.Configure(models);
            TestReferences.AddModels(models.Sources);
            TestState.AdditionalProjectReferences.Add("Models");
        }
        else
        {
            TestReferences.AddModels(TestState.Sources);
        }
    }

    protected override ParseOptions CreateParseOptions() => TestReferences.ParseOptions;

    /// <summary>The three usage analyzers (one per rule), as the package ships them.</summary>
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => TestReferences.UsageAnalyzers();

    protected override CompilationOptions CreateCompilationOptions()
        => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}

/// <summary>Analyzer + code fix test; the generated models are in both the test and the fixed state.</summary>
public sealed class CodeFixTest : CSharpCodeFixTest<UnknownWireValueAnalyzer, ModelDocsUsageCodeFixProvider, DefaultVerifier>
{
    public CodeFixTest(string source, string fixedSource, string? equivalenceKey = null)
    {
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Configure(TestState);
        TestState.Sources.Add(("/src/Test0.cs", source));
        TestReferences.AddModels(TestState.Sources);
        FixedState.Sources.Add(("/src/Test0.cs", fixedSource));
        TestReferences.AddModels(FixedState.Sources);
        CodeActionEquivalenceKey = equivalenceKey;
    }

    protected override ParseOptions CreateParseOptions() => TestReferences.ParseOptions;

    /// <summary>The three usage analyzers (one per rule), as the package ships them.</summary>
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => TestReferences.UsageAnalyzers();

    protected override CompilationOptions CreateCompilationOptions()
        => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}

