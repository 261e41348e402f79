using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelDocs.Generators.Model;
using Xunit;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// What the generated code may use is decided before compilation, from the C# version and the MSBuild
/// properties the package's props and targets make visible; overrides win; the compilation is only checked (MD1027).
/// </summary>
public sealed class TargetCapabilitiesTests
{
    private static TargetCapabilities From(LanguageVersion lang, params (string Key, string Value)[] properties)
        => TargetCapabilities.From(new CSharpParseOptions(lang),
            new TestOptionsProvider(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value)).GlobalOptions);

    private static (string, string)[] Tfm(string identifier, string version, string? stj = null)
        => stj is null
            ? new[] { ("TargetFrameworkIdentifier", identifier), ("TargetFrameworkVersion", version) }
            : new[] { ("TargetFrameworkIdentifier", identifier), ("TargetFrameworkVersion", version), ("ModelDocsSystemTextJsonVersion", stj) };

    [Fact]
    public void Target_framework_decides_each_feature()
    {
        // .NET 8 (what the SDK's ref pack and STJ 8 give): everything.
        Assert.Equal(new TargetCapabilities(1200, true, true, true, true), From(LanguageVersion.CSharp12, Tfm(".NETCoreApp", "v8.0", "8.0.0.0")));
        // .NET 6: DateOnly and IsExternalInit, no required members; STJ 6 is too old for the serializer.
        Assert.Equal(new TargetCapabilities(1000, false, true, true, false), From(LanguageVersion.CSharp10, Tfm(".NETCoreApp", "v6.0", "6.0.0.0")));
        // .NET 6 with the System.Text.Json 8 package: the serializer after all.
        Assert.True(From(LanguageVersion.CSharp10, Tfm(".NETCoreApp", "v6.0", "8.0.0.0")).HasJsonSerializer);
        // .NET Standard 2.0 (and .NET Framework): none of them, unless STJ 8+ is referenced.
        Assert.Equal(new TargetCapabilities(900, false, false, false, false), From(LanguageVersion.CSharp9, Tfm(".NETStandard", "v2.0")));
        Assert.Equal(new TargetCapabilities(900, false, false, false, true), From(LanguageVersion.CSharp9, Tfm(".NETFramework", "v4.7.2", "8.0.0.0")));
        // The targets found no System.Text.Json at all.
        Assert.False(From(LanguageVersion.CSharp12, Tfm(".NETCoreApp", "v8.0", "0")).HasJsonSerializer);
        // Nothing known (no build files ran, e.g. a host that is not MSBuild): the newest target.
        Assert.Equal(new TargetCapabilities(1200, true, true, true, true), From(LanguageVersion.CSharp12));
    }

    [Fact]
    public void Required_needs_CSharp_11_as_well_as_the_attributes()
    {
        Assert.False(From(LanguageVersion.CSharp10, Tfm(".NETCoreApp", "v8.0")).CanUseRequired);
        Assert.True(From(LanguageVersion.CSharp11, Tfm(".NETCoreApp", "v8.0")).CanUseRequired);
        // LanguageVersion.Latest/Default map to the effective version.
        Assert.True(From(LanguageVersion.Latest, Tfm(".NETCoreApp", "v8.0")).CanUseRequired);
    }

    [Fact]
    public void Properties_override_the_target()
    {
        var net8 = Tfm(".NETCoreApp", "v8.0", "8.0.0.0");
        var lowered = From(LanguageVersion.CSharp12, net8.Concat(new[]
        {
            (TargetCapabilities.RequiredMembersOption, "false"), (TargetCapabilities.DateOnlyOption, "False"),
            (TargetCapabilities.EmitIsExternalInitOption, "true"), (TargetCapabilities.JsonSerializerOption, "false"),
        }).ToArray());
        Assert.Equal(new TargetCapabilities(1200, false, false, false, false), lowered);

        // PolySharp-style polyfills on .NET Standard: say so, and required members are used.
        var raised = From(LanguageVersion.CSharp12, Tfm(".NETStandard", "v2.0").Concat(new[]
        {
            (TargetCapabilities.RequiredMembersOption, "true"), (TargetCapabilities.EmitIsExternalInitOption, "false"),
        }).ToArray());
        Assert.True(raised.CanUseRequired);
        Assert.True(raised.HasIsExternalInit);
        // An unreadable value is no override.
        Assert.True(From(LanguageVersion.CSharp12, net8.Append((TargetCapabilities.DateOnlyOption, "maybe")).ToArray()).HasDateOnly);
    }

    /// <summary>The repo's markdown docs: CartItem and the docs it links to, NewCustomerSession.</summary>
    private static IReadOnlyList<AdditionalText> Docs => TestHelpers.LoadFolder(TestHelpers.SchemasDir);

    [Fact]
    public void A_netstandard_target_gets_the_polyfill_no_required_no_DateOnly_and_no_serializer()
    {
        var run = TestHelpers.Run(Docs, new()
        {
            ["build_property.ModelDocsNamespace"] = "Test.Models",
            ["build_property.TargetFrameworkIdentifier"] = ".NETStandard",
            ["build_property.TargetFrameworkVersion"] = "v2.0",
        });
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("ModelDocs.IsExternalInit.g.cs", hints);
        Assert.DoesNotContain("ModelDocs.Json.g.cs", hints);
        Assert.DoesNotContain("Test.Models.ModelDocsJsonContext.g.cs", hints);
        var record = run.Sources.Single(s => s.HintName == "Test.Models.CartItem.g.cs").SourceText.ToString();
        Assert.DoesNotContain(" required ", record, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonConverter", record, StringComparison.Ordinal);
        // The generated code is still valid C# against the (newer) references this test compiles with.
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_wrong_guess_is_reported_with_the_property_to_set()
    {
        // The build properties say .NET 8, but this compilation has no System.Text.Json.
        var refs = Net80.References.All.Where(r => !(r.FilePath ?? r.Display ?? "").Contains("System.Text.Json", StringComparison.Ordinal)).ToList();
        Assert.True(refs.Count < Net80.References.All.Count());
        var compilation = CSharpCompilation.Create("NoJson",
            new[] { CSharpSyntaxTree.ParseText("namespace App; public static class P { }", TestHelpers.ParseOptions) },
            refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        foreach (var build in GeneratorBuilds.All)
        {
            var run = TestHelpers.Run(Docs, new()
            {
                ["build_property.ModelDocsNamespace"] = "Test.Models",
                ["build_property.TargetFrameworkIdentifier"] = ".NETCoreApp",
                ["build_property.TargetFrameworkVersion"] = "v8.0",
            }, compilation: compilation, build: build);
            var md1027 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "MD1027");
            Assert.Contains("<ModelDocsJsonSerializer>false</ModelDocsJsonSerializer>", md1027.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(DiagnosticSeverity.Warning, md1027.Severity);
        }
    }

    [Fact]
    public void No_MD1027_when_the_guess_is_right()
    {
        var run = TestHelpers.Run(Docs, new()
        {
            ["build_property.ModelDocsNamespace"] = "Test.Models",
            ["build_property.TargetFrameworkIdentifier"] = ".NETCoreApp",
            ["build_property.TargetFrameworkVersion"] = "v8.0",
            ["build_property.ModelDocsSystemTextJsonVersion"] = "8.0.0.0",
        });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
    }

    [Theory]
    [InlineData("8.0.0.0", 8)]
    [InlineData("v10.0", 10)]
    [InlineData("0", 0)]
    [InlineData("x", null)]
    [InlineData("", null)]
    public void Major_version(string text, int? major) => Assert.Equal(major, TargetCapabilities.MajorVersion(text));
}
