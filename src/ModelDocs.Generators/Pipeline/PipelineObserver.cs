using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Pipeline;

/// <summary>
/// What tests and the benchmark read from the real pipeline: the resolved docs and the models as emitted, each
/// stage's output once per run (System.Text.Json's generator has the same kind of hook for its specs). Only a
/// generator built with an observer registers these outputs; a build never has one.
/// </summary>
/// <remarks>
/// Roslyn's step tracking (<c>trackIncrementalGeneratorSteps</c>) is no substitute on large inputs: recording the
/// tracked steps walks every path through the step graph without memoization, and each stage that collects
/// all docs and fans out again multiplies the paths by the number of docs (733 docs through five such stages
/// did not finish in 15 minutes).
/// </remarks>
internal sealed class PipelineObserver
{
    /// <summary>Stage 4, per doc: the doc as resolved (its folder's dialect applied) and what resolving it gave.</summary>
    public Action<ImmutableArray<ResolvedDoc>>? Resolved { get; set; }

    /// <summary>Stage 6, per model: after the cross-doc type names and the hierarchies, with the target's capabilities (what stage 7 emits from).</summary>
    public Action<ImmutableArray<(ResolveResult Result, TargetCapabilities Capabilities)>>? Models { get; set; }
}

/// <summary>A doc as the resolver read it, and its result.</summary>
internal sealed record ResolvedDoc(DocumentSpec Document, ResolveResult Result);
