using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Diagnostics;

namespace ModelDocs.Generators.Analyzers;

/// <summary>
/// What the three usage analyzers (<see cref="UnknownWireValueAnalyzer"/>, <see cref="NotCreatableAnalyzer"/>,
/// <see cref="UndocumentedTransitionAnalyzer"/>) share: registration with a fail-safe wrapper, the generated
/// API's method names, and small readers of operations (constants, arguments, <c>ToWireValue()</c> calls,
/// initializer assignments) and of report properties for the code fixes. Every reader looks at the operation's
/// shape and names first and at symbols last, so an operation that cannot involve a generated type costs a
/// few field reads.
/// </summary>
internal static class AnalyzerOperations
{
    private static int s_caughtExceptions;

    /// <summary>Exceptions caught (and swallowed) by the callbacks since the process started; tests assert it stays 0.</summary>
    internal static int CaughtExceptions => System.Threading.Volatile.Read(ref s_caughtExceptions);

    /// <summary>Runs one callback; a bug costs a diagnostic, never the build.</summary>
    internal static void Safe(OperationAnalysisContext context, GeneratedSymbols symbols, Action<OperationAnalysisContext, GeneratedSymbols> action)
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

    internal static void ReportUnknownWireValue(OperationAnalysisContext context, GeneratedEnum e, string value, SyntaxNode at, string? rewrite)
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

    internal static ImmutableDictionary<string, string?> SuggestionProperties(GeneratedEnum e, string? suggestion, IEnumerable<string>? candidates, EnumMember? member, string? rewrite)
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

    internal static ImmutableDictionary<string, string?> MemberProperties(GeneratedEnum e, IEnumerable<EnumMember> members)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string?>();
        b[FixProperties.EnumType] = e.FullyQualifiedName;
        b[FixProperties.Members] = string.Join(FixProperties.Separator.ToString(), members.Select(m => m.Name));
        return b.ToImmutable();
    }

    internal static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, SyntaxNode at,
        ImmutableDictionary<string, string?> properties, params object[] args)
        => context.ReportDiagnostic(Diagnostic.Create(descriptor, at.GetLocation(), additionalLocations: null, properties, args));

    internal static IArgumentOperation? ArgumentNamed(IInvocationOperation invocation, string name)
    {
        foreach (var a in invocation.Arguments)
        {
            if (a.Parameter?.Name == name) return a;
        }
        return null;
    }

    internal static IArgumentOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var a in invocation.Arguments)
        {
            if (a.Parameter?.Ordinal == ordinal) return a;
        }
        return null;
    }

    internal static IOperation? Unwrap(IOperation? op)
    {
        while (op is IConversionOperation conversion) op = conversion.Operand;
        while (op is IParenthesizedOperation parenthesized) op = parenthesized.Operand;
        return op;
    }

    internal static string? ConstantString(IOperation op)
        => op.ConstantValue is { HasValue: true, Value: string s } ? s
            : Unwrap(op)?.ConstantValue is { HasValue: true, Value: string u } ? u
            : null;

    /// <summary>
    /// The member a constant of the enum's type stands for: <c>E.Member</c>, <c>(E)2</c>, through an
    /// implicit conversion to <c>E?</c>. Null when not constant or not a documented member.
    /// </summary>
    internal static EnumMember? ConstantMember(GeneratedEnum e, IOperation op)
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
    internal static (GeneratedEnum Enum, IInvocationOperation Call)? ToWireValueCall(GeneratedSymbols symbols, IOperation? op)
    {
        if (Unwrap(op) is not IInvocationOperation { TargetMethod.Name: GeneratedNames.ToWireValue } call) return null;
        var e = symbols.GetExtensionsEnum(call.TargetMethod, enumFromParameter: 0);
        return e is null ? null : (e, call);
    }

    /// <summary>
    /// One member of an initializer that sets a property whose type is a generated enum: the property, the enum,
    /// the value and the constant value's member (or null). False for any other member. Read one at a time, so the
    /// callers loop over <c>Initializers</c> without an iterator object.
    /// </summary>
    internal static bool IsStateAssignment(GeneratedSymbols symbols, IOperation init,
        out IPropertySymbol property, out GeneratedEnum e, out IOperation value, out EnumMember? member)
    {
        property = null!;
        e = null!;
        value = init;
        member = null;
        if (init is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment) return false;
        if (symbols.GetEnum(target.Property.Type) is not { } found) return false;
        property = target.Property.OriginalDefinition;
        e = found;
        value = assignment.Value;
        member = ConstantMember(found, assignment.Value);
        return true;
    }

    internal static IOperation Root(IOperation op)
    {
        while (op.Parent is not null) op = op.Parent;
        return op;
    }

    internal static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => "'" + v + "'"));

    internal static string Or(IEnumerable<string> items)
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
