using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Emit;
using ModelDocs.Generators.Pipeline;
#if MODELDOCS_ROSLYN4_8
using SourceContext = Microsoft.CodeAnalysis.SourceProductionContext;
#else
using SourceContext = Microsoft.CodeAnalysis.PreCompilationSourceProductionContext;
#endif

// How the two builds add their sources: the one file that differs between them (ARCHITECTURE.md, "The two
// builds"), and the only use of Roslyn's experimental pre-compilation outputs (roslyn#83088, RSEXPERIMENTAL007).
// If that API's shape changes, this file is all that changes.
#pragma warning disable RSEXPERIMENTAL007

namespace ModelDocs.Generators;

public sealed partial class ModelDocsGenerator
{
#if MODELDOCS_ROSLYN4_8
    // The Roslyn 4.8 build (analyzers/dotnet/roslyn4.8/cs; ../ModelDocs.Generators.Roslyn4.8 defines the symbol):
    // compilers before 5.9 have no pre-compilation phase, so the sources are added as usual and other generators
    // cannot see them (roslyn#57239).
    private const string BuildName = "roslyn4.8";

    private static partial void RegisterSources(IncrementalGeneratorInitializationContext context, PipelineOutputs outputs)
    {
        context.RegisterSourceOutput(outputs.ModelSources, static (spc, emitted) => Add(spc, emitted));
        context.RegisterSourceOutput(outputs.SharedSources, static (spc, emitted) => Add(spc, emitted));
    }
#else
    // The Roslyn 5.9 build (analyzers/dotnet/roslyn5.9/cs): sources join the compilation before any generator's
    // normal phase, so ASP.NET Core's Request Delegate Generator, System.Text.Json's generator over a user's own
    // context, Mapperly and the user's code all see the generated types.
    private const string BuildName = "roslyn5.9";

    private static partial void RegisterSources(IncrementalGeneratorInitializationContext context, PipelineOutputs outputs)
    {
        context.RegisterPreCompilationSourceOutput(outputs.ModelSources, static (spc, emitted) => Add(spc, emitted));
        context.RegisterPreCompilationSourceOutput(outputs.SharedSources, static (spc, emitted) => Add(spc, emitted));
    }
#endif

    private static void Add(SourceContext spc, EmitResult emitted)
    {
        foreach (var s in emitted.Sources) spc.AddSource(s.HintName, SourceText.From(s.Text, Encoding.UTF8));
    }
}
#pragma warning restore RSEXPERIMENTAL007
