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
