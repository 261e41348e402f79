// Runtime benchmark: ModelDocs' generated context vs System.Text.Json's source generator over
// hand-written records of the same shape vs Newtonsoft.Json, on two realistic Talon.One payloads.
//   dotnet run -c Release --project bench/ModelDocs.JsonBench            (BenchmarkDotNet, full run)
//   dotnet run -c Release --project bench/ModelDocs.JsonBench -- --check (payload equivalence only)
//   dotnet run -c Release --project bench/ModelDocs.JsonBench -- --quick --filter '*Deserialize*' (a short run, to check the harness)
//   dotnet run -c Release --project bench/ModelDocs.JsonBench -- --interleaved (deserializers in turns of 50 ms, best
//     batch of each: a rough A/B for a busy machine, where the fastest batch is the least disturbed one)
//   DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -g dotnet bin/Release/net10.0/ModelDocs.JsonBench.dll --loop ours10 15
//     (one deserializer in a loop for a profiler: ours10, oursv2, stj10, stjv2; then perf report --sort symbol)
// Deserialization also runs a bare Utf8JsonReader pass over each payload (the physical limit); the ratios
// to it and to STJ are printed after the summary.
using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Bench.Talon;

namespace Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--check"))
        {
            Payloads.Check();
            Console.WriteLine("payloads: all three serializers read and write the same JSON");
            return 0;
        }
        Payloads.Check();
        if (args.Contains("--interleaved")) return Interleaved.Run();
        if (args.Length == 3 && args[0] == "--loop") return Interleaved.Loop(args[1], double.Parse(args[2], CultureInfo.InvariantCulture));
        // --quick: a short run to check the harness (3 iterations), not for figures.
        var quick = args.Contains("--quick");
        var job = quick
            ? Job.Default.WithWarmupCount(1).WithIterationCount(3).WithMinIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)).WithId("quick")
            : Job.Default.WithWarmupCount(3).WithIterationCount(15).WithMinIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(150)).WithId("bench");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByParams)
            .HideColumns(Column.Job, Column.Error, Column.StdDev, Column.RatioSD, Column.Gen0, Column.Gen1, Column.Gen2);
        var switcherArgs = args.Where(a => a is not "--check" and not "--quick").ToList();
        if (!switcherArgs.Contains("--filter")) switcherArgs.AddRange(new[] { "--filter", "*" }); // everything, without BenchmarkDotNet's interactive prompt
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(switcherArgs.ToArray(), config);
        Ratios(summaries);
        return 0;
    }

    /// <summary>
    /// The deserializers against the physical limit (a bare Utf8JsonReader pass over the same bytes) and
    /// ModelDocs against STJ's generator, per payload, from this run's means.
    /// </summary>
    private static void Ratios(System.Collections.Generic.IEnumerable<Summary> summaries)
    {
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.Success && r.ResultStatistics is not null && r.BenchmarkCase.Descriptor.Type == typeof(Deserialize)).ToList();
        if (reports.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine("| payload | Utf8JsonReader pass | pass + values decoded | ModelDocs | STJ source generator | decoded / reader pass | ModelDocs / reader pass (goal ≤ 2) | STJ / reader pass | STJ / ModelDocs (goal ≥ 2) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var g in reports.GroupBy(r => r.BenchmarkCase.Parameters["Payload"]?.ToString()))
        {
            double Mean(string method) => g.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)?.ResultStatistics!.Mean ?? double.NaN;
            var reader = Mean(nameof(Deserialize.ReaderPass));
            var decoded = Mean(nameof(Deserialize.ReaderPassDecoded));
            var ours = Mean(nameof(Deserialize.ModelDocs));
            var stj = Mean(nameof(Deserialize.StjSourceGen));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {g.Key} | {reader / 1000:F2} µs | {decoded / 1000:F2} µs | {ours / 1000:F2} µs | {stj / 1000:F2} µs | {decoded / reader:F2} | {ours / reader:F2} | {stj / reader:F2} | {stj / ours:F2} |"));
        }
    }
}

/// <summary>The two payloads, built deterministically, and a check that all three libraries agree on them.</summary>
public static class Payloads
{
    public static string Session10 { get; } = BuildSession(10);

    public static string SessionV2 { get; } = BuildSessionV2(25);

