using System.Collections.Generic;
using System.Linq;
using ModelDocs.Generators.Model;
using Xunit;

namespace ModelDocs.Generators.Tests.Markdown;

/// <summary>
/// The 6.x python generator's docs (schema sections instead of a property table; vendors such as Airbyte,
/// Databricks and Arduino IoT shipped SDKs with them). Docs written here in the template's shape, each
/// expectation from what the template's words mean.
/// </summary>
public sealed class PythonSchemaSectionsTests
{
    private const string Info = "## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
    private const string Keys = "### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | ------------- | -------------\n";
    private const string Items = "### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n";
    private const string Dict = "dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n";
    private const string List = "list, tuple,  | tuple,  |  | \n\n";
    private const string AnyName = "**any_string_name** | dict, frozendict.frozendict, str, date, datetime, int, float, bool, decimal.Decimal, None, list, tuple, bytes, io.FileIO, io.BufferedReader | frozendict.frozendict, str, BoolClass, decimal.Decimal, NoneClass, tuple, bytes, FileIO | any string name can be used but the value must be the correct type | [optional]\n";

    private static Dictionary<string, (DocumentSpec Doc, ModelSpec Model)> Read(out List<Microsoft.CodeAnalysis.Diagnostic> diagnostics, params (string Stem, string Text)[] docs)
        => CorpusModels.ResolveDocs(docs.Select(d => new InMemoryAdditionalText($"/sdk/docs/models/{d.Stem}.md", d.Text)), out diagnostics);

    private static PropertyModel Prop(ModelSpec m, string wire) => m.Properties.Single(p => p.WireName == wire);

    private static string Clr(PropertyModel p) => p.Type.ClrName.Replace("global::System.Collections.Generic.", "").Replace("global::System.", "").Replace("global::Test.Models.", "");

    [Fact]
    public void Keys_are_wire_names_with_requiredness_nullability_and_formats()
    {
        var doc = "# acme_client.model.order.Order\n\nAn order.\n\n" + Info + Dict + Keys +
                  "**orderId** | str, uuid.UUID,  | str,  |  | value must be a uuid\n" +
                  "**created_at** | str, datetime,  | str,  | When. | value must conform to RFC-3339 date-time\n" +
                  "**ship_on** | None, str, date,  | NoneClass, str,  |  | [optional] value must conform to RFC-3339 full-date YYYY-MM-DD\n" +
                  "**qty** | decimal.Decimal, int,  | decimal.Decimal,  |  | [optional] value must be a 32 bit integer\n" +
                  "**total** | decimal.Decimal, int, float,  | decimal.Decimal,  |  | [optional] value must be a 64 bit float\n" +
                  "**count** | decimal.Decimal, int,  | decimal.Decimal,  |  | [optional] \n" +
                  "**paid** | bool,  | BoolClass,  |  | [optional] if omitted the server will use the default value of False\n" +
                  "**label** | str,  | str,  |  | [optional] if omitted the server will use the default value of \"none yet\"\n" +
                  "**pdf** | bytes, io.FileIO, io.BufferedReader,  | bytes, FileIO,  |  | [optional] \n" +
                  "**customer** | [**Customer**](Customer.md) | [**Customer**](Customer.md) |  | [optional] \n" +
                  AnyName;
        var customer = "# acme_client.model.customer.Customer\n\n" + Info + Dict + Keys + "**name** | str,  | str,  |  | \n";
        var docs = Read(out var diagnostics, ("Order", doc), ("Customer", customer));
        Assert.Empty(TestHelpers.WithoutNotices(diagnostics));
        var (spec, m) = docs["Order"];
        Assert.Equal(Dialect.PythonV6, spec.Dialect);
        Assert.Equal("Order", m.TypeName);
        Assert.Equal("An order.", m.Description);
        // The Key column is the JSON name as the spec spells it; additionalProperties is no property.
        Assert.Equal(new[] { "orderId", "created_at", "ship_on", "qty", "total", "count", "paid", "label", "pdf", "customer" }, m.Properties.Select(p => p.WireName));
        Assert.True(Prop(m, "orderId").IsRequired);
        Assert.True(Prop(m, "created_at").IsRequired);
        Assert.False(Prop(m, "ship_on").IsRequired);
        Assert.True(Prop(m, "ship_on").IsNullable);
        Assert.False(Prop(m, "qty").IsNullable);
        Assert.Equal("Guid", Clr(Prop(m, "orderId")));
        Assert.Equal("DateTimeOffset", Clr(Prop(m, "created_at")));
        Assert.Equal("DateOnly", Clr(Prop(m, "ship_on")));
        // Optional or null: C# nullability is decided when the record is written (T? for both).
        Assert.Equal("int", Clr(Prop(m, "qty")));
        Assert.Equal("double", Clr(Prop(m, "total")));
        Assert.Equal("long", Clr(Prop(m, "count")));
        Assert.Equal("bool", Clr(Prop(m, "paid")));
        Assert.Equal("false", Prop(m, "paid").Default?.Text);
        Assert.Equal("none yet", Prop(m, "label").Default?.Text);
        Assert.Equal("byte[]", Clr(Prop(m, "pdf")));
        Assert.Equal("Customer", Clr(Prop(m, "customer")));
        Assert.Equal("When.", Prop(m, "created_at").Description);
    }

