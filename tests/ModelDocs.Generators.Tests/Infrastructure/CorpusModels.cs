using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelDocs.Generators.Common;
using Xunit;
using Microsoft.CodeAnalysis;
using System.Collections.Immutable;
using ModelDocs.Generators.Model;
using ModelDocs.Generators.Pipeline;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// The resolved specs of a set of docs, as the generator's real pipeline computes them: the docs run
/// through a <see cref="GeneratorDriver"/> and the specs are read through the generator's
/// <see cref="PipelineObserver"/> (no copy of the stages here, and no step tracking, which does not finish on large inputs).
/// </summary>
internal static class CorpusModels
{
    private static readonly Dictionary<string, Dictionary<string, ModelSpec>> Cache = new();

    /// <summary>Every .md doc of <paramref name="folder"/>, by file stem.</summary>
    public static Dictionary<string, ModelSpec> Load(string folder)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(folder, out var cached)) return cached;
        }
        var models = Resolve(TestHelpers.LoadFolder(folder), out _);
        lock (Cache) Cache[folder] = models;
        return models;
    }

    /// <summary>
    /// One JSON Schema or OpenAPI file, by schema name. A derived record's spec lists what its JSON object
    /// has: its ancestors' properties (root first, as the hierarchy stage attached them) and enums, then its own.
    /// </summary>
    public static Dictionary<string, ModelSpec> LoadJson(string path, out List<Diagnostic> diagnostics)
        => ResolveDocs(new[] { new InMemoryAdditionalText(path, File.ReadAllText(path)) }, out diagnostics, withInherited: true)
            .ToDictionary(kv => kv.Key, kv => kv.Value.Model, StringComparer.Ordinal);

    /// <summary>Runs the pipeline over <paramref name="files"/>: each doc's resolved spec by its stem (a schema's name for JSON), and the generator's diagnostics.</summary>
    public static Dictionary<string, ModelSpec> Resolve(IEnumerable<AdditionalText> files, out List<Diagnostic> diagnostics)
        => ResolveDocs(files, out diagnostics).ToDictionary(kv => kv.Key, kv => kv.Value.Model, StringComparer.Ordinal);

    /// <summary>As <see cref="Resolve"/>, with the parsed doc (its dialect as the pipeline settled it) beside each spec.</summary>
    public static Dictionary<string, (DocumentSpec Doc, ModelSpec Model)> ResolveDocs(IEnumerable<AdditionalText> files, out List<Diagnostic> diagnostics, bool withInherited = false)
    {
        var resolvedDocs = ImmutableArray<ResolvedDoc>.Empty;
        var resolvedModels = ImmutableArray<(ResolveResult Result, TargetCapabilities Capabilities)>.Empty;
        var observer = new PipelineObserver { Resolved = all => resolvedDocs = all, Models = all => resolvedModels = all };
        var run = TestHelpers.Run(files, observer);
        diagnostics = run.GeneratorDiagnostics.ToList();
        Assert.Null(Assert.Single(run.Result.Results).Exception);
        var models = new Dictionary<string, (DocumentSpec, ModelSpec)>(StringComparer.Ordinal);
        foreach (var resolved in resolvedDocs)
        {
            if (resolved.Result.Model is not null) models[resolved.Document.FileStem] = (resolved.Document, resolved.Result.Model);
        }
        if (!withInherited) return models;

        // The hierarchy stage's output: each model with its ancestors' properties attached (HierarchyModel.Inherited).
        var attached = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        foreach (var (result, _) in resolvedModels)
        {
            if (result.Model is { } model) attached[model.FullName] = model;
        }
        foreach (var key in models.Keys.ToList())
        {
            var (doc, model) = models[key];
            if (!attached.TryGetValue(model.FullName, out var a) || a.Hierarchy?.BaseType is null) continue;
            var enums = new List<EnumModel>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var m = a; m is not null && seen.Add(m.FullName); m = m.Hierarchy?.BaseType is { } b && attached.TryGetValue(b, out var next) ? next : null) enums.InsertRange(0, m.Enums);
            models[key] = (doc, a with { Properties = a.AllProperties.ToEquatableArray(), Enums = enums.ToEquatableArray() });
        }
        return models;
    }

    public static EnumModel? EnumOf(ModelSpec model, PropertyModel p)
    {
        var name = p.Type.EnumName ?? p.Type.Element?.EnumName;
        return name is null ? null : model.Enums.FirstOrDefault(e => e.TypeName == name);
    }
}
