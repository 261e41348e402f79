using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// Bad JSON: always a <see cref="JsonException"/> (exactly that type) whose Path and message give
/// the JSON path, never a NullReferenceException, InvalidCastException or FormatException.
/// </summary>
public sealed class BadInputTests
{
    private static readonly Lazy<GeneratedAssembly> Schemas = new(() => GeneratedAssembly.FromSchemas());

    private static JsonException Fails(string json, string type = "NewCustomerSession")
    {
        var ex = Assert.ThrowsAny<Exception>(() => Schemas.Value.Deserialize(json, type));
        Assert.IsType<JsonException>(ex);
        return (JsonException)ex;
    }

    [Fact]
    public void Missing_required_property_names_model_property_and_path()
    {
        var ex = Fails("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1},{"sku":"b"}]}""");
        Assert.Equal("$.cartItems[1]", ex.Path);
        Assert.Equal("CartItem: the required property 'quantity' is missing. Path: $.cartItems[1].", ex.Message);

        ex = Fails("{}", "CartItem");
        Assert.Equal("$", ex.Path);
        Assert.Equal("CartItem: the required properties 'sku', 'quantity' are missing. Path: $.", ex.Message);
    }

    [Fact]
    public void Null_where_the_docs_require_a_value()
    {
        var ex = Fails("""{"sku":null,"quantity":1}""", "CartItem");
        Assert.Equal("$.sku", ex.Path);
        Assert.Contains("CartItem.sku", ex.Message, StringComparison.Ordinal);
        Assert.Contains("null is not allowed", ex.Message, StringComparison.Ordinal);

        ex = Fails("""{"profileId":"p","cartItems":[null]}""");
        Assert.Equal("$.cartItems[0]", ex.Path);
        ex = Fails("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1,"additionalCosts":{"ship":null}}]}""");
        Assert.Equal("$.cartItems[0].additionalCosts.ship", ex.Path);
    }

