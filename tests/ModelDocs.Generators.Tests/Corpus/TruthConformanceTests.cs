using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelDocs.Generators.Inference;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// Acceptance 2: the python docs, read under the default policy, against truth.json (extracted from
/// the same SDK's pydantic models by a third party, not by this code).
/// </summary>
public sealed class TruthConformanceTests
{
    private readonly ITestOutputHelper _out;

    public TruthConformanceTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Python_docs_match_truth_json()
    {
        var truthPath = Path.Combine(TestHelpers.CorpusDir, "truth.json");
        Assert.True(File.Exists(truthPath), "truth.json not found at " + truthPath);
        using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
        var models = CorpusModels.Load(Path.Combine(TestHelpers.CorpusDir, "python"));
        var pythonDir = Path.Combine(TestHelpers.CorpusDir, "python");

        int props = 0, requiredEqual = 0, camelApplies = 0, camelEqual = 0, wireEqualAll = 0;
        int inferred = 0, inferredCorrect = 0, fullyListed = 0, fullyListedFound = 0, enumDocs = 0, enumDocsEqual = 0;
        var wireMismatches = new List<string>();
        var requiredMismatches = new List<string>();
        var wrongEnums = new List<string>();
        var missedEnums = new List<string>();
        var missingModels = new List<string>();

        foreach (var model in truth.RootElement.EnumerateObject())
        {
            if (!models.TryGetValue(model.Name, out var spec))
            {
                missingModels.Add(model.Name);
                continue;
            }
            if (model.Value.GetProperty("kind").GetString() == "enum")
            {
                enumDocs++;
                var expected = model.Value.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).OrderBy(v => v, StringComparer.Ordinal);
                var actual = spec.Enums.Single().Members.Select(m => m.WireValue).OrderBy(v => v, StringComparer.Ordinal);
                if (expected.SequenceEqual(actual)) enumDocsEqual++;
                continue;
            }
            var descriptions = Descriptions(Path.Combine(pythonDir, model.Name + ".md"));
            foreach (var p in model.Value.GetProperty("properties").EnumerateArray())
            {
                props++;
                var py = p.GetProperty("py").GetString()!;
                var wire = p.GetProperty("wire").GetString()!;
                var required = p.GetProperty("required").GetBoolean();
                var prop = spec.Properties.FirstOrDefault(x => x.Name == py);
                if (prop is null)
                {
                    requiredMismatches.Add($"{model.Name}.{py}: not generated");
                    continue;
                }
                if (prop.IsRequired == required) requiredEqual++;
                else requiredMismatches.Add($"{model.Name}.{py}: truth {required}, generated {prop.IsRequired}");

                if (prop.WireName == wire) wireEqualAll++;
                if (Naming.ToCamelCase(py) == wire)
                {
                    camelApplies++;
                    if (prop.WireName == wire) camelEqual++;
                }
                else
                {
                    wireMismatches.Add($"{model.Name}.{py}: wire '{wire}', camelCase policy gives '{prop.WireName}'");
                }

                var truthEnum = p.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.GetString()!).ToList() : null;
                var gen = CorpusModels.EnumOf(spec, prop);
                if (gen is not null)
                {
                    inferred++;
                    var genValues = gen.Members.Select(m => m.WireValue).ToList();
                    if (truthEnum is not null && new HashSet<string>(truthEnum).SetEquals(genValues)) inferredCorrect++;
                    else wrongEnums.Add($"{model.Name}.{py}: generated [{string.Join(", ", genValues)}], truth [{(truthEnum is null ? "no enum" : string.Join(", ", truthEnum))}]");
                }
                var description = descriptions.TryGetValue(py, out var d) ? d : string.Empty;
                var ticks = new HashSet<string>(Regex.Matches(description, "`([^`]*)`").Select(m => m.Groups[1].Value));
                if (truthEnum is not null && truthEnum.All(ticks.Contains))
                {
                    fullyListed++;
                    if (gen is not null && new HashSet<string>(truthEnum).SetEquals(gen.Members.Select(m => m.WireValue))) fullyListedFound++;
                    else missedEnums.Add($"{model.Name}.{py}: [{string.Join(", ", truthEnum)}]");
                }
            }
        }

        double Pct(int a, int b) => b == 0 ? 100 : 100.0 * a / b;
        _out.WriteLine("| measure | matched | of | share |");
        _out.WriteLine("|---|---:|---:|---:|");
        _out.WriteLine($"| required flags equal | {requiredEqual} | {props} | {Pct(requiredEqual, props):F1}% |");
        _out.WriteLine($"| wire names equal where camelCase(py) is the wire name | {camelEqual} | {camelApplies} | {Pct(camelEqual, camelApplies):F1}% |");
        _out.WriteLine($"| wire names equal, all properties (default policy) | {wireEqualAll} | {props} | {Pct(wireEqualAll, props):F1}% |");
        _out.WriteLine($"| inferred enums equal to truth (precision) | {inferredCorrect} | {inferred} | {Pct(inferredCorrect, inferred):F1}% |");
        _out.WriteLine($"| enums found where every value is backticked (recall) | {fullyListedFound} | {fullyListed} | {Pct(fullyListedFound, fullyListed):F1}% |");
        _out.WriteLine($"| enum docs equal | {enumDocsEqual} | {enumDocs} | {Pct(enumDocsEqual, enumDocs):F1}% |");
        _out.WriteLine($"models in truth not generated: {missingModels.Count}");
        _out.WriteLine($"wire-name mismatches under camelCase (not camelCase in the spec): {wireMismatches.Count}; first 25:");
        foreach (var m in wireMismatches.Take(25)) _out.WriteLine("  " + m);
        _out.WriteLine("inferred enums that differ from truth:");
        foreach (var m in wrongEnums) _out.WriteLine("  " + m);
        _out.WriteLine("fully backticked enums not inferred:");
        foreach (var m in missedEnums) _out.WriteLine("  " + m);

        Assert.Empty(missingModels);
        Assert.Empty(requiredMismatches);
        Assert.Equal(camelApplies, camelEqual);
        Assert.True(Pct(inferredCorrect, inferred) >= 97.0, $"precision {Pct(inferredCorrect, inferred):F1}%");
        Assert.True(Pct(fullyListedFound, fullyListed) >= 90.0, $"recall {Pct(fullyListedFound, fullyListed):F1}%");
        Assert.Equal(enumDocs, enumDocsEqual);
        // The corpus README's own figures, as a check that this test reads the same data.
        Assert.Equal(3979, props);
        Assert.Equal(3581, camelApplies);
        Assert.Equal(71, fullyListed);
    }

    /// <summary>python Name → decoded Description, read independently of the generator's reader.</summary>
    private static Dictionary<string, string> Descriptions(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("**", StringComparison.Ordinal)) continue;
            var cells = line.Split(" | ");
            if (cells.Length >= 3) result[cells[0].Trim('*', ' ')] = System.Net.WebUtility.HtmlDecode(cells[2]);
        }
        return result;
    }
}
