using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelDocs.Generators.Analyzers;

/// <summary>
/// The common shape of the usage analyzers, one per rule: concurrent, not run on generated code, and one
/// <see cref="Register"/> per compilation with the compilation's <see cref="GeneratedSymbols"/> (shared by the
/// rules, so each enum's attributes are read once).
/// </summary>
public abstract class UsageAnalyzer : DiagnosticAnalyzer
{
    private protected UsageAnalyzer(DiagnosticDescriptor rule) => SupportedDiagnostics = ImmutableArray.Create(rule);

    /// <summary>The one rule this analyzer reports.</summary>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => Register(start, GeneratedSymbols.For(start.Compilation)));
    }

    /// <summary>Registers the rule's callbacks: only for the operation kinds it needs.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, GeneratedSymbols symbols);
}
