using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ModelDocs.Generators.Diagnostics;
using static ModelDocs.Generators.Diagnostics.FixProperties;

namespace ModelDocs.Generators.CodeFixes;

/// <summary>
/// Fixes for MD2001–MD2003. Everything a fix needs travels in the diagnostic (properties and
/// additional locations), so the fixes never re-run the analysis:
/// <list type="bullet">
/// <item><description>MD2001: replace the literal with the closest documented value; where the code can take the enum member
/// (<c>E​Extensions.Parse("…")</c>, <c>Enum.Parse&lt;E&gt;("…")</c>, <c>x.ToWireValue() == "…"</c>), use the member instead.</description></item>
/// <item><description>MD2002: one action per creatable state. MD2003: one action per allowed target.</description></item>
/// </list>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelDocsUsageCodeFixProvider)), Shared]
public sealed class ModelDocsUsageCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence keys: FixAll applies the action with the same key to every diagnostic.</summary>
    public const string ReplaceWithClosestKey = "MD2001.ReplaceWithClosest";
    public const string UseMemberKey = "MD2001.UseMember";
    public const string ReplaceWithValueKeyPrefix = "MD2001.ReplaceWith:";
    public const string UseStateKeyPrefix = "UseState:";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AnalyzerIds.UnknownWireValue, AnalyzerIds.NotCreatable, AnalyzerIds.UndocumentedTransition);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            try
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is not ExpressionSyntax expression) continue;
                if (diagnostic.Id == AnalyzerIds.UnknownWireValue)
                {
                    RegisterWireValueFixes(context, diagnostic, expression);
                }
                else
                {
                    RegisterMemberFixes(context, diagnostic, expression);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Fail safe: no fix is better than a crashing light bulb.
            }
        }
    }

    private static void RegisterWireValueFixes(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax expression)
    {
        var props = diagnostic.Properties;
        if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            if (props.TryGetValue(Suggestion, out var suggestion) && suggestion is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Replace with \"{suggestion}\"", ct => ReplaceLiteral(context.Document, literal, suggestion, ct), ReplaceWithClosestKey),
                    diagnostic);
            }
            else if (props.TryGetValue(Candidates, out var candidates) && candidates is not null)
            {
                foreach (var candidate in candidates.Split(Separator))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Replace with \"{candidate}\"", ct => ReplaceLiteral(context.Document, literal, candidate, ct), ReplaceWithValueKeyPrefix + candidate),
                        diagnostic);
                }
            }
        }

        if (props.TryGetValue(Rewrite, out var rewrite) && rewrite is not null
            && props.TryGetValue(SuggestedMember, out var member) && member is not null
            && props.TryGetValue(EnumType, out var enumType) && enumType is not null)
        {
            var title = $"Use {ShortName(enumType)}.{member}";
            if (rewrite == RewriteInvocation && ParseCall(expression) is { } invocation)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ReplaceNode(context.Document, invocation, MemberAccess(enumType, member).WithTriviaFrom(invocation), ct), UseMemberKey),
                    diagnostic);
            }
            else if (rewrite == RewriteComparison && WireValueComparison(expression) is { } comparison)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => CompareWithMember(context.Document, expression, comparison.Call, comparison.Receiver, enumType, member, ct), UseMemberKey),
                    diagnostic);
            }
        }
    }

    private static void RegisterMemberFixes(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax expression)
    {
        var props = diagnostic.Properties;
        if (!props.TryGetValue(EnumType, out var enumType) || enumType is null) return;
        if (!props.TryGetValue(Members, out var members) || string.IsNullOrEmpty(members)) return;
        foreach (var member in members!.Split(Separator))
        {
            context.RegisterCodeFix(
                CodeAction.Create($"Use {ShortName(enumType)}.{member}",
                    ct => ReplaceNode(context.Document, expression, MemberAccess(enumType, member).WithTriviaFrom(expression), ct),
                    diagnostic.Id + "." + UseStateKeyPrefix + member),
                diagnostic);
        }
    }

    private static Task<Document> ReplaceLiteral(Document document, LiteralExpressionSyntax literal, string value, CancellationToken ct)
        => ReplaceNode(document, literal,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).WithTriviaFrom(literal), ct);

    /// <summary>The call whose argument is <paramref name="value"/>: <c>E​Extensions.Parse(value)</c>.</summary>
    private static InvocationExpressionSyntax? ParseCall(ExpressionSyntax value)
        => value.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } ? invocation : null;

    /// <summary>In <c>x.ToWireValue() == value</c> (either side, either call form): the call and <c>x</c>.</summary>
    private static (InvocationExpressionSyntax Call, ExpressionSyntax Receiver)? WireValueComparison(ExpressionSyntax value)
    {
        if (value.Parent is not BinaryExpressionSyntax binary) return null;
        var other = binary.Left == value ? binary.Right : binary.Left;
        while (other is ParenthesizedExpressionSyntax p) other = p.Expression;
        return other switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: 0 } call => (call, access.Expression),
            InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call => (call, call.ArgumentList.Arguments[0].Expression),
            _ => null,
        };
    }

    /// <summary><c>x.ToWireValue() == "…"</c> → <c>x == E.Member</c>.</summary>
    private static async Task<Document> CompareWithMember(Document document, ExpressionSyntax literal, InvocationExpressionSyntax call, ExpressionSyntax receiver, string enumType, string member, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return document;
        var newRoot = root.ReplaceNodes(new SyntaxNode[] { literal, call }, (original, _) =>
            original == literal
                ? MemberAccess(enumType, member).WithTriviaFrom(literal)
                : receiver.WithoutTrivia().WithTriviaFrom(call));
        return document.WithSyntaxRoot(newRoot);
    }

    private static async Task<Document> ReplaceNode(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
    }

    /// <summary><c>global::Ns.E.Member</c>, simplified to what the file's usings allow when the action is applied.</summary>
    private static ExpressionSyntax MemberAccess(string enumType, string member)
    {
        var escaped = SyntaxFacts.GetKeywordKind(member) != SyntaxKind.None ? "@" + member : member;
        return SyntaxFactory.ParseExpression(enumType + "." + escaped)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    private static string ShortName(string fullyQualified)
    {
        var dot = fullyQualified.LastIndexOf('.');
        return dot < 0 ? fullyQualified : fullyQualified.Substring(dot + 1);
    }
}
