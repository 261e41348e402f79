using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// Deterministic fuzzing: corpus docs mutated with a seeded <see cref="Random"/> (truncation, dropped and
/// extra pipes, hostile characters and entities), plus hand-made hostile docs (10 MB lines, 100k-deep type
/// nesting, a 100k-row table, files of pipes). Each mutated doc is generated together with 20 unmodified
/// docs; the generator must not throw, must not report MD9001, must still generate every unmodified doc,
/// and what it generates must compile (the test compilation reports warnings as errors, so a malformed XML
/// doc comment in generated code fails too).
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20240611;

    private readonly ITestOutputHelper _out;

    public FuzzTests(ITestOutputHelper output) => _out = output;

    private static readonly Lazy<CSharpCompilation> SharedCompilation = new(() => TestHelpers.CreateCompilation());

    private static string Python(string name) => Path.Combine(TestHelpers.CorpusDir, "python", name + ".md");

    /// <summary>Model docs of the python corpus in ordinal order (the two API docs left out).</summary>
    private static readonly Lazy<string[]> AllPython = new(() => Directory.GetFiles(Path.Combine(TestHelpers.CorpusDir, "python"), "*.md")
        .Select(Path.GetFileNameWithoutExtension)
        .Where(n => !n!.EndsWith("Api", StringComparison.Ordinal))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray()!);

    private static readonly string[] Picked =
    {
        "NewCustomerSession", "CartItem", "Product", "Coupon", "CustomerProfile", "IntegrationHubEventType", "Campaign",
        "Effect", "LoyaltyProgram", "Application",
    };

    /// <summary>About 30 python docs to mutate: hand-picked ones, then every 47th doc.</summary>
    private static readonly Lazy<string[]> FuzzNames = new(() =>
    {
        var all = AllPython.Value;
        var names = Picked.Where(n => all.Contains(n)).ToList();
        for (var i = 3; i < all.Length && names.Count < 30; i += 47)
        {
            if (!names.Contains(all[i])) names.Add(all[i]);
        }
        return names.ToArray();
    });

    /// <summary>20 unmodified docs, disjoint from the fuzzed ones; under "bg/", which sorts before "zz/".</summary>
    private static readonly Lazy<(List<AdditionalText> Docs, string[] Hints)> Background = new(() =>
    {
        var all = AllPython.Value;
        var fuzz = new HashSet<string>(FuzzNames.Value, StringComparer.Ordinal);
        var names = new List<string>();
        for (var i = 11; i < all.Length && names.Count < 20; i += 31)
        {
            if (!fuzz.Contains(all[i])) names.Add(all[i]);
        }
        var docs = names.Select(n => (AdditionalText)new InMemoryAdditionalText("bg/" + n + ".md", File.ReadAllText(Python(n)))).ToList();
        var run = TestHelpers.Run(docs, compilation: SharedCompilation.Value);
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
        var hints = names.Select(n => $"Test.Models.{n}.g.cs").ToArray();
        foreach (var h in hints) Assert.Contains(run.Sources, s => s.HintName == h);
        return (docs, hints);
    });

    private sealed record Mutation(string Description, string Path, string Text);

    /// <summary>Runs one mutated doc with the background docs; returns what went wrong, or null.</summary>
    private static string? Check(Mutation m, out TimeSpan elapsed) => Check(m, out elapsed, out _);

    /// <summary>
    /// <paramref name="elapsed"/>: generator and compile, wall time; <paramref name="generator"/>: the generator
    /// alone (with the parse of its output), the test thread's CPU time where the OS tells it (<see cref="ThreadCpuTime"/>).
    /// </summary>
    private static string? Check(Mutation m, out TimeSpan elapsed, out TimeSpan generator)
    {
        generator = TimeSpan.Zero;
        var (background, hints) = Background.Value;
        var docs = background.Append(new InMemoryAdditionalText(m.Path, m.Text)).ToList();
        var sw = Stopwatch.StartNew();
        var cpu = ThreadCpuTime.StartNew();
        try
        {
            GeneratorRun run;
            try
            {
                run = TestHelpers.Run(docs, compilation: SharedCompilation.Value);
                generator = cpu.Elapsed;
            }
            catch (Exception ex)
            {
                return "threw: " + ex.Message.Split('\n')[0];
            }
            var problems = new List<string>();
            var internalErrors = run.GeneratorDiagnostics.Where(d => d.Id == "MD9001").ToList();
            if (internalErrors.Count > 0) problems.Add("MD9001: " + Clip(internalErrors[0].GetMessage()));
            var hintSet = new HashSet<string>(run.Sources.Select(s => s.HintName), StringComparer.Ordinal);
            var lost = hints.Where(h => !hintSet.Contains(h)).ToList();
            if (lost.Count > 0) problems.Add("unmodified docs lost their source: " + string.Join(", ", lost));
            var errors = run.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                problems.Add($"{errors.Count} compile error(s) in generated code, first: " +
                             (errors[0].IsWarningAsError ? "(warning as error) " : string.Empty) + Clip(errors[0].ToString()) +
                             " | line: " + Clip(LineOf(errors[0])));
            }
            return problems.Count == 0 ? null : string.Join("; ", problems);
        }
        finally
        {
            elapsed = sw.Elapsed;
        }
    }

    private static string LineOf(Diagnostic d)
    {
        var tree = d.Location.SourceTree;
        if (tree is null) return "(no source)";
        var text = tree.GetText();
        var line = d.Location.GetLineSpan().StartLinePosition.Line;
        return line < text.Lines.Count ? text.Lines[line].ToString().Trim() : "(past the end)";
    }

    private static string Clip(string s)
    {
        s = s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0");
        return s.Length <= 300 ? s : s.Substring(0, 297) + "...";
    }

    private static string Show(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c < ' ' || char.IsSurrogate(c) || c > '~') sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly string[] Junk =
    {
        "\0", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\r", "\r\n", "\n", "\t", "\u2028", "\uFEFF", "\uFFFE", "\uFFFF",
        "`", "``", "*", "**", "__", "[", "]", "](", "(", ")", "<", ">", "&", "&#x60;", "&#xD800;", "&#0;", "&#1114112;",
        "&amp;", "&lt;!--", "&#x2028;", "#", "## ", "|", "\\", "\\|", "\"", "'", "-->", "<!--", "</c>", "*/", "/*",
        "→", "`a` → `b`", "[default to ", "[optional]", "List[", "Dict[str, ", "Ω", "\u0663", "@", "{", "}",
    };

    private static string RandomJunk(Random rng)
    {
        var sb = new StringBuilder();
        var n = rng.Next(1, 6);
        for (var i = 0; i < n; i++)
        {
            sb.Append(rng.Next(4) == 0 ? ((char)rng.Next(0, 0x10000)).ToString() : Junk[rng.Next(Junk.Length)]);
        }
        return sb.ToString();
    }

    private static IEnumerable<Mutation> Mutate(string name, string path, string text, Random rng)
    {
        for (var k = 0; k < 3; k++)
        {
            var at = rng.Next(text.Length + 1);
            yield return new Mutation($"{name}: truncated at {at}", path, text.Substring(0, at));
        }
        var pipes = Enumerable.Range(0, text.Length).Where(i => text[i] == '|').ToList();
        for (var k = 0; k < 2 && pipes.Count > 0; k++)
        {
            var at = pipes[rng.Next(pipes.Count)];
            yield return new Mutation($"{name}: removed the pipe at {at}", path, text.Remove(at, 1));
        }
        for (var k = 0; k < 2; k++)
        {
            var at = rng.Next(text.Length + 1);
            var add = new[] { "|", "||", " | ", "|||||" }[rng.Next(4)];
            yield return new Mutation($"{name}: inserted \"{add}\" at {at}", path, text.Insert(at, add));
        }
        for (var k = 0; k < 4; k++)
        {
            var at = rng.Next(text.Length + 1);
            var junk = RandomJunk(rng);
            yield return new Mutation($"{name}: inserted \"{Show(junk)}\" at {at}", path, text.Insert(at, junk));
        }
        {
            // Junk into a random table cell.
            var cellStarts = pipes.Where(p => p + 1 < text.Length).ToList();
            if (cellStarts.Count > 0)
            {
                var at = cellStarts[rng.Next(cellStarts.Count)] + 1;
                var junk = RandomJunk(rng) + RandomJunk(rng);
                yield return new Mutation($"{name}: inserted \"{Show(junk)}\" into the cell at {at}", path, text.Insert(at, junk));
            }
        }
        {
            // Duplicate a random line.
            var lines = text.Split('\n').ToList();
            var i = rng.Next(lines.Count);
            lines.Insert(i, lines[i]);
            yield return new Mutation($"{name}: duplicated line {i}", path, string.Join("\n", lines));
        }
    }

    private static IEnumerable<Mutation> RandomMutations()
    {
        var rng = new Random(Seed);
        foreach (var name in FuzzNames.Value)
        {
            var text = File.ReadAllText(Python(name));
            foreach (var m in Mutate("python/" + name + ".md", "zz/" + name + ".md", text, rng)) yield return m;
        }
        // A few dialect docs; their names are fuzzed python names, so they collide with no background doc.
        foreach (var (dialect, name) in new[] { ("java", "NewCustomerSession"), ("go", "NewCustomerSession"), ("ruby", "CartItem"), ("typescript", "CartItem"), ("php", "Coupon"), ("csharp", "Coupon"), ("python-legacy", "CustomerProfile") })
        {
            var file = Path.Combine(TestHelpers.CorpusDir, "dialects", dialect, name + ".md");
            if (!File.Exists(file)) continue;
            foreach (var m in Mutate($"dialects/{dialect}/{name}.md", $"zz/{dialect}/{name}.md", File.ReadAllText(file), rng)) yield return m;
        }
    }

    [Fact]
    public void Random_mutations_of_corpus_docs()
    {
        _ = Background.Value;
        var failures = new List<string>();
        var count = 0;
        var total = Stopwatch.StartNew();
        var slowest = (Time: TimeSpan.Zero, What: string.Empty);
        foreach (var m in RandomMutations())
        {
            count++;
            var problem = Check(m, out var elapsed);
            if (elapsed > slowest.Time) slowest = (elapsed, m.Description);
            if (problem is not null) failures.Add(m.Description + " -> " + problem);
        }
        _out.WriteLine($"{count} mutations in {total.Elapsed.TotalSeconds:F1} s (seed {Seed}); slowest {slowest.Time.TotalMilliseconds:F0} ms: {slowest.What}; {failures.Count} failed");
        foreach (var f in failures.Take(40)) _out.WriteLine("  " + f);
        Assert.True(count >= 300, "too few mutations ran: " + count);
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} mutations failed:{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(15)));
    }

    /// <summary>
    /// Found by the fuzzer: C# treats U+2028, U+2029 and U+0085 as line breaks, so a description holding one
    /// as an entity (<c>&amp;#x2028;</c>, <c>&amp;#x2029;</c>, <c>&amp;#x85;</c>) would end the <c>///</c> line and turn the
    /// rest into code. XmlDoc.Escape turns them into a space, as it does for \r, \n and \t.
    /// </summary>
    [Theory]
    [InlineData("&#x2028;")]
    [InlineData("&#x2029;")]
    [InlineData("&#x85;")]
    [InlineData("&#8232;")]
    public void Line_separators_in_a_description_stay_inside_the_doc_comment(string separator)
    {
        var doc = Table($"**a** | **str** | before{separator}after. | [optional] ", "# Repro");
        var run = TestHelpers.Run(new[] { new InMemoryAdditionalText("Repro.md", doc) }, compilation: SharedCompilation.Value);
        Assert.Empty(run.GeneratorProblems);
        var source = run.Sources.Single(s => s.HintName == "Test.Models.Repro.g.cs").SourceText.ToString();
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics, 5) + Environment.NewLine + source);
    }

    private static string Table(string rows, string title = "# Hostile")
        => $"{title}\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n{rows}\n";

    private static readonly int Deep = 100_000;

    private static Dictionary<string, Func<string>> HostileDocs() => new()
    {
        ["10 MB description cell"] = () => Table("**ok** | **str** | Fine. | [optional] \n**huge** | **str** | " + new string('a', 10 * 1024 * 1024) + " | [optional] "),
        ["10 MB description cell with markdown"] = () => Table("**huge** | **str** | " + RepeatTo("`open` → `closed` **b** [l](http://x) 1. x - y &#x60; ", 10 * 1024 * 1024) + " | [optional] "),
        ["10 MB title description line"] = () => "# Hostile\n\n" + RepeatTo("word `code` *em* ", 10 * 1024 * 1024) + "\n\n## Properties\n\nName | Type | Description | Notes\n---- | ---- | ---- | ----\n**a** | **str** | x | [optional]\n",
        ["10 MB name cell"] = () => Table("**" + new string('n', 10 * 1024 * 1024) + "** | **str** | x | [optional] "),
        ["10 MB type cell"] = () => Table("**t** | **" + new string('T', 10 * 1024 * 1024) + "** | x | [optional] "),
        ["10 MB default"] = () => Table("**d** | **str** | x | [optional] [default to '" + new string('d', 10 * 1024 * 1024) + "']"),
        ["10 MB line without pipes"] = () => Table("**a** | **str** | x | [optional] ") + new string('x', 10 * 1024 * 1024) + "\n",
        ["nested List[ balanced"] = () => Table("**deep** | **" + Repeat("List[", Deep) + "str" + Repeat("]", Deep) + "** | x | [optional] "),
        ["nested List[ unbalanced"] = () => Table("**deep** | **" + Repeat("List[", Deep) + "str** | x | [optional] "),
        ["nested ] unbalanced"] = () => Table("**deep** | **str" + Repeat("]", Deep) + "** | x | [optional] "),
        ["nested Dict[str, balanced"] = () => Table("**deep** | **" + Repeat("Dict[str, ", Deep) + "str" + Repeat("]", Deep) + "** | x | [optional] "),
        ["nested List< (java)"] = () => Table("**deep** | **" + Repeat("List&lt;", Deep) + "String" + Repeat("&gt;", Deep) + "** | x | [optional] "),
        ["nested []X (go)"] = () => Table("**deep** | Pointer to **" + Repeat("[]", Deep) + "string** | x | [optional] "),
        ["nested X[] (php)"] = () => Table("**deep** | **string" + Repeat("[]", Deep) + "** | x | [optional] "),
        ["nested map[string] (go)"] = () => Table("**deep** | **" + Repeat("map[string]", Deep) + "string** | x | [optional] "),
        ["nested { [key: string]: (typescript)"] = () => Table("**deep** | **" + Repeat("{ [key: string]: ", Deep) + "string" + Repeat("; }", Deep) + "** | x | [optional] "),
        ["nested link brackets"] = () => Table("**deep** | " + Repeat("[", Deep) + "**CartItem**" + Repeat("](CartItem.md)", Deep) + " | x | [optional] "),
        ["nested markdown in description"] = () => Table("**deep** | **str** | " + Repeat("[`*", Deep) + Repeat("*`](", Deep) + " | [optional] "),
        ["100k-row table"] = () => Table(string.Join("\n", Enumerable.Range(0, 100_000).Select(i => $"**p{i}** | **str** | Property {i}. | [optional] "))),
        ["100k duplicate rows"] = () => Table(string.Join("\n", Enumerable.Repeat("**same** | **str** | Same. | [optional] ", 100_000))),
        // Every name PascalCases to "AB". Renaming is quadratic in the number of colliding names (20,000 take ~10 s), so 5,000.
        ["5k colliding names"] = () => Table(string.Join("\n", CollidingNames(5_000).Select(n => $"**{n}** | **str** | x | [optional] "))),
        ["only pipes"] = () => string.Join("\n", Enumerable.Repeat(new string('|', 200), 200)),
        ["only pipes after a Properties heading"] = () => "# Pipes\n\n## Properties\n\n" + string.Join("\n", Enumerable.Repeat(new string('|', 200), 200)),
        ["pipes table"] = () => Table(string.Join("\n", Enumerable.Repeat(new string('|', 50), 50))),
        ["header only"] = () => "# H\n\n## Properties\n\nName | Type | Description | Notes\n",
        ["empty file"] = () => string.Empty,
        ["headings only"] = () => "#\n##\n## Properties\n## Enum\n## Enum:\n## Enum: \n",
        ["enum doc with hostile values"] = () => "# Hostile\n\n## Enum\n\n* `A` (value: `'a'`)\n* `A` (value: `'A'`)\n* `E` (value: `''`)\n* `Q` (value: `'\"\\\\'`)\n* `K` (value: `'class'`)\n* `N` (value: `'1'`)\n* `U` (value: `'\uD800x'`)\n* `Z` (value: `'\0'`)\n* `S` (value: `'a b'`)\n* `S2` (value: `'a-b'`)\n* `S3` (value: `'a_b'`)\n",
        // Not 100k: compiling the generated switch takes 13 s for 5,000 values, 266 s for 20,000, and 100,000 crashed the test host.
        ["enum doc with 2k values"] = () => "# Hostile\n\n## Enum\n\n" + string.Join("\n", Enumerable.Range(0, 2_000).Select(i => $"* `V{i}` (value: `'v{i}'`)")),
        ["enum table with hostile values"] = () => Table("**state** | [**StateEnum**](#StateEnum) | x | [optional] ") + "\n## Enum: StateEnum\n\n| Name | Value |\n|---- | -----|\n| A | &quot;&quot; |\n| B | &quot;\0&quot; |\n| C | &quot;\uDC00&quot; |\n| D | &quot;a\"b&quot; |\n| E | &quot;true&quot; |\n",
        ["state machine prose with hostile values"] = () => Table("**state** | **str** | Created as `a` or `\0`. `a` → `b` `b` → `a-b` `a-b` → `A_B` `A_B` → `a_b` `x` → `x` | [optional] [default to 'A_B']"),
        ["hostile defaults"] = () => Table(string.Join("\n", new[]
        {
            "**s** | **str** | x | [optional] [default to '\0\uD800\"\\']",
            "**i** | **int** | x | [optional] [default to 99999999999999999999999]",
            "**f** | **float** | x | [optional] [default to 1e400]",
            "**b** | **bool** | x | [optional] [default to maybe]",
            "**l** | **List[str]** | x | [optional] [default to []]",
            "**o** | **object** | x | [optional] [default to {}]",
            "**d** | **date** | x | [optional] [default to 2024-01-01]",
        })),
        ["hostile names"] = () => Table(string.Join("\n", new[]
        {
            "**class** | **str** | x | [optional] ", "**@** | **str** | x | [optional] ", "**123** | **str** | x | [optional] ",
            "**\0** | **str** | x | [optional] ", "**\uD800** | **str** | x | [optional] ", "**Equals** | **str** | x | [optional] ",
            "**equality_contract** | **str** | x | [optional] ", "**Hostile** | **str** | x | [optional] ", "**record** | **str** | x | [optional] ",
            "**_** | **str** | x | [optional] ", "**__** | **str** | x | [optional] ", "**a\"b** | **str** | x | [optional] ",
            "**ä** | **str** | x | [optional] ", "**Ω** | **str** | x | [optional] ", "**𝒜** | **str** | x | [optional] ",
        })),
        ["hostile titles"] = () => "# class\n\n## Properties\n\nName | Type | Description | Notes\n---- | ---- | ---- | ----\n**a** | **str** | x | [optional]\n",
        ["title is a namespace"] = () => "# Test\n\n## Properties\n\nName | Type | Description | Notes\n---- | ---- | ---- | ----\n**models** | **str** | x | [optional]\n",
        ["CR-only line endings"] = () => File.ReadAllText(Python("NewCustomerSession")).Replace("\n", "\r"),
        ["NUL everywhere"] = () => string.Join("\0", File.ReadAllText(Python("CartItem")).ToCharArray()),
        ["lone surrogates everywhere"] = () => File.ReadAllText(Python("NewCustomerSession")).Replace("e", "\uD800").Replace("o", "\uDC00"),
    };

    /// <summary>Distinct names that all become the C# name "AB": a, one to eight separators, b.</summary>
    private static IEnumerable<string> CollidingNames(int count)
    {
        var separators = new[] { "_", "-", ".", " ", "$" };
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder("a");
            var k = i;
            do
            {
                sb.Append(separators[k % separators.Length]);
                k /= separators.Length;
            }
            while (k > 0);
            yield return sb.Append('b').ToString();
        }
    }

    private static string Repeat(string s, int count)
    {
        var sb = new StringBuilder(s.Length * count);
        for (var i = 0; i < count; i++) sb.Append(s);
        return sb.ToString();
    }

    private static string RepeatTo(string s, int totalLength)
    {
        var sb = new StringBuilder(totalLength + s.Length);
        while (sb.Length < totalLength) sb.Append(s);
        return sb.ToString();
    }

    public static TheoryData<string> HostileNames()
    {
        var data = new TheoryData<string>();
        foreach (var k in HostileDocs().Keys) data.Add(k);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Hostile_doc(string name)
    {
        var text = HostileDocs()[name]();
        var problem = Check(new Mutation(name, "zz/Hostile.md", text), out var elapsed, out var generator);
        _out.WriteLine($"{name}: {text.Length:N0} chars, {elapsed.TotalMilliseconds:F0} ms (generator {generator.TotalMilliseconds:F0} ms of the thread's CPU time)");
        Assert.True(problem is null, name + " -> " + problem);
        // The generator itself must stay fast: 10 s of the test thread's CPU time (not wall time, which a
        // loaded CI machine stretches past any fixed bound). Compiling what it made (100,000 properties is
        // 5 MB of C#) is the compiler's time, bounded more loosely.
        Assert.True(generator < TimeSpan.FromSeconds(10), $"{name}: the generator took {generator.TotalSeconds:F1} s");
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"{name} took {elapsed.TotalSeconds:F1} s with the compile");
    }
}
