using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators.Inference;
using ModelDocs.Generators.Model;
using ModelDocs.Generators.Parsing;

namespace ModelDocs.Generators.Tests;

/// <summary>Runs the generator's parse and resolve stages over a folder and returns the resolved specs by doc name.</summary>
internal static class CorpusModels
{
    private static readonly Dictionary<string, Dictionary<string, ModelSpec>> Cache = new();

    public static Dictionary<string, ModelSpec> Load(string folder, GeneratorOptions? options = null)
    {
        var key = folder + "|" + options;
        lock (Cache)
        {
            if (Cache.TryGetValue(key, out var cached)) return cached;
        }
        options ??= GeneratorOptions.Default with { Namespace = "Test.Models" };
        var docs = new List<DocumentSpec>();
        foreach (var file in Directory.GetFiles(folder, "*.md").OrderBy(f => f, StringComparer.Ordinal))
        {
            var result = MarkdownDocReader.Read(file, SourceText.From(File.ReadAllText(file)), options, CancellationToken.None);
            if (result.Document is not null) docs.Add(result.Document);
        }
        var index = docs.Select(d => new TypeIndexEntry(d.FilePath, d.FileStem, ModelResolver.TypeNameOf(d), ModelResolver.NamespaceOf(d), d.Kind))
            .OrderBy(e => e.FilePath, StringComparer.Ordinal).ToEquatableArray();
        var models = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        foreach (var d in docs)
        {
            var r = ModelResolver.Resolve(d, index, CompilationCapabilities.Latest, CancellationToken.None);
            if (r.Model is not null) models[d.FileStem] = r.Model;
        }
        lock (Cache) Cache[key] = models;
        return models;
    }

    public static EnumModel? EnumOf(ModelSpec model, PropertyModel p)
    {
        var name = p.Type.EnumName ?? p.Type.Element?.EnumName;
        return name is null ? null : model.Enums.FirstOrDefault(e => e.TypeName == name);
    }
}
