using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// <c>allOf</c> without a discriminator: a schema that extends the first object schema it refers to derives
/// from its record instead of copying its properties (issue 12), so generated code grows linearly with the
/// document. Round trips through the derived record's own type info and through its base's, <c>with</c>,
/// equality, and the cases that still copy.
/// </summary>
public sealed class AllOfInheritanceTests
{
    private readonly ITestOutputHelper _out;

    public AllOfInheritanceTests(ITestOutputHelper output) => _out = output;

    /// <summary>
    /// A JSON Schema whose root has <paramref name="rootProperties"/> properties and whose <paramref name="definitions"/>
    /// definitions each extend the root (<c>allOf: [{$ref: "#"}, {…}]</c>) with three properties of their own.
    /// </summary>
    internal static string WideSchema(int rootProperties, int definitions)
    {
        var types = new[]
        {
            "{ \"type\": \"string\" }", "{ \"type\": \"integer\" }", "{ \"type\": \"boolean\" }", "{ \"type\": \"number\" }",
            "{ \"type\": \"string\", \"format\": \"date-time\" }", "{ \"type\": \"array\", \"items\": { \"type\": \"string\" } }",
            "{ \"type\": \"integer\", \"default\": 3 }", "{ \"type\": \"string\", \"nullable\": true }",
        };
        var sb = new StringBuilder();
        sb.Append("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"title\": \"Root\",\n  \"type\": \"object\",\n");
        sb.Append("  \"required\": [").Append(string.Join(", ", Enumerable.Range(0, rootProperties).Where(i => i % 10 == 0).Select(i => $"\"p{i}\""))).Append("],\n");
        sb.Append("  \"properties\": {\n");
        for (var i = 0; i < rootProperties; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    \"p{i}\": {types[i % types.Length]}").Append(i + 1 < rootProperties ? ",\n" : "\n");
        }
        sb.Append("  },\n  \"definitions\": {\n");
        for (var d = 0; d < definitions; d++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    \"Ext{d}\": {{ \"allOf\": [ {{ \"$ref\": \"#\" }}, {{ \"type\": \"object\", \"required\": [\"own{d}a\"], \"properties\": {{ ")
                .Append(CultureInfo.InvariantCulture, $"\"own{d}a\": {{ \"type\": \"string\" }}, \"own{d}b\": {{ \"type\": \"integer\" }}, \"own{d}c\": {{ \"type\": \"array\", \"items\": {{ \"type\": \"boolean\" }} }} }} }} ] }}")
                .Append(d + 1 < definitions ? ",\n" : "\n");
        }
        sb.Append("  }\n}\n");
        return sb.ToString();
    }

    internal const string Spec = """
    { "openapi": "3.0.3", "components": { "schemas": {
        "Entity": { "type": "object", "required": ["id"], "properties": {
          "id": { "type": "integer" }, "created": { "type": "string", "format": "date-time" },
          "tags": { "type": "array", "items": { "type": "string" } }, "level": { "type": "integer", "format": "int32", "default": 2 } } },
        "Customer": { "allOf": [ { "$ref": "#/components/schemas/Entity" },
          { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" }, "vip": { "type": "boolean" } } } ] },
        "Premium": { "allOf": [ { "$ref": "#/components/schemas/Customer" },
          { "type": "object", "properties": { "tier": { "type": "string", "enum": ["gold", "platinum"] } } } ] },
        "Audited": { "type": "object", "properties": { "auditor": { "type": "string" } } },
        "Order": { "allOf": [ { "$ref": "#/components/schemas/Entity" }, { "$ref": "#/components/schemas/Audited" },
          { "type": "object", "properties": { "total": { "type": "number" }, "customer": { "$ref": "#/components/schemas/Customer" } } } ] },
        "Restating": { "allOf": [ { "$ref": "#/components/schemas/Entity" },
          { "type": "object", "properties": { "id": { "type": "integer", "description": "Said again." }, "extra": { "type": "string" } } } ] },
        "Conflicting": { "allOf": [ { "$ref": "#/components/schemas/Entity" },
          { "type": "object", "properties": { "created": { "type": "string" } } } ] },
        "Stricter": { "allOf": [ { "$ref": "#/components/schemas/Entity" }, { "type": "object", "required": ["created"] } ] },
        "Loop": { "allOf": [ { "$ref": "#/components/schemas/Loop" }, { "type": "object", "properties": { "x": { "type": "string" } } } ] },
        "A": { "allOf": [ { "$ref": "#/components/schemas/B" }, { "properties": { "a": { "type": "string" } } } ] },
        "B": { "allOf": [ { "$ref": "#/components/schemas/A" }, { "properties": { "b": { "type": "string" } } } ] },
        "Codes": { "type": "array", "items": { "type": "string" } },
        "ListLike": { "allOf": [ { "$ref": "#/components/schemas/Codes" }, { "type": "object", "properties": { "n": { "type": "integer" } } } ] },
        "Pet": { "type": "object", "required": ["pet_type"], "properties": { "pet_type": { "type": "string" }, "name": { "type": "string" } },
          "discriminator": { "propertyName": "pet_type" } },
        "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" }, { "type": "object", "properties": { "hunts": { "type": "boolean" } } } ] },
        "ShowCat": { "allOf": [ { "$ref": "#/components/schemas/Cat" }, { "type": "object", "properties": { "prizes": { "type": "integer" } } } ] }
    } } }
    """;

    /// <summary>C# beside the generated code: <c>with</c>, equality and assignment across the hierarchy, as a user writes them.</summary>
    private const string Probe = """
    using Test.Models;
    namespace App;
    public static class Probe
    {
        public static string Run()
        {
            var ann = new Premium { Id = 1, Name = "Ann", Tier = PremiumTier.Gold, Tags = new[] { "a" } };
            var bob = ann with { Name = "Bob" };
            Entity asEntity = bob;
            var moved = asEntity with { Id = 2 };
            var sameAsAnn = new Premium { Id = 1, Name = "Ann", Tier = PremiumTier.Gold, Tags = new[] { "a" } };
            var customer = new Customer { Id = 1, Name = "Ann", Tags = new[] { "a" } };
            return string.Join(",",
                bob.GetType().Name, bob.Name, bob.Id, bob.Tier, bob.Level,
                moved.GetType().Name, ((Premium)moved).Name, moved.Id,
                ann == sameAsAnn, ann.GetHashCode() == sameAsAnn.GetHashCode(), ann == bob,
                customer.Equals(ann), ann.Equals(customer), ((Entity)customer).Equals((Entity)ann), ann.Equals((object)customer),
                new Entity { Id = 1 } == new Entity { Id = 1 }, new Entity { Id = 1 }.Equals(new Customer { Id = 1, Name = "" }));
        }
    }
    """;

    private static readonly Lazy<GeneratedAssembly> Built = new(() => GeneratedAssembly.Build(
        new AdditionalText[] { new InMemoryAdditionalText("/api/openapi.json", Spec) }, userSources: new[] { Probe }));

    private static GeneratedAssembly G => Built.Value;

    private const string PremiumJson = """{"id":1,"created":"2026-01-02T03:04:05+00:00","tags":["a","b"],"level":3,"name":"Ann","vip":true,"tier":"gold"}""";

    [Fact]
    public void Extensions_derive_from_the_first_referenced_record_and_declare_only_their_own_properties()
    {
        Assert.Equal(G.Type("Entity"), G.Type("Customer").BaseType);
        Assert.Equal(G.Type("Customer"), G.Type("Premium").BaseType);
        Assert.Equal(G.Type("Entity"), G.Type("Order").BaseType);
        Assert.False(G.Type("Entity").IsSealed);
        Assert.False(G.Type("Customer").IsSealed);
        Assert.True(G.Type("Premium").IsSealed);
        Assert.True(G.Type("Order").IsSealed);
        Assert.Equal(G.Type("Entity"), G.Type("Premium").GetProperty("Id")!.DeclaringType);
        Assert.Equal(G.Type("Customer"), G.Type("Premium").GetProperty("Name")!.DeclaringType);
        // The other referenced schemas' properties and the inline part's are the extension's own.
        Assert.Equal(G.Type("Order"), G.Type("Order").GetProperty("Auditor")!.DeclaringType);
        Assert.Equal(G.Type("Order"), G.Type("Order").GetProperty("Total")!.DeclaringType);
        // A property restated the same way (description aside) is inherited, not declared again.
        Assert.Equal(G.Type("Entity"), G.Type("Restating").BaseType);
        Assert.Equal(G.Type("Restating"), G.Type("Restating").GetProperty("Extra")!.DeclaringType);
        Assert.Equal(G.Type("Entity"), G.Type("Restating").GetProperty("Id")!.DeclaringType);
        // Only the record's own constructor surface is public: new, and the copy constructor `with` uses.
        Assert.Single(G.Type("Premium").GetConstructors());
    }

    [Theory]
    [InlineData("Conflicting")] // 'created' defined differently (MD1023): the merge, first definition used
    [InlineData("Stricter")]    // 'created' required here, optional in Entity: C# cannot make an inherited property required
    [InlineData("Loop")]        // extends itself
    [InlineData("B")]           // A extends B, so B extending A would be a cycle: B copies (A then inherits all of it)
    [InlineData("Cat")]         // a discriminator hierarchy (Pet): decided there
    [InlineData("ShowCat")]     // extends a record of a discriminator hierarchy: copies
    public void Cases_that_still_copy(string type)
    {
        var t = G.Type(type);
        Assert.NotEqual(G.Type("Entity"), t.BaseType);
        if (type is "Conflicting" or "Stricter") Assert.Equal(t, t.GetProperty("Id")!.DeclaringType);
        if (type == "Stricter") Assert.Contains("required ", Declaration(G, "Stricter", "Created"), StringComparison.Ordinal);
        if (type == "Cat") Assert.Equal(G.Type("Pet"), t.BaseType);
        if (type == "ShowCat") Assert.Equal(t, t.GetProperty("Hunts")!.DeclaringType);
        if (type == "B") Assert.Equal(G.Type("B"), G.Type("A").BaseType);
        Assert.Single(G.Run.GeneratorDiagnostics, d => d.Id == "MD1023");
        // An allOf over an array alias is no record to derive from (and no object: an alias itself).
        Assert.DoesNotContain(G.Run.Sources, s => s.HintName == "Test.Models.ListLike.g.cs" && s.SourceText.ToString().Contains(" : global::Test.Models.Codes", StringComparison.Ordinal));
    }

    private static string Declaration(GeneratedAssembly g, string type, string property)
        => g.Run.Sources.Single(s => s.HintName == $"Test.Models.{type}.g.cs").SourceText.ToString().Split('\n').Select(l => l.Trim())
            .Single(l => l.StartsWith("public ", StringComparison.Ordinal) && l.Contains(" " + property + " { get; init; }", StringComparison.Ordinal));

    [Fact]
    public void A_derived_record_round_trips_through_its_own_type_info()
    {
        var premium = G.Deserialize(PremiumJson, "Premium")!;
        Assert.Equal("Premium", premium.GetType().Name);
        Assert.Equal(PremiumJson, G.Serialize(premium, "Premium"));
        var again = G.Deserialize(G.Serialize(premium, "Premium"), "Premium");
        Assert.Equal(premium, again);
        Assert.Equal(premium.GetHashCode(), again!.GetHashCode());
        // Unknown properties are kept by the root and written last; defaults apply at every level.
        const string withUnknown = """{"id":1,"level":2,"name":"Ann","zz":[1,{"a":null}]}""";
        Assert.Equal(withUnknown, G.Serialize(G.Deserialize("""{"id":1,"name":"Ann","zz":[1,{"a":null}]}""", "Customer"), "Customer"));
    }

    [Fact]
    public void A_derived_record_read_through_its_base_type_info_is_the_base_and_writes_back_equal()
    {
        // Nothing in the JSON names the extension: the base's type info reads a base, keeping the rest.
        var entity = G.Deserialize(PremiumJson, "Entity")!;
        Assert.Equal("Entity", entity.GetType().Name);
        var unknown = (IReadOnlyDictionary<string, JsonElement>)entity.GetType().GetProperty("UnknownProperties")!.GetValue(entity)!;
        Assert.Equal(new[] { "name", "vip", "tier" }, unknown.Keys);
        Assert.Equal(PremiumJson, G.Serialize(entity, "Entity"));
        Assert.Equal(entity, G.Deserialize(G.Serialize(entity, "Entity"), "Entity"));
        var customer = G.Deserialize(PremiumJson, "Customer")!;
        Assert.Equal("Customer", customer.GetType().Name);
        Assert.Equal(PremiumJson, G.Serialize(customer, "Customer"));

        // Written through a base's type info, a derived record writes its runtime type's properties.
        var premium = G.Deserialize(PremiumJson, "Premium")!;
        Assert.Equal(PremiumJson, G.Serialize(premium, "Entity"));
        Assert.Equal(PremiumJson, G.Serialize(premium, "Customer"));
        Assert.Equal(PremiumJson, JsonSerializer.Serialize(premium, G.TypeInfo("Entity")));

        // A property typed as the base holds whatever was assigned; read back, it is the base.
        const string order = """{"id":9,"level":2,"total":1.5,"customer":{"id":1,"level":2,"name":"Ann","tier":"gold"}}""";
        var read = G.Deserialize(order, "Order")!;
        Assert.Equal(order, G.Serialize(read, "Order"));
        Assert.Equal("Customer", read.GetType().GetProperty("Customer")!.GetValue(read)!.GetType().Name);
    }

    [Fact]
    public void Errors_carry_the_path_and_every_level_checks_its_required_properties()
    {
        var bad = Assert.Throws<JsonException>(() => G.Deserialize("""{"id":"x","name":"Ann"}""", "Premium"));
        Assert.Equal("$.id", bad.Path);
        Assert.Contains("Premium.id", bad.Message, StringComparison.Ordinal);
        var badOwn = Assert.Throws<JsonException>(() => G.Deserialize("""{"id":1,"name":"Ann","tier":7}""", "Premium"));
        Assert.Equal("$.tier", badOwn.Path);
        var missing = Assert.Throws<JsonException>(() => G.Deserialize("""{"tier":"gold"}""", "Premium"));
        Assert.Contains("'id', 'name'", missing.Message, StringComparison.Ordinal);
        var duplicate = Assert.Throws<JsonException>(() => G.Deserialize("""{"id":1,"name":"Ann","id":2}""", "Premium"));
        Assert.Equal("$.id", duplicate.Path);
    }

    [Fact]
    public void Strict_mode_rejects_an_extension_read_through_its_base()
    {
        var strict = GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/api/openapi.json", Spec) },
            new Dictionary<string, string> { ["build_property.ModelDocsUnknownValues"] = "Throw" });
        Assert.Equal(PremiumJson, strict.Serialize(strict.Deserialize(PremiumJson, "Premium"), "Premium"));
        var ex = Assert.Throws<JsonException>(() => strict.Deserialize(PremiumJson, "Entity"));
        Assert.Equal("$.name", ex.Path);
    }

    [Fact]
    public void With_and_equality_keep_their_meaning()
    {
        var result = (string)G.Assembly.GetType("App.Probe")!.GetMethod("Run")!.Invoke(null, null)!;
        Assert.Equal(string.Join(",",
            "Premium", "Bob", "1", "Gold", "2",          // `with` on the derived record keeps its type, inherited values and defaults
            "Premium", "Bob", "2",                       // `with` through a base-typed variable clones the runtime type
            "True", "True", "False",                     // value equality and hash, inherited properties included
            "False", "False", "False", "False",          // a base and a derived instance are never equal, either way round
            "True", "False"), result);
    }

    [Fact]
    public void The_root_extending_itself_copies_and_its_definitions_still_derive_from_it()
    {
        const string schema = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Doc",
          "allOf": [ { "$ref": "#" }, { "type": "object", "properties": { "extra": { "type": "string" } } } ],
          "properties": { "id": { "type": "integer" } },
          "$defs": {
            "Child": { "allOf": [ { "$ref": "#" }, { "properties": { "own": { "type": "boolean" } } } ] },
            "Nested": { "allOf": [ { "allOf": [ { "$ref": "#/$defs/Nested" } ] }, { "properties": { "n": { "type": "integer" } } } ] }
          } }
        """;
        var g = GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/schemas/doc.schema.json", schema) });
        Assert.Equal(typeof(object), g.Type("Doc").BaseType);
        Assert.Equal(g.Type("Doc"), g.Type("Child").BaseType);
        Assert.NotNull(g.Type("Doc").GetProperty("Extra"));
        Assert.Equal(typeof(object), g.Type("Nested").BaseType);
        const string child = """{"id":1,"extra":"x","own":true}""";
        Assert.Equal(child, g.Serialize(g.Deserialize(child, "Child"), "Child"));
        Assert.Equal(child, g.Serialize(g.Deserialize(child, "Doc"), "Doc"));
    }

    private static int Lines(GeneratorRun run) => run.Sources.Sum(s => s.SourceText.Lines.Count);

    /// <summary>Acceptance 3 of issue 12: 100 definitions that each extend a 400-property root stay under 60,000 lines, and compile.</summary>
    [Fact]
    public void Hundred_definitions_extending_a_400_property_root_generate_under_60000_lines_and_compile()
    {
        var schema = WideSchema(400, 100);
        var run = TestHelpers.Run(new AdditionalText[] { new InMemoryAdditionalText("/schemas/wide.schema.json", schema) });
        var lines = Lines(run);
        _out.WriteLine($"{schema.Length / 1024} KB schema: {run.Sources.Count()} sources, {lines} lines");
        Assert.True(lines < 60_000, $"{lines} generated lines");
        Assert.Empty(run.GeneratorProblems);
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, TestHelpers.Format(errors));
    }

    [Fact]
    public void Talon_openapi_generated_lines()
    {
        var path = Path.Combine(TestHelpers.CorpusDir, "openapi.json");
        var run = TestHelpers.Run(new AdditionalText[] { new InMemoryAdditionalText(path, File.ReadAllText(path)) });
        _out.WriteLine($"openapi.json: {run.Sources.Count()} sources, {Lines(run)} lines");
    }

    private static readonly Lazy<GeneratedAssembly> Wide = new(() => GeneratedAssembly.Build(
        new AdditionalText[] { new InMemoryAdditionalText("/api/wide.schema.json", WideSchema(70, 1)) }));

    /// <summary>
    /// More than 64 properties: the seen-bits span two words, checked once before the switch over the
    /// properties; a duplicate in either word, in the record's own reader and in a derived record's (through
    /// its base's properties and its own), names the property.
    /// </summary>
    [Theory]
    [InlineData("Root", "p5", "[\"a\"]")]
    [InlineData("Root", "p69", "[\"a\"]")]
    [InlineData("Ext0", "p66", "true")]
    [InlineData("Ext0", "p5", "[\"a\"]")]
    [InlineData("Ext0", "own0b", "1")]
    public void A_duplicate_property_past_the_64th_is_found(string type, string name, string value)
    {
        var json = $"{{\"{name}\":{value},\"p1\":2,\"{name}\":{value}}}";
        var ex = Assert.Throws<JsonException>(() => Wide.Value.Deserialize(json, type));
        Assert.Equal("$." + name, ex.Path);
        Assert.Contains("appears more than once", ex.Message, StringComparison.Ordinal);
    }
}