    private static string Item(int i, bool full)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$$"""{"name":"Item {{{i}}} – deluxe","sku":"SKU-{{{1000 + i}}}","quantity":{{{1 + i % 3}}},"price":{{{10 + i}}}.{{{i % 10}}}9,"category":"kitchen/mugs","product":{"name":"Mugs"},"weight":{{{250 + i}}}.5""");
        if (full)
        {
            sb.Append(CultureInfo.InvariantCulture, $$$""","returnedQuantity":0,"remainingQuantity":{{{1 + i % 3}}},"height":95,"width":80.25,"length":120,"position":{{{i}}},"attributes":{"color":"blue","material":"stoneware","tags":["gift","eco"]},"additionalCosts":{"shipping":{"price":4.95},"wrapping":{"price":1.50}},"catalogItemId":{{{5000 + i}}},"selectedPriceType":"member","adjustmentReferenceId":"68851723-e6fa-488f-ace9-1125{{{i:D8}}}","adjustmentEffectiveFrom":"2024-03-01T09:30:00+02:00","adjustmentEffectiveUntil":"2024-04-01T00:00:00+02:00","prices":{"member":{"price":9.99,"adjustmentContextId":"ctx-{{{i}}}","adjustmentReferenceId":"68851723-e6fa-488f-ace9-1125{{{i:D8}}}","adjustmentEffectiveFrom":"2024-03-01T09:30:00+02:00"}}""");
        }
        sb.Append('}');
        return sb.ToString();
    }

    private static string BuildSession(int items)
        => $$$"""{"profileId":"URNGV8294NV","coupon":"SUMMER-10","referral":"R-77","state":"open","cartItems":[{{{string.Join(",", Enumerable.Range(0, items).Select(i => Item(i, false)))}}}],"identifiers":["203.0.113.7","device-5"],"total":245.90,"attributes":{"channel":"web","vip":true}}""";

    private static string BuildSessionV2(int items)
        => $$$"""{"id":98765,"created":"2024-03-01T09:30:00.123+02:00","integrationId":"session-2024-03-01-0001","applicationId":322,"profileId":"URNGV8294NV","storeIntegrationId":"store-berlin-01","evaluableCampaignIds":[10,12,15,21],"couponCodes":["SUMMER-10","WELCOME"],"referralCode":"R-77","loyaltyCards":["card-1"],"state":"closed","cartItems":[{{{string.Join(",", Enumerable.Range(0, items).Select(i => Item(i, true)))}}}],"experimentVariantAllocations":[{"experimentId":3,"variantId":7},{"experimentId":4,"variantId":9}],"additionalCosts":{"shipping":{"price":4.95}},"identifiers":["203.0.113.7","device-5"],"attributes":{"channel":"web","vip":true,"segment":"gold"},"firstSession":false,"updateCount":12,"total":845.90,"cartItemTotal":800.00,"additionalCostTotal":4.95,"cartItemAdditionalCostTotal":40.95,"updated":"2024-03-01T10:02:11.5+02:00"}""";

    /// <summary>Every library reads each payload and writes JSON equal to it: the benchmark compares like with like.</summary>
    public static void Check()
    {
        foreach (var json in new[] { Session10, SessionV2 })
        {
            var v2 = json == SessionV2;
            var input = JsonNode.Parse(json);
            var ours = v2
                ? JsonSerializer.Serialize(JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.CustomerSessionV2)!, ModelDocsJsonContext.Default.CustomerSessionV2)
                : JsonSerializer.Serialize(JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.NewCustomerSession)!, ModelDocsJsonContext.Default.NewCustomerSession);
            var stj = v2
                ? JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Hand.StjContext.Default.CustomerSessionV2)!, Hand.StjContext.Default.CustomerSessionV2)
                : JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Hand.StjContext.Default.NewCustomerSession)!, Hand.StjContext.Default.NewCustomerSession);
            var nj = v2
                ? Newtonsoft.Json.JsonConvert.SerializeObject(Newtonsoft.Json.JsonConvert.DeserializeObject<Hand.CustomerSessionV2>(json), NewtonsoftSettings)
                : Newtonsoft.Json.JsonConvert.SerializeObject(Newtonsoft.Json.JsonConvert.DeserializeObject<Hand.NewCustomerSession>(json), NewtonsoftSettings);
            // Like with like: every property of the payload is a documented one for ModelDocs too.
            var unknown = v2
                ? JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.CustomerSessionV2)!.CartItems!.Count(i => i.UnknownProperties is not null)
                : JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.NewCustomerSession)!.CartItems!.Count(i => i.UnknownProperties is not null);
            if (unknown != 0) throw new InvalidOperationException("the payload has properties the docs do not list");
            foreach (var (name, output) in new[] { ("ModelDocs", ours), ("STJ source gen", stj), ("Newtonsoft", nj) })
            {
                if (!SameJson(input, JsonNode.Parse(output))) throw new InvalidOperationException($"{name} changed the payload:\n in:  {json}\n out: {output}");
            }
        }
    }

    public static readonly Newtonsoft.Json.JsonSerializerSettings NewtonsoftSettings = new()
    {
        NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore,
        DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
        FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal,
    };

    private static bool SameJson(JsonNode? a, JsonNode? b) => a switch
    {
        null => b is null,
        JsonObject oa => b is JsonObject ob && oa.Count == ob.Count && oa.All(p => ob.TryGetPropertyValue(p.Key, out var v) && SameJson(p.Value, v)),
        JsonArray aa => b is JsonArray ab && aa.Count == ab.Count && aa.Zip(ab).All(p => SameJson(p.First, p.Second)),
        _ => b is JsonValue && SameValue(a.GetValue<JsonElement>(), b.GetValue<JsonElement>()),
    };

    private static bool SameValue(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind) return false;
        if (a.ValueKind == JsonValueKind.Number) return a.GetDecimal() == b.GetDecimal();
        if (a.ValueKind == JsonValueKind.String && a.GetString() != b.GetString())
        {
            return DateTimeOffset.TryParse(a.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var x)
                && DateTimeOffset.TryParse(b.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var y) && x == y && x.Offset == y.Offset;
        }
        return true;
    }
}

