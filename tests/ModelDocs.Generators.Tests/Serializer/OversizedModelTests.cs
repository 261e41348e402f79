using System;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// A model with more properties than the generated serializer handles (1,000; MD1012) still compiles, and its
/// converter throws <see cref="NotSupportedException"/> naming the model and the limit: an ordinary record, and a
/// record that extends another without a discriminator (the base's converter reads the base's part).
/// </summary>
public sealed class OversizedModelTests
{
    private const int Count = 1_001;

    private static string Properties(string prefix)
        => string.Join(", ", Enumerable.Range(0, Count).Select(i => $"\"{prefix}{i}\": {{ \"type\": \"string\" }}"));

    private static readonly Lazy<GeneratedAssembly> Built = new(() => GeneratedAssembly.Build(new AdditionalText[]
    {
        new InMemoryAdditionalText("/api/openapi.json", $$"""
            { "openapi": "3.0.3", "components": { "schemas": {
                "Big": { "type": "object", "properties": { {{Properties("p")}} } },
                "Base": { "type": "object", "properties": { "id": { "type": "string" } } },
                "Derived": { "allOf": [ { "$ref": "#/components/schemas/Base" }, { "type": "object", "properties": { {{Properties("q")}} } } ] } } } }
            """),
    }));

    [Theory]
    [InlineData("Big")]
    [InlineData("Derived")]
    public void The_converter_throws_NotSupportedException_naming_the_model_and_the_limit(string type)
    {
        var expected = $"{type} has {Count} properties, more than the generated serializer handles (1000); see MD1012.";
        var instance = Activator.CreateInstance(Built.Value.Type(type))!;

        var write = Assert.Throws<NotSupportedException>(() => Built.Value.Serialize(instance, type));
        var read = Assert.Throws<NotSupportedException>(() => Built.Value.Deserialize("{}", type));

        Assert.Contains(expected, write.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, read.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_oversized_model_gets_MD1012()
    {
        var md1012 = Built.Value.Run.GeneratorDiagnostics.Where(d => d.Id == "MD1012").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, md1012.Count);
        Assert.Contains(md1012, m => m.Contains("Big", StringComparison.Ordinal));
        Assert.Contains(md1012, m => m.Contains("Derived", StringComparison.Ordinal));
    }
}
