using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators;

namespace ModelDocs.GeneratorBench;

/// <summary>
/// In-process timing of <see cref="ModelDocsGenerator"/> over the talon-one python corpus:
/// a cold run, a one-doc edit and a C# edit; and a cold run over the same SDK's openapi.json. Run with
/// <c>dotnet run -c Release --project bench/ModelDocs.GeneratorBench [-- --json out.json] [--iterations 7] [--warmup 20] [--stages] [--loop-edit seconds] [--build roslyn5.9|roslyn4.8|both] [--scenario NAME]... [--no-compile | --compile-only | --write-peers] [--compile-iterations N] [--compile-warmup N]</c>.
/// After the scenarios, the compile cost of the generated code beside System.Text.Json's generator (<see cref="CompileCost"/>).
/// </summary>
internal static partial class Program
{
    private const string Namespace = "Bench.Models";
    private const string EditedDoc = "NewCustomerSession.md";
    private const string EditedText = "Any coupon code entered.";
    private const int MinSources = 700;

    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Parse);

    private static int Main(string[] args)
    {
        try
        {
            return Run(Options.Parse(args));
        }
        catch (BenchException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    private static int Run(Options options)
    {
        var corpusDir = Path.Combine(FindSharedDir(), "corpus", "talon-one", "python");
        if (!Directory.Exists(corpusDir)) throw new BenchException("Corpus folder not found: " + corpusDir);

        var docs = Directory.GetFiles(corpusDir, "*.md").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f, File.ReadAllText(f)))
            .ToImmutableArray();
        var editedIndex = docs.IndexOf(docs.First(d => Path.GetFileName(d.Path) == EditedDoc));
        var original = docs[editedIndex];
        var originalText = original.GetText()!.ToString();
        if (!originalText.Contains(EditedText, StringComparison.Ordinal))
        {
            throw new BenchException($"{EditedDoc} no longer contains '{EditedText}'; update the bench's edit.");
        }

        var optionsProvider = new TestOptionsProvider(new Dictionary<string, string> { ["build_property.ModelDocsNamespace"] = Namespace });

        Console.WriteLine($"corpus: {corpusDir} ({docs.Length} docs)");
        Console.WriteLine($"runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}, " +
                          $"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, processors: {Environment.ProcessorCount}");
        Console.WriteLine($"iterations: {options.Iterations} per scenario, each after {options.Warmup} warm-up runs of that scenario");
        Console.WriteLine();

        if (options.LoopEditSeconds > 0)
        {
            return LoopEdit(options, docs, editedIndex, original, originalText, optionsProvider);
        }

        // Both builds of the generator, scenario by scenario (interleaved, so a drift of the machine hits both alike).
        var openApiPath = Path.Combine(Path.GetDirectoryName(corpusDir)!, "openapi.json");
        if (!File.Exists(openApiPath)) throw new BenchException("openapi.json not found: " + openApiPath);
        var openApi = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(openApiPath, File.ReadAllText(openApiPath)));
        var compileInputs = new[]
        {
            new CompileCost.Input("openapi.json", openApi, new FileInfo(openApiPath).Length, "TalonOpenApi.peers.cs.txt"),
            new CompileCost.Input($"{docs.Length} python docs", docs, Directory.GetFiles(corpusDir, "*.md").Sum(f => new FileInfo(f).Length), "TalonPython.peers.cs.txt"),
        };
        if (options.CompileOnly)
        {
            CompileCost.Run(compileInputs, optionsProvider, options.CompileIterations, options.CompileWarmup, options.WritePeers, PeerDir());
            CompileCost.Growth(docs, corpusDir, optionsProvider);
            return 0;
        }
        var scenarios = new (string Name, int TargetMs, Func<string, Result> Measure)[]
        {
            // cold: new generator, new driver, new compilation each time.
            ("cold", 500, build => Measure("cold", build, options, () =>
            {
                var compilation = CreateCompilation(0);
                var driver = NewDriver(build, docs, optionsProvider);
                return (() => driver.RunGenerators(compilation), d => Check("cold", d));
            })),
            // one-doc edit: after a cold run, change one doc's description and run again.
            ("one-doc edit", 20, build => Measure("one-doc edit", build, options, () =>
            {
                var compilation = CreateCompilation(0);
                var driver = Check("cold (before one-doc edit)", NewDriver(build, docs, optionsProvider).RunGenerators(compilation));
                var n = Interlocked.Increment(ref s_editCounter);
                var edited = new InMemoryAdditionalText(original.Path, originalText.Replace(EditedText, $"Any coupon code entered (edit {n}).", StringComparison.Ordinal));
                var next = driver.ReplaceAdditionalText(original, edited);
                return (() => next.RunGenerators(compilation), d => Check("one-doc edit", d, requireChangedDoc: n));
            })),
            // The same two, plus the parse of every generated tree: what a build pays before it binds. The 5.9
            // build's driver parses its pre-compilation sources itself (other generators must see them); the 4.8
            // build's trees are parsed later, by the compiler. This is the like-for-like comparison of the builds.
            ("cold + parse", 0, build => Measure("cold + parse", build, options, () =>
            {
                var compilation = CreateCompilation(0);
                var driver = NewDriver(build, docs, optionsProvider);
                return (() => ParseAll(driver.RunGenerators(compilation)), d => Check("cold + parse", d));
            })),
            ("one-doc edit + parse", 0, build => Measure("one-doc edit + parse", build, options, () =>
            {
                var compilation = CreateCompilation(0);
                var driver = ParseAll(Check("cold (before one-doc edit + parse)", NewDriver(build, docs, optionsProvider).RunGenerators(compilation)));
                var n = Interlocked.Increment(ref s_editCounter);
                var edited = new InMemoryAdditionalText(original.Path, originalText.Replace(EditedText, $"Any coupon code entered (edit {n}).", StringComparison.Ordinal));
                var next = driver.ReplaceAdditionalText(original, edited);
                return (() => ParseAll(next.RunGenerators(compilation)), d => Check("one-doc edit + parse", d, requireChangedDoc: n));
            })),
            // C# edit: after a run, replace the user's syntax tree with an edited one and run again.
            ("C# edit", 5, build => Measure("C# edit", build, options, () =>
            {
                var compilation = CreateCompilation(0);
                var driver = Check("cold (before C# edit)", NewDriver(build, docs, optionsProvider).RunGenerators(compilation));
                var n = Interlocked.Increment(ref s_editCounter);
                var oldTree = compilation.SyntaxTrees.Single();
                var edited = compilation.ReplaceSyntaxTree(oldTree, ParseUserTree(n));
                return (() => driver.RunGenerators(edited), d => Check("C# edit", d));
            })),
            ("C# edit + parse", 0, build => Measure("C# edit + parse", build, options, () =>
            {
                var compilation = CreateCompilation(0);
                var driver = ParseAll(Check("cold (before C# edit + parse)", NewDriver(build, docs, optionsProvider).RunGenerators(compilation)));
                var n = Interlocked.Increment(ref s_editCounter);
                var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), ParseUserTree(n));
                return (() => ParseAll(driver.RunGenerators(edited)), d => Check("C# edit + parse", d));
            })),
            // cold over Talon.One's openapi.json (one AdditionalFile, 758 schemas): the same SDK version as the docs.
            ("cold openapi.json", 500, build => Measure("cold openapi.json", build, options, () =>
            {
                var compilation = CreateCompilation(0);
                var driver = NewDriver(build, openApi, optionsProvider);
                return (() => driver.RunGenerators(compilation), d => Check("cold openapi.json", d));
            })),
        };

        var rows = new List<Row>();
        foreach (var (name, target, measure) in scenarios)
        {
            if (options.Scenarios is { } only && !only.Contains(name)) continue;
            foreach (var build in options.Builds) rows.Add(new Row(name, build, measure(build), target));
        }

        Console.WriteLine("| scenario | build | median ms | min ms | allocated MB | target | meets target |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var r in rows)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Name} | {r.Build} | {r.Result.MedianMs:F1} | {r.Result.MinMs:F1} | {r.Result.MedianAllocatedMb:F1} | {(r.TargetMs > 0 ? $"≤ {r.TargetMs} ms" : "—")} | {(r.TargetMs > 0 ? (r.Meets ? "yes" : "NO") : "—")} |"));
        }
        if (options.Builds.Length == 2)
        {
            Console.WriteLine();
            Console.WriteLine($"| scenario | {options.Builds[0]} / {options.Builds[1]} (median) |");
            Console.WriteLine("|---|---:|");
            foreach (var g in rows.GroupBy(r => r.Name))
            {
                var pair = g.ToList();
                Console.WriteLine(FormattableString.Invariant($"| {g.Key} | {pair[0].Result.MedianMs / pair[1].Result.MedianMs:F2} |"));
            }
        }
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"generated sources per cold run: {rows[0].Result.Sources}"));

        if (options.JsonPath is not null) WriteJson(options.JsonPath, corpusDir, docs.Length, options, rows);

        if (options.Compile)
        {
            Console.WriteLine();
            CompileCost.Run(compileInputs, optionsProvider, options.CompileIterations, options.CompileWarmup, writePeers: false, PeerDir());
            CompileCost.Growth(docs, corpusDir, optionsProvider);
        }

        if (options.Stages)
        {
            // Per-step times need Roslyn's step tracking, whose recording walks every path through the step
            // graph (no memoization): each stage that collects all docs and fans out multiplies the paths by
            // the number of docs, so the full corpus never finishes. The first docs by name, the edited one among them.
            const int StageDocs = 30;
            var stageDocs = docs.Take(StageDocs).Contains(original) ? docs.Take(StageDocs).ToImmutableArray() : docs.Take(StageDocs - 1).Append(original).ToImmutableArray();
            Console.WriteLine($"--stages: over {stageDocs.Length} of the {docs.Length} docs (step tracking does not finish on all of them)");
            foreach (var build in options.Builds)
            {
                Console.WriteLine();
                Stages.Cold(build, stageDocs, optionsProvider, CreateCompilation(0), options.Iterations, options.Warmup);
                Console.WriteLine();
                Stages.EditSteps(build, stageDocs, stageDocs.IndexOf(original), originalText.Replace(EditedText, "Any coupon code entered (edit).", StringComparison.Ordinal),
                    optionsProvider, CreateCompilation(0), options.Iterations, options.Warmup);
            }
        }

        return 0;
    }

    private static int s_editCounter;

    /// <summary>Forces the parse of every generated tree (a no-op for trees already parsed).</summary>
    private static GeneratorDriver ParseAll(GeneratorDriver driver)
    {
        foreach (var tree in driver.GetRunResult().GeneratedTrees) tree.GetRoot();
        return driver;
    }

    internal static GeneratorDriver NewDriver(string build, ImmutableArray<AdditionalText> docs, AnalyzerConfigOptionsProvider optionsProvider, bool track = false)
        => CSharpGeneratorDriver.Create(
            new[] { GeneratorBuilds.CreateSourceGenerator(build) },
            docs,
            ParseOptions,
            optionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>For an external profiler (e.g. perf with DOTNET_PerfMapEnabled=1): one-doc edits on one driver, back to back, with the first build chosen.</summary>
    private static int LoopEdit(Options options, ImmutableArray<AdditionalText> docs, int editedIndex, AdditionalText original, string originalText, AnalyzerConfigOptionsProvider optionsProvider)
    {
        var compilation = CreateCompilation(0);
        var driver = Check("cold", NewDriver(options.Builds[0], docs, optionsProvider).RunGenerators(compilation));
        var sw = Stopwatch.StartNew();
        var runs = 0;
        var first = new List<double>();
        while (sw.Elapsed.TotalSeconds < options.LoopEditSeconds)
        {
            var one = Stopwatch.StartNew();
            var current = docs[editedIndex];
            docs = docs.SetItem(editedIndex, new InMemoryAdditionalText(original.Path, originalText.Replace(EditedText, $"Any coupon code entered (loop {runs}).", StringComparison.Ordinal)));
            driver = driver.ReplaceAdditionalText(current, docs[editedIndex]).RunGenerators(compilation);
            if (runs < 8) first.Add(one.Elapsed.TotalMilliseconds);
            runs++;
        }
        Console.WriteLine("first edits after the cold run: " + string.Join(", ", first.Select(t => t.ToString("F1", CultureInfo.InvariantCulture))) + " ms");
        Console.WriteLine(FormattableString.Invariant($"loop-edit ({options.Builds[0]}): {runs} one-doc edits in {sw.Elapsed.TotalSeconds:F1} s, {sw.Elapsed.TotalMilliseconds / runs:F2} ms each"));
        return 0;
    }

    // ------------------------------------------------------------------ measuring

    /// <summary>
    /// <paramref name="prepare"/> builds the state for one run (untimed) and returns the timed action.
    /// Allocations are the process-wide delta (Roslyn may use other threads).
    /// </summary>
    private static Result Measure(string name, string build, Options options, Func<(Func<GeneratorDriver> Run, Action<GeneratorDriver> Verify)> prepare)
    {
        var times = new List<double>();
        var allocs = new List<long>();
        var sources = 0;
        for (var i = 0; i < options.Warmup + options.Iterations; i++)
        {
            var (action, verify) = prepare();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            var driver = action();
            sw.Stop();
            var after = GC.GetTotalAllocatedBytes(precise: true);
            verify(driver);
            sources = driver.GetRunResult().GeneratedTrees.Length;
            if (i < options.Warmup) continue;
            times.Add(sw.Elapsed.TotalMilliseconds);
            allocs.Add(after - before);
        }
        Console.WriteLine(FormattableString.Invariant($"samples {name} ({build}): {string.Join(", ", times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))} ms"));
        return new Result(Median(times), times.Min(), Median(allocs.Select(a => (double)a).ToList()) / (1024.0 * 1024.0), times, allocs, sources);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static GeneratorDriver Check(string scenario, GeneratorDriver driver, int requireChangedDoc = 0)
    {
        var result = driver.GetRunResult();
        if (result.Results.Length != 1) throw new BenchException($"{scenario}: expected 1 generator result, got {result.Results.Length}.");
        var gen = result.Results[0];
        if (gen.Exception is not null) throw new BenchException($"{scenario}: the generator threw: {gen.Exception}");
        if (gen.GeneratedSources.Length <= MinSources)
        {
            throw new BenchException($"{scenario}: only {gen.GeneratedSources.Length} generated sources (expected > {MinSources}).");
        }
        if (requireChangedDoc > 0)
        {
            var marker = $"(edit {requireChangedDoc})";
            if (!gen.GeneratedSources.Any(s => s.SourceText.ToString().Contains(marker, StringComparison.Ordinal)))
            {
                throw new BenchException($"{scenario}: no generated source contains the edited description '{marker}'.");
            }
        }
        return driver;
    }

    // ------------------------------------------------------------------ inputs

    private static CSharpCompilation CreateCompilation(int edit)
        => CSharpCompilation.Create(
            "BenchAssembly",
            new[] { ParseUserTree(edit) },
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static SyntaxTree ParseUserTree(int edit)
        => CSharpSyntaxTree.ParseText(
            $$"""
            namespace App;

            public static class Program
            {
                public static int Main() => {{edit}};

                public static string Describe(Bench.Models.NewCustomerSession session) => session.ToString();
            }
            """,
            ParseOptions,
            path: "Program.cs");

    /// <summary>The checked-in peer records of the compile-cost comparison: Peers/ beside this project's sources.</summary>
    private static string PeerDir()
    {
        var dir = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ModelDocsBenchDir")?.Value;
        if (string.IsNullOrEmpty(dir)) throw new BenchException("This build has no ModelDocsBenchDir metadata.");
        return Path.Combine(dir, "Peers");
    }

    /// <summary>Finds shared/: $MODELDOCS_SHARED, then a "shared" folder holding corpus/ beside any ancestor of the executable or current directory.</summary>
    private static string FindSharedDir()
    {
        var looked = new List<string>();
        var fromEnv = Environment.GetEnvironmentVariable("MODELDOCS_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            looked.Add(Path.Combine(fromEnv, "corpus") + " (MODELDOCS_SHARED)");
            if (Directory.Exists(Path.Combine(fromEnv, "corpus"))) return Path.GetFullPath(fromEnv);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                looked.Add(Path.Combine(candidate, "corpus"));
                if (Directory.Exists(Path.Combine(candidate, "corpus"))) return candidate;
            }
        }

        // Fallback: ../shared as seen from the repository at build time (Directory.Build.props).
        var buildTime = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ModelDocsSharedDir")?.Value;
        if (!string.IsNullOrEmpty(buildTime))
        {
            looked.Add(Path.Combine(buildTime, "corpus") + " (build-time ModelDocsSharedDir)");
            if (Directory.Exists(Path.Combine(buildTime, "corpus"))) return buildTime;
        }

        throw new BenchException(
            "The shared corpora were not found. Looked for: " + string.Join(", ", looked.Distinct()) +
            ". Put shared/ beside the checkout (../shared) or set MODELDOCS_SHARED to the folder that holds corpus/.");
    }

    private static void WriteJson(string path, string corpusDir, int docCount, Options options, IReadOnlyList<Row> rows)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var stream = File.Create(full);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("corpus", corpusDir);
        w.WriteNumber("docs", docCount);
        w.WriteNumber("iterations", options.Iterations);
        w.WriteNumber("warmup", options.Warmup);
        w.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
        w.WriteString("roslyn", typeof(CSharpCompilation).Assembly.GetName().Version?.ToString());
        w.WriteStartArray("scenarios");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("scenario", r.Name);
            w.WriteString("build", r.Build);
            w.WriteNumber("medianMs", Math.Round(r.Result.MedianMs, 3));
            w.WriteNumber("minMs", Math.Round(r.Result.MinMs, 3));
            w.WriteNumber("allocatedMB", Math.Round(r.Result.MedianAllocatedMb, 3));
            w.WriteNumber("targetMs", r.TargetMs);
            w.WriteBoolean("meetsTarget", r.Meets);
            w.WriteNumber("generatedSources", r.Result.Sources);
            w.WriteStartArray("samplesMs");
            foreach (var t in r.Result.Times) w.WriteNumberValue(Math.Round(t, 3));
            w.WriteEndArray();
            w.WriteStartArray("allocatedBytes");
            foreach (var a in r.Result.Allocs) w.WriteNumberValue(a);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        Console.WriteLine("wrote " + full);
    }

    private sealed record Result(double MedianMs, double MinMs, double MedianAllocatedMb, IReadOnlyList<double> Times, IReadOnlyList<long> Allocs, int Sources);

    private sealed record Row(string Name, string Build, Result Result, int TargetMs)
    {
        public bool Meets => TargetMs <= 0 || Result.MedianMs <= TargetMs;
    }

    /// <summary>Scenario rows without an issue target have <c>TargetMs</c> 0.</summary>
    private sealed record Options(string? JsonPath, int Iterations, int Warmup, bool Stages, double LoopEditSeconds, string[] Builds, string[]? Scenarios)
    {
        /// <summary>The compile-cost section (after the scenarios): on unless --no-compile.</summary>
        public bool Compile { get; init; } = true;

        /// <summary>--compile-only: the compile-cost section alone; --write-peers implies it and rewrites Peers/.</summary>
        public bool CompileOnly { get; init; }

        public bool WritePeers { get; init; }

        public int CompileIterations { get; init; } = 5;

        public int CompileWarmup { get; init; } = 2;

        public static Options Parse(string[] args)
        {
            string? json = null;
            // Warm-up: 3 runs leave much of Roslyn's and the generator's code in tier-0 / instrumented JIT code
            // (medians 2-6x the steady state); about 20 runs per scenario reach tier-1.
            int iterations = 7, warmup = 20;
            var stages = false;
            double loopEdit = 0;
            var builds = GeneratorBuilds.All;
            string[]? scenarios = null;
            bool compile = true, compileOnly = false, writePeers = false;
            int compileIterations = 5, compileWarmup = 2;
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new BenchException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--json": json = Next(); break;
                    case "--iterations": iterations = PositiveInt(Next()); break;
                    case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--stages": stages = true; break;
                    case "--no-compile": compile = false; break;
                    case "--compile-only": compileOnly = true; break;
                    case "--write-peers": writePeers = compileOnly = true; break;
                    case "--compile-iterations": compileIterations = PositiveInt(Next()); break;
                    case "--compile-warmup": compileWarmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--loop-edit": loopEdit = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--scenario": scenarios = (scenarios ?? Array.Empty<string>()).Append(Next()).ToArray(); break;
                    case "--build":
                        var b = Next();
                        builds = b == "both" ? GeneratorBuilds.All : GeneratorBuilds.All.Contains(b) ? new[] { b } : throw new BenchException($"--build takes {string.Join(", ", GeneratorBuilds.All)} or both, not '{b}'.");
                        break;
                    default: throw new BenchException($"Unknown argument '{args[i]}'. Usage: [--json <path>] [--iterations N] [--warmup N] [--stages] [--loop-edit seconds] [--build roslyn5.9|roslyn4.8|both] [--scenario NAME]... [--no-compile | --compile-only | --write-peers] [--compile-iterations N] [--compile-warmup N]");
                }
            }
            return new Options(json, iterations, warmup, stages, loopEdit, builds, scenarios)
            {
                Compile = compile, CompileOnly = compileOnly, WritePeers = writePeers, CompileIterations = compileIterations, CompileWarmup = compileWarmup,
            };
        }

        private static int PositiveInt(string s)
            => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new BenchException($"'{s}' is not a positive integer.");
    }
}