[MemoryDiagnoser]
public class Deserialize
{
    private byte[] _utf8 = Array.Empty<byte>();
    private string _text = string.Empty;

    [Params("NewSession-10", "SessionV2-25")]
    public string Payload { get; set; } = string.Empty;

    private bool V2 => Payload.StartsWith("SessionV2", StringComparison.Ordinal);

    [GlobalSetup]
    public void Setup()
    {
        _text = V2 ? Payloads.SessionV2 : Payloads.Session10;
        _utf8 = Encoding.UTF8.GetBytes(_text);
    }

    /// <summary>The physical limit: every token of the payload read by a bare Utf8JsonReader, no object built.</summary>
    [Benchmark(Description = "Utf8JsonReader pass")]
    public int ReaderPass()
    {
        var reader = new Utf8JsonReader(_utf8);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }

    /// <summary>
    /// The floor for any deserializer that builds objects: the same pass, with every string value decoded
    /// (<c>GetString</c>) and every number parsed (<c>TryGetDecimal</c>); property names are not decoded.
    /// </summary>
    [Benchmark(Description = "Utf8JsonReader pass + values decoded")]
    public int ReaderPassDecoded()
    {
        var reader = new Utf8JsonReader(_utf8);
        var n = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: n += reader.GetString()!.Length; break;
                case JsonTokenType.Number: if (reader.TryGetDecimal(out _)) n++; break;
            }
        }
        return n;
    }

    [Benchmark(Description = "ModelDocs context")]
    public object? ModelDocs() => V2
        ? JsonSerializer.Deserialize(_utf8, ModelDocsJsonContext.Default.CustomerSessionV2)
        : JsonSerializer.Deserialize(_utf8, ModelDocsJsonContext.Default.NewCustomerSession);

    [Benchmark(Baseline = true, Description = "STJ source generator")]
    public object? StjSourceGen() => V2
        ? JsonSerializer.Deserialize(_utf8, Hand.StjContext.Default.CustomerSessionV2)
        : JsonSerializer.Deserialize(_utf8, Hand.StjContext.Default.NewCustomerSession);

    [Benchmark(Description = "Newtonsoft.Json")]
    public object? Newtonsoft() => V2
        ? global::Newtonsoft.Json.JsonConvert.DeserializeObject<Hand.CustomerSessionV2>(_text, Payloads.NewtonsoftSettings)
        : global::Newtonsoft.Json.JsonConvert.DeserializeObject<Hand.NewCustomerSession>(_text, Payloads.NewtonsoftSettings);
}

