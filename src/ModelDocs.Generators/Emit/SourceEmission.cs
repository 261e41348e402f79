using Microsoft.CodeAnalysis.CSharp;
using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Emit;

/// <summary>
/// One generated file as data. Emission produces these inside the pipeline (not in an output callback),
/// so both builds of the generator register the very same values, whichever phase adds them, and a
/// failure becomes a diagnostic (which a pre-compilation output could not report).
/// </summary>
internal sealed record GeneratedSource(string HintName, string Text);

/// <summary>
/// What one emission step produced: its files, and MD1011/MD9001 when it could not produce them.
/// <paramref name="Owner"/> (unique per step: the doc's file and type; empty for the shared files) and
/// <paramref name="FilePath"/> let <see cref="HintNames"/> give every file its own hint name.
/// </summary>
internal sealed record EmitResult(EquatableArray<GeneratedSource> Sources, EquatableArray<DiagnosticInfo> Diagnostics, string Owner = "", string FilePath = "")
{
    public static readonly EmitResult Empty = new(EquatableArray<GeneratedSource>.Empty, EquatableArray<DiagnosticInfo>.Empty);
}

/// <summary>The types one model doc contributes to its namespace's serializer context.</summary>
internal sealed record ModelContextTypes(string Namespace, string FilePath, EquatableArray<JsonEmitter.ContextType> Types)
{
    public static ModelContextTypes Of(ModelSpec model)
    {
        var types = new List<JsonEmitter.ContextType>();
        if (model.Kind is DocumentKind.Model or DocumentKind.Union) types.Add(new JsonEmitter.ContextType(model.TypeName, false));
        foreach (var e in model.Enums) types.Add(new JsonEmitter.ContextType(e.TypeName, true));
        return new ModelContextTypes(model.Namespace, model.FilePath, types.ToEquatableArray());
    }
}

/// <summary>The emission steps of the pipeline: each returns its files, and catches a bug at its own boundary (MD9001).</summary>
internal static class SourceEmission
{
    /// <summary>
    /// One model doc: its record (if it is a model) and every enum it declares, plus what the steps after
    /// resolution reported for it (MD9001); nothing but those diagnostics when a step dropped the model.
    /// </summary>
    public static EmitResult Model(ResolveResult settled, TargetCapabilities caps, CancellationToken ct)
    {
        if (settled.Model is not { } model) return new EmitResult(EquatableArray<GeneratedSource>.Empty, settled.Diagnostics);
        var emitted = Guard(model.TypeName, model.FilePath, ct, sources =>
        {
            if (model.Kind == DocumentKind.Model)
            {
                sources.Add(new GeneratedSource(HintNames.ForType(model.Namespace, model.TypeName), Emitter.EmitModel(model, caps)));
            }
            else if (model.Kind == DocumentKind.Union)
            {
                sources.Add(new GeneratedSource(HintNames.ForType(model.Namespace, model.TypeName), UnionEmitter.Emit(model, caps)));
            }
            var owner = model.Kind is DocumentKind.Model or DocumentKind.Union ? model.TypeName : null;
            foreach (var e in model.Enums)
            {
                ct.ThrowIfCancellationRequested();
                sources.Add(new GeneratedSource(HintNames.ForType(model.Namespace, e.TypeName), Emitter.EmitEnum(model.Namespace, e, owner, model.FilePath, caps)));
            }
        });
        var diagnostics = settled.Diagnostics.IsEmpty ? emitted.Diagnostics : settled.Diagnostics.Concat(emitted.Diagnostics).ToEquatableArray();
        return emitted with { Diagnostics = diagnostics, Owner = model.FilePath + "|" + model.FullName, FilePath = model.FilePath };
    }

    /// <summary>The JSON helpers and one serializer context per namespace, from the generated types' names only.</summary>
    public static EmitResult Json(EquatableArray<ModelContextTypes> all, JsonOptions options, TargetCapabilities caps, CancellationToken ct)
    {
        if (all.IsEmpty || !caps.HasJsonSerializer) return EmitResult.Empty;
        return Guard(options.ContextName, all[0].FilePath, ct, sources =>
        {
            sources.Add(new GeneratedSource(HintNames.JsonRuntime, JsonRuntime.Source(options.Strict, caps.HasDateOnly)));
            foreach (var group in all.GroupBy(t => t.Namespace, StringComparer.Ordinal))
            {
                var types = group.SelectMany(g => g.Types).ToEquatableArray();
                if (types.IsEmpty) continue;
                sources.Add(new GeneratedSource(HintNames.ForType(group.Key, options.ContextName),
                    JsonEmitter.EmitContext(group.Key, options.ContextName, types, GeneratedFile.GeneratedCodeAttribute)));
            }
        });
    }

    /// <summary>
    /// What every project gets: the attributes the analyzer reads, and, when there are docs, the
    /// <c>IsExternalInit</c> polyfill a target without it needs (or MD1011 below C# 9).
    /// </summary>
    public static EmitResult Support(TargetCapabilities caps, bool anyDocs)
    {
        var sources = new List<GeneratedSource> { new(HintNames.Attributes, Emitter.SupportSource) };
        var diagnostics = new List<DiagnosticInfo>();
        if (anyDocs && caps.LanguageVersion is > 0 and < (int)LanguageVersion.CSharp9)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, null));
        }
        if (anyDocs && !caps.HasIsExternalInit)
        {
            sources.Add(new GeneratedSource(HintNames.IsExternalInit, Emitter.IsExternalInitSource));
        }
        return new EmitResult(sources.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static EmitResult Guard(string what, string filePath, CancellationToken ct, Action<List<GeneratedSource>> emit)
    {
        var sources = new List<GeneratedSource>();
        // The doc's other outputs are dropped with it: a half-emitted type would only add compile errors.
        return InternalErrors.Guard(what, InternalErrors.FileStart(filePath), ct, () =>
            {
                emit(sources);
                return new EmitResult(sources.ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty);
            },
            error => new EmitResult(EquatableArray<GeneratedSource>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error })));
    }
}