/// <summary>
/// Where a run's time goes, from the pipeline itself: Roslyn's per-step elapsed times with step tracking
/// on (the stages are not called directly, so the bench keeps no copy of them).
/// </summary>
internal static class Stages
{
    public static void Cold(string build, ImmutableArray<AdditionalText> docs, AnalyzerConfigOptionsProvider optionsProvider, CSharpCompilation compilation, int iterations, int warmup)
    {
        var perStep = new Dictionary<string, List<double>>();
        var totals = new List<double>();
        var chars = 0L;
        var sources = 0;
        for (var i = 0; i < warmup + iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            var driver = Program.NewDriver(build, docs, optionsProvider, track: true).RunGenerators(compilation.Clone());
            var ms = sw.Elapsed.TotalMilliseconds;
            if (i < warmup) continue;
            totals.Add(ms);
            var result = driver.GetRunResult().Results[0];
            sources = result.GeneratedSources.Length;
            chars = result.GeneratedSources.Sum(g => (long)g.SourceText.Length);
            foreach (var (name, steps) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
            {
                if (!perStep.TryGetValue(name, out var list)) perStep[name] = list = new List<double>();
                list.Add(steps.Sum(st => st.ElapsedTime.TotalMilliseconds));
            }
        }
        Console.WriteLine($"### Cold run, {build}, inside the driver (median of {iterations}, {docs.Length} docs)");
        Console.WriteLine();
        Console.WriteLine("| measurement | median ms |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(FormattableString.Invariant($"| RunGenerators, step tracking on | {Med(totals):F2} |"));
        foreach (var (name, list) in perStep.OrderByDescending(kv => Med(kv.Value)))
        {
            Console.WriteLine(FormattableString.Invariant($"| tracked step {name} (sum over its entries) | {Med(list):F2} |"));
        }
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"emitted: {sources} sources, {chars / 1024.0 / 1024.0:F1} M chars"));
    }

