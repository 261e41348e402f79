using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// The package's two builds of the generator (analyzers/dotnet/roslyn5.9 and roslyn4.8): one pipeline, so the
/// same docs give the same sources and diagnostics; only the 5.9 build's sources are seen by other generators.
/// </summary>
public sealed class GeneratorBuildsTests
{
    private static IReadOnlyList<AdditionalText> SchemasAndCorpus()
    {
        var schemas = Directory.GetFiles(TestHelpers.SchemasDir).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryAdditionalText("/schemas/" + Path.GetFileName(f), File.ReadAllText(f)));
        var corpus = TestHelpers.LoadFolder(Path.Combine(TestHelpers.CorpusDir, "python"), "/corpus");
        // Under another namespace: the corpus has its own NewCustomerSession, CartItem, ...
        return schemas.Concat(corpus).ToList();
    }

    private static GeneratorRun RunBuild(string build, IReadOnlyList<AdditionalText> docs)
    {
        var perFile = docs.Where(d => d.Path.StartsWith("/corpus/", StringComparison.Ordinal))
            .ToDictionary(d => d.Path, _ => new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ModelDocsNamespace"] = "Test.Corpus" });
        return TestHelpers.Run(docs, perFile: perFile, build: build);
    }

    [Fact]
    public void Both_builds_give_the_same_sources_and_diagnostics()
    {
        var docs = SchemasAndCorpus();
        var pre = RunBuild(GeneratorBuilds.PreCompilation, docs);
        var std = RunBuild(GeneratorBuilds.Standard, docs);

        var preSources = pre.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var stdSources = std.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.True(preSources.Count > 700, $"only {preSources.Count} sources");
        Assert.Equal(preSources.Keys.OrderBy(k => k, StringComparer.Ordinal), stdSources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        var differing = preSources.Where(kv => stdSources[kv.Key] != kv.Value).Select(kv => kv.Key).ToList();
        Assert.True(differing.Count == 0, "sources differ between the builds: " + string.Join(", ", differing.Take(10)));

        static string[] Describe(GeneratorRun run) => run.GeneratorDiagnostics.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        Assert.Equal(Describe(pre), Describe(std));
        Assert.True(pre.CompileDiagnostics.IsEmpty, TestHelpers.Format(pre.CompileDiagnostics));
        Assert.True(std.CompileDiagnostics.IsEmpty, TestHelpers.Format(std.CompileDiagnostics));
    }

    /// <summary>
    /// Another generator's normal phase looks the generated record up in its compilation: it finds it only
    /// when the 5.9 build added it before compilation (the wall ASP.NET Core's Request Delegate Generator,
    /// System.Text.Json's generator and Mapperly hit with the 4.8 build, roslyn#57239).
    /// </summary>
    [Theory]
    [InlineData(GeneratorBuilds.PreCompilation, true)]
    [InlineData(GeneratorBuilds.Standard, false)]
    public void Only_the_pre_compilation_build_is_seen_by_other_generators(string build, bool seen)
    {
        var compilation = TestHelpers.CreateCompilation();
        var driver = CSharpGeneratorDriver.Create(
            new[] { GeneratorBuilds.CreateSourceGenerator(build), new ProbeGenerator().AsSourceGenerator() },
            TestHelpers.LoadFolder(TestHelpers.SchemasDir),
            TestHelpers.ParseOptions,
            new TestOptionsProvider(new() { ["build_property.ModelDocsNamespace"] = "Test.Models" }));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(TestHelpers.WithoutNotices(diagnostics));
        var probe = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Probe.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains($"SeesNewCustomerSession = {(seen ? "true" : "false")};", probe, StringComparison.Ordinal);
        Assert.Contains($"SeesContext = {(seen ? "true" : "false")};", probe, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591"));
    }

    /// <summary>A generator of someone else's, in its normal phase: what does its compilation hold?</summary>
    private sealed class ProbeGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
            => context.RegisterSourceOutput(context.CompilationProvider, static (spc, c) => spc.AddSource("Probe.g.cs",
                $"namespace Probe {{ internal static class Seen {{ public const bool SeesNewCustomerSession = {Lower(c.GetTypeByMetadataName("Test.Models.NewCustomerSession") is not null)}; " +
                $"public const bool SeesContext = {Lower(c.GetTypeByMetadataName("Test.Models.ModelDocsJsonContext") is not null)}; }} }}"));

        private static string Lower(bool b) => b ? "true" : "false";
    }

    [Fact]
    public void The_4_8_build_references_Roslyn_4_8_and_the_5_9_build_Roslyn_5_9()
    {
        static Version RoslynOf(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return md.AssemblyReferences.Select(md.GetAssemblyReference).Single(r => md.GetString(r.Name) == "Microsoft.CodeAnalysis").Version;
        }
        Assert.Equal(new Version(4, 8, 0, 0), RoslynOf(GeneratorBuilds.StandardPath));
        Assert.Equal(new Version(5, 9, 0, 0), RoslynOf(typeof(ModelDocsGenerator).Assembly.Location));
    }
}
