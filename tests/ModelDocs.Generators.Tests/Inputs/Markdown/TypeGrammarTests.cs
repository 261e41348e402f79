using System;
using System.Linq;
using ModelDocs.Generators.Model;
using ModelDocs.Generators.Parsing;
using Xunit;

namespace ModelDocs.Generators.Tests.Markdown;

/// <summary>
/// The type grammar on its own: each language's spellings, as OpenAPI Generator's templates and type
/// mappings write them (a Type cell's text after links, emphasis and entities are removed), to the
/// neutral type. Expected values are written by hand from the languages' type mappings.
/// </summary>
public sealed class TypeGrammarTests
{
    private static string Parse(string dialect, string text, string? link = null)
    {
        var spec = TypeGrammar.Parse(text, Dialects.Parse(dialect), out var error, link);
        Assert.True(error is null, $"{dialect} '{text}': {error}");
        return spec.ToString();
    }

    [Theory]
    // rust (reqwest, hyper, rust-server)
    [InlineData("rust", "Option<String>", "String")]
    [InlineData("rust", "Vec<String>", "List<String>")]
    [InlineData("rust", "Option<models::RateLimitPolicy>", "Ref(RateLimitPolicy)")]
    [InlineData("rust", "Option<Vec<models::Tag>>", "List<Ref(Tag)>")]
    [InlineData("rust", "Vec<Vec<models::ReadOnlyFirst>>", "List<List<Ref(ReadOnlyFirst)>>")]
    [InlineData("rust", "serde_json::Value", "Any")]
    [InlineData("rust", "std::collections::HashMap<String, i32>", "Map<Int32>")]
    [InlineData("rust", "i32", "Int32")]
    [InlineData("rust", "i64", "Int64")]
    [InlineData("rust", "f32", "Float")]
    [InlineData("rust", "f64", "Double")]
    [InlineData("rust", "uuid::Uuid", "Uuid")]
    [InlineData("rust", "chrono::NaiveDate", "Date")]
    [InlineData("rust", "Box<models::Pet>", "Ref(Pet)")]
    // python before pydantic (python-prior)
    [InlineData("python-prior", "str, none_type", "String")]
    [InlineData("python-prior", "[str]", "List<String>")]
    [InlineData("python-prior", "[[int]]", "List<List<Integer>>")]
    [InlineData("python-prior", "{str: (bool, date, datetime, dict, float, int, list, str, none_type)}", "Map<Any>")]
    [InlineData("python-prior", "bool, date, datetime, dict, float, int, list, str, none_type", "Any")]
    [InlineData("python-prior", "{str: (str,)}", "Map<String>")]
    [InlineData("python-prior", "{str: ([int],)}", "Map<List<Integer>>")]
    [InlineData("python-prior", "file_type", "Bytes")]
    [InlineData("python-prior", "float, none_type", "Number")]
    // python (pydantic)
    [InlineData("python", "List[StrictStr]", "List<String>")]
    [InlineData("python", "Dict[str, List[int]]", "Map<List<Integer>>")]
    [InlineData("python", "Optional[datetime]", "DateTime")]
    [InlineData("python", "bytearray", "Bytes")]
    [InlineData("python", "object", "Any")]
    [InlineData("python-legacy", "list[str]", "List<String>")]
    [InlineData("python-legacy", "dict(str, int)", "Map<Integer>")]
    // go
    [InlineData("go", "Pointer to NullableString", "String")]
    [InlineData("go", "NullableTime", "DateTime")]
    [InlineData("go", "NullableInt32", "Int32")]
    [InlineData("go", "NullableFloat32", "Number")]
    [InlineData("go", "NullableClass", "Ref(NullableClass)")]
    [InlineData("go", "Pointer to []string", "List<String>")]
    [InlineData("go", "map[string]int32", "Map<Int32>")]
    [InlineData("go", "map[string][]Pet", "Map<List<Ref(Pet)>>")]
    [InlineData("go", "interface{}", "Any")]
    [InlineData("go", "map[string]interface{}", "Map<Any>")]
    [InlineData("go", "*os.File", "Bytes")]
    [InlineData("go", "time.Time", "DateTime")]
    // java
    [InlineData("java", "java.util.List<Long>", "List<Int64>")]
    [InlineData("java", "java.util.Map", "Map<Any>")]
    [InlineData("java", "java.math.BigDecimal", "Number")]
    [InlineData("java", "Map<String, List<Integer>>", "Map<List<Int32>>")]
    [InlineData("java", "Integer", "Int32")]
    [InlineData("java", "Float", "Float")]
    [InlineData("java", "Set<String>", "List<String>")]
    [InlineData("java", "OffsetDateTime", "DateTime")]
    [InlineData("java", "LocalDate", "Date")]
    [InlineData("java", "UUID", "Uuid")]
    [InlineData("java", "org.openapitools.model.Pet", "Ref(Pet)")]
    // kotlin, scala
    [InlineData("kotlin", "kotlin.collections.List<kotlin.String>", "List<String>")]
    [InlineData("kotlin", "kotlin.collections.Map<kotlin.String, kotlin.Any>", "Map<Any>")]
    [InlineData("kotlin", "kotlin.Int", "Int32")]
    [InlineData("kotlin", "java.time.OffsetDateTime", "DateTime")]
    [InlineData("scala", "Seq[String]", "List<String>")]
    // swift
    [InlineData("swift", "[String: Int]", "Map<Int32>")]
    [InlineData("swift", "[Int64]", "List<Int64>")]
    [InlineData("swift", "[[Double]]", "List<List<Double>>")]
    [InlineData("swift", "Date", "DateTime")]
    [InlineData("swift", "AnyCodable", "Any")]
    [InlineData("swift", "URL", "String")]
    // typescript, javascript
    [InlineData("typescript", "{ [key: string]: number; }", "Map<Number>")]
    [InlineData("typescript", "Array<string>", "List<String>")]
    [InlineData("typescript", "string | null", "String")]
    [InlineData("typescript", "Date", "DateTime")]
    [InlineData("typescript", "any", "Any")]
    [InlineData("javascript", "{String: Number}", "Map<Number>")]
    [InlineData("javascript", "[Number]", "List<Number>")]
    // php
    [InlineData("php", "\\DateTime", "DateTime")]
    [InlineData("php", "\\OpenAPI\\Client\\Model\\Tag[]", "List<Ref(Tag)>")]
    [InlineData("php", "array<string,int>", "Map<Integer>")]
    [InlineData("php", "map[string,string]", "Map<String>")]
    [InlineData("php", "int", "Integer")]
    [InlineData("php", "float", "Number")]
    [InlineData("php", "mixed", "Any")]
    [InlineData("php", "\\SplFileObject", "Bytes")]
    // csharp, powershell
    [InlineData("csharp", "List<string>", "List<String>")]
    [InlineData("csharp", "Dictionary<string, int>", "Map<Int32>")]
    [InlineData("csharp", "int", "Int32")]
    [InlineData("csharp", "float", "Float")]
    [InlineData("csharp", "decimal", "Decimal")]
    [InlineData("csharp", "Guid", "Uuid")]
    [InlineData("csharp", "DateOnly", "Date")]
    [InlineData("csharp", "System.IO.Stream", "Bytes")]
    [InlineData("powershell", "System.Collections.Hashtable", "Map<Any>")]
    [InlineData("powershell", "Int32", "Int32")]
    [InlineData("powershell", "System.Byte[]", "Bytes")]
    // ruby, dart, julia, r, perl, eiffel, c, graphql
    [InlineData("ruby", "Array<Tag>", "List<Ref(Tag)>")]
    [InlineData("ruby", "Hash<String, Integer>", "Map<Integer>")]
    [InlineData("ruby", "Time", "DateTime")]
    [InlineData("ruby", "Date", "Date")]
    [InlineData("ruby", "Float", "Number")]
    [InlineData("dart", "BuiltList<String>", "List<String>")]
    [InlineData("dart", "BuiltMap<String, int>", "Map<Integer>")]
    [InlineData("dart", "num", "Number")]
    [InlineData("julia", "Vector{String}", "List<String>")]
    [InlineData("julia", "Dict{String, Int64}", "Map<Int64>")]
    [InlineData("r", "array[character]", "List<String>")]
    [InlineData("r", "map(integer)", "Map<Integer>")]
    [InlineData("perl", "ARRAY[string]", "List<String>")]
    [InlineData("perl", "HASH[string,int]", "Map<Integer>")]
    [InlineData("perl", "DATE_TIME", "DateTime")]
    [InlineData("eiffel", "LIST [STRING_32]", "List<String>")]
    [InlineData("eiffel", "ARRAY [NATURAL_8]", "Bytes")]
    [InlineData("eiffel", "FILE", "Bytes")]
    [InlineData("eiffel", "INTEGER_64", "Int64")]
    [InlineData("c", "char *", "String")]
    [InlineData("c", "list_t *", "List<Any>")]
    [InlineData("graphql", "String!", "String")]
    [InlineData("graphql", "Float", "Double")]
    public void Each_language_spelling_reads_as_the_neutral_type(string dialect, string text, string expected)
        => Assert.Equal(expected, Parse(dialect, text));

