using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ModelDocs.Generators.Parsing.Json;
using ModelDocs.Generators.Parsing.Yaml;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests.Yaml;

/// <summary>
/// The YAML reader against yaml-test-suite (shared/testsuites/yaml-test-suite): every case with <c>in.json</c>
/// reads to the same value (our tree from the YAML compared structurally with our tree from the JSON), every case
/// with an <c>error</c> file gives an error with a position, never an exception. Deliberate refusals are listed
/// below by feature or case id with the reason; any other difference fails the test.
/// </summary>
public sealed class YamlTestSuiteTests
{
    private readonly ITestOutputHelper _out;

    public YamlTestSuiteTests(ITestOutputHelper output) => _out = output;

    /// <summary>
    /// Valid cases YamlDotNet 18.1.0's parser rejects or reads differently (rare layouts no OpenAPI document
    /// uses); each gives a located error or a tree, never an exception. Two features are refused by check, not
    /// by id (see the test): several documents in one stream, and a stream with no node at all.
    /// </summary>
    private static readonly Dictionary<string, string> RefusedCases = new(StringComparer.Ordinal)
    {
        ["4MUZ/02"] = "YamlDotNet rejects a flow mapping's ':' on the line after its key",
        ["VJP3/01"] = "YamlDotNet rejects a flow mapping's ':' on the line after its key",
        ["DK95/04"] = "YamlDotNet rejects a line holding only a tab between block mapping entries",
        ["JEF9/01"] = "YamlDotNet rejects trailing whitespace lines in a kept (|+) block scalar",
        ["JEF9/02"] = "YamlDotNet drops a trailing whitespace-only line of a kept (|+) block scalar at the end of the stream",
        ["L24T/01"] = "YamlDotNet drops a trailing whitespace-only line of a literal block scalar at the end of the stream",
    };

    /// <summary>Error cases YamlDotNet's parser accepts (it is not a perfect 1.2 parser): read, never thrown, listed here.</summary>
    private static readonly Dictionary<string, string> AcceptedErrorCases = new(StringComparer.Ordinal)
    {
        ["DK95/01"] = "YamlDotNet accepts a tab at the start of a double-quoted scalar's continuation line",
        ["MUS6/00"] = "YamlDotNet accepts a comment without a space after the %YAML directive",
        ["Y79Y/003"] = "YamlDotNet accepts a tab before a flow sequence entry in a block sequence",
        ["Y79Y/004"] = "YamlDotNet accepts a tab between block sequence indicators",
        ["Y79Y/005"] = "YamlDotNet accepts a tab between block sequence indicators",
    };

    private static IEnumerable<string> Cases(string root)
        => Directory.GetFiles(root, "in.yaml", SearchOption.AllDirectories).Select(Path.GetDirectoryName).OrderBy(d => d, StringComparer.Ordinal)!;

    private static int Documents(string dir)
        => File.Exists(Path.Combine(dir, "test.event")) ? File.ReadAllLines(Path.Combine(dir, "test.event")).Count(l => l.StartsWith("+DOC", StringComparison.Ordinal)) : 1;

    [Fact]
    public void Every_case_reads_to_its_json_or_is_a_located_error()
    {
        var root = Path.Combine(TestHelpers.SharedDir, "testsuites", "yaml-test-suite");
        Assert.True(Directory.Exists(root), "yaml-test-suite not found; looked at " + root);
        int equal = 0, multiDoc = 0, empty = 0, refused = 0, errors = 0, acceptedErrors = 0, neither = 0;
        var failures = new List<string>();
        var refusedSeen = new List<string>();
        foreach (var dir in Cases(root))
        {
            var id = Path.GetRelativePath(root, dir).Replace('\\', '/');
            var yaml = File.ReadAllText(Path.Combine(dir, "in.yaml"));
            JsonNode? node;
            JsonSyntaxError? error;
            try
            {
                node = YamlReader.Parse(yaml, out error);
            }
            catch (Exception ex)
            {
                failures.Add($"{id}: threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }
            if (node is null && (error is null || error.Position < 0 || error.Position > yaml.Length))
            {
                failures.Add($"{id}: no tree and no located error");
                continue;
            }
            if (File.Exists(Path.Combine(dir, "error")))
            {
                if (node is null) errors++;
                else if (AcceptedErrorCases.TryGetValue(id, out var accepted))
                {
                    acceptedErrors++;
                    refusedSeen.Add($"{id} (error case read): {accepted}");
                }
                else failures.Add($"{id}: an error case, read without an error");
                continue;
            }
            var jsonPath = Path.Combine(dir, "in.json");
            if (!File.Exists(jsonPath))
            {
                neither++;
                continue;
            }
            // Feature check: several documents in one stream are refused (ModelDocs reads one per file).
            if (Documents(dir) > 1)
            {
                multiDoc++;
                if (node is not null || !error!.Message.Contains("more than one YAML document", StringComparison.Ordinal))
                    failures.Add($"{id}: a multi-document stream not refused as such ({error?.Message ?? "read"})");
                continue;
            }
            // Feature check: a stream without any node (comments, directives only) has no value (in.json is empty).
            if (File.ReadAllText(jsonPath).Trim().Length == 0)
            {
                empty++;
                if (node is not null || !error!.Message.Contains("no YAML document", StringComparison.Ordinal))
                    failures.Add($"{id}: an empty stream not refused as such ({error?.Message ?? "read"})");
                continue;
            }
            if (RefusedCases.TryGetValue(id, out var why))
            {
                refused++;
                refusedSeen.Add($"{id}: {why}");
                continue;
            }
            var expected = JsonReader.Parse(File.ReadAllText(jsonPath), out var jsonError);
            if (expected is null)
            {
                failures.Add($"{id}: in.json unreadable ({jsonError?.Message})");
                continue;
            }
            if (node is null)
            {
                failures.Add($"{id}: refused: {error!.Message} at {error.Position}");
                continue;
            }
            if (YamlTestHelpers.Difference(node, expected) is { } difference) failures.Add($"{id}: differs at {difference}");
            else equal++;
        }
        _out.WriteLine($"equal to in.json: {equal}; multi-document streams refused: {multiDoc}; empty streams refused: {empty}; refused by id: {refused}; error cases with a located error: {errors}; error cases YamlDotNet accepts (listed): {acceptedErrors}; neither json nor error: {neither}; failures: {failures.Count}");
        foreach (var r in refusedSeen) _out.WriteLine("refused " + r);
        foreach (var f in failures) _out.WriteLine("FAIL " + f);
        Assert.True(failures.Count == 0, failures.Count + " failures:\n" + string.Join("\n", failures));
    }
}
