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
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ModelDocs.Generators.Tests;

[AttributeUsage(AttributeTargets.Assembly)]
public sealed class SharedDirAttribute : Attribute
{
    public SharedDirAttribute(string path) => Path = path;
    public string Path { get; }
}

public sealed record GeneratorRun(
    GeneratorDriverRunResult Result,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriver Driver)
{
    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    /// <summary>Compiler diagnostics of the output (warnings and errors), generator diagnostics excluded.</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics
        => OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>Generator diagnostics without the once-per-compilation MD1029 notice on what a docs dialect cannot say.</summary>
    public ImmutableArray<Diagnostic> GeneratorProblems => TestHelpers.WithoutNotices(GeneratorDiagnostics);
}

public static class TestHelpers
{
    /// <summary>Diagnostics without MD1029, the info notice a compilation of docs in a dialect that lacks wire names or enums gets once.</summary>
    public static ImmutableArray<Diagnostic> WithoutNotices(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Id != "MD1029").ToImmutableArray();

    public static string SharedDir
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("MODELDOCS_SHARED");
            var candidates = new List<string>();
            if (!string.IsNullOrEmpty(fromEnv)) candidates.Add(fromEnv!);
            var attr = typeof(TestHelpers).Assembly.GetCustomAttribute<SharedDirAttribute>();
            if (attr is not null) candidates.Add(attr.Path);
            foreach (var c in candidates)
            {
                if (Directory.Exists(System.IO.Path.Combine(c, "corpus"))) return c;
            }
            throw new DirectoryNotFoundException(
                "The shared corpora were not found. Looked in: " + string.Join(", ", candidates) +
                ". Put shared/ beside the checkout (../shared) or set MODELDOCS_SHARED.");
        }
    }

    public static string CorpusDir => System.IO.Path.Combine(SharedDir, "corpus", "talon-one");

    /// <summary>The repository's root, from where this file sits (tests/ModelDocs.Generators.Tests/Infrastructure/).</summary>
    public static string RepoDir()
        => System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(ThisFile())!, "..", "..", ".."));

    private static string ThisFile([CallerFilePath] string path = "") => path;

    /// <summary>The repo's own docs (schemas/), used by the sample.</summary>
    public static string SchemasDir => System.IO.Path.Combine(RepoDir(), "schemas");

    public static IReadOnlyList<AdditionalText> LoadFolder(string folder, string? pathPrefix = null)
        => Directory.GetFiles(folder, "*.md").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryAdditionalText(pathPrefix is null ? f : System.IO.Path.Combine(pathPrefix, System.IO.Path.GetFileName(f)), File.ReadAllText(f)))
            .ToList();

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(IEnumerable<string>? sources = null, CSharpParseOptions? parseOptions = null)
    {
        var trees = (sources ?? new[] { "namespace App; public static class Program { public static void Main() { } }" })
            .Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions ?? ParseOptions, path: $"Source{i}.cs"));
        return CSharpCompilation.Create(
            "TestAssembly",
            trees,
            Net80.References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // Missing XML docs on user code is not what these tests are about.
                    ["CS1591"] = ReportDiagnostic.Suppress,
                }));
    }

    public static GeneratorRun Run(
        IEnumerable<AdditionalText> docs,
        Dictionary<string, string>? globalOptions = null,
        Dictionary<string, Dictionary<string, string>>? perFile = null,
        CSharpCompilation? compilation = null,
        bool trackSteps = false,
        string build = GeneratorBuilds.PreCompilation)
        => Run(GeneratorBuilds.CreateSourceGenerator(build), docs, globalOptions, perFile, compilation, trackSteps);

    /// <summary>The roslyn5.9 build (this assembly's generator type) with an observer of its stages.</summary>
    internal static GeneratorRun Run(IEnumerable<AdditionalText> docs, Pipeline.PipelineObserver observer, Dictionary<string, string>? globalOptions = null)
        => Run(new ModelDocsGenerator { Observer = observer }.AsSourceGenerator(), docs, globalOptions, perFile: null, compilation: null, trackSteps: false);

    private static GeneratorRun Run(
        ISourceGenerator generator,
        IEnumerable<AdditionalText> docs,
        Dictionary<string, string>? globalOptions,
        Dictionary<string, Dictionary<string, string>>? perFile,
        CSharpCompilation? compilation,
        bool trackSteps)
    {
        compilation ??= CreateCompilation();
        var driver = CSharpGeneratorDriver.Create(
            new[] { generator },
            docs,
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            new TestOptionsProvider(globalOptions ?? new() { ["build_property.ModelDocsNamespace"] = "Test.Models" }, perFile),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        var driver2 = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver2.GetRunResult();
        foreach (var r in result.Results)
        {
            if (r.Exception is not null) throw new InvalidOperationException("The generator threw: " + r.Exception, r.Exception);
        }
        return new GeneratorRun(result, output, diagnostics, driver2);
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics, int max = 30)
        => string.Join(Environment.NewLine, diagnostics.Take(max).Select(d => d.ToString()));
}
