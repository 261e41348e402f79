namespace ModelDocs.Generators.Diagnostics;

// The contract between the analyzer and the code fixes: compiled into both assemblies (the code-fix
// project links this file), so the IDs and property keys cannot drift apart.

/// <summary>IDs of the analyzer's diagnostics (descriptors in <c>AnalyzerDescriptors</c>).</summary>
internal static class AnalyzerIds
{
    public const string UnknownWireValue = "MD2001";
    public const string NotCreatable = "MD2002";
    public const string UndocumentedTransition = "MD2003";
}

/// <summary>Keys of <c>Diagnostic.Properties</c> the analyzer fills for the code fixes.</summary>
internal static class FixProperties
{
    // Each key is its own name, except the two values of Rewrite.
    /// <summary>MD2001: the replacement text for the literal (a wire value, or a member name for Enum.Parse).</summary>
    public const string Suggestion = nameof(Suggestion);

    /// <summary>MD2001 with no close suggestion: every candidate, separated by <see cref="Separator"/>.</summary>
    public const string Candidates = nameof(Candidates);

    /// <summary>The enum's fully qualified name, <c>global::</c>-prefixed.</summary>
    public const string EnumType = nameof(EnumType);

    /// <summary>MD2001: the member the closest value belongs to (rewrite to the member).</summary>
    public const string SuggestedMember = nameof(SuggestedMember);

    /// <summary>MD2001: how to rewrite to the member: <see cref="RewriteInvocation"/> or <see cref="RewriteComparison"/>.</summary>
    public const string Rewrite = nameof(Rewrite);

    public const string RewriteInvocation = "Invocation";
    public const string RewriteComparison = "Comparison";

    /// <summary>MD2002/MD2003: members the flagged enum value may be replaced with, separated by <see cref="Separator"/>.</summary>
    public const string Members = nameof(Members);

    public const char Separator = '\n';
}
