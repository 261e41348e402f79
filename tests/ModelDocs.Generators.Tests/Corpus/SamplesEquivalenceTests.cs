using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ModelDocs.Generators.Model;
using ModelDocs.Generators.Parsing;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// Issue 11, acceptance 2: every language folder of OpenAPI Generator's samples is compared with the
/// <c>python</c> folder (the same petstore models), model by model and property by property. A
/// difference is allowed only where one of the two languages does not say something (a named rule
/// below, each listed in the README's "Dialect differences that remain"), or where the sample was
/// generated from another copy of the spec or by another generator version (from the corpus README).
/// </summary>
public sealed class SamplesEquivalenceTests
{
    private const string Reference = "python";
    private const string Models = "global::Test.Models.";
    private const string JsonElement = "global::System.Text.Json.JsonElement";
    private const string Dict = "global::System.Collections.Generic.IReadOnlyDictionary<string, ";
    private const string List = "global::System.Collections.Generic.IReadOnlyList<";
    private readonly ITestOutputHelper _out;

    public SamplesEquivalenceTests(ITestOutputHelper output) => _out = output;

    /// <summary>Property and model keys ignore case and separators: <c>array_of_string</c>, <c>arrayOfString</c>, <c>ARRAY_OF_STRING</c>.</summary>
    private static string Key(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    [Fact]
    public void Every_language_folder_says_what_python_says_or_a_listed_rule_explains_the_difference()
    {
        var origins = SampleOrigins();
        var python = Load(Reference);
        var explained = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unexplained = new List<string>();
        int folders = 0, models = 0, compared = 0;
        foreach (var folder in SamplesCorpusTests.LanguageFolders())
        {
            if (folder == Reference || SamplesCorpusTests.Unsupported.ContainsKey(folder)) continue;
            var other = Load(folder);
            if (other.Count == 0) continue;
            folders++;
            var dialect = other.Values.Where(m => m.Doc.Kind == DocumentKind.Model).GroupBy(m => m.Doc.Dialect).OrderByDescending(g => g.Count()).First().Key;
            var info = Dialects.Of(dialect) ?? throw new InvalidOperationException(folder + ": no dialect info for " + dialect);
            origins.TryGetValue(folder, out var origin);
            var ctx = new Context(folder, Path.Combine(SamplesCorpusTests.SamplesDir, folder), info,
                OtherSpec: origin is null || origin != origins[Reference],
                new HashSet<string>(other.Where(m => m.Value.Doc.Kind == DocumentKind.Model).Select(m => m.Key), StringComparer.Ordinal),
                new HashSet<string>(other.Where(m => m.Value.Doc.Kind == DocumentKind.Enum).Select(m => m.Value.Model.TypeName), StringComparer.Ordinal));
            foreach (var (key, theirs) in other.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (theirs.Doc.Kind != DocumentKind.Model || !python.TryGetValue(key, out var ours) || ours.Doc.Kind != DocumentKind.Model) continue;
                models++;
                var a = Shapes(ours.Model);
                var b = Shapes(theirs.Model);
                foreach (var prop in a.Keys.Union(b.Keys).OrderBy(k => k, StringComparer.Ordinal))
                {
                    compared++;
                    a.TryGetValue(prop, out var pa);
                    b.TryGetValue(prop, out var pb);
                    foreach (var (kind, p, d) in Differences(pa, pb))
                    {
                        var rule = Explain(ctx, kind, p, d);
                        if (rule is null) unexplained.Add($"{folder} ({info.Name}) {theirs.Model.TypeName}.{pa?.Name ?? pb?.Name}: {kind}: python {p} / {folder} {d}");
                        else explained[rule] = explained.TryGetValue(rule, out var n) ? n + 1 : 1;
                    }
                }
            }
        }

        _out.WriteLine($"folders compared with {Reference}: {folders}; models present in both: {models}; property comparisons: {compared}");
        _out.WriteLine("explained differences (rule: count):");
        foreach (var kv in explained) _out.WriteLine($"  {kv.Key}: {kv.Value}");
        _out.WriteLine($"unexplained differences: {unexplained.Count}");
        foreach (var u in unexplained) _out.WriteLine("  " + u);
        Assert.True(folders >= 90 && models >= 1500, $"too little compared: {folders} folders, {models} models");
        Assert.Empty(unexplained);
    }

    private static Dictionary<string, (DocumentSpec Doc, ModelSpec Model)> Load(string folder)
    {
        var docs = TestHelpers.LoadFolder(Path.Combine(SamplesCorpusTests.SamplesDir, folder), pathPrefix: "/samples/" + folder);
        return CorpusModels.ResolveDocs(docs, out _)
            .GroupBy(kv => Key(kv.Key)).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, DialectEquivalenceTests.Shape> Shapes(ModelSpec model)
        => DialectEquivalenceTests.ShapeOf(model).GroupBy(kv => Key(kv.Key)).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static IEnumerable<(string Kind, string Python, string Dialect)> Differences(DialectEquivalenceTests.Shape? a, DialectEquivalenceTests.Shape? b)
    {
        if (a is null) { yield return ("property", "absent", "present"); yield break; }
        if (b is null) { yield return ("property", "present", "absent"); yield break; }
        if (a.ClrName != b.ClrName) yield return ("name", a.ClrName, b.ClrName);
        if (a.ClrType != b.ClrType) yield return ("type", a.ClrType, b.ClrType);
        if (a.Required != b.Required) yield return ("required", a.Required.ToString(), b.Required.ToString());
        if (a.EnumValues != b.EnumValues) yield return ("enum", a.EnumValues ?? "none", b.EnumValues ?? "none");
    }

    private sealed record Context(string Folder, string Dir, DialectInfo Dialect, bool OtherSpec, HashSet<string> ModelDocs, HashSet<string> EnumDocs);

    /// <summary>The reason a difference is allowed, or null. Every reason is listed in the README.</summary>
    private static string? Explain(Context c, string kind, string python, string dialect)
    {
        switch (kind)
        {
            case "property":
                return c.OtherSpec ? "spec: another copy of the spec or another generator version (property added or removed)" : null;
            case "required":
                if (!c.Dialect.StatesRequired) return $"{c.Dialect.Name}: no Notes column, so required is not stated";
                return c.OtherSpec ? "spec: another copy of the spec or another generator version (required changed)" : null;
            case "name":
                return string.Equals(python, dialect, StringComparison.OrdinalIgnoreCase) ? "names: acronym casing that snake_case python names do not keep" : null;
            case "enum":
                if (python == "none" && c.Dialect.ListsEnumValues) return $"enums: {c.Dialect.Name} lists enum values, python docs do not";
                if (dialect == "none" && !c.Dialect.ListsEnumValues) return $"enums: {c.Dialect.Name} lists no enum values";
                return c.OtherSpec ? "spec: another copy of the spec or another generator version (enum values changed)" : null;
            case "type":
                return ExplainType(c, python, dialect);
        }
        return null;
    }

    private static string? ExplainType(Context c, string p, string d)
    {
        var rules = TypeRules(c).ToList();
        // One rule alone, else the rules in order, each rewriting both sides until nothing changes.
        foreach (var (reason, rewrite) in rules)
        {
            var (p1, d1) = (Fix(rewrite, p, true), Fix(rewrite, d, false));
            if (Same(p1, d1)) return reason;
        }
        var reasons = new List<string>();
        foreach (var (reason, rewrite) in rules)
        {
            var (p1, d1) = (Fix(rewrite, p, true), Fix(rewrite, d, false));
            if (p1 == p && d1 == d) continue;
            (p, d) = (p1, d1);
            reasons.Add(reason);
            if (Same(p, d)) return string.Join(" + ", reasons);
        }
        return null;
    }

    private static string Fix(Func<string, bool, string> rewrite, string s, bool python)
    {
        for (var i = 0; i < 8; i++)
        {
            var next = rewrite(s, python);
            if (next == s) return s;
            s = next;
        }
        return s;
    }

    private const string Enum = Models + "ENUM";
    private const string Anything = "ANYTHING";

    /// <summary>Equal, where an enum on either side stands for its value type and <see cref="Anything"/> on the dialect's side for any type.</summary>
    private static bool Same(string p, string d)
    {
        if (p == d) return true;
        if (!d.Contains(Anything) && !d.Contains(Enum) && !p.Contains(Enum)) return false;
        static string Pattern(string s) => "^" + Regex.Escape(s).Replace(Regex.Escape(Enum), "(string|long|int|decimal|double|float|" + Regex.Escape(Enum) + ")")
            .Replace(Anything, ".+") + "$";
        return Regex.IsMatch(p, Pattern(d)) || (!d.Contains(Anything) && Regex.IsMatch(d, Pattern(p)));
    }

    /// <summary>Rewrites of python's type and the dialect's (the flag says which), in order; each names what a language does not say.</summary>
    private static IEnumerable<(string Reason, Func<string, bool, string> Rewrite)> TypeRules(Context c)
    {
        static string Word(string s, string word, string by) => Regex.Replace(s, @"(?<![\w.])" + Regex.Escape(word) + @"(?![\w.\[])", by);
        var name = c.Dialect.Name;
        yield return ("sizes: python int/float do not state a size", (s, _) => Word(Word(Word(s, "int", "long"), "float", "decimal"), "double", "decimal"));
        if (!c.Dialect.StatesSizes) yield return ($"sizes: {name}'s number type does not say integer", (s, _) => Word(s, "long", "decimal"));
        yield return (c.Dialect.ListsEnumValues ? $"enums: {name} lists enum values, python docs do not" : "enums: an enum on one side, its values' type on the other", (s, _) => s);
        yield return ($"enums: {name} writes inline enums as docs of their own", (s, py) => py ? s : Regex.Replace(s, Regex.Escape(Models) + @"(\w+)", m => c.EnumDocs.Contains(m.Groups[1].Value) ? Enum : m.Value));
        yield return ("uuid: python writes uuid as str", (s, _) => s.Replace("global::System.Guid", "string"));
        yield return ($"dates: {name} spells date and date-time alike", (s, _) => s.Replace("global::System.DateOnly", "global::System.DateTimeOffset"));
        yield return ($"bytes: {name} writes base64 bytes as string", (s, _) => s.Replace("byte[]", "string"));
        yield return ($"strings: {name} writes this type (dates, decimal, bool) as string", (s, py) => py ? Regex.Replace(s, @"global::System\.DateOnly|global::System\.DateTimeOffset|(?<![\w.])(decimal|bool|long)(?![\w.])", "string") : s);
        yield return ("free-form object: one side says object, the other a map of any value", (s, _) => s.Replace(Dict + JsonElement + ">", JsonElement));
        if (c.Dialect.Dialect == Dialect.C) yield return ("c: booleans are int", (s, py) => py ? Word(s, "bool", "int") : s);
        yield return ($"any: {name}'s doc spells any value or a bare container here", (s, py) => py ? s : s.Replace(JsonElement, Anything));
        yield return ($"lists: {name}'s doc writes a list as its item type", (s, py) => py ? Regex.Replace(s, Regex.Escape(List) + "(.*)>$", "$1") : s);
        yield return ($"names: {name}'s SDK names the model differently (a reserved name such as File, a model name prefix, its spec copy)",
            (s, py) => Regex.Replace(s, Regex.Escape(Models) + @"(\w+)", m => m.Groups[1].Value == "ENUM" || m.Groups[1].Value == "MODEL" || (!py && !c.ModelDocs.Contains(Key(m.Groups[1].Value))) ? m.Value : Models + "MODEL"));
        yield return ($"names: {name}'s file type and a model named File are spelled alike", (s, py) => py ? s.Replace(Models + "File", "byte[]") : s);
        yield return ("links: a linked doc the folder does not have (MD1004) gives JsonElement", (s, py) => py ? MissingModelsAsAny(s, c.Dir) : s);
        if (c.OtherSpec) yield return ("spec: the spec copy makes this schema a model of its own", (s, py) => py ? s : Regex.Replace(s, Regex.Escape(Models) + @"(\w+)", m => m.Groups[1].Value == "ENUM" ? m.Value : Anything));
    }

    private static string MissingModelsAsAny(string type, string dir)
        => Regex.Replace(type, Regex.Escape(Models) + @"(\w+)", m =>
            m.Groups[1].Value != "ENUM" && !Directory.EnumerateFiles(dir, "*.md").Any(f => Key(Path.GetFileNameWithoutExtension(f)) == Key(m.Groups[1].Value))
                ? JsonElement : m.Value);

    /// <summary>Each sample folder's spec path and generator version, from the corpus README's variant table.</summary>
    private static Dictionary<string, string> SampleOrigins()
    {
        var readme = Path.Combine(SamplesCorpusTests.SamplesDir, "README.md");
        Assert.True(File.Exists(readme), "samples corpus README not found at " + readme);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(readme))
        {
            var cells = line.Split('|').Select(x => x.Trim()).ToArray();
            // | `variant` | generator | library | commit | folder | `spec` | VERSION | docs |
            if (cells.Length < 9 || !cells[1].StartsWith("`", StringComparison.Ordinal) || !cells[6].StartsWith("`", StringComparison.Ordinal)) continue;
            result[cells[1].Trim('`')] = cells[6].Trim('`') + " @ " + cells[7];
        }
        Assert.True(result.ContainsKey(Reference), "the README's variant table has no row for " + Reference);
        return result;
    }
}