    [Theory]
    // The linked doc's own name is a model even where it also spells a type (a swift model named Data).
    [InlineData("swift", "Data", "Data", "Ref(Data)")]
    [InlineData("swift", "Data", null, "Bytes")]
    [InlineData("java", "List<File>", "File", "List<Ref(File)>")]
    public void A_link_to_a_doc_of_the_same_name_makes_it_a_model(string dialect, string text, string? link, string expected)
        => Assert.Equal(expected, Parse(dialect, text, link));

    [Theory]
    [InlineData("List[str", "")]
    [InlineData("List<>", "")]
    [InlineData("Map<String, List<Long>", "")]
    [InlineData("a b c", "")]
    public void Malformed_types_are_errors_not_guesses(string text, string _)
    {
        var spec = TypeGrammar.Parse(text, Dialect.Python, out var error);
        Assert.NotNull(error);
        Assert.Equal(TypeKind.Unknown, spec.Kind);
    }

    [Fact]
    public void Depth_and_length_limits_are_errors()
    {
        var deep = string.Concat(Enumerable.Repeat("List<", 40)) + "String" + new string('>', 40);
        TypeGrammar.Parse(deep, Dialect.Java, out var error);
        Assert.Contains("nested deeper", error);
        var ok = string.Concat(Enumerable.Repeat("List<", 30)) + "String" + new string('>', 30);
        TypeGrammar.Parse(ok, Dialect.Java, out error);
        Assert.Null(error);
        TypeGrammar.Parse(new string('A', TypeGrammar.MaxLength + 1), Dialect.Java, out error);
        Assert.Contains("longer than", error);
    }

    [Fact]
    public void Every_dialect_name_is_a_ModelDocsDialect_value()
    {
        foreach (var info in Dialects.All)
        {
            Assert.Equal(info.Dialect, Dialects.Parse(info.Name));
            Assert.Equal(info.Dialect, Dialects.Parse(info.Name.ToUpperInvariant().Replace('-', '_')));
        }
        Assert.Equal(Dialect.PythonPrior, Dialects.Parse("python-prior"));
        Assert.Equal(Dialect.TypeScriptFetch, Dialects.Parse("typescript-fetch"));
        Assert.Equal(Dialect.TypeScript, Dialects.Parse("typescript-axios"));
        Assert.Equal(Dialect.Rust, Dialects.Parse("rust"));
        Assert.Equal(Dialect.Auto, Dialects.Parse(""));
        Assert.Equal(Dialect.Auto, Dialects.Parse("auto"));
        Assert.Equal(Dialect.PythonV6, Dialects.Parse("python-v6"));
        Assert.Equal(Dialect.PythonV6, Dialects.Parse("python-experimental"));
        Assert.Equal(26, Dialects.All.Length);
    }
}
