using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// Discriminated hierarchies: a base record, derived records, and converters that dispatch on the
/// discriminator without reflection. Each shape OpenAPI uses: allOf inheritance (implicit names and a
/// mapping), a oneOf union whose cases may not declare the discriminator, a discriminator on array items
/// with several values for one case (as Talon.One's spec has), and two levels.
/// </summary>
public sealed class PolymorphismTests
{
    internal const string Spec = """
    { "openapi": "3.0.3", "components": { "schemas": {
        "Pet": { "type": "object", "required": ["pet_type", "name"],
          "properties": { "pet_type": { "type": "string" }, "name": { "type": "string" } },
          "discriminator": { "propertyName": "pet_type" } },
        "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" },
          { "type": "object", "properties": { "hunts": { "type": "boolean" } },
            "discriminator": { "propertyName": "pet_type" } } ] },
        "Kitten": { "allOf": [ { "$ref": "#/components/schemas/Cat" },
          { "type": "object", "required": ["age_weeks"], "properties": { "age_weeks": { "type": "integer", "format": "int32" } } } ] },
        "Dog": { "allOf": [ { "$ref": "#/components/schemas/Pet" },
          { "type": "object", "properties": { "pet_type": { "type": "string" }, "barks": { "type": "boolean" }, "tags": { "type": "array", "items": { "type": "string" } } } } ] },

        "Shape": { "oneOf": [ { "$ref": "#/components/schemas/Circle" }, { "$ref": "#/components/schemas/Square" } ],
          "discriminator": { "propertyName": "kind", "mapping": { "circle": "#/components/schemas/Circle", "square": "#/components/schemas/Square" } } },
        "Circle": { "type": "object", "required": ["kind", "radius"],
          "properties": { "kind": { "type": "string", "enum": ["circle"] }, "radius": { "type": "number", "format": "double" } } },
        "Square": { "type": "object", "required": ["side"], "properties": { "side": { "type": "integer" } } },

        "Page": { "type": "object", "required": ["data"], "properties": {
          "data": { "type": "array", "items": { "discriminator": { "propertyName": "type",
            "mapping": { "created": "#/components/schemas/Coupon", "deleted": "#/components/schemas/Coupon", "points": "#/components/schemas/Points" } } } },
          "first": { "oneOf": [ { "$ref": "#/components/schemas/Lion" }, { "$ref": "#/components/schemas/Tiger" } ],
            "discriminator": { "propertyName": "kind" } } } },
        "Lion": { "type": "object", "properties": { "kind": { "type": "string" }, "mane": { "type": "boolean" } } },
        "Tiger": { "type": "object", "properties": { "kind": { "type": "string" }, "stripes": { "type": "integer" } } },
        "Coupon": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" } } },
        "Points": { "type": "object", "required": ["points"], "properties": { "points": { "type": "integer" } } }
    } } }
    """;

