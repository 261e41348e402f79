using System;
using System.Linq;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;
namespace ModelDocs.Generators.Tests;
public sealed class ScratchTmp
{
    private readonly ITestOutputHelper _out;
    public ScratchTmp(ITestOutputHelper o) => _out = o;
    [Theory]
    [InlineData(1000)]
    [InlineData(5000)]
    [InlineData(20000)]
    public void EnumValues(int n) => EnumCore(n);
    [Fact]
    public void Enum100k() => EnumCore(100000);
    private void EnumCore(int n)
    {
        var text = "# Hostile\n\n## Enum\n\n" + string.Join("\n", Enumerable.Range(0, n).Select(i => $"* `V{i}` (value: `'v{i}'`)"));
        var sw = Stopwatch.StartNew();
        var compilation = TestHelpers.CreateCompilation();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ModelDocsGenerator().AsSourceGenerator() }, new[] { new InMemoryAdditionalText("zz/H.md", text) }, TestHelpers.ParseOptions,
            new TestOptionsProvider(new() { ["build_property.ModelDocsNamespace"] = "Test.Models" }));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diags);
        _out.WriteLine($"gen {sw.ElapsedMilliseconds} ms; exception {driver.GetRunResult().Results[0].Exception}");
        var t = new System.Threading.Thread(() =>
        {
            var d = output.GetDiagnostics();
            _out.WriteLine($"compile {sw.ElapsedMilliseconds} ms; {d.Length} diags; first {d.FirstOrDefault()}");
        }, n == 100000 ? 0 : 256 * 1024 * 1024);
        t.Start(); t.Join();
    }
    [Theory]
    [InlineData(1000)]
    [InlineData(100000)]
    public void RowsTable(int n)
    {
        var names = Enumerable.Range(0, n).Select(i => "p" + i).ToList();
        var text = "# H\n\n## Properties\n\nName | Type | Description | Notes\n---- | ---- | ---- | ----\n" + string.Join("\n", names.Select(x => $"**{x}** | **str** | x | [optional]")) + "\n";
        var sw = Stopwatch.StartNew();
        var run = TestHelpers.Run(new[] { new InMemoryAdditionalText("zz/H.md", text) });
        _out.WriteLine($"gen {sw.ElapsedMilliseconds} ms; {run.GeneratorDiagnostics.Length} diags");
        var d = run.CompileDiagnostics;
        _out.WriteLine($"compile {sw.ElapsedMilliseconds} ms; {d.Length} diags");
    }
}
