using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ModelDocs.Analyzers.Tests;

/// <summary>Realistic correct code (Corpus/*.cs): it must compile and produce no diagnostic.</summary>
public class ValidUsageTests
{
    [Fact]
    public async Task The_valid_usage_corpus_produces_no_diagnostics()
    {
        var files = Directory.GetFiles(Path.Combine(GeneratedModels.TestDir(), "Corpus"), "*.cs").OrderBy(f => f).ToArray();
        Assert.True(files.Length >= 3, "the corpus has at least three files");
        await new AnalyzerTest(files.Select(File.ReadAllText).ToArray()).RunAsync();
        Assert.Equal(0, ModelDocs.Generators.Analyzers.AnalyzerOperations.CaughtExceptions);
    }

    [Fact]
    public async Task The_valid_usage_corpus_produces_no_diagnostics_with_models_in_a_referenced_project()
    {
        var files = Directory.GetFiles(Path.Combine(GeneratedModels.TestDir(), "Corpus"), "*.cs").OrderBy(f => f).ToArray();
        await new AnalyzerTest(modelsInReferencedProject: true, files.Select(File.ReadAllText).ToArray()).RunAsync();
    }
}