    [Theory]
    [InlineData("""{"profileId":42}""", "$.profileId", "expected a string but found a number")]
    [InlineData("""{"profileId":"p","cartItems":{}}""", "$.cartItems", "expected an array but found an object")]
    [InlineData("""{"profileId":"p","cartItems":[{"sku":"a","quantity":"2"}]}""", "$.cartItems[0].quantity", "expected an integer but found a string")]
    [InlineData("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1.5}]}""", "$.cartItems[0].quantity", "not a 64-bit integer")]
    [InlineData("""{"profileId":"p","state":7}""", "$.state", "expected a string but found a number")]
    [InlineData("""{"profileId":"p","identifiers":[true]}""", "$.identifiers[0]", "expected a string but found a boolean")]
    [InlineData("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1,"adjustmentReferenceId":"nope"}]}""", "$.cartItems[0].adjustmentReferenceId", "'nope' is not a UUID")]
    [InlineData("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1,"adjustmentEffectiveFrom":"yesterday"}]}""", "$.cartItems[0].adjustmentEffectiveFrom", "not an RFC 3339 date-time")]
    [InlineData("[]", "$", "expected an object but found an array")]
    public void Wrong_token_types(string json, string path, string message)
    {
        var ex = Fails(json);
        Assert.Equal(path, ex.Path);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Path: " + path + ".", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"profileId":"p","cartItems":[{"sku":"a","quantity":99999999999999999999}]}""", "$.cartItems[0].quantity", "not a 64-bit integer")]
    [InlineData("""{"profileId":"p","total":1e400}""", "$.total", "not within the range of decimal")]
    [InlineData("""{"profileId":"p","total":-79228162514264337593543950336}""", "$.total", "not within the range of decimal")]
    public void Numbers_out_of_range(string json, string path, string message)
    {
        var ex = Fails(json);
        Assert.Equal(path, ex.Path);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1}""")]
    [InlineData("""{"profileId":"p","cartItems":[{"sku":"a","qua""")]
    [InlineData("""{"profileId":"p",""")]
    [InlineData("""{"profileId":"p" "coupon":"c"}""")]
    [InlineData("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1,}]}""")]
    public void Truncated_or_malformed_input(string json)
    {
        var ex = Fails(json);
        Assert.NotNull(ex.Path);
        Assert.StartsWith("$", ex.Path, StringComparison.Ordinal);
        Assert.NotNull(ex.LineNumber);
    }

    [Fact]
    public void Truncated_input_inside_a_nested_model_reports_where()
    {
        var ex = Fails("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1},{"sku":""");
        Assert.Equal("$.cartItems[1].sku", ex.Path);
    }

    [Fact]
    public void Over_deep_nesting_is_a_JsonException_not_a_stack_overflow()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var ex = Fails("""{"profileId":"p","attributes":""" + deep + "}");
        Assert.Equal("$.attributes", ex.Path);
        Assert.Contains("depth", ex.Message, StringComparison.OrdinalIgnoreCase);

        ex = Fails("""{"profileId":"p","extra":""" + deep + "}");
        Assert.Equal("$.extra", ex.Path);
    }

    [Theory]
    [InlineData("""{"profileId":"p","profileId":"q"}""", "$.profileId")]
    [InlineData("""{"profileId":"p","x":1,"x":2}""", "$.x")]
    [InlineData("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1,"additionalCosts":{"k":{"price":1},"k":{"price":2}}}]}""", "$.cartItems[0].additionalCosts.k")]
    [InlineData("""{"profileId":"p","pro\u0066ileId":"q"}""", "$.profileId")]
    public void Duplicate_property_names(string json, string path)
    {
        var ex = Fails(json);
        Assert.Equal(path, ex.Path);
        Assert.Contains("appears more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_names_with_escapes_match_their_unescaped_form()
    {
        dynamic s = Schemas.Value.Deserialize("""{"pro\u0066ileId":"p","st\u0061te":"closed"}""", "NewCustomerSession")!;
        Assert.Equal("p", (string)s.ProfileId);
        Assert.Equal("Closed", s.State.ToString());
    }

    [Fact]
    public void Invalid_base64_and_paths_with_odd_names()
    {
        var ex = Fails("""{"profileId":"p","cartItems":[{"sku":"a","quantity":1,"additionalCosts":{"it's":{"price":"x"}}}]}""");
        Assert.Equal("$.cartItems[0].additionalCosts['it\\'s'].price", ex.Path);
    }

    [Fact]
    public void Enums_read_alone_report_their_errors_too()
    {
        var ex = Fails("42", "NewCustomerSessionState");
        Assert.Equal("$", ex.Path);
        Assert.Contains("NewCustomerSessionState", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_random_corruptions_only_ever_throw_JsonException()
    {
        // Mutate a valid payload byte by byte (seeded): every failure must be a JsonException with a path.
        const string valid = """{"profileId":"p","state":"closed","cartItems":[{"sku":"a","quantity":2,"price":1.5,"additionalCosts":{"s":{"price":2}},"adjustmentReferenceId":"68851723-e6fa-488f-ace9-112581e6c19b","adjustmentEffectiveFrom":"2024-03-01T09:30:00+02:00"}],"identifiers":["x"],"total":3,"attributes":{"a":[1,{"b":null}]}}""";
        var rng = new Random(20261126);
        const string alphabet = "{}[]\",:0123456789.eE+-tfnul \\abc";
        var failures = 0;
        for (var n = 0; n < 3000; n++)
        {
            var chars = valid.ToCharArray().ToList();
            var edits = rng.Next(1, 4);
            for (var k = 0; k < edits; k++)
            {
                var at = rng.Next(chars.Count);
                switch (rng.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[rng.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[rng.Next(alphabet.Length)]; break;
                }
            }
            var json = new string(chars.ToArray());
            try
            {
                Schemas.Value.Deserialize(json, "NewCustomerSession");
            }
            catch (Exception ex)
            {
                Assert.True(ex.GetType() == typeof(JsonException), $"{ex.GetType()} for {json}: {ex}");
                Assert.NotNull(((JsonException)ex).Path);
                failures++;
            }
        }
        Assert.True(failures > 1000, $"only {failures} of 3000 corruptions failed; the mutator is too gentle");
    }
}