    private static double Med(List<double> v) { var s = v.OrderBy(x => x).ToList(); return s[s.Count / 2]; }

    /// <summary>
    /// The one-doc edit with step tracking on: the time Roslyn records per pipeline step, versus the
    /// whole RunGenerators, and a no-op run (nothing changed) for the driver's fixed cost.
    /// </summary>
    public static void EditSteps(string build, ImmutableArray<AdditionalText> docs, int editedIndex, string editedText, AnalyzerConfigOptionsProvider optionsProvider,
        CSharpCompilation compilation, int iterations, int warmup)
    {
        var perStep = new Dictionary<string, List<double>>();
        var edits = new List<double>();
        var noops = new List<double>();
        var tracked = new List<double>();
        for (var i = 0; i < warmup + iterations; i++)
        {
            GeneratorDriver Create(bool track) => Program.NewDriver(build, docs, optionsProvider, track);
            var edited = new InMemoryAdditionalText(docs[editedIndex].Path, editedText + new string(' ', i));

            // Untracked: a run where nothing changed, then a one-doc edit.
            var driver = Create(track: false).RunGenerators(compilation);
            var sw = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            var noopMs = sw.Elapsed.TotalMilliseconds;
            driver = driver.ReplaceAdditionalText(docs[editedIndex], edited);
            sw.Restart();
            driver.RunGenerators(compilation);
            var editMs = sw.Elapsed.TotalMilliseconds;

            // Tracked: per-step elapsed times as Roslyn records them (tracking adds its own overhead to the total).
            var trackedDriver = Create(track: true).RunGenerators(compilation).ReplaceAdditionalText(docs[editedIndex], edited);
            sw.Restart();
            trackedDriver = trackedDriver.RunGenerators(compilation);
            var trackedMs = sw.Elapsed.TotalMilliseconds;
            if (i < warmup) continue;
            noops.Add(noopMs);
            edits.Add(editMs);
            tracked.Add(trackedMs);
            var result = trackedDriver.GetRunResult().Results[0];
            foreach (var (name, steps) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
            {
                if (!perStep.TryGetValue(name, out var list)) perStep[name] = list = new List<double>();
                list.Add(steps.Sum(s => s.ElapsedTime.TotalMilliseconds));
            }
        }

        Console.WriteLine($"### One-doc edit, {build}, inside the driver (median of {iterations})");
        Console.WriteLine();
        Console.WriteLine("| measurement | median ms |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(FormattableString.Invariant($"| RunGenerators, nothing changed | {Med(noops):F2} |"));
        Console.WriteLine(FormattableString.Invariant($"| RunGenerators, one doc replaced | {Med(edits):F2} |"));
        Console.WriteLine(FormattableString.Invariant($"| RunGenerators, one doc replaced, step tracking on | {Med(tracked):F2} |"));
        foreach (var (name, list) in perStep.OrderByDescending(kv => Med(kv.Value)))
        {
            Console.WriteLine(FormattableString.Invariant($"| tracked step {name} (sum over its entries) | {Med(list):F2} |"));
        }
    }
}

internal sealed class BenchException : Exception
{
    public BenchException(string message) : base(message) { }
}

