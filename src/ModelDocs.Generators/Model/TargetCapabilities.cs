using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelDocs.Generators.Model;

/// <summary>
/// What the consuming project supports; decides which C# and library features generated code may use.
/// Decided before compilation (so the Roslyn 5.9 build can add its sources before other generators run)
/// from inputs that phase allows: the C# version from the parse options, and what the referenced
/// assemblies define (<see cref="ReferenceFacts"/>, read from their metadata, never through the
/// <see cref="Compilation"/>). A <c>ModelDocs*</c> MSBuild property overrides each decision, for types
/// that come from source instead (a polyfill package, which is another generator: neither this phase nor
/// the compilation a generator sees holds its output, so such a claim is the user's to make).
/// </summary>
/// <param name="LanguageVersion">The effective C# version (<see cref="Microsoft.CodeAnalysis.CSharp.LanguageVersion"/> as int, e.g. 1200 for C# 12).</param>
/// <param name="HasRequiredMembers">The target has <c>RequiredMemberAttribute</c> and <c>CompilerFeatureRequiredAttribute</c> (.NET 7+).</param>
/// <param name="HasIsExternalInit">The target has <c>IsExternalInit</c> (.NET 5+); when false the generator adds an internal copy.</param>
/// <param name="HasDateOnly">The target has <c>DateOnly</c> (.NET 6+); when false <c>date</c> maps to <c>DateTime</c>.</param>
/// <param name="HasJsonSerializer">System.Text.Json 8 or later is referenced (the converters and context need its APIs).</param>
internal sealed record TargetCapabilities(int LanguageVersion, bool HasRequiredMembers, bool HasIsExternalInit, bool HasDateOnly, bool HasJsonSerializer)
{
    public const string RequiredMembersOption = "ModelDocsRequiredMembers";
    public const string DateOnlyOption = "ModelDocsDateOnly";
    public const string EmitIsExternalInitOption = "ModelDocsEmitIsExternalInit";
    public const string JsonSerializerOption = "ModelDocsJsonSerializer";

    public bool CanUseRequired => LanguageVersion >= (int)Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11 && HasRequiredMembers;

    public static TargetCapabilities From(ParseOptions parseOptions, AnalyzerConfigOptions global, ReferenceFacts references)
    {
        var langVersion = parseOptions is CSharpParseOptions cs ? (int)cs.LanguageVersion : 0;
        var required = Flag(global, RequiredMembersOption) ?? references.HasRequiredMembers;
        var isExternalInit = Flag(global, EmitIsExternalInitOption) is bool emit ? !emit : references.IsExternalInit;
        var dateOnly = Flag(global, DateOnlyOption) ?? references.DateOnly;
        var json = Flag(global, JsonSerializerOption) ?? references.JsonUnmappedMemberHandling;
        return new TargetCapabilities(langVersion, required, isExternalInit, dateOnly, json);
    }

    private static bool? Flag(AnalyzerConfigOptions options, string name)
        => options.TryGetValue("build_property." + name, out var v) && !string.IsNullOrWhiteSpace(v)
            ? v.Trim().ToLowerInvariant() switch
            {
                "true" or "yes" or "1" or "enable" or "enabled" => true,
                "false" or "no" or "0" or "disable" or "disabled" => false,
                _ => null,
            }
            : null;
}
