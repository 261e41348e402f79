using System;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Emit;
using ModelDocs.Generators.Inference;
using ModelDocs.Generators.Model;
using ModelDocs.Generators.Parsing;
using ModelDocs.Generators.Parsing.Json;

namespace ModelDocs.Generators;

/// <summary>
/// Model docs (AdditionalFiles) → C# records and enums. Stages, in order (see ARCHITECTURE.md):
/// parse each file with its options → index the type names → resolve each doc against the index →
/// emit one source per model and per enum. Diagnostics are reported from outputs of their own.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelDocsGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static ctx =>
            ctx.AddSource("ModelDocs.Attributes.g.cs", SourceText.From(Emitter.SupportSource, Encoding.UTF8)));

        // 1. Each .md and .json AdditionalFile with its options, parsed in the same step (nothing that
        //    compares by reference survives it). A markdown file gives at most one doc, a JSON Schema or
        //    OpenAPI file one per schema; each doc then flows on its own, so an unchanged schema in an
        //    edited file stays cached downstream.
        var documents = context.AdditionalTextsProvider
            .Where(static file => IsMarkdown(file.Path) || JsonDocReader.IsJson(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => Parse(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .WithTrackingName(TrackingNames.Documents);

        var parsed = documents
            .SelectMany(static (r, _) => r.Documents)
            .WithTrackingName(TrackingNames.ParsedDocuments);

        // 2. Names only: editing a doc's table leaves the index equal, so other docs stay cached.
        var index = parsed
            .Select(static (d, _) => ModelResolver.IndexEntryOf(d))
            .Collect()
            .Select(static (entries, _) => entries.OrderBy(e => e.FilePath, StringComparer.Ordinal).ThenBy(e => e.JsonKey, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.TypeIndex);

        // 3. What the consuming compilation supports (C# version, required members, DateOnly).
        var capabilities = context.CompilationProvider
            .Select(static (c, _) => ReadCapabilities(c))
            .WithTrackingName(TrackingNames.Capabilities);

        // 4. Resolve + infer per doc.
        var resolved = parsed
            .Combine(index)
            .Combine(capabilities)
            .Select(static (input, ct) => ModelResolver.Resolve(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.Models);

        // 5. Polymorphic hierarchies: a derived record learns its ancestors' properties. Only the bases
        //    are collected, so an edit to any other doc leaves every model's input here unchanged.
        var resolvedModels = resolved
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!);
        var bases = resolvedModels
            .Where(static m => Hierarchies.IsBase(m))
            .Collect()
            .Select(static (all, _) => all.OrderBy(m => m.FullName, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Hierarchies);
        var models = resolvedModels
            .Combine(bases)
            .Select(static (pair, _) => Hierarchies.Attach(pair.Left, pair.Right))
            .Combine(capabilities)
            .WithTrackingName(TrackingNames.ResolvedModels);

        // 6. Emit, and report diagnostics from separate outputs (a moved line re-reports without re-emitting).
        context.RegisterSourceOutput(models, static (spc, input) => EmitModel(spc, input.Left, input.Right));

        // 7. JSON: build-wide options, the shared helpers, and one context per namespace over the
        //    names of the generated types only (editing a doc's table leaves the contexts cached).
        var jsonOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (o, _) => JsonOptions.From(o.GlobalOptions))
            .WithTrackingName(TrackingNames.JsonOptions);
        var contextTypes = models
            .Select(static (input, _) => ContextTypesOf(input.Left))
            .Collect()
            .Select(static (all, _) => all.OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.FilePath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.ContextTypes);
        context.RegisterSourceOutput(contextTypes.Combine(jsonOptions).Combine(capabilities), static (spc, input) => EmitJson(spc, input.Left.Left, input.Left.Right, input.Right));
        context.RegisterSourceOutput(documents.Select(static (r, _) => r.Diagnostics), static (spc, diags) => Report(spc, diags));
        context.RegisterSourceOutput(resolved.Select(static (r, _) => r.Diagnostics), static (spc, diags) => Report(spc, diags));
        context.RegisterSourceOutput(capabilities.Combine(index.Select(static (i, _) => !i.IsEmpty)), static (spc, input) => EmitSupport(spc, input.Left, input.Right));
    }

    internal static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    internal static FileResult Parse(AdditionalText file, AnalyzerConfigOptions options, CancellationToken ct)
    {
        var text = file.GetText(ct);
        if (text is null) return new FileResult(file.Path, EquatableArray<DocumentSpec>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        var generatorOptions = GeneratorOptions.From(options);
        return JsonDocReader.IsJson(file.Path)
            ? JsonDocReader.Read(file.Path, text, generatorOptions, ct)
            : FileResult.From(file.Path, MarkdownDocReader.Read(file.Path, text, generatorOptions, ct));
    }

    internal static CompilationCapabilities ReadCapabilities(Compilation compilation)
    {
        var langVersion = compilation is CSharpCompilation cs ? (int)cs.LanguageVersion : 0;
        return new CompilationCapabilities(
            langVersion,
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is not null
                && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute") is not null,
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.IsExternalInit") is not null,
            compilation.GetTypeByMetadataName("System.DateOnly") is not null,
            compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonUnmappedMemberHandling") is not null);
    }

    private static void EmitModel(SourceProductionContext spc, ModelSpec model, CompilationCapabilities caps)
    {
        if (model.Kind == DocumentKind.Model)
        {
            spc.AddSource(Emitter.HintName(model.Namespace, model.TypeName), SourceText.From(Emitter.EmitModel(model, caps), Encoding.UTF8));
        }
        foreach (var e in model.Enums)
        {
            var owner = model.Kind == DocumentKind.Model ? model.TypeName : null;
            spc.AddSource(Emitter.HintName(model.Namespace, e.TypeName), SourceText.From(Emitter.EmitEnum(model.Namespace, e, owner, model.FilePath, caps), Encoding.UTF8));
        }
    }

    /// <summary>The types one model doc contributes to its namespace's serializer context.</summary>
    internal sealed record ModelContextTypes(string Namespace, string FilePath, EquatableArray<JsonEmitter.ContextType> Types);

    private static ModelContextTypes ContextTypesOf(ModelSpec model)
    {
        var types = new System.Collections.Generic.List<JsonEmitter.ContextType>();
        if (model.Kind == DocumentKind.Model) types.Add(new JsonEmitter.ContextType(model.TypeName, false));
        foreach (var e in model.Enums) types.Add(new JsonEmitter.ContextType(e.TypeName, true));
        return new ModelContextTypes(model.Namespace, model.FilePath, types.ToEquatableArray());
    }

    private static void EmitJson(SourceProductionContext spc, EquatableArray<ModelContextTypes> all, JsonOptions options, CompilationCapabilities caps)
    {
        if (all.IsEmpty || !caps.HasJsonSerializer) return;
        spc.AddSource(JsonRuntime.HintName, SourceText.From(JsonRuntime.Source(options.Strict, caps.HasDateOnly), Encoding.UTF8));
        foreach (var group in all.GroupBy(t => t.Namespace, StringComparer.Ordinal))
        {
            var types = group.SelectMany(g => g.Types).ToEquatableArray();
            if (types.IsEmpty) continue;
            spc.AddSource(JsonEmitter.ContextHintName(group.Key, options.ContextName),
                SourceText.From(JsonEmitter.EmitContext(group.Key, options.ContextName, types, Emitter.GeneratedCodeAttribute), Encoding.UTF8));
        }
    }

    private static void EmitSupport(SourceProductionContext spc, CompilationCapabilities caps, bool anyDocs)
    {
        if (!anyDocs) return;
        if (caps.LanguageVersion is > 0 and < (int)LanguageVersion.CSharp9)
        {
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None));
        }
        if (!caps.HasIsExternalInit)
        {
            spc.AddSource("ModelDocs.IsExternalInit.g.cs", SourceText.From(Emitter.IsExternalInitSource, Encoding.UTF8));
        }
    }

    private static void Report(SourceProductionContext spc, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
    }
}
