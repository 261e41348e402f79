using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelDocs.Generators.Model;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// Every model of the python corpus: seeded random payloads built from the model spec (nulls, empty
/// lists and maps, unknown properties, undocumented enum values, nested models) are read, written,
/// and read again. The written JSON must equal the input (null-valued optionals count as absent),
/// the two reads must be equal records with equal hashes, and writing is stable.
/// </summary>
public sealed class CorpusRoundTripTests
{
    private readonly ITestOutputHelper _output;

    public CorpusRoundTripTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Every_python_corpus_model_round_trips()
    {
        var folder = Path.Combine(TestHelpers.CorpusDir, "python");
        var generated = GeneratedAssembly.Build(TestHelpers.LoadFolder(folder));
        var specs = CorpusModels.Load(folder);
        var payloads = new PayloadGenerator(specs.Values);
        var models = specs.Values.Where(m => m.Kind == DocumentKind.Model).OrderBy(m => m.TypeName, StringComparer.Ordinal).ToList();
        Assert.Equal(730, models.Count);

        int count = 0, unknownProps = 0, undocumented = 0, nulls = 0;
        foreach (var model in models)
        {
            for (var seed = 0; seed < 4; seed++)
            {
                var rng = new Random(StableSeed(model.TypeName, seed));
                var node = payloads.Object(model, rng, depth: 0, emptyCollections: seed == 3);
                var input = node.ToJsonString();
                unknownProps += CountOccurrences(input, "\"zzUnknown");
                undocumented += CountOccurrences(input, "undocumented-");
                nulls += CountOccurrences(input, ":null");

                object? first;
                try
                {
                    first = generated.Deserialize(input, model.TypeName);
                }
                catch (JsonException ex)
                {
                    throw new Xunit.Sdk.XunitException($"{model.TypeName} (seed {seed}) failed to read its own payload: {ex.Message}\n{input}");
                }
                var written = generated.Serialize(first, model.TypeName);
                Assert.True(JsonSemantics.Equal(JsonNode.Parse(input), JsonNode.Parse(written)), $"{model.TypeName} (seed {seed}):\n in:  {input}\n out: {written}");
                var second = generated.Deserialize(written, model.TypeName);
                Assert.True(Equals(first, second), $"{model.TypeName} (seed {seed}): the two reads differ\n{written}");
                Assert.Equal(first!.GetHashCode(), second!.GetHashCode());
                Assert.Equal(written, generated.Serialize(second, model.TypeName));
                count++;
            }
        }

        // Enum docs and inferred enums on their own.
        var enums = specs.Values.SelectMany(m => m.Enums).ToList();
        foreach (var e in enums)
        {
            foreach (var value in e.Members.Select(m => m.WireValue).Append("undocumented-" + e.TypeName))
            {
                var json = JsonSerializer.Serialize(value);
                var read = generated.Deserialize(json, e.TypeName);
                Assert.Equal(json, generated.Serialize(read, e.TypeName));
            }
        }

        _output.WriteLine($"{count} payloads over {models.Count} models round-tripped ({unknownProps} unknown properties, {undocumented} undocumented enum values, {nulls} nulls); {enums.Count} enums round-tripped every value plus an undocumented one.");
        Assert.True(unknownProps > 300 && undocumented > 20 && nulls > 100, "the payload generator should cover unknown properties, undocumented values and nulls");
    }

    /// <summary>The same seed in every process (string.GetHashCode and HashCode are randomized per process).</summary>
    private static int StableSeed(string name, int seed)
    {
        var h = 2166136261u;
        foreach (var c in name) h = (h ^ c) * 16777619u;
        return (int)(h ^ (uint)seed);
    }

    private static int CountOccurrences(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}

/// <summary>Builds JSON payloads for a model from its spec alone (test side; reads nothing generated).</summary>
internal sealed class PayloadGenerator
{
    private readonly Dictionary<string, ModelSpec> _byType;
    private readonly Dictionary<string, EnumModel> _enums;

    public PayloadGenerator(IEnumerable<ModelSpec> specs)
    {
        var all = specs.ToList();
        _byType = all.Where(m => m.Kind == DocumentKind.Model).ToDictionary(m => m.TypeName, StringComparer.Ordinal);
        _enums = all.SelectMany(m => m.Enums).ToDictionary(e => e.TypeName, StringComparer.Ordinal);
    }

    public JsonObject Object(ModelSpec model, Random rng, int depth, bool emptyCollections = false)
    {
        var o = new JsonObject();
        foreach (var p in model.Properties)
        {
            var nullable = !p.IsRequired && p.Default is null;
            if (!p.IsRequired && p.Default is null)
            {
                // Optional: often absent, sometimes an explicit null, and left out deep down.
                if (depth > 2 || rng.Next(3) == 0) continue;
                if (nullable && rng.Next(8) == 0)
                {
                    o[p.WireName] = null;
                    continue;
                }
            }
            o[p.WireName] = Value(p.Type, rng, depth + 1, emptyCollections);
        }
        if (rng.Next(3) == 0)
        {
            o["zzUnknown" + rng.Next(100)] = Any(rng, 2);
        }
        return o;
    }

