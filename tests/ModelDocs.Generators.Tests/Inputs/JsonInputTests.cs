using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>JSON Schema / OpenAPI / Swagger AdditionalFiles: sniffing, diagnostics, and what each supported keyword generates.</summary>
public sealed class JsonInputTests
{
    private readonly ITestOutputHelper _out;

    public JsonInputTests(ITestOutputHelper output) => _out = output;

    private static GeneratorRun RunJson(params (string Path, string Text)[] files)
    {
        var run = TestHelpers.Run(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)));
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
        return run;
    }

    private static string Source(GeneratorRun run, string type)
    {
        var hint = $"Test.Models.{type}.g.cs";
        var source = run.Sources.FirstOrDefault(s => s.HintName == hint);
        Assert.True(source.HintName == hint, $"no {hint}; generated: {string.Join(", ", run.Sources.Select(s => s.HintName))}");
        return source.SourceText.ToString();
    }

    /// <summary>The declaration line of a property (attributes and docs excluded).</summary>
    private static string Declaration(string source, string property)
        => source.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("public ", StringComparison.Ordinal) && l.Contains(" " + property + " { get; init; }", StringComparison.Ordinal));

    [Theory]
    [InlineData("appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }, \"$schema\": \"https://json.schemastore.org/appsettings.json\" }")]
    [InlineData("stylecop.json", "{ \"$schema\": \"https://raw.githubusercontent.com/DotNetAnalyzers/StyleCopAnalyzers/master/StyleCop.Analyzers/StyleCop.Analyzers/Settings/stylecop.schema.json\", \"settings\": { \"documentationRules\": { \"companyName\": \"X\" } } }")]
    [InlineData("package.json", "{ \"name\": \"app\", \"version\": \"1.0.0\", \"type\": \"module\", \"dependencies\": { \"left-pad\": \"^1.0.0\" } }")]
    [InlineData("broken-settings.json", "{ \"Logging\": { ")]
    [InlineData("list.json", "[1, 2, 3]")]
    public void Json_files_that_are_not_schemas_are_skipped_silently(string name, string text)
    {
        var run = RunJson(("/app/" + name, text));
        Assert.Empty(run.GeneratorProblems);
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("Test.Models.", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_openapi_gets_MD1020_at_the_line_and_column()
    {
        const string text = "{\n  \"openapi\": \"3.0.3\",\n  \"components\": {\n    \"schemas\": {\n      \"Pet\": { \"type\": \"object\", }\n    }\n  }\n}\n";
        var run = RunJson(("/api/openapi.json", text));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MD1020", d.Id);
        Assert.Equal("/api/openapi.json", d.Location.GetLineSpan().Path);
        // The '}' after the trailing comma, where a property name was expected: line 5, column 34 (1-based).
        Assert.Equal(4, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(33, text.Split('\n')[4].IndexOf(", }", StringComparison.Ordinal) + 2);
        Assert.Equal(33, d.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Contains("line 5, column 34", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("property name", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_schema_file_gets_a_diagnostic_not_a_crash()
    {
        var text = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"x\": " + new string('[', 100_000) + new string(']', 100_000) + "}";
        var run = RunJson(("/s/deep.schema.json", text));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MD1020", d.Id);
        Assert.Contains("deeper than", d.GetMessage(), StringComparison.Ordinal);
    }

    private const string Features = """
    {
      "openapi": "3.0.3",
      "info": { "title": "t", "version": "1" },
      "components": {
        "schemas": {
          "Order": {
            "title": "An order",
            "description": "A customer's order.",
            "type": "object",
            "required": ["id", "state", "note", "placedAt"],
            "properties": {
              "id": { "type": "string", "format": "uuid" },
              "state": { "type": "string", "enum": ["open", "closed"], "default": "open",
                         "description": "Orders can be created as `open`. The transitions are:\n\n1. `open` → `closed`\n" },
              "note": { "type": "string", "nullable": true },
              "placedAt": { "type": "string", "format": "date-time" },
              "day": { "type": "string", "format": "date" },
              "count": { "type": "integer", "format": "int32", "default": 3 },
              "total": { "type": "integer", "format": "int64" },
              "ratio": { "type": "number", "format": "float" },
              "amount": { "type": "number", "format": "double" },
              "price": { "type": "number" },
              "blob": { "type": "string", "format": "byte" },
              "file": { "type": "string", "format": "binary" },
              "priority": { "type": "integer", "enum": [1, 2, 3] },
              "kind": { "const": "order" },
              "tags": { "type": "array", "items": { "type": "string", "enum": ["a", "b"] } },
              "labels": { "type": "object", "additionalProperties": { "type": "integer" } },
              "extra": { "type": "object", "additionalProperties": true },
              "anything": {},
              "legacy": { "type": "string", "deprecated": true },
              "serverId": { "type": "integer", "readOnly": true },
              "secret": { "type": "string", "writeOnly": true },
              "customer": { "$ref": "#/components/schemas/Customer" },
              "parent": { "$ref": "#/components/schemas/Order" },
              "shipping": { "type": "object", "properties": { "street": { "type": "string" } }, "required": ["street"] },
              "codes": { "$ref": "#/components/schemas/Codes" },
              "payment": { "oneOf": [ { "$ref": "#/components/schemas/Card" }, { "$ref": "#/components/schemas/Cash" } ],
                           "discriminator": { "propertyName": "method", "mapping": { "card": "#/components/schemas/Card", "cash": "#/components/schemas/Cash" } } },
              "either": { "anyOf": [ { "type": "string" }, { "type": "integer" } ] },
              "maybeCustomer": { "oneOf": [ { "$ref": "#/components/schemas/Customer" }, { "type": "null" } ] }
            }
          },
          "Customer": {
            "allOf": [
              { "$ref": "#/components/schemas/Entity" },
              { "type": "object", "required": ["name"], "properties": {
                  "name": { "type": "string" },
                  "id": { "type": "integer", "description": "Same shape as Entity.id, other words." },
                  "created": { "type": "string" } } }
            ]
          },
          "Entity": {
            "type": "object",
            "required": ["id"],
            "properties": {
              "id": { "type": "integer", "description": "The ID." },
              "created": { "type": "string", "format": "date-time" }
            }
          },
          "Codes": { "type": "array", "items": { "type": "string" } },
          "Card": { "type": "object", "properties": { "method": { "type": "string" }, "number": { "type": "string" } } },
          "Cash": { "type": "object", "properties": { "method": { "type": "string" } } },
          "Color": { "type": "string", "enum": ["red", "green", null] }
        }
      }
    }
    """;

    [Fact]
    public void OpenApi_keywords_generate_the_documented_types()
    {
        var run = RunJson(("/api/features.json", Features));
        var order = Source(run, "Order");
        _out.WriteLine(order);
        Assert.Contains("A customer's order.", order, StringComparison.Ordinal);
        Assert.Equal("public required global::System.Guid Id { get; init; }", Declaration(order, "Id"));
        Assert.Equal("public global::Test.Models.OrderState State { get; init; } = global::Test.Models.OrderState.Open;", Declaration(order, "State"));
        // nullable: true and required: nullable type, still required.
        Assert.Equal("public required string? Note { get; init; }", Declaration(order, "Note"));
        Assert.Equal("public required global::System.DateTimeOffset PlacedAt { get; init; }", Declaration(order, "PlacedAt"));
        Assert.Equal("public global::System.DateOnly? Day { get; init; }", Declaration(order, "Day"));
        Assert.Equal("public int Count { get; init; } = 3;", Declaration(order, "Count"));
        Assert.Equal("public long? Total { get; init; }", Declaration(order, "Total"));
        Assert.Equal("public float? Ratio { get; init; }", Declaration(order, "Ratio"));
        Assert.Equal("public double? Amount { get; init; }", Declaration(order, "Amount"));
        Assert.Equal("public decimal? Price { get; init; }", Declaration(order, "Price"));
        Assert.Equal("public byte[]? Blob { get; init; }", Declaration(order, "Blob"));
        Assert.Equal("public byte[]? File { get; init; }", Declaration(order, "File"));
        // Integer enums stay integers; the allowed values go into the docs.
        Assert.Equal("public long? Priority { get; init; }", Declaration(order, "Priority"));
        Assert.Contains("Allowed values: <c>1</c>, <c>2</c>, <c>3</c>.", order, StringComparison.Ordinal);
        Assert.Equal("public global::Test.Models.OrderKind? Kind { get; init; }", Declaration(order, "Kind"));
        Assert.Equal("public global::System.Collections.Generic.IReadOnlyList<global::Test.Models.OrderTags>? Tags { get; init; }", Declaration(order, "Tags"));
        Assert.Equal("public global::System.Collections.Generic.IReadOnlyDictionary<string, long>? Labels { get; init; }", Declaration(order, "Labels"));
        Assert.Equal("public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? Extra { get; init; }", Declaration(order, "Extra"));
        Assert.Equal("public global::System.Text.Json.JsonElement? Anything { get; init; }", Declaration(order, "Anything"));
        var lines = order.Split('\n').Select(l => l.Trim()).ToList();
        var legacy = lines.IndexOf("public string? Legacy { get; init; }");
        Assert.Contains("[global::System.Obsolete(\"Deprecated in the model docs.\")]", lines.Skip(legacy - 3).Take(3));
        Assert.Contains("read-only: set by the server", order, StringComparison.Ordinal);
        Assert.Equal("public global::Test.Models.Customer? Customer { get; init; }", Declaration(order, "Customer"));
        Assert.Equal("public global::Test.Models.Order? Parent { get; init; }", Declaration(order, "Parent"));
        Assert.Equal("public global::Test.Models.OrderShipping? Shipping { get; init; }", Declaration(order, "Shipping"));
        Assert.Equal("public global::System.Collections.Generic.IReadOnlyList<string>? Codes { get; init; }", Declaration(order, "Codes"));
        Assert.Equal("public global::Test.Models.OrderPayment? Payment { get; init; }", Declaration(order, "Payment"));
        Assert.Equal("public global::Test.Models.OrderEither? Either { get; init; }", Declaration(order, "Either"));
        Assert.Equal("public global::Test.Models.Customer? MaybeCustomer { get; init; }", Declaration(order, "MaybeCustomer"));

        var shipping = Source(run, "OrderShipping");
        Assert.Equal("public required string Street { get; init; }", Declaration(shipping, "Street"));

        // The enum's values come from the schema, its state machine from the description.
        var state = Source(run, "OrderState");
        Assert.Contains("[global::ModelDocs.CreatableStatesAttribute(\"open\")]", state, StringComparison.Ordinal);
        Assert.Contains("[global::ModelDocs.StateTransitionAttribute(\"open\", \"closed\")]", state, StringComparison.Ordinal);
        Assert.Contains("Values from the schema's <c>enum</c>", state, StringComparison.Ordinal);

        // allOf: Entity's properties, then the part's; 'id' again (same shape, other description) merges
        // silently, 'created' (string vs date-time) is a conflict: MD1023, Entity's wins.
        var customer = Source(run, "Customer");
        Assert.Equal("public required long Id { get; init; }", Declaration(customer, "Id"));
        Assert.Equal("public required string Name { get; init; }", Declaration(customer, "Name"));
        Assert.Equal("public global::System.DateTimeOffset? Created { get; init; }", Declaration(customer, "Created"));
        var conflict = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "MD1023");
        Assert.Contains("'created' in 'Customer'", conflict.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Features.Split('\n').ToList().FindIndex(l => l.Contains("\"created\": { \"type\": \"string\" }", StringComparison.Ordinal)), conflict.Location.GetLineSpan().StartLinePosition.Line);

        // A string enum schema with null: an enum of the strings.
        var color = Source(run, "Color");
        Assert.Contains("Red,", color, StringComparison.Ordinal);
        Assert.Contains("Green", color, StringComparison.Ordinal);

        // oneOf/anyOf without a discriminator whose members say what they are: a union type (UnionTests). With one: a polymorphic base.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "MD1022");
        Assert.Contains("public readonly partial struct OrderEither", Source(run, "OrderEither"), StringComparison.Ordinal);
        Assert.Single(run.GeneratorDiagnostics);

        // Aliases (Codes) generate no type of their own.
        Assert.DoesNotContain(run.Sources, s => s.HintName == "Test.Models.Codes.g.cs");
    }

    [Fact]
    public void Discriminator_makes_a_polymorphic_base_in_the_model_spec()
    {
        var path = Path.Combine(Path.GetTempPath(), "modeldocs-features-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, Features);
        try
        {
            var models = CorpusModels.LoadJson(path, out _);
            var payment = models["Order"].Properties.Single(p => p.WireName == "payment");
            Assert.Equal("global::Test.Models.OrderPayment", payment.Type.ClrName);
            var polymorphism = models["OrderPayment"].Hierarchy!.Polymorphism!;
            Assert.Equal("method", polymorphism.PropertyName);
            Assert.Equal(new[] { ("card", "global::Test.Models.Card"), ("cash", "global::Test.Models.Cash") },
                polymorphism.Cases.Select(c => (c.Value, c.TypeName)).ToArray());
            Assert.Equal(new[] { "global::Test.Models.Card", "global::Test.Models.Cash" }, polymorphism.Children.ToArray());
            Assert.Empty(models["OrderPayment"].Properties);
            foreach (var (name, tag) in new[] { ("Card", "card"), ("Cash", "cash") })
            {
                var h = models[name].Hierarchy!;
                Assert.Equal("global::Test.Models.OrderPayment", h.BaseType);
                Assert.Null(h.Polymorphism);
                Assert.Equal(new ModelDocs.Generators.Model.DiscriminatorTag("method", tag), Assert.Single(h.Tags));
                Assert.True(models[name].Properties.Single(p => p.WireName == "method").IsDiscriminator);
            }
            var either = models["Order"].Properties.Single(p => p.WireName == "either");
            Assert.Equal(ModelDocs.Generators.Model.TypeKind.Reference, either.Type.Kind);
            Assert.Equal("global::Test.Models.OrderEither", either.Type.ClrName);
            Assert.True(either.Type.IsValueType);
            Assert.Equal(new[] { "String", "Int64" }, models["OrderEither"].Properties.Select(p => p.ClrName).ToArray());
            Assert.Null(models["Order"].Hierarchy);
            Assert.True(models["Order"].Properties.Single(p => p.WireName == "note").IsNullable);
            Assert.False(models["Order"].Properties.Single(p => p.WireName == "day").IsNullable);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Json_schema_2020_type_arrays_defs_and_recursion()
    {
        const string schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "tree node",
          "type": "object",
          "required": ["value", "label"],
          "properties": {
            "value": { "type": "integer" },
            "label": { "type": ["string", "null"] },
            "children": { "type": "array", "items": { "$ref": "#" } },
            "meta": { "$ref": "#/$defs/meta" },
            "weird~/name": { "$ref": "#/$defs/we~1ird%25" }
          },
          "$defs": {
            "meta": { "type": "object", "properties": { "owner": { "$ref": "#/$defs/person" } } },
            "person": { "type": "object", "properties": { "name": { "type": "string" }, "friend": { "$ref": "#/$defs/person" } } },
            "we/ird%": { "type": "boolean" }
          }
        }
        """;
        var run = RunJson(("/s/tree.schema.json", schema));
        Assert.Empty(run.GeneratorProblems);
        var tree = Source(run, "TreeNode");
        Assert.Equal("public required long Value { get; init; }", Declaration(tree, "Value"));
        Assert.Equal("public required string? Label { get; init; }", Declaration(tree, "Label"));
        Assert.Equal("public global::System.Collections.Generic.IReadOnlyList<global::Test.Models.TreeNode>? Children { get; init; }", Declaration(tree, "Children"));
        Assert.Equal("public global::Test.Models.Meta? Meta { get; init; }", Declaration(tree, "Meta"));
        Assert.Equal("public bool? WeirdName { get; init; }", Declaration(tree, "WeirdName"));
        var person = Source(run, "Person");
        Assert.Equal("public global::Test.Models.Person? Friend { get; init; }", Declaration(person, "Friend"));
    }

    [Fact]
    public void Refs_to_another_file_resolve_by_relative_path_with_or_without_a_pointer()
    {
        const string pet = """{ "type": "object", "required": ["id"], "properties": { "id": { "type": "integer", "format": "int64" }, "name": { "type": "string" } } }""";
        const string common = """{ "$schema": "http://json-schema.org/draft-07/schema#", "definitions": { "Error": { "type": "object", "properties": { "code": { "type": "integer", "format": "int32" } } } } }""";
        const string api = """
        { "swagger": "2.0", "definitions": {
            "Owner": { "type": "object", "properties": {
              "pet": { "$ref": "Pet.json" },
              "error": { "$ref": "../common/defs.json#/definitions/Error" },
              "missing": { "$ref": "Nope.json#/definitions/X" },
              "remote": { "$ref": "https://example.com/x.json" } } } } }
        """;
        var run = RunJson(("/api/spec/Pet.json", pet), ("/api/common/defs.json", common), ("/api/spec/swagger.json", api));
        var owner = Source(run, "Owner");
        Assert.Equal("public global::Test.Models.Pet? Pet { get; init; }", Declaration(owner, "Pet"));
        Assert.Equal("public global::Test.Models.Error? Error { get; init; }", Declaration(owner, "Error"));
        Assert.Equal("public global::System.Text.Json.JsonElement? Missing { get; init; }", Declaration(owner, "Missing"));
        Assert.Equal("public global::System.Text.Json.JsonElement? Remote { get; init; }", Declaration(owner, "Remote"));
        var unresolved = run.GeneratorDiagnostics.Where(d => d.Id == "MD1021").OrderBy(d => d.GetMessage(), StringComparer.Ordinal).ToList();
        Assert.Equal(2, unresolved.Count);
        Assert.Contains("'Nope.json#/definitions/X', which is not a JSON Schema or OpenAPI AdditionalFile", unresolved[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("remote reference", unresolved[1].GetMessage(), StringComparison.Ordinal);
        Assert.All(unresolved, d => Assert.Equal("/api/spec/swagger.json", d.Location.GetLineSpan().Path));
        Assert.Equal(2, run.GeneratorDiagnostics.Length);
    }

    [Fact]
    public void Same_model_in_markdown_and_json_gets_MD1010()
    {
        var md = File.ReadAllText(Path.Combine(TestHelpers.CorpusDir, "python", "CartItem.md"));
        const string json = """{ "openapi": "3.1.0", "components": { "schemas": { "CartItem": { "type": "object", "properties": { "sku": { "type": "string" } } } } } }""";
        var run = TestHelpers.Run(new AdditionalText[] { new InMemoryAdditionalText("/docs/CartItem.md", md), new InMemoryAdditionalText("/api/openapi.json", json) });
        Assert.True(run.CompileDiagnostics.IsEmpty || run.CompileDiagnostics.All(d => d.Id == "CS0246"), TestHelpers.Format(run.CompileDiagnostics));
        var d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "MD1010");
        // The first by path (/api/openapi.json) keeps the type; the markdown doc is skipped, at its title.
        Assert.Equal("/docs/CartItem.md", d.Location.GetLineSpan().Path);
        Assert.Contains("'CartItem' defines type 'CartItem' in namespace 'Test.Models', which 'CartItem' already defines", d.GetMessage(), StringComparison.Ordinal);
        Assert.Single(run.Sources, s => s.HintName == "Test.Models.CartItem.g.cs");
        Assert.Contains("[JsonPropertyName(\"sku\")]".Replace("[", "[global::System.Text.Json.Serialization."), Source(run, "CartItem"), StringComparison.Ordinal);
    }

    [Fact]
    public void AllOf_part_in_another_file_is_reported_not_merged()
    {
        const string pet = """{ "type": "object", "properties": { "id": { "type": "integer" } } }""";
        const string newPet = """{ "type": "object", "allOf": [ { "$ref": "Pet.json" }, { "properties": { "name": { "type": "string" } } } ] }""";
        var run = RunJson(("/api/Pet.json", pet), ("/api/NewPet.json", newPet));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MD1024", d.Id);
        Assert.Equal("'NewPet' in 'NewPet' has an allOf part with $ref 'Pet.json', which is in another file (allOf across files is not merged); its properties are not included", d.GetMessage());
        Assert.Equal("/api/NewPet.json", d.Location.GetLineSpan().Path);
        var source = Source(run, "NewPet");
        Assert.Equal("public string? Name { get; init; }", Declaration(source, "Name"));
    }
}
