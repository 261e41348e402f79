using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelDocs.Generators;
using ModelDocs.Testing;

// dotnet run -c Release --project tools/ModelDocs.Dump -- OUT_DIR [SHARED_DIR [DOCS_DIR...]]
// Runs the generator over the corpora, one run per input set, and writes each run's generated sources and its
// diagnostics (id, location, message) under OUT_DIR/<set>/. Dump before a refactor and after, then `diff -r`.
if (args.Length < 1) { Console.Error.WriteLine("usage: OUT_DIR [SHARED_DIR]"); return 2; }
var outDir = Path.GetFullPath(args[0]);
var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var shared = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine(repo, "..", "shared"));
if (!Directory.Exists(Path.Combine(shared, "corpus"))) { Console.Error.WriteLine($"no corpus under {shared}"); return 2; }

var sets = new List<(string Name, string[] Files)>();
string[] Files(string dir, params string[] patterns)
    => patterns.SelectMany(p => Directory.GetFiles(dir, p, SearchOption.AllDirectories)).OrderBy(f => f, StringComparer.Ordinal).ToArray();
var talon = Path.Combine(shared, "corpus", "talon-one");
sets.Add(("talon-python", Files(Path.Combine(talon, "python"), "*.md")));
sets.Add(("talon-openapi-json", new[] { Path.Combine(talon, "openapi.json") }));
sets.Add(("talon-openapi-yaml", new[] { Path.Combine(talon, "openapi.yaml") }));
foreach (var d in Directory.GetDirectories(Path.Combine(talon, "dialects")).OrderBy(d => d, StringComparer.Ordinal))
    sets.Add(("talon-" + Path.GetFileName(d), Files(d, "*.md")));
foreach (var d in Directory.GetDirectories(Path.Combine(shared, "corpus", "openapi-generator-samples")).OrderBy(d => d, StringComparer.Ordinal))
    sets.Add(("samples-" + Path.GetFileName(d), Files(d, "*.md")));
var suites = Path.Combine(shared, "testsuites", "openapi");
foreach (var f in Files(suites, "*.json", "*.yaml", "*.yml"))
    sets.Add(("openapi-" + Path.GetRelativePath(suites, f).Replace('/', '_'), new[] { f }));
sets.Add(("schemas", Files(Path.Combine(repo, "schemas"), "*.md", "*.json")));
// Folders named on the command line (docs nobody here has seen): those only.
if (args.Length > 2) sets = args.Skip(2).Select(d => (Path.GetFileName(Path.GetFullPath(d)), Files(d, "*.md", "*.json", "*.yaml", "*.yml"))).ToList();

var compilation = CSharpCompilation.Create("Dump",
    new[] { CSharpSyntaxTree.ParseText("namespace App; public static class Program { public static void Main() { } }", new CSharpParseOptions(LanguageVersion.CSharp12)) },
    Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
var options = new TestOptionsProvider(new() { ["build_property.ModelDocsNamespace"] = "Dump.Models" });
foreach (var (name, files) in sets)
{
    var docs = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.StartsWith(shared, StringComparison.Ordinal) ? Path.GetRelativePath(shared, f) : f, File.ReadAllText(f))).ToArray();
    var driver = CSharpGeneratorDriver.Create(new[] { new ModelDocsGenerator().AsSourceGenerator() }, docs, new CSharpParseOptions(LanguageVersion.CSharp12), options);
    var result = driver.RunGenerators(compilation).GetRunResult().Results[0];
    var dir = Path.Combine(outDir, name);
    Directory.CreateDirectory(dir);
    if (result.Exception is not null) File.WriteAllText(Path.Combine(dir, "EXCEPTION.txt"), result.Exception.ToString());
    foreach (var s in result.GeneratedSources) File.WriteAllText(Path.Combine(dir, s.HintName), s.SourceText.ToString());
    File.WriteAllLines(Path.Combine(dir, "diagnostics.txt"), result.Diagnostics.Select(d => d.ToString()));
    Console.WriteLine($"{name}: {result.GeneratedSources.Length} sources, {result.Diagnostics.Length} diagnostics");
}
return 0;
