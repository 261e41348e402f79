using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelDocs.Generators.Diagnostics;

namespace ModelDocs.Generators.Analyzers;

/// <summary>
/// MD2001–MD2003: constant states and enum values in user code that the model docs do not allow.
/// Reads only what the generator recorded on the generated symbols (see <see cref="GeneratedSymbols"/>),
/// so it works when the models live in a referenced project. Works on IOperation, never on syntax
/// text. Every callback is fail-safe: a bug here costs a diagnostic, never the build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelDocsUsageAnalyzer : DiagnosticAnalyzer
{
    private const string ParseName = GeneratedNames.Parse;
    private const string TryParseName = GeneratedNames.TryParse;
    private const string FromWireValueName = GeneratedNames.FromWireValue;
    private const string ToWireValueName = GeneratedNames.ToWireValue;
    private const string CanTransitionToName = GeneratedNames.CanTransitionTo;

    /// <summary>How far a local's known state is followed through <c>var b = a with { … }</c> chains.</summary>
    private const int MaxStateDepth = 8;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AnalyzerDescriptors.UnknownWireValue,
        AnalyzerDescriptors.NotCreatable,
        AnalyzerDescriptors.UndocumentedTransition);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = new GeneratedSymbols(start.Compilation);
            start.RegisterOperationAction(c => Safe(c, symbols, AnalyzeInvocation), OperationKind.Invocation);
            start.RegisterOperationAction(c => Safe(c, symbols, AnalyzeBinary), OperationKind.Binary);
            start.RegisterOperationAction(c => Safe(c, symbols, AnalyzeSwitch), OperationKind.Switch);
            start.RegisterOperationAction(c => Safe(c, symbols, AnalyzeSwitchExpression), OperationKind.SwitchExpression);
            start.RegisterOperationAction(c => Safe(c, symbols, AnalyzeIsPattern), OperationKind.IsPattern);
            start.RegisterOperationAction(c => Safe(c, symbols, AnalyzeObjectCreation), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => Safe(c, symbols, AnalyzeWith), OperationKind.With);
        });
    }

    private static int s_caughtExceptions;

    /// <summary>Exceptions caught (and swallowed) by the callbacks since the process started; tests assert it stays 0.</summary>
    internal static int CaughtExceptions => System.Threading.Volatile.Read(ref s_caughtExceptions);

    private static void Safe(OperationAnalysisContext context, GeneratedSymbols symbols, Action<OperationAnalysisContext, GeneratedSymbols> action)
    {
        try
        {
            action(context, symbols);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Fail safe: an analyzer that throws is reported by the compiler as AD0001 on every
            // build; missing one warning is the smaller harm. Counted so tests can assert none.
            System.Threading.Interlocked.Increment(ref s_caughtExceptions);
        }
    }

    // ------------------------------------------------------------------ invocations

    private static void AnalyzeInvocation(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case ParseName:
            case TryParseName:
            case FromWireValueName:
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Enum))
                {
                    AnalyzeEnumParse(context, symbols, invocation);
                }
                else
                {
                    AnalyzeGeneratedParse(context, symbols, invocation);
                }
                break;
            case CanTransitionToName:
                AnalyzeCanTransitionTo(context, symbols, invocation);
                break;
            case nameof(object.Equals):
                AnalyzeStringEquals(context, symbols, invocation);
                break;
        }
    }

    /// <summary><c>{Enum}Extensions.Parse/TryParse/FromWireValue("…")</c>: the wire value must be documented.</summary>
    private static void AnalyzeGeneratedParse(OperationAnalysisContext context, GeneratedSymbols symbols, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Parameters.Length == 0 || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, symbols.String)) return;
        var e = method.Name == TryParseName
            ? symbols.GetExtensionsEnum(method, enumFromParameter: 1)
            : symbols.GetExtensionsEnum(method, enumFromParameter: -1);
        if (e is null) return;
        var arg = Argument(invocation, 0);
        if (arg is null || ConstantString(arg.Value) is not { } value) return;
        if (e.ByWireValue(value) is not null) return;

        // Parse and FromWireValue return the enum, so the call can become the member itself.
        var rewritable = method.Name != TryParseName;
        ReportUnknownWireValue(context, e, value, arg.Value.Syntax, rewrite: rewritable ? FixProperties.RewriteInvocation : null);
    }

    /// <summary>
    /// <c>Enum.Parse&lt;E&gt;("…")</c>, <c>Enum.TryParse&lt;E&gt;("…", out …)</c>, <c>Enum.Parse(typeof(E), "…")</c>
    /// on a generated enum: these read C# member names, not wire values, so the member name is what
    /// must match (case-insensitively when <c>ignoreCase</c> is a constant true). Numeric strings and
    /// comma-separated lists are left alone: Enum.Parse accepts them by design.
    /// </summary>
    private static void AnalyzeEnumParse(OperationAnalysisContext context, GeneratedSymbols symbols, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name == FromWireValueName) return;

        ITypeSymbol? enumType = null;
        if (method.IsGenericMethod && method.TypeArguments.Length == 1)
        {
            enumType = method.TypeArguments[0];
        }
        else if (Unwrap(ArgumentNamed(invocation, "enumType")?.Value) is ITypeOfOperation typeOf)
        {
            enumType = typeOf.TypeOperand;
        }
        var e = symbols.GetEnum(enumType);
        if (e is null) return;

        var valueArg = ArgumentNamed(invocation, "value");
        if (valueArg is null || ConstantString(valueArg.Value) is not { } value) return;
        var ignoreCase = ArgumentNamed(invocation, "ignoreCase") is { } ic
            && Unwrap(ic.Value)?.ConstantValue is { HasValue: true, Value: true };

        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.IndexOf(',') >= 0) return;
        if (char.IsDigit(trimmed[0]) || trimmed[0] == '-' || trimmed[0] == '+') return;
        if (e.HasMemberNamed(trimmed, ignoreCase)) return;

        var suggestion = ValueSuggestion.Closest(value, e.Members.Select(m => m.Name));
        // A wire value passed where a member name is expected: say where wire values go.
        var wire = e.ByWireValue(value);
        if (wire is not null) suggestion = wire.Name;
        var hint = suggestion is null
            ? "member names: " + Quote(e.Members.Select(m => m.Name))
            : "did you mean '" + suggestion + "'?";
        hint += " (Enum." + method.Name + " reads C# member names; wire values go through " + e.Name + "Extensions." + method.Name + ")";

        var member = suggestion is null ? null : e.Members.FirstOrDefault(m => m.Name == suggestion);
        var rewritable = method.Name == ParseName && method.IsGenericMethod && member is not null;
        Report(context, AnalyzerDescriptors.UnknownWireValue, valueArg.Value.Syntax,
            properties: SuggestionProperties(e, suggestion, suggestion is null ? e.Members.Select(m => m.Name) : null, member,
                rewritable ? FixProperties.RewriteInvocation : null),
            value, "member name", e.Name, hint);
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

    /// <summary><c>x.ToWireValue().Equals("…")</c> and <c>string.Equals(x.ToWireValue(), "…")</c>.</summary>
    private static void AnalyzeStringEquals(OperationAnalysisContext context, GeneratedSymbols symbols, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.String)) return;

        var ignoreCase = false;
        var comparisonArg = invocation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.Type, symbols.StringComparison));
        if (comparisonArg is not null)
        {
            if (Unwrap(comparisonArg.Value)?.ConstantValue is not { HasValue: true, Value: { } cv }) return;
            // StringComparison: CurrentCultureIgnoreCase = 1, InvariantCultureIgnoreCase = 3, OrdinalIgnoreCase = 5.
            ignoreCase = GeneratedEnum.ToInt64(cv) is 1 or 3 or 5;
        }

        var operands = new List<IOperation>();
        if (invocation.Instance is not null) operands.Add(invocation.Instance);
        foreach (var a in invocation.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(a.Parameter?.Type, symbols.String)) operands.Add(a.Value);
        }
        if (operands.Count != 2) return;
        CheckComparison(context, symbols, operands[0], operands[1], ignoreCase, rewritable: false);
    }

    // ------------------------------------------------------------------ comparisons and switches

    private static void AnalyzeBinary(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)) return;
        CheckComparison(context, symbols, binary.LeftOperand, binary.RightOperand, ignoreCase: false, rewritable: true);
    }

    private static void CheckComparison(OperationAnalysisContext context, GeneratedSymbols symbols, IOperation a, IOperation b, bool ignoreCase, bool rewritable)
    {
        if (ToWireValueCall(symbols, a) is { } left && ConstantString(b) is { } bValue)
        {
            CheckWireValue(context, left.Enum, bValue, b.Syntax, ignoreCase, rewritable);
        }
        else if (ToWireValueCall(symbols, b) is { } right && ConstantString(a) is { } aValue)
        {
            CheckWireValue(context, right.Enum, aValue, a.Syntax, ignoreCase, rewritable);
        }
    }

    private static void CheckWireValue(OperationAnalysisContext context, GeneratedEnum e, string value, SyntaxNode at, bool ignoreCase, bool rewritable)
    {
        if (ignoreCase ? e.Members.Any(m => string.Equals(m.WireValue, value, StringComparison.OrdinalIgnoreCase)) : e.ByWireValue(value) is not null) return;

        // `x.ToWireValue() == "…"` can become `x == E.Member`: the fix replaces the call and the literal.
        ReportUnknownWireValue(context, e, value, at, rewrite: rewritable ? FixProperties.RewriteComparison : null);
    }

    private static void AnalyzeSwitch(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var op = (ISwitchOperation)context.Operation;
        if (ToWireValueCall(symbols, op.Value) is not { } call) return;
        foreach (var section in op.Cases)
        {
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case ISingleValueCaseClauseOperation single:
                        CheckLabel(context, call.Enum, single.Value);
                        break;
                    case IPatternCaseClauseOperation pattern:
                        CheckPattern(context, call.Enum, pattern.Pattern, 0);
                        break;
                }
            }
        }
    }

    private static void AnalyzeSwitchExpression(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var op = (ISwitchExpressionOperation)context.Operation;
        if (ToWireValueCall(symbols, op.Value) is not { } call) return;
        foreach (var arm in op.Arms)
        {
            CheckPattern(context, call.Enum, arm.Pattern, 0);
        }
    }

    private static void AnalyzeIsPattern(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var op = (IIsPatternOperation)context.Operation;
        if (ToWireValueCall(symbols, op.Value) is not { } call) return;
        CheckPattern(context, call.Enum, op.Pattern, 0);
    }

    private static void CheckPattern(OperationAnalysisContext context, GeneratedEnum e, IPatternOperation pattern, int depth)
    {
        if (depth > 32) return;
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                CheckLabel(context, e, constant.Value);
                break;
            case IBinaryPatternOperation binary:
                CheckPattern(context, e, binary.LeftPattern, depth + 1);
                CheckPattern(context, e, binary.RightPattern, depth + 1);
                break;
            case INegatedPatternOperation negated:
                CheckPattern(context, e, negated.Pattern, depth + 1);
                break;
        }
    }

    private static void CheckLabel(OperationAnalysisContext context, GeneratedEnum e, IOperation value)
    {
        if (ConstantString(value) is not { } s || e.ByWireValue(s) is not null) return;
        ReportUnknownWireValue(context, e, s, value.Syntax, rewrite: null);
    }

    // ------------------------------------------------------------------ creation and transitions

    /// <summary><c>new Model { State = … }</c> and constructor arguments: the state must be creatable.</summary>
    private static void AnalyzeObjectCreation(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!symbols.IsModel(creation.Type)) return;

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

    private static void CheckInitializerCreatable(OperationAnalysisContext context, GeneratedSymbols symbols, IObjectOrCollectionInitializerOperation initializer, ITypeSymbol model)
    {
        foreach (var (property, e, valueOp, member) in StateAssignments(symbols, initializer))
        {
            if (e.Creatable is not null && member is not null) CheckCreatable(context, e, member, model, valueOp.Syntax);
        }
    }

    private static void CheckCreatable(OperationAnalysisContext context, GeneratedEnum e, EnumMember member, ITypeSymbol model, SyntaxNode at)
    {
        var creatable = e.Creatable!.Value;
        if (creatable.Length == 0 || creatable.Any(m => SymbolEqualityComparer.Default.Equals(m.Field, member.Field))) return;
        Report(context, AnalyzerDescriptors.NotCreatable, at,
            properties: MemberProperties(e, creatable),
            member.WireValue, e.Name, model.Name, Or(creatable.Select(m => "'" + m.WireValue + "'")));
    }

    /// <summary>
    /// <c>new Model { … } with { State = … }</c> creates a model (MD2002); <c>local with { State = … }</c>
    /// moves a model whose state is known in this method to another (MD2003).
    /// </summary>
    private static void AnalyzeWith(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var with = (IWithOperation)context.Operation;
        if (!symbols.IsModel(with.Type) || with.Initializer is null) return;

        var operand = Unwrap(with.Operand);
        if (operand is IObjectCreationOperation)
        {
            CheckInitializerCreatable(context, symbols, with.Initializer, with.Type!);
            return;
        }
        if (operand is not ILocalReferenceOperation local) return;

        LocalFacts? facts = null;
        foreach (var (property, e, valueOp, to) in StateAssignments(symbols, with.Initializer))
        {
            if (to is null || !e.HasTransitions) continue;
            facts ??= symbols.FactsOf(Root(with));
            var from = KnownState(symbols, facts, local.Local, property, 0);
            if (from is null || SymbolEqualityComparer.Default.Equals(from.Field, to.Field)) continue;
            if (e.CanTransition(from, to)) continue;
            ReportTransition(context, e, from, to, valueOp.Syntax);
        }
    }

    /// <summary>
    /// The state <paramref name="local"/>'s <paramref name="property"/> is known to have in this
    /// method: the local is initialized by a creation or a <c>with</c> that sets the property to a
    /// constant (or by another such local) and is never written again. Null when not known.
    /// </summary>
    private static EnumMember? KnownState(GeneratedSymbols symbols, LocalFacts facts, ILocalSymbol local, IPropertySymbol property, int depth)
    {
        if (depth > MaxStateDepth || local.IsRef) return null;
        if (!facts.TryGetInitializer(local, out var initializer)) return null;
        return StateOf(symbols, facts, initializer, property, depth);
    }

    private static EnumMember? StateOf(GeneratedSymbols symbols, LocalFacts facts, IOperation? value, IPropertySymbol property, int depth)
    {
        switch (Unwrap(value))
        {
            case IObjectCreationOperation creation when creation.Initializer is not null:
                return AssignedState(symbols, creation.Initializer, property);
            case IWithOperation with:
                return (with.Initializer is null ? null : AssignedState(symbols, with.Initializer, property))
                    ?? StateOf(symbols, facts, with.Operand, property, depth + 1);
            case ILocalReferenceOperation other:
                return KnownState(symbols, facts, other.Local, property, depth + 1);
            default:
                return null;
        }
    }

    private static EnumMember? AssignedState(GeneratedSymbols symbols, IObjectOrCollectionInitializerOperation initializer, IPropertySymbol property)
    {
        EnumMember? result = null;
        foreach (var (p, _, _, member) in StateAssignments(symbols, initializer))
        {
            if (SymbolEqualityComparer.Default.Equals(p, property)) result = member;
        }
        return result;
    }

    /// <summary>Assignments in an initializer to properties whose type is a generated enum, with the constant value's member (or null).</summary>
    private static IEnumerable<(IPropertySymbol Property, GeneratedEnum Enum, IOperation Value, EnumMember? Member)> StateAssignments(
        GeneratedSymbols symbols, IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var init in initializer.Initializers)
        {
            if (init is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment) continue;
            var e = symbols.GetEnum(target.Property.Type);
            if (e is null) continue;
            yield return (target.Property.OriginalDefinition, e, assignment.Value, ConstantMember(e, assignment.Value));
        }
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

    // ------------------------------------------------------------------ helpers

    private static void ReportUnknownWireValue(OperationAnalysisContext context, GeneratedEnum e, string value, SyntaxNode at, string? rewrite)
    {
        var suggestion = ValueSuggestion.Closest(value, e.Members.Select(m => m.WireValue));
        var hint = suggestion is null
            ? "documented values: " + Quote(e.Members.Select(m => m.WireValue))
            : "did you mean '" + suggestion + "'?";
        var member = suggestion is null ? null : e.ByWireValue(suggestion);
        if (member is null) rewrite = null;
        Report(context, AnalyzerDescriptors.UnknownWireValue, at,
            properties: SuggestionProperties(e, suggestion, suggestion is null ? e.Members.Select(m => m.WireValue) : null, member, rewrite),
            value, "value", e.Name, hint);
    }

    private static ImmutableDictionary<string, string?> SuggestionProperties(GeneratedEnum e, string? suggestion, IEnumerable<string>? candidates, EnumMember? member, string? rewrite)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string?>();
        b[FixProperties.EnumType] = e.FullyQualifiedName;
        if (suggestion is not null) b[FixProperties.Suggestion] = suggestion;
        if (candidates is not null) b[FixProperties.Candidates] = string.Join(FixProperties.Separator.ToString(), candidates);
        if (member is not null && rewrite is not null)
        {
            b[FixProperties.SuggestedMember] = member.Name;
            b[FixProperties.Rewrite] = rewrite;
        }
        return b.ToImmutable();
    }

    private static ImmutableDictionary<string, string?> MemberProperties(GeneratedEnum e, IEnumerable<EnumMember> members)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string?>();
        b[FixProperties.EnumType] = e.FullyQualifiedName;
        b[FixProperties.Members] = string.Join(FixProperties.Separator.ToString(), members.Select(m => m.Name));
        return b.ToImmutable();
    }

    private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, SyntaxNode at,
        ImmutableDictionary<string, string?> properties, params object[] args)
        => context.ReportDiagnostic(Diagnostic.Create(descriptor, at.GetLocation(), additionalLocations: null, properties, args));

    private static IArgumentOperation? ArgumentNamed(IInvocationOperation invocation, string name)
    {
        foreach (var a in invocation.Arguments)
        {
            if (a.Parameter?.Name == name) return a;
        }
        return null;
    }

    private static IArgumentOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var a in invocation.Arguments)
        {
            if (a.Parameter?.Ordinal == ordinal) return a;
        }
        return null;
    }

    private static IOperation? Unwrap(IOperation? op)
    {
        while (op is IConversionOperation conversion) op = conversion.Operand;
        while (op is IParenthesizedOperation parenthesized) op = parenthesized.Operand;
        return op;
    }

    private static string? ConstantString(IOperation op)
        => op.ConstantValue is { HasValue: true, Value: string s } ? s
            : Unwrap(op)?.ConstantValue is { HasValue: true, Value: string u } ? u
            : null;

    /// <summary>
    /// The member a constant of the enum's type stands for: <c>E.Member</c>, <c>(E)2</c>, through an
    /// implicit conversion to <c>E?</c>. Null when not constant or not a documented member.
    /// </summary>
    private static EnumMember? ConstantMember(GeneratedEnum e, IOperation op)
    {
        IOperation? current = op;
        while (current is IConversionOperation conversion && !SymbolEqualityComparer.Default.Equals(current.Type, e.Symbol))
        {
            current = conversion.Operand;
        }
        if (current is null || !SymbolEqualityComparer.Default.Equals(current.Type, e.Symbol)) return null;
        return current.ConstantValue is { HasValue: true, Value: var v } ? e.ByValue(v) : null;
    }

    /// <summary>A call to the generated <c>ToWireValue(this E)</c>, through conversions.</summary>
    private static (GeneratedEnum Enum, IInvocationOperation Call)? ToWireValueCall(GeneratedSymbols symbols, IOperation? op)
    {
        if (Unwrap(op) is not IInvocationOperation { TargetMethod.Name: ToWireValueName } call) return null;
        var e = symbols.GetExtensionsEnum(call.TargetMethod, enumFromParameter: 0);
        return e is null ? null : (e, call);
    }

    private static IOperation Root(IOperation op)
    {
        while (op.Parent is not null) op = op.Parent;
        return op;
    }

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => "'" + v + "'"));

    private static string Or(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "nothing",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " or " + list[list.Count - 1],
        };
    }
}
