using System.Linq;
using ModelDocs.Generators.Model;
using Xunit;

namespace ModelDocs.Generators.Tests.Markdown;

/// <summary>
/// Doc layouts that real SDKs write (each seen in vendors' docs as well as OpenAPI Generator's samples),
/// read through the real pipeline.
/// </summary>
public sealed class DocShapesTests
{
    private static ModelSpec Model(string stem, params (string Stem, string Text)[] docs)
    {
        var models = CorpusModels.Resolve(docs.Select(d => new InMemoryAdditionalText($"/docs/{d.Stem}.md", d.Text)), out var diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error || d.Id is "MD1003" or "MD1004");
        return models[stem];
    }

    private static PropertyModel Prop(ModelSpec m, string wire) => m.Properties.Single(p => p.WireName == wire);

    private const string Header = "Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";

    [Fact]
    public void Java_micronaut_optional_property_notes_and_enum_headings()
    {
        // java-micronaut's model_doc: "[optional property] [readonly property]" and "## XEnum" over a Name | Value table of code values.
        var doc = "# Order\n\n## Properties\n\n" + Header +
                  "**id** | `Long` |  |  [optional property] [readonly property]\n" +
                  "**name** | `String` |  | \n" +
                  "**status** | [**StatusEnum**](#StatusEnum) |  |  [optional property]\n\n" +
                  "## StatusEnum\n\nName | Value\n---- | -----\nPLACED | `\"placed\"`\nAPPROVED | `\"approved\"`\n";
        var m = Model("Order", ("Order", doc));
        Assert.False(Prop(m, "id").IsRequired);
        Assert.True(Prop(m, "id").IsReadOnly);
        Assert.True(Prop(m, "name").IsRequired);
        var status = CorpusModels.EnumOf(m, Prop(m, "status"));
        Assert.NotNull(status);
        Assert.Equal(new[] { "placed", "approved" }, status!.Members.Select(x => x.WireValue));
    }

    [Fact]
    public void An_enum_section_with_no_rows_leaves_a_string()
    {
        // android/java: "## Enum: StatusEnum" with an empty table says nothing about the values.
        var doc = "# Order\n\n## Properties\n" + Header +
                  "**status** | [**StatusEnum**](#StatusEnum) | Order Status |  [optional]\n\n\n## Enum: StatusEnum\nName | Value\n---- | -----\n\n\n";
        var m = Model("Order", ("Order", doc));
        Assert.Equal("string", Prop(m, "status").Type.ClrName.TrimEnd('?'));
        Assert.Empty(m.Enums);
    }

    [Fact]
    public void Kotlin_inline_type_in_the_anchor()
    {
        // kotlin: [**inline**](#kotlin.collections.Map&lt;kotlin.String, InnerEnum&gt;) with "## Enum: map_of_enum_string".
        var doc = "# MapTest\n\n## Properties\n" + Header +
                  "**mapOfEnumString** | [**inline**](#kotlin.collections.Map&lt;kotlin.String, InnerEnum&gt;) |  |  [optional]\n\n" +
                  "<a id=\"MapOfEnumString\"></a>\n## Enum: map_of_enum_string\nName | Value\n---- | -----\nmapOfEnumString | UPPER, lower\n";
        var m = Model("MapTest", ("MapTest", doc));
        var p = m.Properties.Single();
        Assert.StartsWith("global::System.Collections.Generic.IReadOnlyDictionary<string, ", p.Type.ClrName);
        var e = CorpusModels.EnumOf(m, p);
        Assert.NotNull(e);
        Assert.Equal(new[] { "UPPER", "lower" }, e!.Members.Select(x => x.WireValue));
    }

    [Fact]
    public void A_link_to_a_container_doc_that_does_not_exist_leaves_the_item_name()
    {
        // go: [**[][]ReadOnlyFirst**](List.md); rust: [**Vec<Vec<models::ReadOnlyFirst>>**](array.md). No List.md ships.
        var go = "# ArrayTest\n\n## Properties\n\n" + Header + "**ArrayArrayOfModel** | Pointer to [**[][]ReadOnlyFirst**](List.md) |  | [optional] \n";
        var first = "# ReadOnlyFirst\n\n## Properties\n\n" + Header + "**Bar** | Pointer to **string** |  | [optional] [readonly] \n";
        var m = Model("ArrayTest", ("ArrayTest", go), ("ReadOnlyFirst", first));
        Assert.Contains("IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<global::Test.Models.ReadOnlyFirst>>", m.Properties.Single().Type.ClrName);
    }

    [Fact]
    public void Python_prior_additional_properties_row_is_no_property()
    {
        // python-prior's template writes additionalProperties as a row named "any string name" with a fixed description.
        var doc = "# Cat\n\n## Properties\n" + Header +
                  "**class_name** | **str** |  | \n" +
                  "**any string name** | **bool, date, datetime, dict, float, int, list, str, none_type** | any string name can be used but the value must be the correct type | [optional]\n";
        var m = Model("Cat", ("Cat", doc));
        Assert.Equal(new[] { "class_name" }, m.Properties.Select(p => p.Name));
    }
}
