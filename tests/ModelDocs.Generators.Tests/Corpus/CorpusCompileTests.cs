using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>Acceptance 1: every corpus doc generates, and the output compiles with zero errors and zero warnings.</summary>
public sealed class CorpusCompileTests
{
    private readonly ITestOutputHelper _out;

    public CorpusCompileTests(ITestOutputHelper output) => _out = output;

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string> { "python" };
        foreach (var d in new[] { "csharp", "go", "java", "php", "python-legacy", "ruby", "typescript" }) data.Add("dialects/" + d);
        return data;
    }

    /// <summary>
    /// The generated files turn nullable warnings off (the compiler then skips its flow analysis of them, the
    /// larger part of their compile cost); here the same output is compiled with them on, so a null the
    /// generated code could dereference or return where it says non-null still fails a test.
    /// </summary>
    [Theory]
    [InlineData("python")]
    [InlineData("openapi.json")]
    [InlineData("schemas")]
    public void Generated_code_is_nullable_clean_with_warnings_on(string input)
    {
        var docs = input switch
        {
            "schemas" => TestHelpers.LoadFolder(TestHelpers.SchemasDir),
            "openapi.json" => new[] { (AdditionalText)new InMemoryAdditionalText(Path.Combine(TestHelpers.CorpusDir, input), File.ReadAllText(Path.Combine(TestHelpers.CorpusDir, input))) },
            _ => TestHelpers.LoadFolder(Path.Combine(TestHelpers.CorpusDir, input)),
        };
        var run = TestHelpers.Run(docs);
        var compilation = run.OutputCompilation;
        var rewritten = 0;
        foreach (var tree in compilation.SyntaxTrees.ToList())
        {
            var text = tree.ToString();
            Assert.DoesNotContain("#nullable enable\n", text); // one context for every generated file
            if (!text.Contains("#nullable disable warnings\n", StringComparison.Ordinal)) continue;
            var on = text.Replace("#nullable disable warnings\n", "#nullable enable warnings\n", StringComparison.Ordinal);
            compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(on, (CSharpParseOptions)tree.Options, tree.FilePath));
            rewritten++;
        }
        var warnings = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        _out.WriteLine($"{input}: {rewritten} generated files compiled with nullable warnings on: {warnings.Count} warnings");
        Assert.True(rewritten >= run.Sources.Count(), $"{rewritten} of {run.Sources.Count()} generated files have the nullable context");
        Assert.True(warnings.Count == 0, TestHelpers.Format(warnings));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_generates_and_compiles_cleanly(string folder)
    {
        var dir = Path.Combine(TestHelpers.CorpusDir, folder);
        Assert.True(Directory.Exists(dir), "corpus folder not found: " + dir);
        var docs = TestHelpers.LoadFolder(dir);
        var run = TestHelpers.Run(docs);

        var sources = run.Sources.ToList();
        var records = sources.Count(s => s.SourceText.ToString().Contains("public sealed partial record "));
        var enums = sources.Count(s => s.SourceText.ToString().Contains("public enum "));
        var docDiagnostics = TestHelpers.WithoutNotices(run.GeneratorDiagnostics);
        var compile = run.CompileDiagnostics;
        _out.WriteLine($"{folder}: {docs.Count} files -> {records} records, {enums} enums, {sources.Count} sources; " +
                       $"{docDiagnostics.Length} doc diagnostics; compile: {compile.Count(d => d.Severity == DiagnosticSeverity.Error)} errors, {compile.Count(d => d.Severity == DiagnosticSeverity.Warning)} warnings");
        foreach (var d in docDiagnostics.Take(20)) _out.WriteLine("  " + d);
        // What the dialect cannot say is reported once per compilation, never per doc.
        Assert.True(run.GeneratorDiagnostics.Count(d => d.Id == "MD1029") <= 1, TestHelpers.Format(run.GeneratorDiagnostics.Where(d => d.Id == "MD1029")));

        Assert.True(compile.IsEmpty, TestHelpers.Format(compile));
        // The only doc diagnostics allowed: links to a doc the folder really lacks (csharp and
        // typescript link Return.md, which those SDKs did not ship).
        // And MD1009 where a property is named like its model (EvaluableCampaignIds.evaluable_campaign_ids).
        foreach (var d in docDiagnostics)
        {
            if (d.Id == "MD1009" && d.GetMessage().Contains("'EvaluableCampaignIds'")) continue;
            Assert.True(d.Id == "MD1004", d.ToString());
            var target = d.GetMessage().Split('\'')[5];
            Assert.False(File.Exists(Path.Combine(dir, target)), "MD1004 for a doc that exists: " + d);
        }
        if (folder == "python")
        {
            // 730 models + 1 enum doc; the two API docs are skipped.
            Assert.Equal(730, records);
            Assert.Contains(sources, s => s.HintName == "Test.Models.IntegrationHubEventType.g.cs");
            Assert.DoesNotContain(sources, s => s.HintName.Contains("IntegrationApi") || s.HintName.Contains("ManagementApi"));
        }
        else
        {
            Assert.Equal(docs.Count, records);
        }
    }
}