    private JsonNode? Value(ResolvedType t, Random rng, int depth, bool empty)
    {
        switch (t.Kind)
        {
            case TypeKind.String:
                return JsonValue.Create(Strings[rng.Next(Strings.Length)] + rng.Next(1000).ToString(CultureInfo.InvariantCulture));
            case TypeKind.Int32: return JsonValue.Create(rng.Next(int.MinValue, int.MaxValue));
            case TypeKind.Int64 or TypeKind.Integer: return JsonValue.Create(rng.NextInt64(long.MinValue, long.MaxValue));
            case TypeKind.Float: return JsonValue.Create((float)(rng.Next(-1_000_000, 1_000_000) / 64.0));
            case TypeKind.Double: return JsonValue.Create(rng.NextDouble() * Math.Pow(10, rng.Next(-5, 12)));
            case TypeKind.Number or TypeKind.Decimal:
                // Keep the scale (trailing zeros) so that exactness is tested.
                return JsonNode.Parse(((decimal)rng.Next(-10_000_000, 10_000_000) / 1000m).ToString("0.000", CultureInfo.InvariantCulture));
            case TypeKind.Boolean: return JsonValue.Create(rng.Next(2) == 0);
            case TypeKind.Date: return JsonValue.Create(new DateTime(2000, 1, 1).AddDays(rng.Next(20000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case TypeKind.DateTime:
            {
                var offset = TimeSpan.FromMinutes(15 * rng.Next(-48, 56));
                var value = new DateTimeOffset(2000, 1, 1, 0, 0, 0, offset).AddSeconds(rng.Next(0, 900_000_000)).AddMilliseconds(rng.Next(1000));
                return JsonValue.Create(value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            }
            case TypeKind.Uuid:
            {
                var bytes = new byte[16];
                rng.NextBytes(bytes);
                return JsonValue.Create(new Guid(bytes).ToString("D"));
            }
            case TypeKind.Bytes:
            {
                var bytes = new byte[rng.Next(0, 12)];
                rng.NextBytes(bytes);
                return JsonValue.Create(Convert.ToBase64String(bytes));
            }
            case TypeKind.Any: return Any(rng, 3);
            case TypeKind.List:
            {
                var a = new JsonArray();
                var n = empty || depth > 3 ? 0 : rng.Next(0, 3);
                for (var i = 0; i < n; i++) a.Add(Value(t.Element!, rng, depth + 1, empty));
                return a;
            }
            case TypeKind.Map:
            {
                var o = new JsonObject();
                var n = empty || depth > 3 ? 0 : rng.Next(0, 3);
                for (var i = 0; i < n; i++) o["k" + i + "-" + rng.Next(100)] = Value(t.Element!, rng, depth + 1, empty);
                return o;
            }
            case TypeKind.Reference when t.EnumName is not null:
            {
                var e = _enums[t.EnumName];
                return rng.Next(5) == 0 || e.Members.Count == 0
                    ? JsonValue.Create("undocumented-" + rng.Next(3))
                    : JsonValue.Create(e.Members[rng.Next(e.Members.Count)].WireValue);
            }
            case TypeKind.Reference:
            {
                var name = t.ClrName.Substring(t.ClrName.LastIndexOf('.') + 1);
                return Object(_byType[name], rng, depth + 1, empty);
            }
            default:
                throw new InvalidOperationException("unexpected type " + t);
        }
    }

    private static readonly string[] Strings = { "a", "Ünïcødé ✓", "quote\" and \\ backslash", "line\nbreak", "<tag>&amp;", "😀 emoji", "" };

    public static JsonNode? Any(Random rng, int depth)
    {
        switch (depth <= 0 ? rng.Next(4) : rng.Next(7))
        {
            case 0: return JsonValue.Create(rng.Next(-1000, 1000));
            case 1: return JsonValue.Create("s" + rng.Next(100));
            case 2: return JsonValue.Create(rng.Next(2) == 0);
            case 3: return null;
            case 4: return JsonNode.Parse("12.50");
            case 5:
            {
                var a = new JsonArray();
                for (var i = rng.Next(3); i > 0; i--) a.Add(Any(rng, depth - 1));
                return a;
            }
            default:
            {
                var o = new JsonObject();
                for (var i = rng.Next(3); i > 0; i--) o["p" + i] = Any(rng, depth - 1);
                return o;
            }
        }
    }
}

/// <summary>JSON equality for round trips: numbers by value, date-times by instant and offset, objects by member set; a null-valued member equals an absent one.</summary>
internal static class JsonSemantics
{
    public static bool Equal(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        switch (a)
        {
            case JsonObject oa when b is JsonObject ob:
            {
                var na = oa.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
                var nb = ob.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
                return na.Count == nb.Count && na.All(p => nb.TryGetValue(p.Key, out var v) && Equal(p.Value, v));
            }
            case JsonArray aa when b is JsonArray ab:
                return aa.Count == ab.Count && aa.Zip(ab).All(p => Equal(p.First, p.Second));
            case JsonValue va when b is JsonValue vb:
            {
                var ea = va.GetValue<JsonElement>();
                var eb = vb.GetValue<JsonElement>();
                if (ea.ValueKind != eb.ValueKind) return false;
                if (ea.ValueKind == JsonValueKind.Number)
                {
                    return ea.TryGetDecimal(out var da) && eb.TryGetDecimal(out var db) ? da == db : ea.GetDouble().Equals(eb.GetDouble());
                }
                if (ea.ValueKind == JsonValueKind.String)
                {
                    var sa = ea.GetString();
                    var sb = eb.GetString();
                    if (sa == sb) return true;
                    return DateTimeOffset.TryParse(sa, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ta)
                        && DateTimeOffset.TryParse(sb, CultureInfo.InvariantCulture, DateTimeStyles.None, out var tb)
                        && ta == tb && ta.Offset == tb.Offset;
                }
                return true;
            }
            default:
                return false;
        }
    }
}
