using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>Exact round trips per type, recursive models, and the no-reflection guarantee of the emitted code.</summary>
public sealed class TypesAndAotTests
{
    // A java-dialect doc (sized types) with every type of the neutral model, and a recursive one.
    private const string AllTypes = """
        # AllTypes

        ## Properties

        | Name | Type | Description | Notes |
        |------------ | ------------- | ------------- | -------------|
        |**i32** | **Integer** | An int. |  |
        |**i64** | **Long** | A long. |  |
        |**f32** | **Float** | A float. |  |
        |**f64** | **Double** | A double. |  |
        |**dec** | **BigDecimal** | A decimal. |  |
        |**flag** | **Boolean** | A bool. |  |
        |**day** | **LocalDate** | A date. |  |
        |**at** | **OffsetDateTime** | A date-time. |  |
        |**id** | **UUID** | A uuid. |  |
        |**blob** | **byte[]** | Bytes. |  |
        |**anything** | **Object** | Any JSON. |  |
        |**matrix** | **List&lt;List&lt;Integer&gt;&gt;** | Nested lists. |  [optional] |
        |**byName** | **Map&lt;String, List&lt;String&gt;&gt;** | A map of lists. |  [optional] |
        |**count** | **Integer** | With a default. |  [optional] [default to 5] |
        |**tree** | [**TreeNode**](TreeNode.md) | A recursive model. |  [optional] |
        """;

    private const string TreeNode = """
        # TreeNode

        ## Properties

        | Name | Type | Description | Notes |
        |------------ | ------------- | ------------- | -------------|
        |**label** | **String** | The label. |  |
        |**children** | [**List&lt;TreeNode&gt;**](TreeNode.md) | Children. |  [optional] |
        """;

    private static readonly Lazy<GeneratedAssembly> Types = new(() => GeneratedAssembly.Build(new AdditionalText[]
    {
        new InMemoryAdditionalText("/docs/AllTypes.md", AllTypes),
        new InMemoryAdditionalText("/docs/TreeNode.md", TreeNode),
    }));

    [Theory]
    [InlineData("""{"i32":-2147483648,"i64":9223372036854775807,"f32":3.4028235E+38,"f64":1.7976931348623157E+308,"dec":79228162514264337593543950335,"flag":true,"day":"2024-02-29","at":"2024-03-01T23:59:59.9999999-09:30","id":"00000000-0000-0000-0000-000000000001","blob":"AAEC/w==","anything":{"a":[1,"2",null,true]},"count":5}""")]
    [InlineData("""{"i32":2147483647,"i64":-9223372036854775808,"f32":1E-45,"f64":5E-324,"dec":-0.0000000000000000000000000001,"flag":false,"day":"0001-01-01","at":"1970-01-01T00:00:00+14:00","id":"ffffffff-ffff-ffff-ffff-ffffffffffff","blob":"","anything":null,"count":-1}""")]
    [InlineData("""{"i32":0,"i64":0,"f32":0.1,"f64":0.1,"dec":1.10,"flag":true,"day":"9999-12-31","at":"2024-01-01T00:00:00Z","id":"68851723-e6fa-488f-ace9-112581e6c19b","blob":"aGVsbG8=","anything":"text","matrix":[[1,2],[],[3]],"byName":{"a":["x"],"b":[]},"count":0,"tree":{"label":"root","children":[{"label":"leaf","children":[]}]}}""")]
    public void Every_type_round_trips_exactly(string json)
    {
        var value = Types.Value.Deserialize(json, "AllTypes");
        var written = Types.Value.Serialize(value, "AllTypes");
        // STJ writes "Z" as "+00:00"; otherwise the text is the same, digit for digit.
        Assert.Equal(json.Replace("00:00Z", "00:00+00:00", StringComparison.Ordinal), written);
        Assert.Equal(value, Types.Value.Deserialize(written, "AllTypes"));
    }

    [Fact]
    public void Decimal_keeps_its_scale_and_offset_is_preserved()
    {
        dynamic v = Types.Value.Deserialize("""{"i32":1,"i64":1,"f32":1,"f64":1,"dec":2.500,"flag":true,"day":"2024-01-02","at":"2024-01-01T10:00:00+05:45","id":"68851723-e6fa-488f-ace9-112581e6c19b","blob":"","anything":1}""", "AllTypes")!;
        Assert.Equal(3, ((decimal)v.Dec).Scale);
        Assert.Equal(new TimeSpan(5, 45, 0), ((DateTimeOffset)v.At).Offset);
        Assert.Equal(new DateOnly(2024, 1, 2), (DateOnly)v.Day);
        Assert.Equal(5, (int)v.Count); // absent: the documented default applies
    }

