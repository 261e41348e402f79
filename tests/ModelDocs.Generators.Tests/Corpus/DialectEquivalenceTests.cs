using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelDocs.Generators.Model;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// Acceptance 3: for each model present in python and every dialect folder, the generated public
/// shape (property names, CLR types, required, enum values) is compared with python's. Only
/// differences explained by what a dialect does not say, or by its SDK version, are allowed;
/// each explanation is a named rule listed in the README.
/// </summary>
public sealed class DialectEquivalenceTests
{
    private static readonly string[] Dialects = { "csharp", "go", "java", "php", "python-legacy", "ruby", "typescript" };
    private readonly ITestOutputHelper _out;

    public DialectEquivalenceTests(ITestOutputHelper output) => _out = output;

    internal sealed record Shape(string Name, string ClrName, string ClrType, bool Required, string? EnumValues);

    private static string Key(string name) => name.Replace("_", "").ToLowerInvariant();

    internal static Dictionary<string, Shape> ShapeOf(ModelSpec model)
        => model.Properties.ToDictionary(
            p => Key(p.WireName),
            p =>
            {
                var e = CorpusModels.EnumOf(model, p);
                var type = e is null ? p.Type.ClrName : p.Type.ClrName.Replace(e.TypeName, "ENUM");
                return new Shape(p.Name, p.ClrName, type, p.IsRequired, e is null ? null : string.Join(",", e.Members.Select(m => m.WireValue).OrderBy(v => v, StringComparer.Ordinal)));
            });

    [Fact]
    public void Dialects_generate_the_same_shapes_as_python()
    {
        var python = CorpusModels.Load(Path.Combine(TestHelpers.CorpusDir, "python"));
        var dialects = Dialects.ToDictionary(d => d, d => CorpusModels.Load(Path.Combine(TestHelpers.CorpusDir, "dialects", d)));
        var shared = python.Keys.Where(k => dialects.Values.All(m => m.ContainsKey(k))).OrderBy(k => k, StringComparer.Ordinal).ToList();
        _out.WriteLine($"models present in python and all {Dialects.Length} dialects: {shared.Count}");

        var explained = new Dictionary<string, int>();
        var unexplained = new List<string>();
        var compared = 0;
        foreach (var dialect in Dialects)
        {
            foreach (var name in shared)
            {
                var a = ShapeOf(python[name]);
                var b = ShapeOf(dialects[dialect][name]);
                foreach (var key in a.Keys.Union(b.Keys).OrderBy(k => k, StringComparer.Ordinal))
                {
                    compared++;
                    a.TryGetValue(key, out var pa);
                    b.TryGetValue(key, out var pb);
                    foreach (var diff in Differences(pa, pb))
                    {
                        var rule = EquivalenceRules.Explain(dialect, diff, pa, pb, Path.Combine(TestHelpers.CorpusDir, "dialects", dialect));
                        var line = $"{dialect} {name}.{pa?.Name ?? pb?.Name}: {diff.Kind}: python {diff.Python} / {dialect} {diff.Dialect}";
                        if (rule is null) unexplained.Add(line);
                        else explained[dialect + ": " + rule] = explained.TryGetValue(dialect + ": " + rule, out var n) ? n + 1 : 1;
                    }
                }
            }
        }

        _out.WriteLine($"property comparisons: {compared}");
        _out.WriteLine("explained differences (rule: count):");
        foreach (var kv in explained.OrderBy(k => k.Key, StringComparer.Ordinal)) _out.WriteLine($"  {kv.Key}: {kv.Value}");
        _out.WriteLine($"unexplained differences: {unexplained.Count}");
        foreach (var u in unexplained) _out.WriteLine("  " + u);
        Assert.True(shared.Count >= 60, "too few shared models: " + shared.Count);
        Assert.Empty(unexplained);
    }

    internal sealed record Diff(string Kind, string Python, string Dialect);

    private static IEnumerable<Diff> Differences(Shape? a, Shape? b)
    {
        if (a is null) { yield return new Diff("property", "absent", "present"); yield break; }
        if (b is null) { yield return new Diff("property", "present", "absent"); yield break; }
        if (a.ClrName != b.ClrName) yield return new Diff("name", a.ClrName, b.ClrName);
        if (a.ClrType != b.ClrType) yield return new Diff("type", a.ClrType, b.ClrType);
        if (a.Required != b.Required) yield return new Diff("required", a.Required.ToString(), b.Required.ToString());
        if (a.EnumValues != b.EnumValues) yield return new Diff("enum", a.EnumValues ?? "none", b.EnumValues ?? "none");
    }
}

