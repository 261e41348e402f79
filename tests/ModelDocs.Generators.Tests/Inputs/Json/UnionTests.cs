using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// Issue 12, acceptance 2: <c>oneOf</c>/<c>anyOf</c> without a discriminator as typed unions, one test per
/// shape real documents use most (string | array, object | object, object | string, $ref | string,
/// array | $ref | $ref, integer | string, const | const, integer | object, boolean | $ref, number | string),
/// each read and written back equal; a value no case accepts is kept (lenient) or rejected with its path
/// (strict).
/// </summary>
public sealed class UnionTests
{
    internal const string Spec = """
    { "openapi": "3.1.0", "components": { "schemas": {
        "Holder": { "type": "object", "properties": {
          "tags": { "oneOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } } ] },
          "pet": { "anyOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ] },
          "owner": { "oneOf": [ { "$ref": "#/components/schemas/Person" }, { "type": "string" } ] },
          "batch": { "oneOf": [ { "type": "array", "items": { "$ref": "#/components/schemas/Cat" } }, { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ] },
          "id": { "oneOf": [ { "type": "integer", "format": "int64" }, { "type": "string" } ] },
          "level": { "anyOf": [ { "const": "low", "title": "Low" }, { "const": "high", "description": "Loud." } ] },
          "limit": { "oneOf": [ { "type": "integer" }, { "$ref": "#/components/schemas/Range" } ] },
          "enabled": { "oneOf": [ { "type": "boolean" }, { "$ref": "#/components/schemas/Person" } ] },
          "amount": { "anyOf": [ { "type": "number", "format": "double" }, { "type": "string" } ] },
          "when": { "oneOf": [ { "type": "string" }, { "type": "string", "format": "date-time" } ] },
          "maybe": { "oneOf": [ { "type": "string" }, { "type": "null" } ] },
          "auditLevel": { "oneOf": [ { "type": "string", "enum": ["low", "moderate", "high", "critical"] } ] }
        } },
        "Cat": { "type": "object", "required": ["meows"], "properties": { "meows": { "type": "boolean" }, "name": { "type": "string" } } },
        "Dog": { "type": "object", "required": ["barks"], "properties": { "barks": { "type": "boolean" }, "name": { "type": "string" } } },
        "Person": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } },
        "Range": { "type": "object", "properties": { "min": { "type": "integer" }, "max": { "type": "integer" } } },
        "Named": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] }
    } } }
    """;

    private static readonly Lazy<GeneratedAssembly> Built = new(() => GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/api/openapi.json", Spec) }));
    private static readonly Lazy<GeneratedAssembly> Strict = new(() => GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/api/openapi.json", Spec) },
        new Dictionary<string, string> { ["build_property.ModelDocsUnknownValues"] = "Throw" }));

    private static GeneratedAssembly G => Built.Value;

    /// <summary>Reads <paramref name="json"/> as a Holder, checks the union property's case, and writes the Holder back equal.</summary>
    private static object RoundTrip(string json, string property, string expectedCase)
    {
        var holder = G.Deserialize(json, "Holder")!;
        var value = holder.GetType().GetProperty(property)!.GetValue(holder)!;
        var isCase = value.GetType().GetProperty("Is" + expectedCase);
        Assert.True(isCase is not null, $"{value.GetType().Name} has no case {expectedCase}: {string.Join(", ", value.GetType().GetProperties().Select(p => p.Name))}");
        Assert.True((bool)isCase!.GetValue(value)!, $"{json}: expected case {expectedCase}, got {value}");
        Assert.Equal(json, G.Serialize(holder, "Holder"));
        return value;
    }

    [Theory]
    [InlineData("""{"tags":"one"}""", "Tags", "String")]
    [InlineData("""{"tags":["one","two"]}""", "Tags", "StringList")]
    [InlineData("""{"pet":{"meows":true,"name":"Tom"}}""", "Pet", "Cat")]
    [InlineData("""{"pet":{"barks":false}}""", "Pet", "Dog")]
    [InlineData("""{"owner":{"name":"Ann"}}""", "Owner", "Person")]
    [InlineData("""{"owner":"Ann"}""", "Owner", "String")]
    [InlineData("""{"batch":[{"meows":true}]}""", "Batch", "CatList")]
    [InlineData("""{"batch":{"meows":false}}""", "Batch", "Cat")]
    [InlineData("""{"batch":{"barks":true}}""", "Batch", "Dog")]
    [InlineData("""{"id":42}""", "Id", "Int64")]
    [InlineData("""{"id":"42"}""", "Id", "String")]
    [InlineData("""{"limit":10}""", "Limit", "Int64")]
    [InlineData("""{"limit":{"min":1,"max":5}}""", "Limit", "Range")]
    [InlineData("""{"enabled":true}""", "Enabled", "Boolean")]
    [InlineData("""{"enabled":{"name":"x"}}""", "Enabled", "Person")]
    [InlineData("""{"amount":1.5}""", "Amount", "Double")]
    [InlineData("""{"amount":"1.50"}""", "Amount", "String")]
    [InlineData("""{"when":"soon"}""", "When", "String")]
    public void Each_shape_reads_the_right_case_and_writes_back_equal(string json, string property, string expectedCase)
        => RoundTrip(json, property, expectedCase);

    [Fact]
    public void A_date_time_case_listed_after_a_plain_string_still_gets_dates()
    {
        // A string case that checks its text is tried before one that takes any string (MD1031 is not raised: they can be told apart).
        RoundTrip("""{"when":"2024-05-01T10:00:00+00:00"}""", "When", "DateTime");
        Assert.DoesNotContain(G.Run.GeneratorDiagnostics, d => d.Id == "MD1031" && d.GetMessage().Contains("'When"));
    }

