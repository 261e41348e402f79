using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Diagnostics;
using static ModelDocs.Generators.Analyzers.AnalyzerOperations;

namespace ModelDocs.Generators.Analyzers;

/// <summary>
/// MD2002: a model created (<c>new Model { State = … }</c>, a constructor argument, or <c>new Model { … } with { … }</c>)
/// in a state its docs do not allow at creation. Registers for object creations (those with no arguments and no
/// initializer stop before any symbol is read) and <c>with</c> expressions over a creation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotCreatableAnalyzer() : UsageAnalyzer(AnalyzerDescriptors.NotCreatable,
    (OperationKind.ObjectCreation, AnalyzeObjectCreation),
    (OperationKind.With, AnalyzeWith))
{
    /// <summary><c>new Model { State = … }</c> and constructor arguments: the state must be creatable.</summary>
    private static void AnalyzeObjectCreation(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if ((creation.Initializer is null && creation.Arguments.IsEmpty) || !symbols.IsModel(creation.Type)) return;

        foreach (var arg in creation.Arguments)
        {
            if (symbols.GetEnum(arg.Parameter?.Type) is { Creatable: not null } e && ConstantMember(e, arg.Value) is { } member)
            {
                CheckCreatable(context, e, member, creation.Type!, arg.Value.Syntax);
            }
        }
        if (creation.Initializer is not null)
        {
            CheckInitializerCreatable(context, symbols, creation.Initializer, creation.Type!);
        }
    }

    /// <summary><c>new Model { … } with { State = … }</c> creates a model: the state must be creatable.</summary>
    private static void AnalyzeWith(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var with = (IWithOperation)context.Operation;
        if (with.Initializer is null || Unwrap(with.Operand) is not IObjectCreationOperation || !symbols.IsModel(with.Type)) return;
        CheckInitializerCreatable(context, symbols, with.Initializer, with.Type!);
    }

    private static void CheckInitializerCreatable(OperationAnalysisContext context, GeneratedSymbols symbols, IObjectOrCollectionInitializerOperation initializer, ITypeSymbol model)
    {
        foreach (var init in initializer.Initializers)
        {
            if (!IsStateAssignment(symbols, init, out _, out var e, out var valueOp, out var member)) continue;
            if (e.Creatable is not null && member is not null) CheckCreatable(context, e, member, model, valueOp.Syntax);
        }
    }

    private static void CheckCreatable(OperationAnalysisContext context, GeneratedEnum e, EnumMember member, ITypeSymbol model, SyntaxNode at)
    {
        var creatable = e.Creatable!.Value;
        if (creatable.Length == 0) return;
        foreach (var m in creatable)
        {
            if (SymbolEqualityComparer.Default.Equals(m.Field, member.Field)) return;
        }
        Report(context, AnalyzerDescriptors.NotCreatable, at,
            properties: MemberProperties(e, creatable),
            member.WireValue, e.Name, model.Name, Or(creatable.Select(m => "'" + m.WireValue + "'")));
    }
}
