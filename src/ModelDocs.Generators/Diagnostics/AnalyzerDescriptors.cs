using Microsoft.CodeAnalysis;

namespace ModelDocs.Generators.Diagnostics;

/// <summary>
/// Diagnostics of the usage analyzers (<see cref="Analyzers.UnknownWireValueAnalyzer"/>, <see cref="Analyzers.NotCreatableAnalyzer"/>,
/// <see cref="Analyzers.UndocumentedTransitionAnalyzer"/>, one per rule): MD2xxx, problems in user code found
/// from what the generator recorded on the generated symbols. Each is documented in the README under
/// its ID; keep AnalyzerReleases.Unshipped.md in step. Severity is configurable with
/// <c>dotnet_diagnostic.MD2001.severity</c> in .editorconfig.
/// </summary>
internal static class AnalyzerDescriptors
{
    private const string UsageCategory = "ModelDocs.Usage";
    private const string HelpBase = "https://github.com/modeldocs/modeldocs/blob/main/README.md#";

    private static DiagnosticDescriptor Make(string id, string title, string message)
        => new(id, title, message, UsageCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    /// <summary>{0} the constant, {1} "value" or "member name", {2} the enum, {3} the suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownWireValue = Make(AnalyzerIds.UnknownWireValue,
        "Value not documented",
        "'{0}' is not a documented {1} of {2}; {3}");

    /// <summary>{0} the state, {1} the enum, {2} the model, {3} the creatable states.</summary>
    public static readonly DiagnosticDescriptor NotCreatable = Make(AnalyzerIds.NotCreatable,
        "State not allowed at creation",
        "'{0}' is not a creatable state of {1}: a new {2} may only be created as {3}");

    /// <summary>{0} the enum, {1} from, {2} to, {3} the allowed targets.</summary>
    public static readonly DiagnosticDescriptor UndocumentedTransition = Make(AnalyzerIds.UndocumentedTransition,
        "Transition not documented",
        "The docs do not allow {0} to move from '{1}' to '{2}'; from '{1}' it may move to {3}");
}
