using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Model;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// Issue 11, acceptance 1: every language folder of OpenAPI Generator's own samples
/// (<c>corpus/openapi-generator-samples</c>) generates and compiles with zero warnings, and the
/// rows whose type the grammar does not know (MD1003) are at most 0.5% of all rows.
/// </summary>
public sealed class SamplesCorpusTests
{
    private readonly ITestOutputHelper _out;

    public SamplesCorpusTests(ITestOutputHelper output) => _out = output;

    internal static string SamplesDir => Path.Combine(TestHelpers.SharedDir, "corpus", "openapi-generator-samples");

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var d in LanguageFolders()) data.Add(d);
        return data;
    }

    internal static IEnumerable<string> LanguageFolders()
    {
        Assert.True(Directory.Exists(SamplesDir), "samples corpus not found at " + SamplesDir + " (it is expected in ../shared/corpus beside the checkout)");
        return Directory.GetDirectories(SamplesDir).Select(Path.GetFileName).OrderBy(d => d, StringComparer.Ordinal)!;
    }

    internal sealed record FolderStats(string Folder, int Docs, int Models, int Rows, int UnknownTypes, string Dialects, GeneratorRun Run);

    /// <summary>Folders whose doc layout is deliberately not read, with the reason (README, "Docs dialects").</summary>
    internal static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal);

    internal static FolderStats Survey(string folder)
    {
        var dir = Path.Combine(SamplesDir, folder);
        var docs = TestHelpers.LoadFolder(dir, pathPrefix: "/samples/" + folder);
        // The docs as resolved: after the folder's dialect applied.
        var parsed = new List<DocumentSpec>();
        var run = TestHelpers.Run(docs, new Pipeline.PipelineObserver { Resolved = all => parsed = all.Select(r => r.Document).ToList() });
        var dialects = parsed.GroupBy(d => d.Dialect).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Count() == parsed.Count ? g.Key.ToString() : $"{g.Key} {g.Count()}");
        return new FolderStats(folder, docs.Count, parsed.Count, parsed.Sum(d => d.Properties.Count),
            run.GeneratorDiagnostics.Count(d => d.Id == "MD1003"), string.Join(", ", dialects), run);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Language_folder_generates_and_compiles_without_warnings(string folder)
    {
        var stats = Survey(folder);
        _out.WriteLine($"{folder}: {stats.Docs} files, {stats.Models} model docs, {stats.Rows} rows, {stats.UnknownTypes} MD1003, dialect {stats.Dialects}");
        foreach (var d in stats.Run.GeneratorDiagnostics) _out.WriteLine("  " + d);
        if (Unsupported.TryGetValue(folder, out var reason))
        {
            // A layout we do not read yet: nothing generated, nothing thrown. When it starts to read, move it out of the list.
            Assert.True(stats.Models == 0, $"{folder} now reads {stats.Models} docs; drop it from Unsupported ({reason})");
        }
        else
        {
            Assert.True(stats.Models > 0, "no model doc read in " + folder);
        }
        Assert.True(stats.Run.CompileDiagnostics.IsEmpty, TestHelpers.Format(stats.Run.CompileDiagnostics));
        // Doc warnings (a link to a doc the sample does not ship, MD1004) are the docs' own; errors and exceptions are ours.
        Assert.DoesNotContain(stats.Run.GeneratorDiagnostics, d => d.DefaultSeverity == DiagnosticSeverity.Error || d.Id == "MD9001");
    }

    [Fact]
    public void Unknown_types_are_at_most_half_a_percent_of_rows()
    {
        var all = LanguageFolders().Select(Survey).ToList();
        _out.WriteLine($"{"folder",-40} {"docs",5} {"rows",6} {"MD1003",7}  dialect");
        foreach (var s in all) _out.WriteLine($"{s.Folder,-40} {s.Models,5} {s.Rows,6} {s.UnknownTypes,7}  {s.Dialects}");
        var rows = all.Sum(s => s.Rows);
        var unknown = all.Sum(s => s.UnknownTypes);
        _out.WriteLine($"{"total",-40} {all.Sum(s => s.Models),5} {rows,6} {unknown,7}  ({100.0 * unknown / rows:0.00}%)");
        foreach (var s in all)
        {
            foreach (var d in s.Run.GeneratorDiagnostics.Where(d => d.Id == "MD1003")) _out.WriteLine($"  {s.Folder}: {d.GetMessage()}");
        }
        Assert.True(rows > 3000, "too few rows read: " + rows);
        Assert.True(unknown * 200 <= rows, $"{unknown} of {rows} rows have an unknown type ({100.0 * unknown / rows:0.00}%), more than 0.5%");
    }
}