    private static readonly Lazy<GeneratedAssembly> Built = new(() => GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/api/openapi.json", Spec) }));

    private static GeneratedAssembly G => Built.Value;

    private static void AssertRoundTrip(string json, string asType, string expectedRuntimeType)
    {
        var value = G.Deserialize(json, asType);
        Assert.NotNull(value);
        Assert.Equal(expectedRuntimeType, value!.GetType().Name);
        Assert.Equal(json, G.Serialize(value, asType));
        // Read again: equal records with equal hashes.
        var again = G.Deserialize(G.Serialize(value, asType), asType);
        Assert.Equal(value, again);
        Assert.Equal(value.GetHashCode(), again!.GetHashCode());
    }

    [Fact]
    public void Types_form_the_documented_hierarchy()
    {
        Assert.Equal(G.Type("Pet"), G.Type("Cat").BaseType);
        Assert.Equal(G.Type("Cat"), G.Type("Kitten").BaseType);
        Assert.Equal(G.Type("Pet"), G.Type("Dog").BaseType);
        Assert.Equal(G.Type("Shape"), G.Type("Circle").BaseType);
        Assert.Equal(G.Type("Shape"), G.Type("Square").BaseType);
        Assert.Equal(G.Type("PageDataItem"), G.Type("Coupon").BaseType);
        Assert.Equal(G.Type("PageDataItem"), G.Type("Points").BaseType);
        Assert.False(G.Type("Pet").IsSealed);
        Assert.False(G.Type("Cat").IsSealed);
        Assert.True(G.Type("Kitten").IsSealed);
        Assert.True(G.Type("Dog").IsSealed);
        // Inherited properties are declared once, on the base; Dog's restated pet_type is not redeclared.
        Assert.Equal(G.Type("Pet"), G.Type("Dog").GetProperty("PetType")!.DeclaringType);
        Assert.Equal(G.Type("Pet"), G.Type("Kitten").GetProperty("Name")!.DeclaringType);
        // Page.data is a list of the base; the property's oneOf (no mapping) is a base of its own.
        Assert.Equal(G.Type("PageDataItem"), G.Type("Page").GetProperty("Data")!.PropertyType.GetGenericArguments()[0]);
        Assert.Equal(G.Type("PageFirst"), G.Type("Page").GetProperty("First")!.PropertyType);
    }

    [Fact]
    public void AllOf_cases_dispatch_on_their_schema_names()
    {
        AssertRoundTrip("""{"pet_type":"Cat","name":"Tom","hunts":true}""", "Pet", "Cat");
        AssertRoundTrip("""{"pet_type":"Dog","name":"Rex","barks":false,"tags":["a","b"]}""", "Pet", "Dog");
        // Two levels: Pet knows Kitten by name, and so does Cat.
        AssertRoundTrip("""{"pet_type":"Kitten","name":"Mini","age_weeks":9}""", "Pet", "Kitten");
        AssertRoundTrip("""{"pet_type":"Kitten","name":"Mini","age_weeks":9}""", "Cat", "Kitten");
        // The discriminator need not come first.
        var late = G.Deserialize("""{"name":"Tom","hunts":true,"pet_type":"Cat"}""", "Pet");
        Assert.Equal("Cat", late!.GetType().Name);
        Assert.Equal("""{"pet_type":"Cat","name":"Tom","hunts":true}""", G.Serialize(late, "Pet"));
    }

    [Fact]
    public void Derived_errors_carry_the_path_and_required_properties_still_apply()
    {
        var ex = Assert.Throws<JsonException>(() => G.Deserialize("""{"pet_type":"Kitten","name":"Mini","age_weeks":"nine"}""", "Pet"));
        Assert.Equal("$.age_weeks", ex.Path);
        Assert.Contains("Kitten.age_weeks", ex.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<JsonException>(() => G.Deserialize("""{"pet_type":"Kitten","name":"Mini"}""", "Pet"));
        Assert.Contains("'age_weeks'", missing.Message, StringComparison.Ordinal);
        var nested = Assert.Throws<JsonException>(() => G.Deserialize("""{"data":[{"type":"points","points":1},{"type":"created","id":"x"}]}""", "Page"));
        Assert.Equal("$.data[1].id", nested.Path);
    }

    [Fact]
    public void Unmapped_value_reads_the_base_and_keeps_everything_else()
    {
        const string json = """{"pet_type":"Parrot","name":"Polly","wings":2}""";
        AssertRoundTrip(json, "Pet", "Pet");
        var pet = G.Deserialize(json, "Pet")!;
        var unknown = (IReadOnlyDictionary<string, JsonElement>)pet.GetType().GetProperty("UnknownProperties")!.GetValue(pet)!;
        Assert.Equal(2, unknown["wings"].GetInt32());
        // A union base with no properties of its own keeps the whole object.
        AssertRoundTrip("""{"kind":"triangle","a":1}""", "Shape", "Shape");
    }

    [Fact]
    public void Strict_mode_rejects_an_unmapped_value_with_its_path()
    {
        var strict = GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/api/openapi.json", Spec) },
            new Dictionary<string, string> { ["build_property.ModelDocsUnknownValues"] = "Throw" });
        var ex = Assert.Throws<JsonException>(() => strict.Deserialize("""{"pet_type":"Parrot","name":"Polly"}""", "Pet"));
        Assert.Equal("$.pet_type", ex.Path);
        Assert.Contains("'Parrot'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Cat", strict.Deserialize("""{"pet_type":"Cat","name":"Tom"}""", "Pet")!.GetType().Name);
        Assert.Equal("Kitten", strict.Deserialize("""{"pet_type":"Kitten","name":"Mini","age_weeks":1}""", "Pet")!.GetType().Name);
        // A discriminator no property holds is not an unknown property, even in strict mode; other unknown ones still are.
        const string square = """{"kind":"square","side":2}""";
        Assert.Equal(square, strict.Serialize(strict.Deserialize(square, "Shape"), "Shape"));
        var unknown = Assert.Throws<JsonException>(() => strict.Deserialize("""{"kind":"square","side":2,"color":"red"}""", "Shape"));
        Assert.Equal("$.color", unknown.Path);
    }

    [Fact]
    public void OneOf_union_dispatches_by_mapping_and_writes_a_discriminator_no_property_holds()
    {
        AssertRoundTrip("""{"kind":"circle","radius":1.5}""", "Shape", "Circle");
        AssertRoundTrip("""{"kind":"square","side":2}""", "Shape", "Square");
        // Square has no `kind` property: a new one is written with its mapping value, first.
        var square = Activator.CreateInstance(G.Type("Square"))!;
        G.Type("Square").GetProperty("Side")!.SetValue(square, 3L);
        Assert.Equal("""{"kind":"square","side":3}""", G.Serialize(square, "Shape"));
        Assert.Equal("""{"kind":"square","side":3}""", G.Serialize(square, "Square"));
    }

    [Fact]
    public void New_instances_start_tagged()
    {
        var cat = Activator.CreateInstance(G.Type("Cat"))!;
        Assert.Equal("Cat", G.Type("Cat").GetProperty("PetType")!.GetValue(cat));
        var kitten = Activator.CreateInstance(G.Type("Kitten"))!;
        Assert.Equal("Kitten", G.Type("Kitten").GetProperty("PetType")!.GetValue(kitten));
        var circle = Activator.CreateInstance(G.Type("Circle"))!;
        Assert.Equal("circle", G.Serialize(G.Type("Circle").GetProperty("Kind")!.GetValue(circle), "CircleKind").Trim('"'));
        // The discriminator is not a C# `required` member (the constructor sets it); other required ones are.
        Assert.DoesNotContain(G.Type("Pet").GetProperty("PetType")!.CustomAttributes, a => a.AttributeType.Name == "RequiredMemberAttribute");
        Assert.Contains(G.Type("Pet").GetProperty("Name")!.CustomAttributes, a => a.AttributeType.Name == "RequiredMemberAttribute");
    }

    [Fact]
    public void Several_values_for_one_case_survive_a_round_trip()
    {
        // Coupon does not declare `type`: the value read is kept and written back (first), so "deleted" stays "deleted".
        const string json = """{"data":[{"type":"created","id":1},{"type":"points","points":3},{"type":"deleted","id":2},{"type":"other","x":true}],"first":{"kind":"Tiger","stripes":3}}""";
        var page = G.Deserialize(json, "Page")!;
        var items = ((IEnumerable)page.GetType().GetProperty("Data")!.GetValue(page)!).Cast<object>().Select(o => o.GetType().Name).ToList();
        Assert.Equal(new[] { "Coupon", "Points", "Coupon", "PageDataItem" }, items);
        Assert.Equal("Tiger", page.GetType().GetProperty("First")!.GetValue(page)!.GetType().Name);
        var written = G.Serialize(page, "Page");
        Assert.Equal(json, written);
        Assert.Equal(page, G.Deserialize(written, "Page"));
    }

    [Fact]
    public void Equality_compares_the_runtime_type_and_every_level()
    {
        var a = G.Deserialize("""{"pet_type":"Cat","name":"Tom","hunts":true}""", "Pet");
        var b = G.Deserialize("""{"pet_type":"Cat","name":"Tom","hunts":true}""", "Pet");
        var otherOwn = G.Deserialize("""{"pet_type":"Cat","name":"Tom","hunts":false}""", "Pet");
        var otherInherited = G.Deserialize("""{"pet_type":"Cat","name":"Tim","hunts":true}""", "Pet");
        var asBase = G.Deserialize("""{"pet_type":"Cat","name":"Tom"}""", "Pet");
        var baseOnly = G.Deserialize("""{"pet_type":"Parrot","name":"Tom"}""", "Pet");
        Assert.Equal(a, b);
        Assert.Equal(a!.GetHashCode(), b!.GetHashCode());
        Assert.NotEqual(a, otherOwn);
        Assert.NotEqual(a, otherInherited);
        Assert.NotEqual(a, asBase);
        Assert.NotEqual(baseOnly, G.Deserialize("""{"pet_type":"Parrot","name":"Tom","x":1}""", "Pet"));
        // A base instance and a derived one with the same base properties are not equal, either way round.
        var cat = G.Deserialize("""{"pet_type":"Cat","name":"Tom"}""", "Cat");
        var pet = G.Deserialize("""{"pet_type":"Cat","name":"Tom"}""", "Pet");
        Assert.Equal(cat, pet);
        var plainPet = Activator.CreateInstance(G.Type("Pet"))!;
        var plainCat = Activator.CreateInstance(G.Type("Cat"))!;
        G.Type("Pet").GetProperty("PetType")!.SetValue(plainPet, "Cat");
        Assert.False(plainPet.Equals(plainCat));
        Assert.False(plainCat.Equals(plainPet));
    }

    [Fact]
    public void A_case_that_cannot_derive_gets_MD1026_and_the_rest_still_dispatch()
    {
        const string spec = """
        { "openapi": "3.0.3", "components": { "schemas": {
            "A": { "oneOf": [ { "$ref": "#/components/schemas/X" }, { "$ref": "#/components/schemas/Y" } ], "discriminator": { "propertyName": "t" } },
            "B": { "oneOf": [ { "$ref": "#/components/schemas/X" }, { "$ref": "#/components/schemas/Z" } ], "discriminator": { "propertyName": "t",
                   "mapping": { "x": "#/components/schemas/X", "s": "#/components/schemas/S", "far": "other.json#/X" } } },
            "X": { "type": "object", "properties": { "t": { "type": "string" }, "x": { "type": "integer" } } },
            "Y": { "type": "object", "properties": { "t": { "type": "string" }, "y": { "type": "integer" } } },
            "Z": { "type": "object", "properties": { "t": { "type": "string" }, "z": { "type": "integer" } } },
            "S": { "type": "string" }
        } } }
        """;
        var g = GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/api/two.json", spec) });
        var md1026 = g.Run.GeneratorDiagnostics.Where(d => d.Id == "MD1026").Select(d => d.GetMessage()).ToList();
        Assert.Equal(3, md1026.Count);
        Assert.Contains(md1026, m => m.Contains("'x' of 'B'", StringComparison.Ordinal) && m.Contains("already derives from 'A'", StringComparison.Ordinal));
        Assert.Contains(md1026, m => m.Contains("'s' of 'B'", StringComparison.Ordinal) && m.Contains("not an object schema", StringComparison.Ordinal));
        Assert.Contains(md1026, m => m.Contains("'far' of 'B'", StringComparison.Ordinal));
        Assert.All(g.Run.GeneratorDiagnostics.Where(d => d.Id == "MD1026"), d => Assert.Equal("/api/two.json", d.Location.GetLineSpan().Path));
        Assert.Equal("X", g.Deserialize("""{"t":"X","x":1}""", "A")!.GetType().Name);
        Assert.Equal("Z", g.Deserialize("""{"t":"Z","z":1}""", "B")!.GetType().Name);
        Assert.Equal("B", g.Deserialize("""{"t":"x","x":1}""", "B")!.GetType().Name);
    }

    [Fact]
    public void The_test_suite_discriminator_document_round_trips()
    {
        var path = Path.Combine(TestHelpers.SharedDir, "testsuites", "openapi", "readmeio-oas-examples", "3.0", "json", "discriminators.json");
        Assert.True(File.Exists(path), "discriminators.json not found at " + path);
        var g = GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText(path, File.ReadAllText(path)) });
        Assert.DoesNotContain(g.Run.GeneratorDiagnostics, d => d.Id == "MD1026");
        foreach (var (json, type, runtime) in new[]
        {
            ("""{"pet_type":"Dog","bark":true,"breed":"Husky"}""", "Pet", "Dog"),
            ("""{"pet_type":"Cat","hunts":true,"age":4}""", "Pet", "Cat"),
            ("""{"vehicleType":"car","powerSource":"electricity","chargeSpeed":200}""", "BaseVehicle", "ElectricVehicle"),
            ("""{"vehicleType":"bicycle","powerSource":"human-energy"}""", "BaseVehicle", "PedaledVehicle"),
        })
        {
            var value = g.Deserialize(json, type);
            Assert.Equal(runtime, value!.GetType().Name);
            Assert.Equal(json, g.Serialize(value, type));
        }
    }
    /// <summary>Shapes from real specs that the first cut got wrong (found in review).</summary>
    private const string Variants = """
    { "openapi": "3.1.0", "components": { "schemas": {
        "Pet": { "type": "object", "required": ["petType"], "properties": { "petType": { "type": "string" } }, "discriminator": { "propertyName": "petType" } },
        "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" }, { "type": "object", "properties": { "lives": { "type": "integer" } } } ] },
        "Dog": { "allOf": [ { "$ref": "#/components/schemas/Pet" }, { "type": "object", "properties": { "barks": { "type": "boolean" } } } ] },
        "PetUnion": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
          "discriminator": { "propertyName": "petType", "mapping": { "c": "#/components/schemas/Cat" } } },
        "Owner": { "type": "object", "required": ["pet"], "properties": {
          "pet": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" }, { "type": "null" } ], "discriminator": { "propertyName": "petType" } },
          "favourite": { "$ref": "#/components/schemas/PetUnion" } } },

        "Animal": { "type": "object", "properties": { "kind": { "type": "string" } }, "discriminator": { "propertyName": "kind", "mapping": { "bird": "#/components/schemas/Bird" } } },
        "Bird": { "type": "object", "properties": { "kind": { "type": "string" }, "wings": { "type": "integer" } }, "discriminator": { "propertyName": "kind" } },
        "Parrot": { "allOf": [ { "$ref": "#/components/schemas/Bird" }, { "type": "object", "properties": { "words": { "type": "integer" } } } ] },

        "Ids": { "type": "array", "items": { "type": "string" }, "discriminator": { "propertyName": "x" } }
    } } }
    """;

    [Fact]
    public void A_union_of_one_bases_cases_is_that_base_and_keeps_its_null_option()
    {
        var g = GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/api/variants.json", Variants) });
        Assert.Empty(g.Run.GeneratorProblems);
        // No second base: Owner.pet and PetUnion are Pet, and the union's mapping value joins Pet's.
        Assert.Null(g.Assembly.GetType(GeneratedAssembly.Namespace + ".OwnerPet"));
        Assert.Null(g.Assembly.GetType(GeneratedAssembly.Namespace + ".PetUnion"));
        Assert.Equal(g.Type("Pet"), g.Type("Owner").GetProperty("Pet")!.PropertyType);
        Assert.Equal(g.Type("Pet"), g.Type("Owner").GetProperty("Favourite")!.PropertyType);
        const string owner = """{"pet":{"petType":"Dog","barks":true},"favourite":{"petType":"c","lives":9}}""";
        var value = g.Deserialize(owner, "Owner")!;
        Assert.Equal("Dog", value.GetType().GetProperty("Pet")!.GetValue(value)!.GetType().Name);
        Assert.Equal("Cat", value.GetType().GetProperty("Favourite")!.GetValue(value)!.GetType().Name);
        Assert.Equal(owner, g.Serialize(value, "Owner"));
        // The union's {type: null}: required, and null is a value.
        Assert.Equal("""{"pet":null}""", g.Serialize(g.Deserialize("""{"pet":null}""", "Owner"), "Owner"));
        // A named root starts tagged with its own name, so a new one reads back as itself.
        var pet = Activator.CreateInstance(g.Type("Pet"))!;
        Assert.Equal("""{"petType":"Pet"}""", g.Serialize(pet, "Pet"));
        Assert.Equal("Pet", g.Deserialize("""{"petType":"Pet"}""", "Pet")!.GetType().Name);
        // An array schema with a discriminator is no record.
        Assert.Null(g.Assembly.GetType(GeneratedAssembly.Namespace + ".Ids"));
    }

    [Fact]
    public void A_grandchild_joins_its_ancestors_dispatch_when_its_parent_derives_by_mapping()
    {
        var g = GeneratedAssembly.Build(new AdditionalText[] { new InMemoryAdditionalText("/api/variants.json", Variants) });
        Assert.Equal(g.Type("Animal"), g.Type("Bird").BaseType);
        Assert.Equal(g.Type("Bird"), g.Type("Parrot").BaseType);
        const string json = """{"kind":"Parrot","wings":2,"words":40}""";
        var parrot = g.Deserialize(json, "Animal")!;
        Assert.Equal("Parrot", parrot.GetType().Name);
        Assert.Equal(json, g.Serialize(parrot, "Animal"));
        Assert.Equal("Bird", g.Deserialize("""{"kind":"bird","wings":2}""", "Animal")!.GetType().Name);
        // A new Parrot is tagged for Animal's dispatch and Bird's alike.
        Assert.Equal("Parrot", g.Type("Parrot").GetProperty("Kind")!.GetValue(Activator.CreateInstance(g.Type("Parrot"))));
    }
}
