using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;
using ModelDocs.Generators.Pipeline;

namespace ModelDocs.Generators;

/// <summary>
/// Model docs (AdditionalFiles) → C# records, enums and a serializer context. The stages are one
/// definition, <see cref="ModelDocsPipeline"/>; the two builds of this class differ only in how the
/// sources are registered (<c>Registration/</c>): the Roslyn 5.9 build adds them before compilation,
/// so other generators see them; the Roslyn 4.8 build adds them as usual. Diagnostics are reported in
/// the normal phase by both.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ModelDocsGenerator : IIncrementalGenerator
{
    /// <summary>Which registration this assembly was built with ("roslyn4.8" or "roslyn5.9"), as the package's folder names it.</summary>
    internal static string Build => BuildName;

    /// <summary>Tests and the benchmark only: what the stages produced (<see cref="PipelineObserver"/>); null in a build.</summary>
    internal PipelineObserver? Observer { get; init; }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var outputs = ModelDocsPipeline.Build(context, Observer);

        RegisterSources(context, outputs);

        foreach (var diagnostics in outputs.DocDiagnostics)
        {
            context.RegisterSourceOutput(diagnostics, static (spc, diags) => Report(spc, diags));
        }
        context.RegisterSourceOutput(outputs.ModelSources, static (spc, emitted) => Report(spc, emitted.Diagnostics));
        context.RegisterSourceOutput(outputs.BuildDiagnostics, static (spc, diags) => Report(spc, diags));
    }

    /// <summary>Adds <see cref="PipelineOutputs.ModelSources"/> and <see cref="PipelineOutputs.SharedSources"/>; one implementation per build.</summary>
    private static partial void RegisterSources(IncrementalGeneratorInitializationContext context, PipelineOutputs outputs);

    private static void Report(SourceProductionContext spc, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
    }
}
