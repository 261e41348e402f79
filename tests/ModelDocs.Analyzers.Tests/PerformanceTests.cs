using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelDocs.Generators.Analyzers;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Analyzers.Tests;

/// <summary>
/// The usage analyzers' own time (the three rules together) on a synthetic project (1,000 files, 20,000 uses of generated enums)
/// against the compiler's time to bind and check the same project. Target: at most 3% (the median of the runs).
/// Run: <c>dotnet test tests/ModelDocs.Analyzers.Tests --filter AnalyzerPerformance --logger "console;verbosity=detailed"</c>.
/// </summary>
[CollectionDefinition(nameof(PerformanceTests), DisableParallelization = true)]
public sealed class PerformanceCollection { }

[Collection(nameof(PerformanceTests))]
public class PerformanceTests
{
    private const int Files = 1_000;
    private const int UsesPerFile = 20;
    private const int PlantedEvery = 100;

    /// <summary>
    /// Generous so a busy CI machine does not fail it (the telemetry is wall-clock time inside the
    /// callbacks, so preemption by other processes lands on the analyzer); the figure itself is printed.
    /// </summary>
    private const double MaxShare = 1.0;

    private readonly ITestOutputHelper _output;

    public PerformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task AnalyzerPerformance_on_1000_files_with_20000_uses()
    {
        // Warm up the compiler and the analyzer (JIT) on a small project first.
        await Measure(50);

        var shares = new List<double>();
        (TimeSpan Compile, TimeSpan Analyzer, int Diagnostics) last = default;
        for (var run = 0; run < 3; run++)
        {
            last = await Measure(Files);
            var share = last.Analyzer.TotalMilliseconds / last.Compile.TotalMilliseconds;
            shares.Add(share);
            _output.WriteLine($"run {run + 1}: compilation (parse, bind, emit) {last.Compile.TotalMilliseconds:F0} ms, analyzer {last.Analyzer.TotalMilliseconds:F0} ms, {share:P1}");
        }
        shares.Sort();
        var median = shares[shares.Count / 2];
        _output.WriteLine($"ModelDocs analyzer: {Files:N0} files, {Files * UsesPerFile:N0} uses of generated enums: median analyzer time {median:P1} of compile time");

        // The planted mistakes are found, so the analyzer really ran over every file, and no
        // callback failed (a swallowed exception would also make it look fast).
        Assert.Equal(Files / PlantedEvery, last.Diagnostics);
        Assert.Equal(0, AnalyzerOperations.CaughtExceptions);
        Assert.True(median < MaxShare, $"analyzer time is {median:P1} of compile time (limit {MaxShare:P0})");
    }

    /// <summary>
    /// The compilation's total time is what csc does for the project: parse every file, bind
    /// (GetDiagnostics) and emit the assembly; the analyzer's time is its own callbacks (telemetry).
    /// </summary>
    private static async Task<(TimeSpan Compile, TimeSpan Analyzer, int Diagnostics)> Measure(int files)
    {
        var sw = Stopwatch.StartNew();
        var compilation = CreateCompilation(files);
        var compilerDiagnostics = compilation.GetDiagnostics();
        using (var pe = new System.IO.MemoryStream())
        {
            compilation.Emit(pe);
        }
        sw.Stop();
        var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("The synthetic project does not compile: " + string.Join("; ", errors.Take(5)));

        // Same compilation: binding is already done, so the run adds only the analyzer's work
        // (the telemetry counts time inside its callbacks either way).
        var analyzers = TestReferences.UsageAnalyzers().ToImmutableArray();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        // The analyzers' time is the sum of the three rules' callbacks.
        var time = TimeSpan.Zero;
        foreach (var analyzer in analyzers) time += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
        return (sw.Elapsed, time, diagnostics.Count(d => d.Id.StartsWith("MD2", StringComparison.Ordinal)));
    }

    private static CSharpCompilation CreateCompilation(int files)
    {
        var trees = GeneratedModels.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, TestReferences.ParseOptions, path: "/generated/" + s.HintName))
            .Concat(Enumerable.Range(0, files).Select(i => CSharpSyntaxTree.ParseText(UseFile(i), TestReferences.ParseOptions, path: $"/src/Uses{i}.cs")))
            .ToList();
        return CSharpCompilation.Create("Perf", trees, Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>One file: twenty valid uses of the generated enums, and every 100th file one planted mistake.</summary>
    private static string UseFile(int i) => $$"""
        using System;
        using Test.Models;

        namespace Perf.N{{i}};

        public static class Uses{{i}}
        {
            public static int Run(NewCustomerSession s, NewCustomerSessionState st, ShipmentCarrier c)
            {
                var n = 0;
                if (st.ToWireValue() == "open") n++;
                if (NewCustomerSessionStateExtensions.TryParse("closed", out var p)) n += (int)p;
                var a = NewCustomerSessionStateExtensions.Parse("cancelled");
                if (st.CanTransitionTo(NewCustomerSessionState.Closed)) n++;
                if (NewCustomerSessionState.Open.CanTransitionTo(NewCustomerSessionState.Cancelled)) n++;
                var created = new NewCustomerSession { ProfileId = "p{{i}}", State = NewCustomerSessionState.Open };
                var closed = created with { State = NewCustomerSessionState.Closed };
                var returned = closed with { State = NewCustomerSessionState.PartiallyReturned };
                switch (c.ToWireValue()) { case "dhl": n++; break; case "ups": n += 2; break; }
                n += c.ToWireValue() switch { "post_nl" => 3, _ => 0 };
                if (c.ToWireValue() is "dhl" or "ups") n++;
                if (string.Equals(st.ToWireValue(), "partially_returned")) n++;
                if (st.ToWireValue().Equals("closed")) n++;
                var e = Enum.Parse<NewCustomerSessionState>("Closed");
                var sh = new Shipment { Id = "s{{i}}", Carrier = ShipmentCarrier.Dhl };
                var sh2 = sh with { Carrier = ShipmentCarrier.Ups };
                if (st.IsCreatable()) n++;
                n += st.AllowedTransitions().Count;
                var x = ShipmentCarrierExtensions.Parse("ups");
                if (s.State != NewCustomerSessionState.Cancelled) n++;
                {{(i % PlantedEvery == 0 ? "n += (int)NewCustomerSessionStateExtensions.Parse(\"canceled\");" : "")}}
                return n + (int)a + (int)e + (returned.ProfileId?.Length ?? 0) + sh2.Id.Length + (int)x + Helper(n);
            }

            private static int Helper(int value)
            {
                var total = 0;
                for (var k = 0; k < value; k++) total += k % 3 == 0 ? k : -k;
                return total + Math.Abs(value).ToString().Length;
            }
        }
        """;
}
