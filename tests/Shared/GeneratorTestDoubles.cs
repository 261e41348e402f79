// Test doubles for driving ModelDocsGenerator in-process. One copy, compiled into both test
// projects and the generator benchmark (linked from their .csproj files).
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ModelDocs.Testing;

/// <summary>An AdditionalFile held in memory.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global (build_property.*) and per-file (build_metadata.AdditionalFiles.*) options, as MSBuild would pass them.</summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;
    private readonly Dictionary<string, string> _globalValues;
    private readonly Dictionary<string, Dictionary<string, string>> _perFile;

    public TestOptionsProvider(Dictionary<string, string>? global = null, Dictionary<string, Dictionary<string, string>>? perFile = null)
    {
        _globalValues = global ?? new();
        _global = new Options(_globalValues);
        _perFile = perFile ?? new();
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        if (!_perFile.TryGetValue(textFile.Path, out var extra)) return _global;
        var merged = new Dictionary<string, string>(_globalValues);
        foreach (var kv in extra) merged[kv.Key] = kv.Value;
        return new Options(merged);
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>
/// The two builds of the generator, as the package ships them. The Roslyn 5.9 build is the project
/// reference; the Roslyn 4.8 build (same assembly name, same types) is loaded from its own output into
/// a load context of its own, sharing this process's Roslyn, so both run side by side in one driver host.
/// The path of the 4.8 build comes from the <c>ModelDocsRoslyn48Generator</c> assembly metadata that the
/// test and bench projects set.
/// </summary>
public static class GeneratorBuilds
{
    public const string PreCompilation = "roslyn5.9";
    public const string Standard = "roslyn4.8";

    public static readonly string[] All = { PreCompilation, Standard };

    private static readonly object Gate = new();
    private static System.Type? _standardType;

    public static IIncrementalGenerator Create(string build) => build switch
    {
        PreCompilation => new ModelDocs.Generators.ModelDocsGenerator(),
        Standard => (IIncrementalGenerator)System.Activator.CreateInstance(StandardType())!,
        _ => throw new System.ArgumentOutOfRangeException(nameof(build), build, "expected " + PreCompilation + " or " + Standard),
    };

    public static ISourceGenerator CreateSourceGenerator(string build) => Create(build).AsSourceGenerator();

    /// <summary>Where the Roslyn 4.8 build was built (fails with the path it looked at when it is missing).</summary>
    public static string StandardPath
    {
        get
        {
            var path = System.Linq.Enumerable.FirstOrDefault(
                System.Reflection.CustomAttributeExtensions.GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>(typeof(GeneratorBuilds).Assembly),
                a => a.Key == "ModelDocsRoslyn48Generator")?.Value;
            if (string.IsNullOrEmpty(path)) throw new System.InvalidOperationException("This assembly has no ModelDocsRoslyn48Generator metadata: set it in the project file.");
            if (!System.IO.File.Exists(path)) throw new System.IO.FileNotFoundException("The Roslyn 4.8 build of the generator is missing; build src/ModelDocs.Generators.Roslyn4.8. Looked at: " + path, path);
            return path!;
        }
    }

    private static System.Type StandardType()
    {
        lock (Gate)
        {
            if (_standardType is null)
            {
                var assembly = new IsolatedLoadContext().LoadFromAssemblyPath(StandardPath);
                _standardType = assembly.GetType("ModelDocs.Generators.ModelDocsGenerator", throwOnError: true)!;
                var build = (string)_standardType.GetProperty("Build", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
                if (build != Standard) throw new System.InvalidOperationException($"{StandardPath} is the {build} build, not {Standard}.");
            }
            return _standardType;
        }
    }

    /// <summary>Loads the generator itself here and defers everything else (Roslyn, the BCL) to the default context.</summary>
    private sealed class IsolatedLoadContext : System.Runtime.Loader.AssemblyLoadContext
    {
        public IsolatedLoadContext() : base("ModelDocs.Generators " + Standard) { }

        protected override System.Reflection.Assembly? Load(System.Reflection.AssemblyName assemblyName) => null;
    }
}
