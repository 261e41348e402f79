using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// The resolved specs of a set of docs, as the generator's real pipeline computes them: the docs run
/// through a <see cref="GeneratorDriver"/> with step tracking, and the specs are read from the tracked
/// <see cref="TrackingNames.Models"/> step (no copy of the stages here).
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

    /// <summary>One JSON Schema or OpenAPI file, by schema name.</summary>
    public static Dictionary<string, ModelSpec> LoadJson(string path, out List<Diagnostic> diagnostics)
        => Resolve(new[] { new InMemoryAdditionalText(path, File.ReadAllText(path)) }, out diagnostics);

    /// <summary>Runs the pipeline over <paramref name="files"/>: each doc's resolved spec by its stem (a schema's name for JSON), and the generator's diagnostics.</summary>
    public static Dictionary<string, ModelSpec> Resolve(IEnumerable<AdditionalText> files, out List<Diagnostic> diagnostics)
        => ResolveDocs(files, out diagnostics).ToDictionary(kv => kv.Key, kv => kv.Value.Model, StringComparer.Ordinal);

    /// <summary>As <see cref="Resolve"/>, with the parsed doc (its dialect as the pipeline settled it) beside each spec.</summary>
    public static Dictionary<string, (DocumentSpec Doc, ModelSpec Model)> ResolveDocs(IEnumerable<AdditionalText> files, out List<Diagnostic> diagnostics)
    {
        var run = TestHelpers.Run(files, trackSteps: true);
        diagnostics = run.GeneratorDiagnostics.ToList();
        var result = Assert.Single(run.Result.Results);
        var models = new Dictionary<string, (DocumentSpec, ModelSpec)>(StringComparer.Ordinal);
        foreach (var step in result.TrackedSteps[TrackingNames.Models])
        {
            // The step's input is ((DocumentSpec, index), capabilities); its output the ResolveResult.
            var (source, index) = step.Inputs[0];
            var doc = (((DocumentSpec, EquatableArray<TypeIndexEntry>), TargetCapabilities))source.Outputs[index].Value;
            var resolved = (ResolveResult)Assert.Single(step.Outputs).Value;
            if (resolved.Model is not null) models[doc.Item1.Item1.FileStem] = (doc.Item1.Item1, resolved.Model);
        }
        return models;
    }

    public static EnumModel? EnumOf(ModelSpec model, PropertyModel p)
    {
        var name = p.Type.EnumName ?? p.Type.Element?.EnumName;
        return name is null ? null : model.Enums.FirstOrDefault(e => e.TypeName == name);
    }
}
