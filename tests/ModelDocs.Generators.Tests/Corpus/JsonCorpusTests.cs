using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators.Inference;
using ModelDocs.Generators.Model;
using ModelDocs.Generators.Parsing.Json;
using Xunit;
using Xunit.Abstractions;
using ModelDocs.Generators.Common;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// Acceptance for JSON inputs: Talon.One's openapi.json generates and compiles, and agrees with
/// truth.json; every OpenAPI document and JSON-Schema-Test-Suite schema in the shared test suites
/// generates without a generator exception and compiles.
/// </summary>
public sealed class JsonCorpusTests
{
    private readonly ITestOutputHelper _out;

    public JsonCorpusTests(ITestOutputHelper output) => _out = output;

    private static string OpenApiPath => Path.Combine(TestHelpers.CorpusDir, "openapi.json");

    [Fact]
    public void Talon_openapi_generates_and_compiles_cleanly()
    {
        var docs = new[] { new InMemoryAdditionalText(OpenApiPath, File.ReadAllText(OpenApiPath)) };
        var run = TestHelpers.Run(docs);
        var sources = run.Sources.ToList();
        var records = sources.Count(s => s.SourceText.ToString().Contains(" partial record "));
        var enums = sources.Count(s => s.SourceText.ToString().Contains("public enum "));
        var compile = run.CompileDiagnostics;
        _out.WriteLine($"openapi.json: {records} records, {enums} enums, {sources.Count} sources; {run.GeneratorDiagnostics.Length} doc diagnostics; " +
                       $"compile: {compile.Count(d => d.Severity == DiagnosticSeverity.Error)} errors, {compile.Count(d => d.Severity == DiagnosticSeverity.Warning)} warnings");
        foreach (var g in run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key)) _out.WriteLine($"  {g.Key}: {g.Count()}, e.g. {g.First().GetMessage()}");
        Assert.True(compile.IsEmpty, TestHelpers.Format(compile));
        // As for the markdown docs, MD1009 for EvaluableCampaignIds.evaluableCampaignIds. The spec's duplicate
        // allOf properties mostly differ only in examples or descriptions (e.g. 'created' in Entity and
        // IntegrationEntity): merged silently. One really differs: CustomerSession's own integrationId lacks
        // IntegrationEntity's "format": "string" (MD1023, the first definition is used).
        var warnings = run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id + " " + d.GetMessage()).OrderBy(m => m, StringComparer.Ordinal).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("MD1009 Property 'evaluableCampaignIds' in 'EvaluableCampaignIds'", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("MD1023 Property 'integrationId' in 'CustomerSession' is defined differently by two allOf parts (IntegrationEntity and CustomerSession)", warnings[1], StringComparison.Ordinal);

        // Every schema of components/schemas: a record or an enum of its name, or an alias (an array,
        // map or primitive schema, whose type is used wherever it is referenced).
        using var spec = JsonDocument.Parse(File.ReadAllText(OpenApiPath));
        var schemas = spec.RootElement.GetProperty("components").GetProperty("schemas");
        int asType = 0, aliases = 0;
        var missing = new List<string>();
        foreach (var schema in schemas.EnumerateObject())
        {
            var hint = $"Test.Models.{Identifiers.ToIdentifier(schema.Name)}.g.cs";
            if (sources.Any(s => s.HintName == hint)) asType++;
            else if (IsAlias(schema.Value)) aliases++;
            else missing.Add(schema.Name);
        }
        _out.WriteLine($"{schemas.EnumerateObject().Count()} schemas: {asType} generate a type, {aliases} are aliases; missing: {string.Join(", ", missing)}");
        Assert.Empty(missing);
        Assert.Equal(758, asType + aliases);
    }

    /// <summary>
    /// The spec's one discriminator: <c>IntegrationHubPaginatedEventPayload.Data</c>'s items name their case
    /// by <c>EventType</c>, three values for one schema. The items become a base with four derived records;
    /// a page of mixed events round-trips through the generated context, values and all.
    /// </summary>
    [Fact]
    public void Talon_openapi_event_payloads_dispatch_on_EventType()
    {
        var g = Json.GeneratedAssembly.Build(new[] { new InMemoryAdditionalText(OpenApiPath, File.ReadAllText(OpenApiPath)) });
        var baseType = g.Type("IntegrationHubPaginatedEventPayloadDataItem");
        Assert.Equal(baseType, g.Type("IntegrationHubPaginatedEventPayload").GetProperty("Data")!.PropertyType.GetGenericArguments()[0]);
        foreach (var name in new[] { "IntegrationHubEventPayloadCouponBasedNotifications", "IntegrationHubEventPayloadLoyaltyProfileBasedPointsChangedNotification",
                     "IntegrationHubEventPayloadLoyaltyProfileBasedTierDowngradeNotification", "IntegrationHubEventPayloadLoyaltyProfileBasedTierUpgradeNotification" })
        {
            Assert.Equal(baseType, g.Type(name).BaseType);
        }
        Assert.DoesNotContain(g.Run.GeneratorDiagnostics, d => d.Id == "MD1026");

        const string coupon = "\"Id\":1,\"Created\":\"2026-01-02T03:04:05+00:00\",\"CampaignId\":7,\"Value\":\"SAVE10\",\"UsageLimit\":1,\"UsageCounter\":0,\"PublishedAt\":\"2026-01-02T03:04:06+00:00\",\"SourceOfEvent\":\"api\",\"EmployeeName\":\"\"";
        var json = "{\"TotalResultSize\":4,\"EventType\":\"CouponCreated\",\"Data\":["
                   + "{\"EventType\":\"CouponCreated\"," + coupon + "},"
                   + "{\"EventType\":\"CouponDeleted\"," + coupon + "},"
                   + "{\"EventType\":\"LoyaltyPointsChanged\",\"ProfileIntegrationID\":\"p1\",\"LoyaltyProgramID\":3,\"LoyaltyProgramName\":\"Gold\",\"SubledgerID\":\"\",\"SourceOfEvent\":\"rule\",\"CurrentTier\":\"T1\",\"CurrentPoints\":12.5,\"PublishedAt\":\"2026-01-02T03:04:07+00:00\"},"
                   + "{\"Note\":\"an item without EventType reads as the base\"}]}";
        var page = g.Deserialize(json, "IntegrationHubPaginatedEventPayload")!;
        var items = ((System.Collections.IEnumerable)page.GetType().GetProperty("Data")!.GetValue(page)!).Cast<object>().Select(o => o.GetType().Name).ToList();
        Assert.Equal(new[] { "IntegrationHubEventPayloadCouponBasedNotifications", "IntegrationHubEventPayloadCouponBasedNotifications",
            "IntegrationHubEventPayloadLoyaltyProfileBasedPointsChangedNotification", "IntegrationHubPaginatedEventPayloadDataItem" }, items);
        var written = g.Serialize(page, "IntegrationHubPaginatedEventPayload");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(written)), written);
        Assert.Equal(page, g.Deserialize(written, "IntegrationHubPaginatedEventPayload"));
    }

    /// <summary>Read independently of the generator: a schema that is not an object or a string enum.</summary>
    private static bool IsAlias(JsonElement schema)
    {
        if (schema.TryGetProperty("properties", out _) || schema.TryGetProperty("allOf", out _)) return false;
        if (schema.TryGetProperty("enum", out var e)) return !e.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String);
        if (schema.TryGetProperty("items", out _) || schema.TryGetProperty("additionalProperties", out var ap) && ap.ValueKind == JsonValueKind.Object) return true;
        return schema.TryGetProperty("type", out var t) && t.GetString() != "object";
    }

    [Fact]
    public void Talon_openapi_matches_truth_json()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestHelpers.CorpusDir, "truth.json")));
        var models = CorpusModels.LoadJson(OpenApiPath, out _);

        int modelsCompared = 0, notInSpec = 0, props = 0, wireEqual = 0, requiredEqual = 0, enumProps = 0, enumEqual = 0, extraEnums = 0, enumDocs = 0, enumDocsEqual = 0;
        var mismatches = new List<string>();
        foreach (var model in truth.RootElement.EnumerateObject())
        {
            if (!models.TryGetValue(model.Name, out var spec))
            {
                notInSpec++;
                continue;
            }
            modelsCompared++;
            if (model.Value.GetProperty("kind").GetString() == "enum")
            {
                enumDocs++;
                var expected = model.Value.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToHashSet();
                if (expected.SetEquals(spec.Enums.Single().Members.Select(m => m.WireValue))) enumDocsEqual++;
                else mismatches.Add($"{model.Name}: enum values differ");
                continue;
            }
            foreach (var p in model.Value.GetProperty("properties").EnumerateArray())
            {
                props++;
                var wire = p.GetProperty("wire").GetString()!;
                var required = p.GetProperty("required").GetBoolean();
                var prop = spec.Properties.FirstOrDefault(x => x.WireName == wire);
                if (prop is null)
                {
                    mismatches.Add($"{model.Name}.{wire}: no property with that wire name");
                    continue;
                }
                wireEqual++;
                if (prop.IsRequired == required) requiredEqual++;
                else mismatches.Add($"{model.Name}.{wire}: required truth {required}, generated {prop.IsRequired}");
                var truthEnum = p.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.GetString()!).ToHashSet() : null;
                var gen = CorpusModels.EnumOf(spec, prop)?.Members.Select(m => m.WireValue).ToHashSet();
                if (truthEnum is not null)
                {
                    enumProps++;
                    if (gen is not null && truthEnum.SetEquals(gen)) enumEqual++;
                    else mismatches.Add($"{model.Name}.{wire}: enum truth [{string.Join(", ", truthEnum)}], generated [{(gen is null ? "none" : string.Join(", ", gen))}]");
                }
                else if (gen is not null)
                {
                    extraEnums++;
                    mismatches.Add($"{model.Name}.{wire}: enum generated [{string.Join(", ", gen)}], truth has none");
                }
            }
        }
        double Pct(int a, int b) => b == 0 ? 100 : 100.0 * a / b;
        _out.WriteLine("| measure | matched | of | share |");
        _out.WriteLine("|---|---:|---:|---:|");
        _out.WriteLine($"| truth models found in openapi.json | {modelsCompared} | {modelsCompared + notInSpec} | {Pct(modelsCompared, modelsCompared + notInSpec):F1}% |");
        _out.WriteLine($"| wire names present | {wireEqual} | {props} | {Pct(wireEqual, props):F1}% |");
        _out.WriteLine($"| required flags equal | {requiredEqual} | {props} | {Pct(requiredEqual, props):F1}% |");
        _out.WriteLine($"| property enum value sets equal | {enumEqual} | {enumProps} | {Pct(enumEqual, enumProps):F1}% |");
        _out.WriteLine($"| enums generated where truth has none | {extraEnums} | | |");
        _out.WriteLine($"| enum schemas equal | {enumDocsEqual} | {enumDocs} | {Pct(enumDocsEqual, enumDocs):F1}% |");
        foreach (var m in mismatches.Take(40)) _out.WriteLine("  " + m);

        Assert.Equal(665, modelsCompared); // 664 models + the IntegrationHubEventType enum (corpus README)
        Assert.Empty(mismatches);
        Assert.Equal(props, wireEqual);
        Assert.Equal(props, requiredEqual);
        Assert.Equal(enumProps, enumEqual);
        Assert.Equal(0, extraEnums);
        Assert.Equal(enumDocs, enumDocsEqual);
    }

    [Fact]
    public void NewCustomerSessionV2_state_machine_from_openapi_equals_the_markdown_one()
    {
        var json = CorpusModels.LoadJson(OpenApiPath, out _)["NewCustomerSessionV2"];
        var md = CorpusModels.Load(Path.Combine(TestHelpers.CorpusDir, "python"))["NewCustomerSessionV2"];
        EnumModel StateEnum(ModelSpec m) => CorpusModels.EnumOf(m, m.Properties.Single(p => p.WireName == "state"))!;
        var fromJson = StateEnum(json);
        var fromMd = StateEnum(md);
        Assert.Equal(EnumOrigin.Schema, fromJson.Origin);
        Assert.Equal(EnumOrigin.Prose, fromMd.Origin);
        Assert.Equal(fromMd.Members.Select(m => m.WireValue).OrderBy(v => v), fromJson.Members.Select(m => m.WireValue).OrderBy(v => v));
        Assert.NotNull(fromJson.StateMachine);
        Assert.Equal(new[] { "open", "closed" }, fromJson.StateMachine!.Creatable.ToArray());
        Assert.Equal(fromMd.StateMachine!.Creatable.ToArray(), fromJson.StateMachine.Creatable.ToArray());
        var expected = new[] { ("open", "closed"), ("open", "cancelled"), ("closed", "cancelled"), ("closed", "partially_returned"), ("closed", "open"), ("partially_returned", "cancelled") };
        Assert.Equal(expected, fromJson.StateMachine.Transitions.Select(t => (t.From, t.To)).ToArray());
        Assert.Equal(fromMd.StateMachine.Transitions.ToArray(), fromJson.StateMachine.Transitions.ToArray());
        // The default ("open") is the enum member, as in markdown.
        Assert.Equal(md.Properties.Single(p => p.WireName == "state").Default, json.Properties.Single(p => p.WireName == "state").Default);
    }
}