/// <summary>The allowed differences, each a statement of what a dialect does not say. Mirrored in the README.</summary>
internal static class EquivalenceRules
{
    private const string JsonElement = "global::System.Text.Json.JsonElement";

    // Dialects whose SDK is another version than the python docs (26.13.0); go is the same version,
    // so no version rule applies to it.
    private static readonly string[] OtherVersions = { "csharp", "java", "php", "python-legacy", "ruby", "typescript" };
    private static readonly string[] NoUuidType = { "go", "php", "python-legacy", "ruby", "typescript" };

    public static string? Explain(string dialect, DialectEquivalenceTests.Diff diff, DialectEquivalenceTests.Shape? python, DialectEquivalenceTests.Shape? other, string dialectDir)
    {
        var otherVersion = System.Array.IndexOf(OtherVersions, dialect) >= 0;
        switch (diff.Kind)
        {
            case "property":
                return otherVersion ? "SDK version: property added or removed between versions" : null;
            case "required":
                if (dialect == "typescript") return "typescript: no Notes column, so required is not stated";
                return otherVersion ? "SDK version: required flag changed between versions" : null;
            case "name":
                // program_id loses the acronym casing that programID / ProgramID keep.
                return string.Equals(diff.Python, diff.Dialect, System.StringComparison.OrdinalIgnoreCase)
                    ? "acronym casing: snake_case python names do not keep it" : null;
            case "enum":
                if (dialect == "typescript" && diff.Dialect == "none") return "typescript: no Description column, so no values in prose";
                if (dialect == "java" && diff.Python == "none") return "java: exact enum table where the python prose lists no closed set";
                return null;
            case "type":
                var p = diff.Python;
                var d = diff.Dialect;
                if (dialect == "typescript" && d == p.Replace("long", "decimal")) return "typescript: number does not say integer";
                if ((dialect == "csharp" || dialect == "java") && (d == p.Replace("decimal", "float") || d == p.Replace("decimal", "double")))
                    return "python float does not say the size; the dialect states float/double";
                if (dialect == "typescript" && p.Contains("ENUM") && d == p.Replace("global::Test.Models.ENUM", "string")) return "typescript: no Description column, so no values in prose";
                if (dialect == "java" && d.Contains("ENUM") && p == d.Replace("global::Test.Models.ENUM", "string")) return "java: exact enum table where the python prose lists no closed set";
                if (System.Array.IndexOf(NoUuidType, dialect) >= 0 && d == p.Replace("global::System.Guid", "string")) return "no uuid type in the dialect: written as string";
                if (dialect == "go" && d == p.Replace(JsonElement, "global::System.Collections.Generic.IReadOnlyDictionary<string, " + JsonElement + ">"))
                    return "go: free-form object written as map[string]interface{}";
                if (dialect != "go" && p.Replace("global::System.Collections.Generic.IReadOnlyDictionary<string, " + JsonElement + ">", JsonElement) == d)
                    return "free-form object: python says Dict[str, object], the dialect says object";
                // A linked doc the dialect's folder does not have (MD1004): JsonElement in its place.
                foreach (var name in Referenced(p))
                {
                    if (d == p.Replace("global::Test.Models." + name, JsonElement) && !System.IO.File.Exists(System.IO.Path.Combine(dialectDir, name + ".md"))
                        && !System.IO.File.Exists(System.IO.Path.Combine(dialectDir, name.Replace("Model", "") + ".md")))
                        return "linked doc missing from the dialect folder (MD1004)";
                }
                return null;
        }
        return null;
    }

    private static System.Collections.Generic.IEnumerable<string> Referenced(string type)
    {
        const string prefix = "global::Test.Models.";
        var at = type.IndexOf(prefix, System.StringComparison.Ordinal);
        while (at >= 0)
        {
            var start = at + prefix.Length;
            var end = start;
            while (end < type.Length && (char.IsLetterOrDigit(type[end]) || type[end] == '_')) end++;
            yield return type.Substring(start, end - start);
            at = type.IndexOf(prefix, end, System.StringComparison.Ordinal);
        }
    }
}