[MemoryDiagnoser]
public class Serialize
{
    private object _ours = null!;
    private object _hand = null!;

    [Params("NewSession-10", "SessionV2-25")]
    public string Payload { get; set; } = string.Empty;

    private bool V2 => Payload.StartsWith("SessionV2", StringComparison.Ordinal);

    [GlobalSetup]
    public void Setup()
    {
        var json = V2 ? Payloads.SessionV2 : Payloads.Session10;
        _ours = V2 ? JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.CustomerSessionV2)! : JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.NewCustomerSession)!;
        _hand = V2 ? JsonSerializer.Deserialize(json, Hand.StjContext.Default.CustomerSessionV2)! : JsonSerializer.Deserialize(json, Hand.StjContext.Default.NewCustomerSession)!;
    }

    [Benchmark(Description = "ModelDocs context")]
    public byte[] ModelDocs() => V2
        ? JsonSerializer.SerializeToUtf8Bytes((CustomerSessionV2)_ours, ModelDocsJsonContext.Default.CustomerSessionV2)
        : JsonSerializer.SerializeToUtf8Bytes((NewCustomerSession)_ours, ModelDocsJsonContext.Default.NewCustomerSession);

    [Benchmark(Baseline = true, Description = "STJ source generator")]
    public byte[] StjSourceGen() => V2
        ? JsonSerializer.SerializeToUtf8Bytes((Hand.CustomerSessionV2)_hand, Hand.StjContext.Default.CustomerSessionV2)
        : JsonSerializer.SerializeToUtf8Bytes((Hand.NewCustomerSession)_hand, Hand.StjContext.Default.NewCustomerSession);

    [Benchmark(Description = "Newtonsoft.Json")]
    public string Newtonsoft() => global::Newtonsoft.Json.JsonConvert.SerializeObject(_hand, Payloads.NewtonsoftSettings);
}

/// <summary>
/// Without BenchmarkDotNet: the three deserializers and the reader pass take turns in 50 ms batches for
/// about 20 s per payload, and the best batch of each counts (on a loaded machine the least preempted).
/// For comparing a change to the generated code; the README's figures come from the BenchmarkDotNet run.
/// </summary>
public static class Interleaved
{
    public static int Run()
    {
        foreach (var payload in new[] { "NewSession-10", "SessionV2-25" })
        {
            var d = new Deserialize { Payload = payload };
            d.Setup();
            var methods = new (string Name, Func<object?> Call)[]
            {
                ("reader pass", () => d.ReaderPass()),
                ("pass + values decoded", () => d.ReaderPassDecoded()),
                ("ModelDocs", d.ModelDocs),
                ("STJ source gen", d.StjSourceGen),
            };
            var best = new double[methods.Length];
            Array.Fill(best, double.MaxValue);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            for (var round = 0; sw.Elapsed.TotalSeconds < 20; round++)
            {
                for (var m = 0; m < methods.Length; m++)
                {
                    var call = methods[m].Call;
                    var batch = System.Diagnostics.Stopwatch.StartNew();
                    var n = 0;
                    while (batch.Elapsed.TotalMilliseconds < 50) { call(); n++; }
                    if (round > 0) best[m] = Math.Min(best[m], batch.Elapsed.TotalMilliseconds * 1000 / n);
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{payload}: reader pass {best[0]:F2} µs, pass + values decoded {best[1]:F2} µs, ModelDocs {best[2]:F2} µs, STJ {best[3]:F2} µs; decoded / reader {best[1] / best[0]:F2}, ModelDocs / reader {best[2] / best[0]:F2}, STJ / ModelDocs {best[3] / best[2]:F2}"));
        }
        return 0;
    }

    /// <summary>One deserializer over one payload in a loop, for a profiler.</summary>
    public static int Loop(string which, double seconds)
    {
        var d = new Deserialize { Payload = which.EndsWith("v2", StringComparison.Ordinal) ? "SessionV2-25" : "NewSession-10" };
        d.Setup();
        Func<object?> call = which.StartsWith("stj", StringComparison.Ordinal) ? d.StjSourceGen : d.ModelDocs;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        long n = 0;
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 1000; i++) call();
            n += 1000;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{which}: {sw.Elapsed.TotalMilliseconds * 1000 / n:F2} µs per call"));
        return 0;
    }
}
