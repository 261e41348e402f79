using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// Approved-file snapshots. Each generated source is compared exactly (ordinal, line endings included)
/// against <c>Baselines/{testName}/{hintName}.txt</c>, found relative to the calling source file.
/// <para>
/// The files end in <c>.txt</c>, not <c>.cs</c>: the test project compiles every <c>**/*.cs</c> under it,
/// and the baselines of different dialects define the same types, so <c>.cs</c> baselines would break the
/// test build. <c>Baselines/.gitattributes</c> turns off line-ending conversion.
/// </para>
/// On a mismatch <c>{hintName}.received.txt</c> is written next to the baseline and the test fails.
/// With <c>MODELDOCS_UPDATE_BASELINES=1</c> the baselines are rewritten (and stale ones deleted) instead.
/// </summary>
public static class ApprovedFiles
{
    public const string UpdateVariable = "MODELDOCS_UPDATE_BASELINES";
    private const string Extension = ".txt";
    private const string ReceivedExtension = ".received.txt";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string BaselineDir(string testName, [CallerFilePath] string callerPath = "")
        => Path.Combine(Path.GetDirectoryName(callerPath)!, "Baselines", testName);

    /// <summary>
    /// Checks <paramref name="sources"/> (hint name → text) against the baselines of <paramref name="testName"/>:
    /// every text must match its baseline exactly, and the set of hint names must equal the set of baseline files.
    /// </summary>
    public static void Verify(string testName, IEnumerable<KeyValuePair<string, string>> sources, [CallerFilePath] string callerPath = "")
    {
        var dir = BaselineDir(testName, callerPath);
        var actual = sources.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var hint in actual.Keys)
        {
            Assert.False(hint.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || hint.EndsWith(ReceivedExtension, StringComparison.Ordinal),
                "hint name cannot be a baseline file name: " + hint);
        }

        if (Updating)
        {
            Directory.CreateDirectory(dir);
            foreach (var stale in BaselineFiles(dir).Where(h => !actual.ContainsKey(h)))
            {
                File.Delete(Path.Combine(dir, stale + Extension));
            }
            foreach (var kv in actual)
            {
                Write(Path.Combine(dir, kv.Key + Extension), kv.Value);
                DeleteIfExists(Path.Combine(dir, kv.Key + ReceivedExtension));
            }
            return;
        }

        var failures = new List<string>();
        var expectedSet = Directory.Exists(dir) ? BaselineFiles(dir) : new SortedSet<string>(StringComparer.Ordinal);
        var missing = actual.Keys.Where(h => !expectedSet.Contains(h)).OrderBy(h => h, StringComparer.Ordinal).ToList();
        var extra = expectedSet.Where(h => !actual.ContainsKey(h)).ToList();
        if (missing.Count > 0) failures.Add("generated but no baseline: " + string.Join(", ", missing));
        if (extra.Count > 0) failures.Add("baseline but not generated: " + string.Join(", ", extra));

        foreach (var kv in actual.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var baseline = Path.Combine(dir, kv.Key + Extension);
            var received = Path.Combine(dir, kv.Key + ReceivedExtension);
            if (!File.Exists(baseline))
            {
                Directory.CreateDirectory(dir);
                Write(received, kv.Value);
                continue;
            }
            var expected = File.ReadAllText(baseline, Encoding.UTF8);
            if (string.Equals(expected, kv.Value, StringComparison.Ordinal))
            {
                DeleteIfExists(received);
                continue;
            }
            Write(received, kv.Value);
            failures.Add($"{kv.Key} differs from its baseline ({FirstDifference(expected, kv.Value)}); see {received}");
        }

        if (failures.Count > 0)
        {
            Assert.Fail($"Snapshot '{testName}' does not match {dir}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", failures) +
                        $"{Environment.NewLine}If the change is intended, rerun with {UpdateVariable}=1 and review the diff.");
        }
    }

    private static SortedSet<string> BaselineFiles(string dir)
        => new(Directory.GetFiles(dir, "*" + Extension)
            .Select(Path.GetFileName)
            .Where(f => !f!.EndsWith(ReceivedExtension, StringComparison.Ordinal))
            .Select(f => f!.Substring(0, f.Length - Extension.Length)), StringComparer.Ordinal);

    private static void Write(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (!string.Equals(el, al, StringComparison.Ordinal))
            {
                return $"line {i + 1}: expected `{Clip(el)}`, got `{Clip(al)}`";
            }
        }
        return "same lines, different bytes";
    }

    private static string Clip(string s) => s.Length <= 160 ? s : s.Substring(0, 157) + "...";
}
