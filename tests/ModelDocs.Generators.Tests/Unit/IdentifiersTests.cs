using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using ModelDocs.Generators.Common;
using Xunit;

namespace ModelDocs.Generators.Tests.Unit;

/// <summary>
/// <see cref="Identifiers"/> keeps its own list of C# keywords (Common uses the BCL only): it must be Roslyn's, as
/// <c>SyntaxFacts.GetKeywordKind</c> (what the escaping used before the list) answers it.
/// </summary>
public sealed class IdentifiersTests
{
    [Fact]
    public void KeywordsAreRoslynsReservedKeywords()
    {
        var texts = SyntaxFacts.GetReservedKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
            .Select(SyntaxFacts.GetText)
            .Concat(new[] { "Record", "Class", "value", "var", "_", "", "@class", "__arglist", "__makeref", "__reftype", "__refvalue" })
            .Distinct()
            .ToList();
        Assert.True(texts.Count > 100);
        foreach (var text in texts)
        {
            var keyword = SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None;
            Assert.True(keyword == Identifiers.IsKeyword(text), $"'{text}': Roslyn says keyword {keyword}");
            var escaped = keyword || SyntaxFacts.GetContextualKeywordKind(text) is SyntaxKind.RecordKeyword ? "@" + text : text;
            Assert.Equal(escaped, Identifiers.EscapeKeyword(text));
        }
    }

    [Theory]
    [InlineData("class", "Class")]
    [InlineData("string", "String")]
    [InlineData("30s", "_30s")]
    [InlineData("PARTIALLY_RETURNED", "PartiallyReturned")]
    public void ToIdentifierIsPascalCaseAndNeverAKeyword(string name, string expected)
        => Assert.Equal(expected, Identifiers.ToIdentifier(name));
}
