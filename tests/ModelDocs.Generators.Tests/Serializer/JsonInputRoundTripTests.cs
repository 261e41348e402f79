using System;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>Types generated from an OpenAPI document round-trip through the generated serializer like markdown ones.</summary>
public sealed class JsonInputRoundTripTests
{
    private const string Spec = """
    { "openapi": "3.0.3", "components": { "schemas": {
        "Session": { "type": "object", "required": ["id", "note", "state"],
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "note": { "type": "string", "nullable": true },
            "count": { "type": "integer", "nullable": true },
            "state": { "type": "string", "enum": ["open", "closed"], "description": "Created as `open`. `open` → `closed`." },
            "tags": { "$ref": "#/components/schemas/Tags" },
            "next": { "$ref": "#/components/schemas/Session" } } },
        "Tags": { "type": "array", "items": { "type": "string" } },
        "Login": { "type": "object", "required": ["user", "password"],
          "properties": { "user": { "type": "string" }, "password": { "type": "string", "writeOnly": true } } } } } }
    """;

    private static readonly Lazy<GeneratedAssembly> Built = new(() => GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/api/openapi.json", Spec) }));

    [Fact]
    public void Required_nullable_property_is_written_and_read_as_null()
    {
        const string json = """{"id":"6f1c7d1e-0000-4000-8000-000000000001","note":null,"state":"open","tags":["a","b"],"next":{"id":"6f1c7d1e-0000-4000-8000-000000000002","note":"n","count":3,"state":"closed"}}""";
        var value = Built.Value.Deserialize(json, "Session");
        Assert.NotNull(value);
        Assert.Null(value!.GetType().GetProperty("Note")!.GetValue(value));
        Assert.Equal(json, Built.Value.Serialize(value, "Session"));
    }

    [Fact]
    public void Required_nullable_property_must_still_be_present()
    {
        var ex = Assert.Throws<JsonException>(() => Built.Value.Deserialize("""{"id":"6f1c7d1e-0000-4000-8000-000000000001","state":"open"}""", "Session"));
        Assert.Contains("'note'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_only_property_is_required_of_clients_but_not_of_responses()
    {
        var login = Built.Value.Type("Login");
        Assert.Contains(login.GetProperty("Password")!.CustomAttributes, a => a.AttributeType.Name == "RequiredMemberAttribute");
        // A response without it reads; one without the other required property does not.
        var response = Built.Value.Deserialize("""{"user":"ann"}""", "Login");
        Assert.Equal("""{"user":"ann"}""", Built.Value.Serialize(response, "Login"));
        var ex = Assert.Throws<JsonException>(() => Built.Value.Deserialize("""{"password":"x"}""", "Login"));
        Assert.Contains("'user'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("""{"user":"ann","password":"s3cret"}""", Built.Value.Serialize(Built.Value.Deserialize("""{"user":"ann","password":"s3cret"}""", "Login"), "Login"));
    }

    [Fact]
    public void Undocumented_enum_value_survives_a_round_trip()
    {
        const string json = """{"id":"6f1c7d1e-0000-4000-8000-000000000001","note":"x","state":"archived"}""";
        Assert.Equal(json, Built.Value.Serialize(Built.Value.Deserialize(json, "Session"), "Session"));
    }
}
