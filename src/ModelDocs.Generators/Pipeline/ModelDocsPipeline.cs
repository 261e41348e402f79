using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Emit;
using ModelDocs.Generators.Inference;
using ModelDocs.Generators.Model;
using ModelDocs.Generators.Parsing;
using ModelDocs.Generators.Parsing.Json;

namespace ModelDocs.Generators.Pipeline;

/// <summary>
/// The providers the pipeline ends in. <see cref="ModelSources"/> and <see cref="SharedSources"/> read no
/// <see cref="Compilation"/>, so the Roslyn 5.9 build can add them before other generators run; the
/// diagnostics are reported in the normal phase by both builds.
/// </summary>
internal sealed class PipelineOutputs(
    IncrementalValuesProvider<EmitResult> modelSources,
    IncrementalValueProvider<EmitResult> sharedSources,
    IncrementalValuesProvider<EquatableArray<DiagnosticInfo>>[] docDiagnostics,
    IncrementalValueProvider<EquatableArray<DiagnosticInfo>> buildDiagnostics)
{
    /// <summary>Per model doc: its record and enums (and MD9001 if emitting them failed, reported from <see cref="DocDiagnostics"/>).</summary>
    public IncrementalValuesProvider<EmitResult> ModelSources { get; } = modelSources;

    /// <summary>Once per build: the attributes, the polyfill, the JSON helpers and the serializer contexts (their diagnostics are in <see cref="BuildDiagnostics"/>).</summary>
    public IncrementalValueProvider<EmitResult> SharedSources { get; } = sharedSources;

    /// <summary>Per file and per doc: parse and resolve diagnostics (one provider each; Roslyn cannot concatenate them).</summary>
    public IncrementalValuesProvider<EquatableArray<DiagnosticInfo>>[] DocDiagnostics { get; } = docDiagnostics;

    /// <summary>Once per build: C# version, shared emission, and the check of the target against the compilation.</summary>
    public IncrementalValueProvider<EquatableArray<DiagnosticInfo>> BuildDiagnostics { get; } = buildDiagnostics;
}

/// <summary>
/// The one definition of the generator's stages (see ARCHITECTURE.md), called by both builds of
/// <see cref="ModelDocsGenerator"/>; tests and the benchmark run it through a <c>GeneratorDriver</c>
/// and read its tracked steps, so none of them keeps a copy.
/// </summary>
internal static class ModelDocsPipeline
{
    /// <summary>Builds the stages, numbered as in ARCHITECTURE.md, and returns the providers the build reports and adds sources from.</summary>
    public static PipelineOutputs Build(IncrementalGeneratorInitializationContext context, PipelineObserver? observer = null)
    {
        var documents = ParseFiles(context);
        var parsed = documents
            .SelectMany(static (r, _) => r.Documents)
            .WithTrackingName(TrackingNames.ParsedDocuments);
        var index = TypeIndex(parsed);
        var anyDocs = index.Select(static (i, _) => !i.IsEmpty);
        var capabilities = Capabilities(context);
        var documentsInDialect = InFolderDialects(parsed, out var namingNotice);

        // 4. Resolve + infer per doc.
        var resolvedInputs = documentsInDialect
            .Combine(index)
            .Combine(capabilities);
        var resolved = resolvedInputs
            .Select(static (input, ct) => ModelResolver.Resolve(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.Models);

        var jsonOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (o, _) => JsonOptions.From(o.GlobalOptions))
            .WithTrackingName(TrackingNames.JsonOptions);
        var named = SettleTypeNames(resolved, jsonOptions);
        var models = AttachHierarchies(named, capabilities);

        // 7. Emit one model doc at a time (what steps 5 and 6 reported for it travels with its files).
        var modelEmit = models
            .Select(static (input, ct) => SourceEmission.Model(input.Left, input.Right, ct))
            .WithTrackingName(TrackingNames.ModelSources);
        var sharedEmit = SharedEmit(models, jsonOptions, capabilities, anyDocs);

        // 9. Hint names, then each source under its planned name.
        var hintPlan = HintPlan(modelEmit, sharedEmit);
        var modelSources = modelEmit
            .Combine(hintPlan)
            .Select(static (pair, _) => HintNames.Apply(pair.Left, pair.Right));
        var shared = sharedEmit
            .Combine(hintPlan)
            .Select(static (pair, _) => HintNames.Apply(pair.Left, pair.Right));

        var check = TargetCheck(context, capabilities, anyDocs);

        if (observer is not null) Observe(context, observer, resolvedInputs, resolved, models);

        return new PipelineOutputs(
            modelSources,
            shared,
            new[]
            {
                documents.Select(static (r, _) => r.Diagnostics),
                resolved.Select(static (r, _) => r.Diagnostics),
            },
            shared.Select(static (r, _) => r.Diagnostics)
                .Combine(check)
                .Combine(namingNotice)
                .Select(static (input, _) => input.Left.Left.Concat(input.Left.Right).Concat(input.Right).ToEquatableArray()));
    }