    [Fact]
    public void Inline_arrays_and_maps_follow_their_anchors_depth_first_even_when_names_repeat()
    {
        var doc = "# acme.model.grid.Grid\n\n" + Info + Dict + Keys +
                  "**[rows](#rows)** | list, tuple,  | tuple,  |  | \n" +
                  "**[cells](#cells)** | list, tuple,  | tuple,  |  | [optional] \n" +
                  "**[labels](#labels)** | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | [optional] \n" +
                  "**[meta](#meta)** | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | [optional] \n" +
                  "\n# rows\n\n" + Info + List + Items + "[items](#items) | list, tuple,  | tuple,  |  | \n" +
                  "\n# items\n\n" + Info + List + Items + "items | decimal.Decimal, int,  | decimal.Decimal,  |  | value must be a 64 bit integer\n" +
                  "\n# cells\n\n" + Info + List + Items + "[items](#items) | list, tuple,  | tuple,  |  | \n" +
                  "\n# items\n\n" + Info + List + Items + "[**Cell**](Cell.md) | [**Cell**](Cell.md) | [**Cell**](Cell.md) |  | \n" +
                  "\n# labels\n\n" + Info + Dict + Keys + "**any_string_name** | str,  | str,  | any string name can be used but the value must be the correct type | [optional] \n" +
                  "\n# meta\n\n" + Info + Dict + Keys + "**source** | str,  | str,  |  | [optional] \n";
        var cell = "# acme.model.cell.Cell\n\n" + Info + Dict + Keys + "**v** | str,  | str,  |  | \n";
        var docs = Read(out var diagnostics, ("Grid", doc), ("Cell", cell));
        Assert.Empty(TestHelpers.WithoutNotices(diagnostics));
        var m = docs["Grid"].Model;
        Assert.Equal("IReadOnlyList<IReadOnlyList<long>>", Clr(Prop(m, "rows")));
        // The second "# items" belongs to cells: a link names the first section of its name not read yet.
        Assert.Equal("IReadOnlyList<IReadOnlyList<Cell>>", Clr(Prop(m, "cells")));
        Assert.Equal("IReadOnlyDictionary<string, string>", Clr(Prop(m, "labels")));
        // An inline object with keys of its own has no name to be a record by: any JSON value.
        Assert.Equal("Text.Json.JsonElement", Clr(Prop(m, "meta")));
    }

