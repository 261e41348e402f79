using Microsoft.CodeAnalysis;

namespace ModelDocs.Generators.Analyzers;

/// <summary>
/// The common shape of the usage analyzers, one per rule: concurrent, not run on generated code, and per
/// compilation one callback for each operation kind the rule needs, given the compilation's
/// <see cref="GeneratedSymbols"/> (shared by the rules, so each enum's attributes are read once) and run through
/// <see cref="AnalyzerOperations.Safe"/>.
/// </summary>
public abstract class UsageAnalyzer : DiagnosticAnalyzer
{
    private readonly (OperationKind Kind, Action<OperationAnalysisContext, GeneratedSymbols> Analyze)[] _callbacks;

    /// <param name="rule">The one rule the analyzer reports.</param>
    /// <param name="callbacks">The operation kinds the rule needs, each with its callback: the analyzer registers for these only.</param>
    private protected UsageAnalyzer(DiagnosticDescriptor rule, params (OperationKind Kind, Action<OperationAnalysisContext, GeneratedSymbols> Analyze)[] callbacks)
    {
        SupportedDiagnostics = ImmutableArray.Create(rule);
        _callbacks = callbacks;
    }

    /// <summary>The one rule this analyzer reports.</summary>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = GeneratedSymbols.For(start.Compilation);
            foreach (var (kind, analyze) in _callbacks)
                start.RegisterOperationAction(c => AnalyzerOperations.Safe(c, symbols, analyze), kind);
        });
    }
}
