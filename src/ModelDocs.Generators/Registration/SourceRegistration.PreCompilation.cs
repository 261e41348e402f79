using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators.Emit;
using ModelDocs.Generators.Pipeline;

// The only use of Roslyn's experimental pre-compilation outputs (roslyn#83088, RSEXPERIMENTAL007).
// If the API's shape changes, this file is all that changes: see ARCHITECTURE.md, "The two builds".
#pragma warning disable RSEXPERIMENTAL007

namespace ModelDocs.Generators;

// The Roslyn 5.9 build (analyzers/dotnet/roslyn5.9/cs): sources join the compilation before any
// generator's normal phase, so ASP.NET Core's Request Delegate Generator, System.Text.Json's generator
// over a user's own context, Mapperly and the user's code all see the generated types.
public sealed partial class ModelDocsGenerator
{
    private const string BuildName = "roslyn5.9";

    private static partial void RegisterSources(IncrementalGeneratorInitializationContext context, PipelineOutputs outputs)
    {
        context.RegisterPreCompilationSourceOutput(outputs.ModelSources, static (spc, emitted) => Add(spc, emitted));
        context.RegisterPreCompilationSourceOutput(outputs.SharedSources, static (spc, emitted) => Add(spc, emitted));
    }

    private static void Add(PreCompilationSourceProductionContext spc, EmitResult emitted)
    {
        foreach (var s in emitted.Sources) spc.AddSource(s.HintName, SourceText.From(s.Text, System.Text.Encoding.UTF8));
    }
}
#pragma warning restore RSEXPERIMENTAL007