    [Fact]
    public void Must_be_one_of_gives_enums_and_enum_docs()
    {
        var doc = "# acme.model.pet.Pet\n\n" + Info + Dict + Keys +
                  "**status** | str,  | str,  | pet status | [optional] must be one of [\"available\", \"pending\", \"sold out\", ] \n" +
                  "**[tags](#tags)** | list, tuple,  | tuple,  |  | [optional] \n" +
                  "**level** | decimal.Decimal, int,  | decimal.Decimal,  |  | [optional] must be one of [1, -1, ] value must be a 32 bit integer\n" +
                  "\n# tags\n\n" + Info + List + Items + "items | str,  | str,  |  | must be one of [\"red\", \"blue\", ] \n";
        var color = "# acme.model.color.Color\n\nA colour.\n\n" + Info +
                    "None, str,  | NoneClass, str,  | A colour. | must be one of [\"red\", \"multiple\\nlines\", None, ] \n";
        var docs = Read(out var diagnostics, ("Pet", doc), ("Color", color));
        Assert.Empty(TestHelpers.WithoutNotices(diagnostics));
        var m = docs["Pet"].Model;
        Assert.Equal(new[] { "available", "pending", "sold out" }, CorpusModels.EnumOf(m, Prop(m, "status"))!.Members.Select(x => x.WireValue));
        Assert.Equal(new[] { "red", "blue" }, CorpusModels.EnumOf(m, Prop(m, "tags"))!.Members.Select(x => x.WireValue));
        Assert.StartsWith("IReadOnlyList<", Clr(Prop(m, "tags")));
        // Integer values stay an int, with the values in its docs (as for a JSON Schema integer enum).
        Assert.Equal("int", Clr(Prop(m, "level")));
        Assert.Contains("Allowed values: `1`, `-1`.", Prop(m, "level").Description);
        var (colorDoc, colorModel) = docs["Color"];
        Assert.Equal(DocumentKind.Enum, colorDoc.Kind);
        Assert.Equal(new[] { "red", "multiple\nlines" }, colorModel.Enums.Single().Members.Select(x => x.WireValue));
    }

    [Fact]
    public void Inline_allOf_parts_give_their_keys_and_aliases_are_no_model()
    {
        var cat = "# acme.model.cat.Cat\n\n" + Info +
                  "dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader,  | frozendict.frozendict, str, decimal.Decimal, BoolClass, NoneClass, tuple, bytes, FileIO |  | \n\n" +
                  "### Composed Schemas (allOf/anyOf/oneOf/not)\n#### allOf\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n" +
                  "[Animal](Animal.md) | [**Animal**](Animal.md) | [**Animal**](Animal.md) |  | \n" +
                  "[all_of_1](#all_of_1) | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n" +
                  "\n# all_of_1\n\n" + Info + Dict + Keys + "**declawed** | bool,  | BoolClass,  |  | [optional] \n" + AnyName;
        var animal = "# acme.model.animal.Animal\n\n" + Info + Dict + Keys + "**className** | str,  | str,  |  | \n";
        var names = "# acme.model.names.Names\n\n" + Info + List + Items + "items | str,  | str,  |  | \n";
        var docs = Read(out var diagnostics, ("Cat", cat), ("Animal", animal), ("Names", names));
        Assert.Empty(TestHelpers.WithoutNotices(diagnostics));
        Assert.Equal(new[] { "declawed" }, docs["Cat"].Model.Properties.Select(p => p.WireName));
        Assert.False(docs.ContainsKey("Names"));
    }

    [Fact]
    public void Bad_sections_are_located_and_deep_nesting_is_bounded()
    {
        // An unknown python type is MD1003 at its cell; a link to a section that is not there reads as any value.
        var odd = "# acme.model.odd.Odd\n\n" + Info + Dict + Keys +
                  "**weird** | complex,  | complex,  |  | \n" +
                  "**[gone](#gone)** | list, tuple,  | tuple,  |  | \n";
        // 200 nested arrays, each section linking the next: read to the depth limit, never deeper.
        var deep = "# acme.model.deep.Deep\n\n" + Info + Dict + Keys + "**[a](#items)** | list, tuple,  | tuple,  |  | \n" +
                   string.Concat(Enumerable.Repeat("\n# items\n\n" + Info + List + Items + "[items](#items) | list, tuple,  | tuple,  |  | \n", 200));
        var docs = Read(out var diagnostics, ("Odd", odd), ("Deep", deep));
        var unknown = Assert.Single(diagnostics, d => d.Id == "MD1003");
        // Line 11 of the doc: the row of "weird" (title, blank, Model Type Info table of 3 lines, blank, Dictionary Keys heading, header, separator).
        Assert.Equal(10, unknown.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("complex", unknown.GetMessage());
        Assert.Equal("IReadOnlyList<Text.Json.JsonElement>", Clr(Prop(docs["Odd"].Model, "gone")));
        var a = Clr(Prop(docs["Deep"].Model, "a"));
        Assert.EndsWith("Text.Json.JsonElement" + new string('>', 33), a);
    }
}
