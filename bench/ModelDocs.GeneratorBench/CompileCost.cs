using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

namespace ModelDocs.GeneratorBench;

/// <summary>
/// The budget for generated code (issue 12): how much C# each input turns into, and what the compiler pays
/// for it, beside System.Text.Json's source generator over peer records of the same shape (<see cref="Peers"/>).
/// Both compilations start from source text and end in a PE image in a MemoryStream, with the same references
/// (the SDK's .NET reference pack, the version this process runs on) and the same options:
/// <list type="bullet">
/// <item>ModelDocs: parse ModelDocs' generated sources, create the compilation, <c>Emit</c>;</item>
/// <item>peer: parse the peer records, create the compilation, run STJ's generator (the one in the same
/// reference pack) with <c>RunGeneratorsAndUpdateCompilation</c>, <c>Emit</c>.</item>
/// </list>
/// Beside them: ModelDocs' own time, a cold <c>RunGenerators</c> of its roslyn4.8 build (the generator's work
/// only; the 5.9 build also parses its output inside the run, which the compile column already counts).
/// </summary>
internal static class CompileCost
{
    // A default SDK build parses doc comments only with GenerateDocumentationFile (csc /doc): None otherwise.
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp12, DocumentationMode.None);

    private static readonly CSharpCompilationOptions CompileOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release);

    public sealed record Input(string Name, ImmutableArray<AdditionalText> Docs, long InputBytes, string PeerAsset);

    public sealed record Figures(
        string Name, long InputBytes, int Records, int Enums, int Sources, int Lines, int PeerLines, int StjLines,
        double GeneratorMs, double OursParseMs, double OursEmitMs, double OursMs,
        double PeerParseMs, double StjGeneratorMs, double PeerEmitMs, double PeerMs, double OursCpuMs, double PeerCpuMs, List<double> OursSamples, List<double> PeerSamples);

    public static List<Figures> Run(IReadOnlyList<Input> inputs, AnalyzerConfigOptionsProvider optionsProvider, int iterations, int warmup, bool writePeers, string peerDir)
    {
        var (references, stjGenerator, packDir, stjVersion) = ReferencePack();
        Console.WriteLine($"compile cost: references {packDir} ({references.Length} assemblies), STJ generator {stjVersion}; " +
                          $"C# {Parse.LanguageVersion.ToDisplayString()}, DocumentationMode.{Parse.DocumentationMode}, {CompileOptions.OptimizationLevel}, concurrent build; {iterations} runs after {warmup} warm-ups, the two sides interleaved");
        var baseCompilation = CSharpCompilation.Create("Host", Array.Empty<SyntaxTree>(), references, CompileOptions);
        var all = new List<Figures>();
        foreach (var input in inputs)
        {
            // ModelDocs' output for this compilation's references (capabilities come from them), once.
            var (run, models) = Peers.Run(input.Docs, optionsProvider, baseCompilation);
            if (run.Exception is not null) throw new BenchException($"{input.Name}: the generator threw: {run.Exception}");
            var ours = run.GeneratedSources.Select(s => (s.HintName, Text: s.SourceText.ToString())).ToList();
            var peerText = Peers.Write(models, input.Name);
            var peerPath = Path.Combine(peerDir, input.PeerAsset);
            if (writePeers)
            {
                Directory.CreateDirectory(peerDir);
                File.WriteAllText(peerPath, peerText);
                Console.WriteLine($"wrote {peerPath}");
            }
            else if (!File.Exists(peerPath))
            {
                throw new BenchException($"{peerPath} is missing: write it with --write-peers.");
            }
            var asset = File.ReadAllText(peerPath);
            if (asset != peerText) Console.WriteLine($"WARNING: {peerPath} differs from what --write-peers writes now (stale asset); measuring the checked-in file.");

            var records = models.Count(m => m.Kind == Generators.Model.DocumentKind.Model);
            var enums = models.Sum(m => m.Enums.Count);
            var lines = ours.Sum(s => Lines(s.Text));
            var peerLines = Lines(asset);

            // One checked compile of each side first: no errors, and the STJ generator's output counted.
            var oursCompilation = CompileOurs(baseCompilation, ours, out _, out _);
            Check(input.Name + " (ModelDocs)", oursCompilation.Emit, oursCompilation.Compilation);
            var peerCheck = CompilePeer(baseCompilation, asset, stjGenerator, out _, out _, out _, out var stjTrees);
            Check(input.Name + " (STJ peer)", peerCheck.Emit, peerCheck.Compilation);
            var stjLines = stjTrees.Sum(t => Lines(t.ToString()));

            var gen = new List<double>();
            var oParse = new List<double>(); var oEmit = new List<double>(); var oTotal = new List<double>();
            var pParse = new List<double>(); var pGen = new List<double>(); var pEmit = new List<double>(); var pTotal = new List<double>();
            var oCpu = new List<double>(); var pCpu = new List<double>();
            var process = Process.GetCurrentProcess();
            double Cpu() { process.Refresh(); return process.TotalProcessorTime.TotalMilliseconds; }
            for (var i = 0; i < warmup + iterations; i++)
            {
                var sw = Stopwatch.StartNew();
                var driver = Program.NewDriver(GeneratorBuilds.Standard, input.Docs, optionsProvider).RunGenerators(baseCompilation);
                var genMs = sw.Elapsed.TotalMilliseconds;
                if (driver.GetRunResult().Results[0].GeneratedSources.Length != ours.Count) throw new BenchException($"{input.Name}: the roslyn4.8 build gave another number of sources.");

                GC.Collect();
                var cpu = Cpu();
                sw.Restart();
                var o = CompileOurs(baseCompilation, ours, out var op, out var oe);
                var oMs = sw.Elapsed.TotalMilliseconds;
                var oCpuMs = Cpu() - cpu;
                if (!o.Emit.Success) throw new BenchException($"{input.Name}: ModelDocs' output failed to compile.");

                GC.Collect();
                cpu = Cpu();
                sw.Restart();
                var p = CompilePeer(baseCompilation, asset, stjGenerator, out var pp, out var pg, out var pe, out _);
                var pMs = sw.Elapsed.TotalMilliseconds;
                var pCpuMs = Cpu() - cpu;
                if (!p.Emit.Success) throw new BenchException($"{input.Name}: the STJ peer failed to compile.");

                Console.WriteLine(FormattableString.Invariant($"  {input.Name} run {i + 1}{(i < warmup ? " (warm-up)" : string.Empty)}: generator {genMs:F0} ms, ModelDocs compile {oMs:F0} ms (CPU {oCpuMs:F0} ms), STJ peer compile {pMs:F0} ms (CPU {pCpuMs:F0} ms)"));
                if (i < warmup) continue;
                gen.Add(genMs);
                oParse.Add(op); oEmit.Add(oe); oTotal.Add(oMs);
                pParse.Add(pp); pGen.Add(pg); pEmit.Add(pe); pTotal.Add(pMs);
                oCpu.Add(oCpuMs); pCpu.Add(pCpuMs);
            }
            all.Add(new Figures(input.Name, input.InputBytes, records, enums, ours.Count, lines, peerLines, stjLines,
                Median(gen), Median(oParse), Median(oEmit), Median(oTotal), Median(pParse), Median(pGen), Median(pEmit), Median(pTotal), Median(oCpu), Median(pCpu), oTotal, pTotal));
        }
        Print(all, iterations);
        return all;
    }

    public static void Print(IReadOnlyList<Figures> all, int iterations)
    {
        Console.WriteLine();
        Console.WriteLine("| input | input KB | records + enums | generated sources | generated lines | lines per model | lines per KB of input |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var f in all)
        {
            var kb = f.InputBytes / 1024.0;
            Console.WriteLine(FormattableString.Invariant(
                $"| {f.Name} | {kb:N0} | {f.Records} + {f.Enums} | {f.Sources:N0} | {f.Lines:N0} | {(double)f.Lines / (f.Records + f.Enums):F0} | {f.Lines / kb:F0} |"));
        }
        Console.WriteLine();
        Console.WriteLine($"| input | ModelDocs generator (roslyn4.8 build, cold) | compile ModelDocs' output: parse + emit | compile peer records + STJ generator: parse + generator + emit | ModelDocs / STJ (wall) | CPU time: ModelDocs / STJ | ModelDocs' lines / (peer lines + STJ generated lines) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var f in all)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {f.Name} | {f.GeneratorMs:F0} ms | {f.OursMs:F0} ms ({f.OursParseMs:F0} + {f.OursEmitMs:F0}) | {f.PeerMs:F0} ms ({f.PeerParseMs:F0} + {f.StjGeneratorMs:F0} + {f.PeerEmitMs:F0}) | **{f.OursMs / f.PeerMs:F2}** | {f.OursCpuMs:F0} / {f.PeerCpuMs:F0} ms = **{f.OursCpuMs / f.PeerCpuMs:F2}** | {f.Lines:N0} / ({f.PeerLines:N0} + {f.StjLines:N0}) |"));
        }
        Console.WriteLine($"(medians of {iterations}; the parts are medians too, so they need not add up; CPU time is the process's, all threads, less disturbed by other load than wall time)");
    }

    /// <summary>
    /// Linear growth: the python docs in quarters (the first n docs by name), generated lines against input size.
    /// Output that grows faster than the input shows as rising lines per KB.
    /// </summary>
    public static void Growth(ImmutableArray<AdditionalText> docs, string corpusDir, AnalyzerConfigOptionsProvider optionsProvider)
    {
        var compilation = CSharpCompilation.Create("Growth", Array.Empty<SyntaxTree>(), Basic.Reference.Assemblies.Net80.References.All, CompileOptions);
        Console.WriteLine();
        Console.WriteLine("| python docs (first n by name) | input KB | generated lines | lines per KB of input | lines per generated type |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var quarter in new[] { 1, 2, 3, 4 })
        {
            var n = docs.Length * quarter / 4;
            var subset = docs.Take(n).ToImmutableArray();
            var bytes = subset.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.GetText()!.ToString()));
            var run = Program.NewDriver(GeneratorBuilds.Standard, subset, optionsProvider).RunGenerators(compilation).GetRunResult().Results[0];
            var lines = run.GeneratedSources.Sum(g => Lines(g.SourceText.ToString()));
            var types = run.GeneratedSources.Count(g => !g.HintName.StartsWith("ModelDocs.", StringComparison.Ordinal) && !g.HintName.EndsWith("JsonContext.g.cs", StringComparison.Ordinal));
            Console.WriteLine(FormattableString.Invariant($"| {n} | {bytes / 1024.0:N0} | {lines:N0} | {lines / (bytes / 1024.0):F1} | {(double)lines / Math.Max(1, types):F0} |"));
        }
    }

    private static int Lines(string text)
    {
        var n = 0;
        foreach (var c in text) if (c == '\n') n++;
        return text.Length > 0 && text[^1] != '\n' ? n + 1 : n;
    }

    private static (CSharpCompilation Compilation, EmitResult Emit) CompileOurs(CSharpCompilation baseCompilation, List<(string HintName, string Text)> sources, out double parseMs, out double emitMs)
    {
        var sw = Stopwatch.StartNew();
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, Parse, path: s.HintName)).ToArray();
        foreach (var t in trees) t.GetRoot();
        parseMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var compilation = baseCompilation.WithAssemblyName("Ours").AddSyntaxTrees(trees);
        var emit = EmitToMemory(compilation);
        emitMs = sw.Elapsed.TotalMilliseconds;
        return (compilation, emit);
    }

    private static (CSharpCompilation Compilation, EmitResult Emit) CompilePeer(CSharpCompilation baseCompilation, string text, ISourceGenerator stj,
        out double parseMs, out double generatorMs, out double emitMs, out ImmutableArray<SyntaxTree> generated)
    {
        var sw = Stopwatch.StartNew();
        var tree = CSharpSyntaxTree.ParseText(text, Parse, path: "Peers.cs");
        tree.GetRoot();
        parseMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var compilation = baseCompilation.WithAssemblyName("Peer").AddSyntaxTrees(tree);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { stj }, parseOptions: Parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var genDiagnostics);
        var run = driver.GetRunResult();
        generatorMs = sw.Elapsed.TotalMilliseconds;
        if (run.Results[0].Exception is { } ex) throw new BenchException("STJ's generator threw: " + ex);
        var errors = genDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new BenchException("STJ's generator reported errors: " + string.Join("; ", errors.Take(5)));
        generated = run.GeneratedTrees;
        sw.Restart();
        var emit = EmitToMemory(updated);
        emitMs = sw.Elapsed.TotalMilliseconds;
        return ((CSharpCompilation)updated, emit);
    }

    private static EmitResult EmitToMemory(Compilation compilation)
    {
        using var pe = new MemoryStream();
        return compilation.Emit(pe);
    }

    private static void Check(string name, EmitResult emit, CSharpCompilation compilation)
    {
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!emit.Success || errors.Count > 0)
        {
            throw new BenchException($"{name} does not compile: {errors.Count} errors, first: {string.Join(Environment.NewLine, errors.Take(10))}");
        }
        var warnings = emit.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        Console.WriteLine($"{name}: compiles, {compilation.SyntaxTrees.Count()} trees, {warnings} warnings");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// The SDK's reference pack for the runtime this process runs on (its reference assemblies, and the
    /// System.Text.Json source generator that ships in it, which a build of a net10.0 project runs).
    /// </summary>
    private static (ImmutableArray<MetadataReference> References, ISourceGenerator Stj, string PackDir, string StjVersion) ReferencePack()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;              // …/shared/Microsoft.NETCore.App/10.0.x
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var version = Path.GetFileName(runtimeDir);
        var pack = Path.Combine(packs, version);
        if (!Directory.Exists(pack))
        {
            pack = Directory.Exists(packs) ? Directory.GetDirectories(packs).OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).LastOrDefault() ?? pack : pack;
        }
        var tfm = "net" + Environment.Version.ToString(2);
        var refDir = Path.Combine(pack, "ref", tfm);
        if (!Directory.Exists(refDir)) throw new BenchException("The SDK's reference pack was not found: " + refDir);
        var references = Directory.GetFiles(refDir, "*.dll").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        var generatorPath = Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        if (!File.Exists(generatorPath)) throw new BenchException("System.Text.Json's source generator was not found: " + generatorPath);
        var assembly = Assembly.LoadFrom(generatorPath);
        var type = assembly.GetType("System.Text.Json.SourceGeneration.JsonSourceGenerator", throwOnError: true)!;
        var generator = (IIncrementalGenerator)Activator.CreateInstance(type)!;
        var stjVersion = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?";
        return (references, generator.AsSourceGenerator(), refDir, stjVersion);
    }
}
