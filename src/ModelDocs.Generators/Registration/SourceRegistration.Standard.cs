using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators.Emit;
using ModelDocs.Generators.Pipeline;

namespace ModelDocs.Generators;

// The Roslyn 4.8 build (analyzers/dotnet/roslyn4.8/cs): compilers before 5.9 have no pre-compilation
// phase, so the sources are added as usual and other generators cannot see them (roslyn#57239).
public sealed partial class ModelDocsGenerator
{
    private const string BuildName = "roslyn4.8";

    private static partial void RegisterSources(IncrementalGeneratorInitializationContext context, PipelineOutputs outputs)
    {
        context.RegisterSourceOutput(outputs.ModelSources, static (spc, emitted) => Add(spc, emitted));
        context.RegisterSourceOutput(outputs.SharedSources, static (spc, emitted) => Add(spc, emitted));
    }

    private static void Add(SourceProductionContext spc, EmitResult emitted)
    {
        foreach (var s in emitted.Sources) spc.AddSource(s.HintName, SourceText.From(s.Text, System.Text.Encoding.UTF8));
    }
}