    /// <summary>
    /// 1. Each .md, .json and .yaml/.yml AdditionalFile with its options, parsed in the same step (nothing that
    /// compares by reference survives it). A markdown file gives at most one doc, a JSON Schema or
    /// OpenAPI file one per schema; each doc then flows on its own, so an unchanged schema in an
    /// edited file stays cached downstream.
    /// </summary>
    private static IncrementalValuesProvider<FileResult> ParseFiles(IncrementalGeneratorInitializationContext context)
        => context.AdditionalTextsProvider
            .Where(static file => IsMarkdown(file.Path) || JsonDocReader.IsJsonOrYaml(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => Parse(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .WithTrackingName(TrackingNames.Documents);

    /// <summary>2. The index of every doc's type, by names only: editing a doc's table leaves the index equal, so other docs stay cached.</summary>
    private static IncrementalValueProvider<EquatableArray<TypeIndexEntry>> TypeIndex(IncrementalValuesProvider<DocumentSpec> parsed)
        => parsed
            .Select(static (d, _) => ModelResolver.IndexEntryOf(d))
            .Collect()
            .Select(static (entries, _) => entries.OrderBy(e => e.FilePath, StringComparer.Ordinal).ThenBy(e => e.JsonKey, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.TypeIndex);

    /// <summary>
    /// 3. What the target supports (C# version, required members, DateOnly, System.Text.Json 8), from the
    /// parse options and what the referenced assemblies define (read per reference from metadata, and
    /// cached per reference): never from the Compilation, which pre-compilation outputs may not read.
    /// </summary>
    private static IncrementalValueProvider<TargetCapabilities> Capabilities(IncrementalGeneratorInitializationContext context)
    {
        var referenceFacts = context.MetadataReferencesProvider
            .Select(static (reference, ct) => ReferenceFacts.Of(reference, ct))
            .WithTrackingName(TrackingNames.ReferenceFacts)
            .Collect()
            .Select(static (all, _) => all.Aggregate(ReferenceFacts.None, static (a, b) => a.Or(b)));
        return context.ParseOptionsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(referenceFacts)
            .Select(static (input, _) => TargetCapabilities.From(input.Left.Left, input.Left.Right.GlobalOptions, input.Right))
            .WithTrackingName(TrackingNames.Capabilities);
    }

    /// <summary>
    /// 3b. One SDK's docs folder is written by one generator: a doc that shows its language only
    /// weakly takes the dialect its folder's docs show (votes change only when a doc's language does).
    /// <paramref name="namingNotice"/>: the build's notice about the dialects' naming.
    /// </summary>
    private static IncrementalValuesProvider<DocumentSpec> InFolderDialects(IncrementalValuesProvider<DocumentSpec> parsed, out IncrementalValueProvider<EquatableArray<DiagnosticInfo>> namingNotice)
    {
        var folderDialects = parsed
            .Select(static (d, _) => d.JsonKey is null && d.Options.Dialect == Dialect.Auto ? new Dialects.Vote(Dialects.FolderOf(d.FilePath), d.Dialect, d.DialectScore) : null)
            .Where(static v => v is not null)
            .Collect()
            .Select(static (votes, _) => Dialects.FolderVote(votes!))
            .WithTrackingName(TrackingNames.FolderDialects);
        var documentsInDialect = parsed
            .Combine(folderDialects)
            .Select(static (pair, _) => Dialects.ApplyFolder(pair.Left, pair.Right));
        namingNotice = documentsInDialect
            .Select(static (d, _) => Dialects.NoteOf(d))
            .Where(static n => n is not null)
            .Collect()
            .Select(static (notes, _) => Dialects.NamingNotice(notes!))
            .WithTrackingName(TrackingNames.NamingNotice);
        return documentsInDialect;
    }

    /// <summary>
    /// 5. Type names across docs: a property enum whose name another doc's type, enum or companion
    /// takes (case-insensitively) gets the next free name. Names only are collected, so editing a
    /// doc's table leaves every other doc's input here unchanged.
    /// </summary>
    private static IncrementalValuesProvider<ResolveResult> SettleTypeNames(IncrementalValuesProvider<ResolveResult> resolved, IncrementalValueProvider<JsonOptions> jsonOptions)
    {
        var resolvedModels = resolved
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!);
        var enumRenames = resolvedModels
            .Select(static (m, _) => DeclaredTypes.Of(m))
            .Collect()
            .Combine(jsonOptions)
            .Select(static (input, _) => TypeNames.Settle(input.Left.ToEquatableArray(), input.Right.ContextName))
            .WithTrackingName(TrackingNames.TypeNames);
        return resolvedModels
            .Combine(enumRenames)
            .Select(static (pair, ct) => TypeNames.Apply(pair.Left, pair.Right, ct));
    }

    /// <summary>
    /// 6. Polymorphic hierarchies: a derived record learns its ancestors' properties. Only the bases
    /// are collected, so an edit to any other doc leaves every model's input here unchanged.
    /// </summary>
    private static IncrementalValuesProvider<(ResolveResult Left, TargetCapabilities Right)> AttachHierarchies(IncrementalValuesProvider<ResolveResult> named, IncrementalValueProvider<TargetCapabilities> capabilities)
    {
        var bases = named
            .Where(static r => r.Model is not null && Hierarchies.IsBase(r.Model))
            .Select(static (r, _) => r.Model!)
            .Collect()
            .Select(static (all, _) => all.OrderBy(m => m.FullName, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Hierarchies);
        return named
            .Combine(bases)
            .Select(static (pair, ct) => Hierarchies.Attach(pair.Left, pair.Right, ct))
            .Combine(capabilities)
            .WithTrackingName(TrackingNames.ResolvedModels);
    }

    /// <summary>
    /// 8. JSON: the shared helpers, and one context per namespace over the names of the generated
    /// types only (editing a doc's table leaves the contexts cached); with the support sources, one result.
    /// </summary>
    private static IncrementalValueProvider<EmitResult> SharedEmit(IncrementalValuesProvider<(ResolveResult Left, TargetCapabilities Right)> models,
        IncrementalValueProvider<JsonOptions> jsonOptions, IncrementalValueProvider<TargetCapabilities> capabilities, IncrementalValueProvider<bool> anyDocs)
    {
        var contextTypes = models
            .Where(static input => input.Left.Model is not null)
            .Select(static (input, _) => ModelContextTypes.Of(input.Left.Model!))
            .Collect()
            .Select(static (all, _) => all.OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.FilePath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.ContextTypes);
        var jsonEmit = contextTypes
            .Combine(jsonOptions)
            .Combine(capabilities)
            .Select(static (input, ct) => SourceEmission.Json(input.Left.Left, input.Left.Right, input.Right, ct));
        var supportEmit = capabilities
            .Combine(anyDocs)
            .Select(static (input, _) => SourceEmission.Support(input.Left, input.Right));
        return supportEmit
            .Combine(jsonEmit)
            .Select(static (pair, _) => new EmitResult(
                pair.Left.Sources.Concat(pair.Right.Sources).ToEquatableArray(),
                pair.Left.Diagnostics.Concat(pair.Right.Diagnostics).ToEquatableArray()))
            .WithTrackingName(TrackingNames.SharedSources);
    }

    /// <summary>
    /// 9. Hint names: the one place that decides them (Emit/HintNames), over the names every step asked
    /// for, so no two sources collide (Roslyn compares them ignoring case, and a collision throws away
    /// every generated file). Names only: a text edit leaves the plan cached.
    /// </summary>
    private static IncrementalValueProvider<EquatableArray<HintRename>> HintPlan(IncrementalValuesProvider<EmitResult> modelEmit, IncrementalValueProvider<EmitResult> sharedEmit)
        => modelEmit
            .Select(static (r, _) => HintClaims.Of(r))
            .Collect()
            .Combine(sharedEmit.Select(static (r, _) => HintClaims.Of(r)))
            .Select(static (input, _) => HintNames.Plan(input.Right, input.Left.ToEquatableArray()))
            .WithTrackingName(TrackingNames.HintNames);

    /// <summary>
    /// 10. The one stage that may read the Compilation, in the normal phase only, and only when the
    /// IsExternalInit polyfill is added: MD1027 if the project's source has one too (CompilationFacts).
    /// </summary>
    private static IncrementalValueProvider<EquatableArray<DiagnosticInfo>> TargetCheck(IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<TargetCapabilities> capabilities, IncrementalValueProvider<bool> anyDocs)
        => capabilities
            .Combine(anyDocs)
            .Select(static (input, _) => input.Right && CompilationFacts.NeedsCheck(input.Left) ? input.Left : null)
            .Combine(context.CompilationProvider)
            .Select(static (input, _) => input.Left is null ? EquatableArray<DiagnosticInfo>.Empty : CompilationFacts.Check(input.Right, input.Left))
            .WithTrackingName(TrackingNames.TargetCheck);

    /// <summary>
    /// The observer's outputs (tests and the benchmark only). Each pairs a stage's outputs with their inputs by
    /// collecting both sides in the same order; they add no work to the stages and nothing to the build's outputs.
    /// </summary>
    private static void Observe(
        IncrementalGeneratorInitializationContext context,
        PipelineObserver observer,
        IncrementalValuesProvider<((DocumentSpec Document, EquatableArray<TypeIndexEntry>), TargetCapabilities)> resolvedInputs,
        IncrementalValuesProvider<ResolveResult> resolved,
        IncrementalValuesProvider<(ResolveResult, TargetCapabilities)> models)
    {
        context.RegisterSourceOutput(resolvedInputs.Collect().Combine(resolved.Collect()), (_, pair) =>
        {
            var (inputs, results) = pair;
            var docs = ImmutableArray.CreateBuilder<ResolvedDoc>(inputs.Length);
            for (var i = 0; i < inputs.Length && i < results.Length; i++) docs.Add(new ResolvedDoc(inputs[i].Item1.Item1, results[i]));
            observer.Resolved?.Invoke(docs.ToImmutable());
        });
        context.RegisterSourceOutput(models.Collect(), (_, all) => observer.Models?.Invoke(all));
    }

    internal static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    internal static FileResult Parse(AdditionalText file, AnalyzerConfigOptions options, CancellationToken ct)
        // The readers guard their own work (per schema for JSON); this catches what happens around them.
        => InternalErrors.Guard(file.Path, InternalErrors.FileStart(file.Path), ct, () =>
            {
                var text = file.GetText(ct);
                if (text is null) return new FileResult(file.Path, EquatableArray<DocumentSpec>.Empty, EquatableArray<DiagnosticInfo>.Empty);
                var generatorOptions = GeneratorOptions.From(options, Dialects.Parse);
                return JsonDocReader.IsJsonOrYaml(file.Path)
                    ? JsonDocReader.Read(file.Path, text, generatorOptions, ct)
                    : FileResult.From(file.Path, MarkdownDocReader.Read(file.Path, text, generatorOptions, ct));
            },
            error => new FileResult(file.Path, EquatableArray<DocumentSpec>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error })));
}
