using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelDocs.Generators.Model;
using Xunit;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// What the generated code may use is decided before compilation, from the C# version and what the
/// referenced assemblies define (read from their metadata); MSBuild properties override it; only the
/// IsExternalInit polyfill is checked against the compilation (MD1027 when the project's source has one).
/// </summary>
public sealed class TargetCapabilitiesTests
{
    private static MetadataReference Net80(string name)
        => Basic.Reference.Assemblies.Net80.References.All.Single(r => System.IO.Path.GetFileName(r.FilePath) == name + ".dll");

    private static ReferenceFacts Facts(IEnumerable<MetadataReference> references)
        => references.Select(r => ReferenceFacts.Of(r, CancellationToken.None)).Aggregate(ReferenceFacts.None, (a, b) => a.Or(b));

    [Fact]
    public void Referenced_assemblies_say_which_types_exist()
    {
        // .NET 8's System.Runtime defines the attributes, IsExternalInit and DateOnly; System.Text.Json 8 the serializer API.
        Assert.Equal(new ReferenceFacts(true, true, true, true, false), ReferenceFacts.Of(Net80("System.Runtime"), CancellationToken.None));
        var json = ReferenceFacts.Of(Net80("System.Text.Json"), CancellationToken.None);
        Assert.True(json.JsonUnmappedMemberHandling);
        Assert.False(json.HasRequiredMembers || json.DateOnly);
        Assert.Equal(new ReferenceFacts(true, true, true, true, true), Facts(Basic.Reference.Assemblies.Net80.References.All));
        // The .NET Standard 2.1 surface (netstandard.dll, all type forwarders) has none of them.
        Assert.Equal(ReferenceFacts.None, ReferenceFacts.Of(Net80("netstandard"), CancellationToken.None));
    }

    [Fact]
    public void A_project_reference_counts_its_public_types_only()
    {
        var library = CSharpCompilation.Create("Polyfills",
            new[] { CSharpSyntaxTree.ParseText("namespace System { public struct DateOnly { } } namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }") },
            Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Equal(ReferenceFacts.None with { DateOnly = true }, ReferenceFacts.Of(library.ToMetadataReference(), CancellationToken.None));
        // The same compiled to metadata.
        using var pe = new System.IO.MemoryStream();
        Assert.True(library.Emit(pe).Success);
        Assert.Equal(ReferenceFacts.None with { DateOnly = true }, ReferenceFacts.Of(MetadataReference.CreateFromImage(pe.ToArray()), CancellationToken.None));
    }

    private static readonly ReferenceFacts All = new(true, true, true, true, true);

    private static TargetCapabilities From(LanguageVersion lang, ReferenceFacts references, params (string Key, string Value)[] properties)
        => TargetCapabilities.From(new CSharpParseOptions(lang),
            new TestOptionsProvider(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value)).GlobalOptions, references);

    [Fact]
    public void References_decide_each_feature_and_the_CSharp_version_gates_required()
    {
        Assert.Equal(new TargetCapabilities(1200, true, true, true, true), From(LanguageVersion.CSharp12, All));
        Assert.Equal(new TargetCapabilities(900, false, false, false, false), From(LanguageVersion.CSharp9, ReferenceFacts.None));
        // Only RequiredMemberAttribute without CompilerFeatureRequiredAttribute is not enough.
        Assert.False(From(LanguageVersion.CSharp12, ReferenceFacts.None with { RequiredMember = true }).HasRequiredMembers);
        Assert.False(From(LanguageVersion.CSharp10, All).CanUseRequired);
        Assert.True(From(LanguageVersion.CSharp11, All).CanUseRequired);
        Assert.True(From(LanguageVersion.Latest, All).CanUseRequired);
    }

    [Fact]
    public void Properties_override_the_references()
    {
        var lowered = From(LanguageVersion.CSharp12, All,
            (TargetCapabilities.RequiredMembersOption, "false"), (TargetCapabilities.DateOnlyOption, "False"),
            (TargetCapabilities.EmitIsExternalInitOption, "true"), (TargetCapabilities.JsonSerializerOption, "false"));
        Assert.Equal(new TargetCapabilities(1200, false, false, false, false), lowered);

        // PolySharp-style polyfills on .NET Standard (another generator's output): say so.
        var raised = From(LanguageVersion.CSharp12, ReferenceFacts.None,
            (TargetCapabilities.RequiredMembersOption, "true"), (TargetCapabilities.EmitIsExternalInitOption, "false"));
        Assert.True(raised.CanUseRequired);
        Assert.True(raised.HasIsExternalInit);
        // An unreadable value is no override.
        Assert.True(From(LanguageVersion.CSharp12, All, (TargetCapabilities.DateOnlyOption, "maybe")).HasDateOnly);
    }

    /// <summary>The repo's markdown docs: CartItem and the docs it links to, NewCustomerSession.</summary>
    private static IReadOnlyList<AdditionalText> Docs => TestHelpers.LoadFolder(TestHelpers.SchemasDir);