    [Fact]
    public void A_union_of_consts_is_an_enum()
    {
        var holder = G.Deserialize("""{"level":"high"}""", "Holder")!;
        var level = holder.GetType().GetProperty("Level")!.GetValue(holder)!;
        Assert.True(level.GetType().IsEnum);
        Assert.Equal(new[] { "Low", "High" }, Enum.GetNames(level.GetType()));
        Assert.Equal("""{"level":"high"}""", G.Serialize(holder, "Holder"));
        // The members' titles and descriptions are their XML docs.
        var source = G.Run.Sources.Single(s => s.HintName == "Test.Models.HolderLevel.g.cs").SourceText.ToString();
        Assert.Contains("/// <summary>Wire value <c>low</c>: Low</summary>", source);
        Assert.Contains("/// <summary>Wire value <c>high</c>: Loud.</summary>", source);
    }

    [Fact]
    public void A_one_member_oneOf_enum_is_an_enum_and_a_null_member_makes_it_nullable()
    {
        var holder = G.Deserialize("""{"auditLevel":"critical","maybe":null}""", "Holder")!;
        var audit = holder.GetType().GetProperty("AuditLevel")!.GetValue(holder)!;
        Assert.True(audit.GetType().IsEnum);
        Assert.Equal(4, Enum.GetNames(audit.GetType()).Length);
        Assert.Equal(typeof(string), holder.GetType().GetProperty("Maybe")!.PropertyType);
    }

    [Fact]
    public void A_value_no_case_accepts_is_kept_and_written_back_unchanged()
    {
        var value = RoundTripUnknown("""{"id":true}""", "Id");
        Assert.True((bool)value.GetType().GetProperty("IsUnknown")!.GetValue(value)!);
        RoundTripUnknown("""{"pet":{"purrs":1}}""", "Pet");
        RoundTripUnknown("""{"tags":[1,2]}""", "Tags");
    }

    private static object RoundTripUnknown(string json, string property)
    {
        var holder = G.Deserialize(json, "Holder")!;
        var value = holder.GetType().GetProperty(property)!.GetValue(holder)!;
        Assert.True((bool)value.GetType().GetProperty("IsUnknown")!.GetValue(value)!, json);
        Assert.Equal(json, G.Serialize(holder, "Holder"));
        return value;
    }

    [Fact]
    public void Strict_mode_rejects_a_value_no_case_accepts_with_its_path()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":true}""", Strict.Value.TypeInfo("Holder")));
        Assert.Equal("$.id", ex.Path);
    }

    [Fact]
    public void Cases_have_conversions_equality_and_match()
    {
        var type = G.Type("HolderId");
        Assert.True(type.IsValueType);
        var fromLong = type.GetMethod("op_Implicit", new[] { typeof(long) })!;
        var fromString = type.GetMethod("op_Implicit", new[] { typeof(string) })!;
        var a = fromLong.Invoke(null, new object[] { 42L })!;
        var b = fromLong.Invoke(null, new object[] { 42L })!;
        var c = fromString.Invoke(null, new object[] { "42" })!;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True((bool)type.GetProperty("IsInt64")!.GetValue(a)!);
        Assert.Equal(42L, type.GetProperty("AsInt64")!.GetValue(a));
        var match = type.GetMethod("Match")!.MakeGenericMethod(typeof(string));
        var result = match.Invoke(c, new object[] { (Func<long, string>)(n => "number " + n), (Func<string, string>)(s => "text " + s), (Func<JsonElement, string>)(_ => "unknown") });
        Assert.Equal("text 42", result);
        // Lists compare by content.
        var tags = G.Type("HolderTags");
        var list1 = G.Deserialize("""{"tags":["x","y"]}""", "Holder")!;
        var list2 = G.Deserialize("""{"tags":["x","y"]}""", "Holder")!;
        Assert.Equal(list1, list2);
        Assert.True(tags.IsValueType);
    }

    [Fact]
    public void A_named_union_schema_is_a_type_of_its_own_in_the_context()
    {
        var info = G.TypeInfo("Named");
        var value = JsonSerializer.Deserialize("7", info);
        Assert.True((bool)value!.GetType().GetProperty("IsInt64")!.GetValue(value)!);
        Assert.Equal("7", JsonSerializer.Serialize(value, info));
        Assert.Equal("\"x\"", JsonSerializer.Serialize(JsonSerializer.Deserialize("\"x\"", info), info));
    }

    [Fact]
    public void A_union_whose_members_do_not_say_what_they_accept_stays_JsonElement_with_MD1022()
    {
        const string spec = """
        { "openapi": "3.0.3", "components": { "schemas": { "Order": { "type": "object", "properties": {
            "vague": { "anyOf": [ { "minLength": 1 }, { "maximum": 3 } ] },
            "day": { "type": "string", "oneOf": [ { "format": "date" }, { "pattern": "^[0-9]{4}$" } ] } } } } } }
        """;
        var run = TestHelpers.Run(new AdditionalText[] { new InMemoryAdditionalText("/api/vague.json", spec) });
        var md1022 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "MD1022");
        Assert.Contains("'vague' in 'Order' is a anyOf of 2 schemas without a discriminator", md1022.GetMessage());
        var order = run.Sources.Single(s => s.HintName == "Test.Models.Order.g.cs").SourceText.ToString();
        Assert.Contains("public global::System.Text.Json.JsonElement? Vague { get; init; }", order);
        // Members that only constrain the schema's own type: that type.
        Assert.Contains("public string? Day { get; init; }", order);
    }

    [Fact]
    public void Unions_are_no_longer_reported_as_JsonElement()
    {
        Assert.DoesNotContain(G.Run.GeneratorDiagnostics, d => d.Id == "MD1022");
    }
}
