using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using ModelDocs.Generators.Inference;
using ModelDocs.Generators.Model;
using Xunit;
using ModelDocs.Generators.Common;

namespace ModelDocs.Generators.Tests.Unit;

/// <summary>
/// <see cref="Naming"/> on its own: doc names to C# identifiers and to wire names. Expected values are
/// written by hand from the methods' contracts (their doc comments) and from what C# accepts as an
/// identifier; every identifier result is also checked with Roslyn's <see cref="SyntaxFacts"/>.
/// </summary>
public sealed class NamingTests
{
    private static void AssertValidIdentifier(string identifier)
    {
        Assert.True(SyntaxFacts.IsValidIdentifier(identifier), $"'{identifier}' is not a valid C# identifier");
        Assert.Equal(SyntaxKind.None, SyntaxFacts.GetKeywordKind(identifier));
    }

    [Theory]
    // the doc comment's own examples
    [InlineData("profile_id", "ProfileId")]
    [InlineData("catalogItemID", "CatalogItemID")]
    [InlineData("30s", "_30s")]
    // snake, kebab, camel, Pascal, spaces, dots
    [InlineData("created_at_utc", "CreatedAtUtc")]
    [InlineData("content-type", "ContentType")]
    [InlineData("camelCase", "CamelCase")]
    [InlineData("AlreadyPascal", "AlreadyPascal")]
    [InlineData("two words", "TwoWords")]
    [InlineData("a.b/c:d", "ABCD")]
    [InlineData("__leading__trailing__", "LeadingTrailing")]
    // a digit does not start a new word; a separator before the digit does
    [InlineData("version2name", "Version2name")]
    [InlineData("http_2_only", "Http2Only")]
    // digits first: a C# identifier cannot start with one
    [InlineData("1", "_1")]
    [InlineData("3d_model", "_3dModel")]
    [InlineData("2fa-code", "_2faCode")]
    // ALLCAPS words become Pascal words
    [InlineData("OK", "Ok")]
    [InlineData("ID", "Id")]
    [InlineData("WARNING", "Warning")]
    [InlineData("PARTIALLY_RETURNED", "PartiallyReturned")]
    [InlineData("HTTP2_ERROR", "Http2Error")]
    [InlineData("IN-PROGRESS", "InProgress")]
    [InlineData("5XX", "_5xx")]
    // one capital letter is not an ALLCAPS word
    [InlineData("A", "A")]
    [InlineData("A1", "A1")]
    [InlineData("x", "X")]
    // C# keywords come out capitalised, so they are no longer keywords
    [InlineData("class", "Class")]
    [InlineData("event", "Event")]
    [InlineData("record", "Record")]
    [InlineData("var", "Var")]
    [InlineData("async", "Async")]
    [InlineData("string", "String")]
    // unicode letters are letters
    [InlineData("größe", "Größe")]
    [InlineData("élan_vital", "ÉlanVital")]
    [InlineData("αβγ", "Αβγ")]
    [InlineData("名前", "名前")]
    [InlineData("ÄRGER", "Ärger")]
    public void ToPascalCase(string name, string expected)
    {
        Assert.Equal(expected, Identifiers.ToPascalCase(name));
        AssertValidIdentifier(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t \n")]
    [InlineData("-")]
    [InlineData("_")]
    [InlineData("!@#$%")]
    public void ToPascalCase_of_a_name_without_letters_or_digits_is_an_underscore(string name)
    {
        Assert.Equal("_", Identifiers.ToPascalCase(name));
    }

    [Theory]
    [InlineData("profile_id", "profile-id", "profile id", "profile.id", "PROFILE_ID", "profileId", "ProfileId")]
    [InlineData("in_progress", "IN_PROGRESS", "in-progress", "InProgress", "inProgress", "in progress", "In_Progress")]
    public void Names_that_differ_only_by_case_or_punctuation_give_the_same_identifier(params string[] names)
    {
        var identifiers = names.Select(Identifiers.ToIdentifier).Distinct().ToArray();
        Assert.Single(identifiers);
    }

    [Fact]
    public void Names_that_differ_in_a_letter_stay_apart()
    {
        Assert.NotEqual(Identifiers.ToIdentifier("profile_id"), Identifiers.ToIdentifier("profile_ids"));
        Assert.NotEqual(Identifiers.ToIdentifier("a_b"), Identifiers.ToIdentifier("ab_c"));
        Assert.NotEqual(Identifiers.ToIdentifier("v1"), Identifiers.ToIdentifier("v2"));
    }

    [Theory]
    [InlineData("class", "Class")]
    [InlineData("event", "Event")]
    [InlineData("namespace", "Namespace")]
    [InlineData("default", "Default")]
    [InlineData("value", "Value")]
    [InlineData("", "_")]
    [InlineData("   ", "_")]
    [InlineData("7", "_7")]
    [InlineData("profile_id", "ProfileId")]
    public void ToIdentifier_is_a_valid_identifier_without_escaping(string name, string expected)
    {
        var identifier = Identifiers.ToIdentifier(name);
        Assert.Equal(expected, identifier);
        AssertValidIdentifier(identifier);
        // No '@' needed: nothing to escape.
        Assert.Equal(identifier, Identifiers.EscapeKeyword(identifier));
    }

    [Fact]
    public void ToIdentifier_of_every_CSharp_keyword_is_a_valid_identifier()
    {
        var keywords = SyntaxFacts.GetReservedKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
            .Select(SyntaxFacts.GetText).Where(t => t.Length > 0 && t.All(char.IsLetter)).ToArray();
        Assert.Contains("class", keywords);
        Assert.Contains("record", keywords);
        foreach (var keyword in keywords)
        {
            var identifier = Identifiers.ToIdentifier(keyword);
            AssertValidIdentifier(identifier);
            Assert.Equal(char.ToUpperInvariant(keyword[0]) + keyword.Substring(1), identifier);
        }
    }

    [Fact]
    public void ToIdentifier_is_deterministic_and_keeps_a_very_long_name_whole()
    {
        var name = string.Concat(Enumerable.Repeat("segment_", 200)) + "end";
        var expected = string.Concat(Enumerable.Repeat("Segment", 200)) + "End";
        Assert.Equal(expected, Identifiers.ToIdentifier(name));
        Assert.Equal(Identifiers.ToIdentifier(name), Identifiers.ToIdentifier(new string(name.ToCharArray())));
        AssertValidIdentifier(expected);
    }

    [Fact]
    public void ToPascalCase_of_a_long_ALLCAPS_name()
    {
        var name = string.Join("_", Enumerable.Repeat("WORD", 500));
        Assert.Equal(string.Concat(Enumerable.Repeat("Word", 500)), Identifiers.ToPascalCase(name));
    }

    [Theory]
    // reserved keywords
    [InlineData("class", "@class")]
    [InlineData("event", "@event")]
    [InlineData("int", "@int")]
    [InlineData("namespace", "@namespace")]
    [InlineData("this", "@this")]
    // 'record' is contextual, but a type named record is an error (CS8860) unless escaped
    [InlineData("record", "@record")]
    // other contextual keywords are ordinary identifiers where the generator uses them
    [InlineData("var", "var")]
    [InlineData("async", "async")]
    [InlineData("value", "value")]
    [InlineData("nameof", "nameof")]
    // keywords are case-sensitive
    [InlineData("Class", "Class")]
    [InlineData("Record", "Record")]
    [InlineData("profileId", "profileId")]
    public void EscapeKeyword(string identifier, string expected)
    {
        var escaped = Identifiers.EscapeKeyword(identifier);
        Assert.Equal(expected, escaped);
        // The escaped text parses as one identifier token whose value is the original name.
        var token = SyntaxFactory.ParseToken(escaped);
        Assert.Equal(SyntaxKind.IdentifierToken, token.Kind());
        Assert.Equal(identifier, token.ValueText);
    }

    [Theory]
    // the doc comment's examples
    [InlineData("profile_id", "profileId")]
    [InlineData("ProfileId", "profileId")]
    [InlineData("ID", "id")]
    [InlineData("URLPath", "urlPath")]
    [InlineData("Name", "name")]
    // the same results as System.Text.Json's JsonNamingPolicy.CamelCase for Pascal and ALLCAPS names
    [InlineData("IOStream", "ioStream")]
    [InlineData("ABC1", "abC1")]
    [InlineData("camelCase", "camelCase")]
    // kebab and snake words join; empty words are dropped
    [InlineData("content-type", "contentType")]
    [InlineData("a__b", "aB")]
    [InlineData("_leading", "leading")]
    [InlineData("trailing_", "trailing")]
    [InlineData("Profile_Id", "profileId")]
    [InlineData("PROFILE_ID", "profileID")]
    [InlineData("http_2", "http2")]
    [InlineData("", "")]
    [InlineData("größe_wert", "größeWert")]
    public void ToCamelCase(string name, string expected)
    {
        Assert.Equal(expected, Naming.ToCamelCase(name));
    }

    [Theory]
    [InlineData("ProfileId", "profile_id")]
    [InlineData("profileId", "profile_id")]
    [InlineData("profile_id", "profile_id")]
    [InlineData("Profile_Id", "profile_id")]
    [InlineData("catalogItemID", "catalog_item_id")]
    [InlineData("URLPath", "url_path")]
    [InlineData("ID", "id")]
    [InlineData("Item2Name", "item2_name")]
    [InlineData("version2", "version2")]
    [InlineData("", "")]
    // A separator already there is not doubled with '_' (System.Text.Json's SnakeCaseLower keeps it too).
    [InlineData("Content-Type", "content-type")]
    [InlineData("foo.Bar", "foo.bar")]
    [InlineData("x-Request-ID", "x-request-id")]
    public void ToSnakeCase(string name, string expected)
    {
        Assert.Equal(expected, Naming.ToSnakeCase(name));
    }

    [Theory]
    [InlineData("profile_id", "AsWritten", "profile_id")]
    [InlineData("Profile Id!", "AsWritten", "Profile Id!")]
    [InlineData("profile_id", "CamelCase", "profileId")]
    [InlineData("ProfileId", "SnakeCase", "profile_id")]
    [InlineData("profile_id", "PascalCase", "ProfileId")]
    // the '_' that makes a C# identifier of "30s" is not part of the wire name
    [InlineData("30s", "PascalCase", "30s")]
    [InlineData("", "PascalCase", "")]
    public void ToWireName(string name, string policy, string expected)
    {
        // WireNaming is internal: the theory names it, so the public test method can take it.
        Assert.Equal(expected, Naming.ToWireName(name, Enum.Parse<WireNaming>(policy)));
    }

    [Fact]
    public void ReservedMemberNames_holds_the_members_every_record_has()
    {
        foreach (var name in new[] { "Equals", "GetHashCode", "ToString", "GetType", "EqualityContract", "PrintMembers", "UnknownProperties" })
        {
            Assert.Contains(name, Naming.ReservedMemberNames);
        }
        // Ordinal: a property named "equals" in the docs becomes "Equals" before the check, so no case folding here.
        Assert.DoesNotContain("equals", Naming.ReservedMemberNames);
        Assert.Contains(Identifiers.ToIdentifier("to_string"), Naming.ReservedMemberNames);
    }
}
