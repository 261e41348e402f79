using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// Issue 12, "never throw": inputs that made the generator add two sources with the same hint name
/// (Roslyn throws, CS8785, and every generated file of the compilation is lost), and the one catch
/// that turns a bug in a doc's work into MD9001 on that doc.
/// </summary>
public sealed class NeverThrowTests
{
    private const string AuditLevel = """{ "oneOf": [ { "type": "string", "enum": ["low", "moderate", "high", "critical"] } ] }""";

    private static string OpenApi(string schemas) => """{ "openapi": "3.0.3", "info": { "title": "t", "version": "1" }, "components": { "schemas": { """ + schemas + " } } }";

    public static TheoryData<string> Builds => new(GeneratorBuilds.All);

    private static GeneratorRun RunClean(string json, string build = GeneratorBuilds.PreCompilation)
    {
        var run = TestHelpers.Run(new[] { new InMemoryAdditionalText("/api/openapi.json", json) }, build: build);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id == "MD9001");
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        return run;
    }

    private static EnumModel EnumOf(Dictionary<string, ModelSpec> models, string model, string wireName)
    {
        var m = models[model];
        var e = CorpusModels.EnumOf(m, m.Properties.Single(p => p.WireName == wireName));
        Assert.NotNull(e);
        return e!;
    }

    [Fact]
    public void One_option_oneOf_of_an_inline_string_enum_is_that_enum()
    {
        var json = OpenApi("""  "Settings": { "type": "object", "properties": { "auditLevel": """ + AuditLevel + " } }");
        var run = RunClean(json);
        var models = CorpusModels.Resolve(new[] { new InMemoryAdditionalText("/api/openapi.json", json) }, out _);
        var e = EnumOf(models, "Settings", "auditLevel");
        Assert.Equal("SettingsAuditLevel", e.TypeName);
        Assert.Equal(new[] { "low", "moderate", "high", "critical" }, e.Members.Select(m => m.WireValue));
        Assert.Contains(run.Sources, s => s.HintName == "Test.Models.SettingsAuditLevel.g.cs");
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Two_docs_whose_property_enums_name_alike_both_generate(string build)
    {
        // The crash of issue 12: Settings.auditLevel and SettingsAudit.level both made an enum SettingsAuditLevel
        // (the resolver sees only doc names, not other docs' enums): two sources Test.Models.SettingsAuditLevel.g.cs.
        var json = OpenApi("""
            "Settings": { "type": "object", "properties": { "auditLevel": AUDIT, "auditLevels": AUDIT } },
            "SettingsAudit": { "type": "object", "properties": { "level": { "oneOf": [ { "type": "string", "enum": ["low", "moderate", "high", "critical"] } ], "default": "high" }, "levels": { "type": "array", "items": AUDIT } } }
            """.Replace("AUDIT", AuditLevel, StringComparison.Ordinal));
        var run = RunClean(json, build);
        // The resolver names both alike; the type-names stage renames the later doc's.
        var models = CorpusModels.Resolve(new[] { new InMemoryAdditionalText("/api/openapi.json", json) }, out _);
        Assert.Equal("SettingsAuditLevel", EnumOf(models, "Settings", "auditLevel").TypeName);
        Assert.Equal("SettingsAuditLevel", EnumOf(models, "SettingsAudit", "level").TypeName);
        foreach (var name in new[] { "SettingsAuditLevel", "SettingsAuditLevel2" })
        {
            var e = run.Sources.Single(s => s.HintName == $"Test.Models.{name}.g.cs").SourceText.ToString();
            Assert.Contains($"public enum {name}", e, StringComparison.Ordinal);
            var values = e.Split('\n').Where(l => l.Contains("[global::ModelDocs.WireValueAttribute(", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
            Assert.Equal(new[] { "low", "moderate", "high", "critical" }.Select(v => $"[global::ModelDocs.WireValueAttribute(\"{v}\")]"), values);
        }
        var source = run.Sources.Single(s => s.HintName == "Test.Models.SettingsAudit.g.cs").SourceText.ToString();
        Assert.Contains("global::Test.Models.SettingsAuditLevel2 Level", source, StringComparison.Ordinal);
        // References, list elements and enum defaults follow the new name.
        Assert.Contains("= global::Test.Models.SettingsAuditLevel2.High;", source, StringComparison.Ordinal);
        Assert.Contains("IReadOnlyList<global::Test.Models.SettingsAuditLevels2>? Levels", source, StringComparison.Ordinal);
        Assert.Contains("global::Test.Models.SettingsAuditLevel? AuditLevel", run.Sources.Single(s => s.HintName == "Test.Models.Settings.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_differ_only_in_case_get_distinct_files()
    {
        // Roslyn compares hint names ignoring case: SettingsAuditLevel and SettingsAuditlevel are two C# types but one file name.
        var json = OpenApi("""
            "Settings": { "type": "object", "properties": { "auditLevel": AUDIT, "auditlevel": AUDIT } },
            "SettingsAuditlevelInfo": { "type": "object", "properties": { "n": { "type": "integer" } } },
            "Pettype": { "type": "object", "properties": { "a": { "type": "string" } } },
            "PetType": { "type": "object", "properties": { "b": { "type": "string" } } }
            """.Replace("AUDIT", AuditLevel, StringComparison.Ordinal));
        var run = RunClean(json);
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("Test.Models.SettingsAuditLevel.g.cs", hints);
        Assert.Contains("Test.Models.SettingsAuditlevel2.g.cs", hints);
        // Two doc types that differ only in case are legal C#: both generate, the later by path under a numbered name.
        Assert.Contains("Test.Models.PetType.g.cs", hints);
        Assert.Contains("Test.Models.Pettype.2.g.cs", hints);
    }

    [Fact]
    public void A_doc_named_like_a_shared_file_or_the_context_does_not_crash()
    {
        var json = OpenApi("""
            "Json": { "type": "object", "properties": { "a": { "type": "string" } } },
            "ModelDocsJsonContext": { "type": "object", "properties": { "b": { "type": "string" } } }
            """);
        var run = TestHelpers.Run(new[] { new InMemoryAdditionalText("/api/openapi.json", json) }, globalOptions: new() { ["build_property.ModelDocsNamespace"] = "ModelDocs" });
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("ModelDocs.Json.g.cs", hints);
        Assert.Contains("ModelDocs.Json.2.g.cs", hints);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "MD9001");
        // A record of the context's name is the same C# type twice: said at the doc, not a crash.
        var d = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "MD1030");
        Assert.Equal("/api/openapi.json", d.Location.GetLineSpan().Path);
        Assert.Contains("'ModelDocs.ModelDocsJsonContext'", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(run.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error && c.Location.SourceTree?.FilePath.EndsWith("ModelDocs.ModelDocsJsonContext.2.g.cs", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(run.CompileDiagnostics, c => c.Location.SourceTree?.FilePath.EndsWith("ModelDocs.Json.2.g.cs", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_one_catch_turns_an_exception_into_MD9001_and_lets_cancellation_through()
    {
        var at = InternalErrors.FileStart("/api/x.json");
        var caught = InternalErrors.Guard<DiagnosticInfo?>("Pet", at, CancellationToken.None, () => throw new InvalidOperationException("boom"), error => error);
        Assert.NotNull(caught);
        Assert.Equal("MD9001", caught!.Descriptor.Id);
        Assert.Equal(at, caught.Location);
        Assert.Equal(new[] { "Pet", "InvalidOperationException", "boom" }, caught.Arguments);

        // An OperationCanceledException nobody asked for is a bug like any other.
        var stray = InternalErrors.Guard<DiagnosticInfo?>("Pet", at, CancellationToken.None, () => throw new OperationCanceledException(), error => error);
        Assert.Equal("MD9001", stray!.Descriptor.Id);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => InternalErrors.Guard<DiagnosticInfo?>("Pet", at, cts.Token, () => throw new OperationCanceledException(cts.Token), error => error));
    }
}