    [Fact]
    public void Float_out_of_range_and_bad_dates_are_JsonExceptions()
    {
        const string rest = "\"i64\":1,\"f64\":1,\"dec\":1,\"flag\":true,\"at\":\"2024-01-01T10:00:00Z\",\"id\":\"68851723-e6fa-488f-ace9-112581e6c19b\",\"blob\":\"\",\"anything\":1";
        var ex = Assert.Throws<JsonException>(() => Types.Value.Deserialize("{\"i32\":1,\"f32\":1e39,\"day\":\"2024-01-01\"," + rest + "}", "AllTypes"));
        Assert.Equal("$.f32", ex.Path);
        ex = Assert.Throws<JsonException>(() => Types.Value.Deserialize("{\"i32\":1,\"f32\":1,\"day\":\"2024-02-30\"," + rest + "}", "AllTypes"));
        Assert.Equal("$.day", ex.Path);
        ex = Assert.Throws<JsonException>(() => Types.Value.Deserialize("{\"i32\":2147483648,\"f32\":1,\"day\":\"2024-01-01\"," + rest + "}", "AllTypes"));
        Assert.Equal("$.i32", ex.Path);
        ex = Assert.Throws<JsonException>(() => Types.Value.Deserialize("{\"i32\":1,\"f32\":1,\"day\":\"2024-01-01\",\"blob\":\"***\"," + rest.Replace("\"blob\":\"\",", "", StringComparison.Ordinal) + "}", "AllTypes"));
        Assert.Equal("$.blob", ex.Path);
    }

    [Fact]
    public void Deep_recursion_stops_at_the_max_depth_with_a_JsonException()
    {
        var json = string.Concat(Enumerable.Repeat("{\"label\":\"n\",\"children\":[", 5000)) + string.Concat(Enumerable.Repeat("]}", 5000));
        var ex = Assert.Throws<JsonException>(() => Types.Value.Deserialize(json, "TreeNode"));
        Assert.Contains("depth", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Emitted_code_uses_no_reflection()
    {
        // Over the whole python corpus, the type doc above and the polymorphic OpenAPI document (dispatch by
        // discriminator, derived records): no reflection API, no dynamic code.
        var corpus = TestHelpers.Run(TestHelpers.LoadFolder(System.IO.Path.Combine(TestHelpers.CorpusDir, "python")));
        var polymorphic = TestHelpers.Run(new[] { new InMemoryAdditionalText("/api/openapi.json", PolymorphismTests.Spec) });
        Assert.Contains(polymorphic.Sources, s => s.SourceText.ToString().Contains("FindProperty(reader, Utf8Discriminator", StringComparison.Ordinal));
        var sources = corpus.Sources.Concat(Types.Value.Run.Sources).Concat(polymorphic.Sources).Select(s => (s.HintName, Text: s.SourceText.ToString())).ToList();
        Assert.Contains(sources, s => s.HintName == "ModelDocs.Json.g.cs");
        var forbidden = new Regex(@"System\.Reflection|\bGetProperty\(|\bGetField\(|\bGetMethod\(|Activator|MakeGenericType|MakeArrayType|\.GetType\(\)|Type\.GetType|Expression\.Lambda|Emit\.|\bdynamic\b|InvokeMember|Assembly\.", RegexOptions.CultureInvariant);
        foreach (var (hint, text) in sources)
        {
            var hit = forbidden.Match(text);
            Assert.False(hit.Success, $"{hint} contains '{hit.Value}'");
        }
        // typeof appears only in [JsonConverter(typeof(...))] and the context's type tests.
        var typeofUses = sources.SelectMany(s => Regex.Matches(s.Text, @"^.*typeof\(.*$", RegexOptions.Multiline).Select(m => m.Value.Trim())).ToList();
        Assert.All(typeofUses, line => Assert.True(
            line.StartsWith("[global::System.Text.Json.Serialization.JsonConverter(typeof(", StringComparison.Ordinal)
            || line.StartsWith("if (type == typeof(", StringComparison.Ordinal)
            || line.Contains("Options.GetTypeInfo(typeof(", StringComparison.Ordinal), line));
    }

    [Fact]
    public void Generated_code_compiles_clean_with_the_trimming_and_AOT_analyzers_attributes_in_scope()
    {
        // The compile of the corpus output with Net80 references (which carry RequiresUnreferencedCode /
        // RequiresDynamicCode on the reflection APIs) has zero warnings; the IL2xxx/IL3xxx analyzers
        // themselves run in the sample build (IsAotCompatible=true, warnings as errors) and in .ci/run's consumer.
        var run = TestHelpers.Run(TestHelpers.LoadFolder(TestHelpers.SchemasDir));
        Assert.Empty(run.CompileDiagnostics);
        // Code only: doc comments may show JsonSerializer calls as examples.
        var text = string.Join("\n", run.Sources.SelectMany(s => s.SourceText.Lines.Select(l => l.ToString())).Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal)));
        Assert.DoesNotContain("RequiresUnreferencedCode", text, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonSerializer.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_System_Text_Json_gets_records_without_the_serializer()
    {
        // A project whose references lack System.Text.Json 8 (no JsonUnmappedMemberHandling) still gets the
        // records and enums, without converters or a context.
        var run = TestHelpers.Run(TestHelpers.LoadFolder(TestHelpers.SchemasDir), compilation: TestHelpers.CreateCompilation().WithReferences(
            Basic.Reference.Assemblies.Net80.References.All.Where(r => !r.FilePath!.Contains("System.Text.Json", StringComparison.Ordinal))));
        Assert.Empty(run.GeneratorProblems);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("JsonContext", StringComparison.Ordinal) || s.HintName == "ModelDocs.Json.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Test.Models.NewCustomerSession.g.cs");
    }
}
