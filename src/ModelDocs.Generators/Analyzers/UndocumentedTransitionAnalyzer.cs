using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Diagnostics;
using static ModelDocs.Generators.Analyzers.AnalyzerOperations;

namespace ModelDocs.Generators.Analyzers;

/// <summary>
/// MD2003: a state change the docs do not list, in <c>from.CanTransitionTo(to)</c> with both constant, or in
/// <c>local with { State = … }</c> where the local's state is known in the method. Registers for invocations (any
/// but <c>CanTransitionTo</c> stops at the name) and <c>with</c> expressions over a local that set a constant.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndocumentedTransitionAnalyzer() : UsageAnalyzer(AnalyzerDescriptors.UndocumentedTransition,
    (OperationKind.Invocation, AnalyzeInvocation),
    (OperationKind.With, AnalyzeWith))
{
    /// <summary>How far a local's known state is followed through <c>var b = a with { … }</c> chains.</summary>
    private const int MaxStateDepth = 8;

    private static void AnalyzeInvocation(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != GeneratedNames.CanTransitionTo) return;
        AnalyzeCanTransitionTo(context, symbols, invocation);
    }

    /// <summary><c>from.CanTransitionTo(to)</c> with both constant: the edge must be documented.</summary>
    private static void AnalyzeCanTransitionTo(OperationAnalysisContext context, GeneratedSymbols symbols, IInvocationOperation invocation)
    {
        var e = symbols.GetExtensionsEnum(invocation.TargetMethod, enumFromParameter: 0);
        if (e is null || !e.HasTransitions) return;
        var fromArg = Argument(invocation, 0);
        var toArg = Argument(invocation, 1);
        if (fromArg is null || toArg is null) return;
        var from = ConstantMember(e, fromArg.Value);
        var to = ConstantMember(e, toArg.Value);
        if (from is null || to is null || e.CanTransition(from, to)) return;
        ReportTransition(context, e, from, to, toArg.Value.Syntax);
    }

    /// <summary><c>local with { State = … }</c> moves a model whose state is known in this method to another state.</summary>
    private static void AnalyzeWith(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var with = (IWithOperation)context.Operation;
        if (with.Initializer is not { } initializer || Unwrap(with.Operand) is not ILocalReferenceOperation local || !AssignsConstant(initializer)) return;
        if (!symbols.IsModel(with.Type)) return;

        IOperation? body = null;
        foreach (var init in initializer.Initializers)
        {
            if (!IsStateAssignment(symbols, init, out var property, out var e, out var valueOp, out var to)) continue;
            if (to is null || !e.HasTransitions) continue;
            body ??= Root(with);
            var from = KnownState(symbols, body, local.Local, property, 0);
            if (from is null || SymbolEqualityComparer.Default.Equals(from.Field, to.Field)) continue;
            if (e.CanTransition(from, to)) continue;
            ReportTransition(context, e, from, to, valueOp.Syntax);
        }
    }

    /// <summary>Whether some member of the initializer is set to a constant: without one, no state is known.</summary>
    private static bool AssignsConstant(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var init in initializer.Initializers)
        {
            if (init is ISimpleAssignmentOperation assignment && Unwrap(assignment.Value)?.ConstantValue.HasValue == true) return true;
        }
        return false;
    }

    /// <summary>
    /// The state <paramref name="local"/>'s <paramref name="property"/> is known to have in this
    /// method: the local is initialized by a creation or a <c>with</c> that sets the property to a
    /// constant (or by another such local) and is never written again. Null when not known.
    /// </summary>
    private static EnumMember? KnownState(GeneratedSymbols symbols, IOperation body, ILocalSymbol local, IPropertySymbol property, int depth)
    {
        if (depth > MaxStateDepth) return null;
        if (!LocalFacts.TryGetInitializer(body, local, out var initializer)) return null;
        return StateOf(symbols, body, initializer, property, depth);
    }

    private static EnumMember? StateOf(GeneratedSymbols symbols, IOperation body, IOperation? value, IPropertySymbol property, int depth)
    {
        switch (Unwrap(value))
        {
            case IObjectCreationOperation creation when creation.Initializer is not null:
                return AssignedState(symbols, creation.Initializer, property);
            case IWithOperation with:
                return (with.Initializer is null ? null : AssignedState(symbols, with.Initializer, property))
                    ?? StateOf(symbols, body, with.Operand, property, depth + 1);
            case ILocalReferenceOperation other:
                return KnownState(symbols, body, other.Local, property, depth + 1);
            default:
                return null;
        }
    }

    private static EnumMember? AssignedState(GeneratedSymbols symbols, IObjectOrCollectionInitializerOperation initializer, IPropertySymbol property)
    {
        EnumMember? result = null;
        foreach (var init in initializer.Initializers)
        {
            if (!IsStateAssignment(symbols, init, out var p, out _, out _, out var member)) continue;
            if (SymbolEqualityComparer.Default.Equals(p, property)) result = member;
        }
        return result;
    }

    private static void ReportTransition(OperationAnalysisContext context, GeneratedEnum e, EnumMember from, EnumMember to, SyntaxNode at)
    {
        var allowed = e.AllowedTargets(from);
        var targets = allowed.Length == 0
            ? "nowhere (it is a final state)"
            : Or(allowed.Select(m => "'" + m.WireValue + "'"));
        Report(context, AnalyzerDescriptors.UndocumentedTransition, at,
            properties: MemberProperties(e, allowed),
            e.Name, from.WireValue, to.WireValue, targets);
    }
}