    private static Dictionary<string, string> Options(params (string Key, string Value)[] properties)
    {
        var options = new Dictionary<string, string> { ["build_property.ModelDocsNamespace"] = "Test.Models" };
        foreach (var (k, v) in properties) options["build_property." + k] = v;
        return options;
    }

    [Theory]
    [InlineData(GeneratorBuilds.PreCompilation)]
    [InlineData(GeneratorBuilds.Standard)]
    public void What_a_netstandard_target_gets_the_polyfill_no_required_no_DateOnly_no_serializer(string build)
    {
        // What .NET Standard 2.0's references give, set by properties (this test compiles against .NET 8, whose
        // System.Runtime has a public IsExternalInit: a referenced copy is no duplicate, so no MD1027).
        var run = TestHelpers.Run(Docs, Options(
            (TargetCapabilities.RequiredMembersOption, "false"), (TargetCapabilities.DateOnlyOption, "false"),
            (TargetCapabilities.EmitIsExternalInitOption, "true"), (TargetCapabilities.JsonSerializerOption, "false")), build: build);
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("ModelDocs.IsExternalInit.g.cs", hints);
        Assert.DoesNotContain("ModelDocs.Json.g.cs", hints);
        Assert.DoesNotContain("Test.Models.ModelDocsJsonContext.g.cs", hints);
        var record = run.Sources.Single(s => s.HintName == "Test.Models.CartItem.g.cs").SourceText.ToString();
        Assert.DoesNotContain(" required ", record, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonConverter", record, StringComparison.Ordinal);
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
        Assert.Empty(run.GeneratorProblems);
    }

    [Theory]
    [InlineData(GeneratorBuilds.PreCompilation)]
    [InlineData(GeneratorBuilds.Standard)]
    public void A_claim_is_the_users_to_make_and_not_second_guessed(string build)
    {
        // The property says System.Text.Json 8 is there; the compilation the generator sees has none, as it
        // would not have another generator's polyfills either: no MD1027 (the compiler reports what is missing).
        var refs = Basic.Reference.Assemblies.Net80.References.All.Where(r => !(r.FilePath ?? "").Contains("System.Text.Json", StringComparison.Ordinal)).ToList();
        var compilation = CSharpCompilation.Create("NoJson",
            new[] { CSharpSyntaxTree.ParseText("namespace App; public static class P { }", TestHelpers.ParseOptions) },
            refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var run = TestHelpers.Run(Docs, Options((TargetCapabilities.JsonSerializerOption, "true")), compilation: compilation, build: build);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "MD1027");
        Assert.Contains(run.Sources, s => s.HintName == "Test.Models.ModelDocsJsonContext.g.cs");
    }

    [Theory]
    [InlineData(GeneratorBuilds.PreCompilation)]
    [InlineData(GeneratorBuilds.Standard)]
    public void A_polyfill_the_project_already_has_is_reported(string build)
    {
        var compilation = TestHelpers.CreateCompilation(new[]
        {
            "namespace App; public static class P { }",
            "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }",
        });
        var run = TestHelpers.Run(Docs, Options((TargetCapabilities.EmitIsExternalInitOption, "true")), compilation: compilation, build: build);
        var md1027 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "MD1027");
        Assert.Contains("<ModelDocsEmitIsExternalInit>false</ModelDocsEmitIsExternalInit>", md1027.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Source1.cs", md1027.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, md1027.DefaultSeverity); // the test compilation promotes warnings to errors
    }

    [Theory]
    [InlineData(GeneratorBuilds.PreCompilation)]
    [InlineData(GeneratorBuilds.Standard)]
    public void A_referenced_internal_polyfill_is_no_duplicate(string build)
    {
        // A library (PolySharp-style) with its own internal IsExternalInit, referenced by this project.
        var library = CSharpCompilation.Create("Lib",
            new[] { CSharpSyntaxTree.ParseText("namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } } namespace Lib { public static class L { } }") },
            Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = TestHelpers.CreateCompilation().AddReferences(library.ToMetadataReference());
        var run = TestHelpers.Run(Docs, Options((TargetCapabilities.EmitIsExternalInitOption, "true")), compilation: compilation, build: build);
        Assert.Empty(run.GeneratorProblems);
    }

    [Fact]
    public void No_MD1027_and_no_look_at_the_compilation_when_the_references_decide()
    {
        var run = TestHelpers.Run(Docs, trackSteps: true);
        Assert.Empty(run.GeneratorProblems);
        Assert.True(run.CompileDiagnostics.IsEmpty, TestHelpers.Format(run.CompileDiagnostics));
        // The check's input is null: nothing to look at.
        var step = Assert.Single(run.Result.Results).TrackedSteps[TrackingNames.TargetCheck];
        Assert.All(step, s => Assert.Null(((ValueTuple<TargetCapabilities?, Compilation>)s.Inputs[0].Source.Outputs[s.Inputs[0].OutputIndex].Value).Item1));
    }
}
