using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Diagnostics;
using static ModelDocs.Generators.Analyzers.AnalyzerOperations;

namespace ModelDocs.Generators.Analyzers;

/// <summary>
/// MD2001: a constant wire value (or, for <c>Enum.Parse</c>, member name) that the docs do not list, where user
/// code parses, compares or switches on a generated enum's values. Registers for invocations (only
/// <c>Parse</c>/<c>TryParse</c>/<c>FromWireValue</c>/<c>Equals</c> go further than a name check), equality
/// operators, switches and <c>is</c> patterns (only over a <c>ToWireValue()</c> call).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownWireValueAnalyzer() : UsageAnalyzer(AnalyzerDescriptors.UnknownWireValue,
    (OperationKind.Invocation, AnalyzeInvocation),
    (OperationKind.Binary, AnalyzeBinary),
    (OperationKind.Switch, AnalyzeSwitch),
    (OperationKind.SwitchExpression, AnalyzeSwitchExpression),
    (OperationKind.IsPattern, AnalyzeIsPattern))
{
    private static void AnalyzeInvocation(OperationAnalysisContext context, GeneratedSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case GeneratedNames.Parse:
            case GeneratedNames.TryParse:
            case GeneratedNames.FromWireValue:
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Enum))
                {
                    AnalyzeEnumParse(context, symbols, invocation);
                }
                else
                {
                    AnalyzeGeneratedParse(context, symbols, invocation);
                }
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
        var e = method.Name == GeneratedNames.TryParse
            ? symbols.GetExtensionsEnum(method, enumFromParameter: 1)
            : symbols.GetExtensionsEnum(method, enumFromParameter: -1);
        if (e is null) return;
        var arg = Argument(invocation, 0);
        if (arg is null || ConstantString(arg.Value) is not { } value) return;
        if (e.ByWireValue(value) is not null) return;

        // Parse and FromWireValue return the enum, so the call can become the member itself.
        var rewritable = method.Name != GeneratedNames.TryParse;
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
        if (method.Name == GeneratedNames.FromWireValue) return;

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
        var rewritable = method.Name == GeneratedNames.Parse && method.IsGenericMethod && member is not null;
        Report(context, AnalyzerDescriptors.UnknownWireValue, valueArg.Value.Syntax,
            properties: SuggestionProperties(e, suggestion, suggestion is null ? e.Members.Select(m => m.Name) : null, member,
                rewritable ? FixProperties.RewriteInvocation : null),
            value, "member name", e.Name, hint);
    }

    /// <summary><c>x.ToWireValue().Equals("…")</c> and <c>string.Equals(x.ToWireValue(), "…")</c>.</summary>
    private static void AnalyzeStringEquals(OperationAnalysisContext context, GeneratedSymbols symbols, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.String)) return;

        // The compared strings (the instance and string arguments) and the StringComparison, read without allocating.
        IOperation? first = invocation.Instance, second = null;
        IArgumentOperation? comparisonArg = null;
        foreach (var a in invocation.Arguments)
        {
            var type = a.Parameter?.Type;
            if (SymbolEqualityComparer.Default.Equals(type, symbols.String))
            {
                if (first is null) first = a.Value;
                else if (second is null) second = a.Value;
                else return;
            }
            else if (GeneratedSymbols.IsStringComparison(type)) comparisonArg = a;
        }
        if (first is null || second is null) return;

        var ignoreCase = false;
        if (comparisonArg is not null)
        {
            if (Unwrap(comparisonArg.Value)?.ConstantValue is not { HasValue: true, Value: { } cv }) return;
            // StringComparison: CurrentCultureIgnoreCase = 1, InvariantCultureIgnoreCase = 3, OrdinalIgnoreCase = 5.
            ignoreCase = GeneratedEnum.ToInt64(cv) is 1 or 3 or 5;
        }
        CheckComparison(context, symbols, first, second, ignoreCase, rewritable: false);
    }

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
}
