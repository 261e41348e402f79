using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// The generated serializer on the repo's own docs (schemas/): readable example payloads, every
/// System.Text.Json entry point, lossless unknown data, strict mode and value equality.
/// </summary>
public sealed class SerializerTests
{
    private static readonly Lazy<GeneratedAssembly> Schemas = new(() => GeneratedAssembly.FromSchemas());

    private static GeneratedAssembly G => Schemas.Value;

    // A session as Talon.One's docs describe it, written by hand.
    private const string SessionJson = """
        {
          "profileId": "URNGV8294NV",
          "coupon": "SUMMER-10",
          "state": "closed",
          "cartItems": [
            {
              "name": "Coffee mug",
              "sku": "MUG-001",
              "quantity": 2,
              "price": 8.50,
              "product": { "name": "Mugs" },
              "additionalCosts": { "shipping": { "price": 4.95 } },
              "adjustmentReferenceId": "68851723-e6fa-488f-ace9-112581e6c19b",
              "adjustmentEffectiveFrom": "2024-03-01T09:30:00.25+02:00"
            }
          ],
          "identifiers": ["203.0.113.7"],
          "total": 21.95,
          "attributes": { "channel": "web", "vip": true, "score": [1, 2.5] }
        }
        """;

    private static JsonNode Node(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void NewCustomerSession_example_reads_into_typed_properties_and_writes_the_same_json()
    {
        var session = G.Deserialize(SessionJson, "NewCustomerSession")!;
        dynamic s = session;
        Assert.Equal("URNGV8294NV", (string)s.ProfileId);
        Assert.Equal("Closed", s.State.ToString());
        var item = ((System.Collections.IEnumerable)s.CartItems).Cast<object>().Single();
        dynamic i = item;
        Assert.Equal("MUG-001", (string)i.Sku);
        Assert.Equal(2L, (long)i.Quantity);
        Assert.Equal(8.50m, (decimal)i.Price);
        Assert.Equal("8.50", ((decimal)i.Price).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(2), ((DateTimeOffset)i.AdjustmentEffectiveFrom).Offset);
        Assert.Equal(Guid.Parse("68851723-e6fa-488f-ace9-112581e6c19b"), (Guid)i.AdjustmentReferenceId);
        Assert.Equal(JsonValueKind.Object, ((JsonElement)s.Attributes).ValueKind);

        var written = G.Serialize(session, "NewCustomerSession");
        Assert.True(JsonNode.DeepEquals(Node(SessionJson), Node(written)), written);
        // Decimal scale and the offset are kept exactly, not just semantically.
        Assert.Contains("\"price\":8.50", written, StringComparison.Ordinal);
        Assert.Contains("\"adjustmentEffectiveFrom\":\"2024-03-01T09:30:00.25+02:00\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void CartItem_example_round_trips_and_leaves_out_unset_optionals()
    {
        const string json = """{"sku":"TEA-042","quantity":1}""";
        var item = G.Deserialize(json, "CartItem");
        Assert.Equal(json, G.Serialize(item, "CartItem"));
    }

    [Fact]
    public void Absent_state_takes_the_documented_default()
    {
        dynamic s = G.Deserialize("""{"profileId":"p"}""", "NewCustomerSession")!;
        Assert.Equal("Open", s.State.ToString());
        Assert.Equal("""{"profileId":"p","state":"open"}""", G.Serialize((object)s, "NewCustomerSession"));
    }

    [Fact]
    public async Task Every_entry_point_of_JsonSerializer_works()
    {
        var info = (JsonTypeInfo)G.TypeInfo("NewCustomerSession");
        var bytes = Encoding.UTF8.GetBytes(SessionJson);
        var fromString = JsonSerializer.Deserialize(SessionJson, info);
        var fromSpan = JsonSerializer.Deserialize(bytes.AsSpan(), info);
        var fromStream = JsonSerializer.Deserialize(new MemoryStream(bytes), info);
        var fromAsync = await JsonSerializer.DeserializeAsync(new MemoryStream(bytes), info);
        var reader = new Utf8JsonReader(bytes);
        var fromReader = JsonSerializer.Deserialize(ref reader, info);
        Assert.Equal(fromString, fromSpan);
        Assert.Equal(fromString, fromStream);
        Assert.Equal(fromString, fromAsync);
        Assert.Equal(fromString, fromReader);

        var stream = new MemoryStream();
        await JsonSerializer.SerializeAsync(stream, fromString, info);
        Assert.Equal(JsonSerializer.Serialize(fromString, info), Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(fromString, info), stream.ToArray());

        // Through the options' resolver chain, by runtime type.
        var options = new JsonSerializerOptions();
        options.TypeInfoResolverChain.Insert(0, (IJsonTypeInfoResolver)G.Context);
        var type = G.Type("NewCustomerSession");
        var viaOptions = JsonSerializer.Deserialize(SessionJson, type, options);
        Assert.Equal(fromString, viaOptions);
        Assert.True(JsonNode.DeepEquals(Node(SessionJson), Node(JsonSerializer.Serialize(viaOptions, type, options))));

        // The context's non-generic lookup.
        Assert.Same(info.Type, G.Context.GetTypeInfo(type)!.Type);
        Assert.Null(G.Context.GetTypeInfo(typeof(Uri)));
    }

    [Fact]
    public void A_context_over_user_options_honours_indentation_encoder_and_max_depth()
    {
        var indented = G.NewContext(new JsonSerializerOptions { WriteIndented = true });
        var value = G.Deserialize("""{"profileId":"<p>","cartItems":[{"sku":"a","quantity":1}]}""", "NewCustomerSession");
        var text = JsonSerializer.Serialize(value, GeneratedAssembly.TypeInfo(indented, "NewCustomerSession"));
        Assert.Contains("\n  \"profileId\": \"\\u003Cp\\u003E\"", text.Replace("\r\n", "\n"), StringComparison.Ordinal);

        var relaxed = G.NewContext(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("\"profileId\":\"<p>\"", JsonSerializer.Serialize(value, GeneratedAssembly.TypeInfo(relaxed, "NewCustomerSession")), StringComparison.Ordinal);

        var shallow = G.NewContext(new JsonSerializerOptions { MaxDepth = 2 });
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"profileId":"p","cartItems":[{"sku":"a","quantity":1}]}""", GeneratedAssembly.TypeInfo(shallow, "NewCustomerSession")));
        Assert.Contains("depth", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Reflection_based_serializer_uses_the_generated_converters()
    {
        // No context at all: the [JsonConverter] attributes on the generated types do the work.
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var type = G.Type("NewCustomerSession");
        var value = JsonSerializer.Deserialize(SessionJson, type, options);
        Assert.Equal(G.Deserialize(SessionJson, "NewCustomerSession"), value);
        Assert.True(JsonNode.DeepEquals(Node(SessionJson), Node(JsonSerializer.Serialize(value, type, options))));

        var stateType = G.Type("NewCustomerSessionState");
        Assert.Equal("\"partially_returned\"", JsonSerializer.Serialize(Enum.Parse(stateType, "PartiallyReturned"), stateType, options));
        // A list of models, which the context does not list, goes through reflection for the list only.
        var listType = typeof(List<>).MakeGenericType(type);
        var list = JsonSerializer.Deserialize("[" + SessionJson + "]", listType, options);
        Assert.Single((System.Collections.IList)list!);
    }

    [Fact]
    public void Unknown_properties_and_undocumented_enum_values_survive_a_round_trip()
    {
        const string json = """
            {"profileId":"p","state":"suspended","loyaltyTier":{"name":"gold","since":2019},
             "cartItems":[{"sku":"a","quantity":1,"x-color":"red"}],"extra":null}
            """;
        dynamic s = G.Deserialize(json, "NewCustomerSession")!;
        var stateType = G.Type("NewCustomerSessionState");
        var extensions = G.Type("NewCustomerSessionStateExtensions");
        Assert.Equal("suspended", (string)extensions.GetMethod("ToWireValue")!.Invoke(null, new object[] { s.State })!);
        Assert.False((bool)extensions.GetMethod("IsDocumented")!.Invoke(null, new object[] { s.State })!);
        Assert.False(Enum.IsDefined(stateType, s.State));
        var unknown = (IReadOnlyDictionary<string, JsonElement>)s.UnknownProperties;
        Assert.Equal(new[] { "loyaltyTier", "extra" }, unknown.Keys.ToArray());
        Assert.Equal(2019, unknown["loyaltyTier"].GetProperty("since").GetInt32());

        var written = G.Serialize((object)s, "NewCustomerSession");
        Assert.True(JsonNode.DeepEquals(Node(json), Node(written)), written);

        // The same undocumented value read twice is the same enum value, so records stay equal.
        Assert.Equal(G.Deserialize(json, "NewCustomerSession"), G.Deserialize(written, "NewCustomerSession"));
    }

    [Fact]
    public void Strict_mode_from_options_rejects_unknown_properties_and_values()
    {
        var strict = G.NewContext(new JsonSerializerOptions { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });
        var info = GeneratedAssembly.TypeInfo(strict, "NewCustomerSession");
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"profileId":"p","extra":1}""", info));
        Assert.Equal("$.extra", ex.Path);
        ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"profileId":"p","state":"suspended"}""", info));
        Assert.Equal("$.state", ex.Path);
        Assert.Contains("'suspended' is not a documented value of NewCustomerSessionState", ex.Message, StringComparison.Ordinal);
        // Documented input still reads.
        Assert.NotNull(JsonSerializer.Deserialize("""{"profileId":"p","state":"closed"}""", info));
    }

    [Fact]
    public void Strict_mode_from_the_build_option_is_the_default()
    {
        var strict = GeneratedAssembly.FromSchemas(new Dictionary<string, string> { ["build_property.ModelDocsUnknownValues"] = "Throw" });
        var ex = Assert.Throws<JsonException>(() => strict.Deserialize("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1,"color":"red"}]}""", "NewCustomerSession"));
        Assert.Equal("$.cartItems[0].color", ex.Path);
    }

    [Fact]
    public void The_context_name_is_an_option()
    {
        var run = TestHelpers.Run(TestHelpers.LoadFolder(TestHelpers.SchemasDir), new Dictionary<string, string>
        {
            ["build_property.ModelDocsNamespace"] = "Test.Models",
            ["build_property.ModelDocsJsonContextName"] = "ShopJson",
        });
        Assert.Contains(run.Sources, s => s.HintName == "Test.Models.ShopJson.g.cs");
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Records_compare_lists_and_maps_by_content()
    {
        var a = G.Deserialize(SessionJson, "NewCustomerSession");
        var b = G.Deserialize(SessionJson, "NewCustomerSession");
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a!.GetHashCode(), b!.GetHashCode());
        var c = G.Deserialize(SessionJson.Replace("\"MUG-001\"", "\"MUG-002\"", StringComparison.Ordinal), "NewCustomerSession");
        Assert.NotEqual(a, c);
        var d = G.Deserialize(SessionJson.Replace("\"vip\": true", "\"vip\": false", StringComparison.Ordinal), "NewCustomerSession");
        Assert.NotEqual(a, d);
        // Numbers inside "any" values compare by value, and object members by name, not order.
        var e = G.Deserialize(SessionJson.Replace("\"score\": [1, 2.5]", "\"score\": [1.0, 2.50]", StringComparison.Ordinal)
            .Replace("\"channel\": \"web\", \"vip\": true", "\"vip\": true, \"channel\": \"web\"", StringComparison.Ordinal), "NewCustomerSession");
        Assert.Equal(a, e);
        Assert.Equal(a.GetHashCode(), e!.GetHashCode());
    }

    [Fact]
    public async Task Async_deserialization_of_a_large_stream_reads_the_whole_value()
    {
        var items = string.Join(",", Enumerable.Range(0, 5000).Select(i => $$"""{"sku":"S{{i}}","quantity":{{i}}}"""));
        var json = $$"""{"profileId":"p","cartItems":[{{items}}]}""";
        var info = G.TypeInfo("NewCustomerSession");
        var value = await JsonSerializer.DeserializeAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), info);
        dynamic s = value!;
        Assert.Equal(5000, ((System.Collections.ICollection)s.CartItems).Count);
    }
}
