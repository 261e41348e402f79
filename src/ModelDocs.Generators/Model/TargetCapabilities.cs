using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelDocs.Generators.Model;

/// <summary>
/// What the consuming project supports; decides which C# and library features generated code may use.
/// Read before compilation (so the Roslyn 5.9 build can add its sources before other generators run):
/// the C# version from the parse options, the rest from MSBuild properties that the package's props
/// and targets make visible (<c>TargetFrameworkIdentifier</c>, <c>TargetFrameworkVersion</c>, the
/// referenced System.Text.Json's assembly version), each overridable by a <c>ModelDocs*</c> property.
/// Without any of them (a host that does not run the package's build files) the newest target is
/// assumed. The compilation is checked against these afterwards (MD1027), never read to decide them.
/// </summary>
/// <param name="LanguageVersion">The effective C# version (<see cref="Microsoft.CodeAnalysis.CSharp.LanguageVersion"/> as int, e.g. 1200 for C# 12).</param>
/// <param name="HasRequiredMembers">The target has <c>RequiredMemberAttribute</c> and <c>CompilerFeatureRequiredAttribute</c> (.NET 7+).</param>
/// <param name="HasIsExternalInit">The target has <c>IsExternalInit</c> (.NET 5+); when false the generator adds an internal copy.</param>
/// <param name="HasDateOnly">The target has <c>DateOnly</c> (.NET 6+); when false <c>date</c> maps to <c>DateTime</c>.</param>
/// <param name="HasJsonSerializer">System.Text.Json 8 or later is referenced (the converters and context need its APIs).</param>
internal sealed record TargetCapabilities(int LanguageVersion, bool HasRequiredMembers, bool HasIsExternalInit, bool HasDateOnly, bool HasJsonSerializer = true)
{
    public const string RequiredMembersOption = "ModelDocsRequiredMembers";
    public const string DateOnlyOption = "ModelDocsDateOnly";
    public const string EmitIsExternalInitOption = "ModelDocsEmitIsExternalInit";
    public const string JsonSerializerOption = "ModelDocsJsonSerializer";
    public const string SystemTextJsonVersionProperty = "ModelDocsSystemTextJsonVersion";

    public bool CanUseRequired => LanguageVersion >= (int)Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11 && HasRequiredMembers;

    public static readonly TargetCapabilities Latest = new((int)Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12, true, true, true);

    public static TargetCapabilities From(ParseOptions parseOptions, AnalyzerConfigOptions global)
    {
        var langVersion = parseOptions is CSharpParseOptions cs ? (int)cs.LanguageVersion : 0;
        var target = TargetFramework.From(global);
        var jsonVersion = MajorVersion(Get(global, SystemTextJsonVersionProperty));
        return new TargetCapabilities(
            langVersion,
            Flag(global, RequiredMembersOption) ?? target.AtLeast(TargetFramework.NetCoreApp, 7),
            Flag(global, EmitIsExternalInitOption) is bool emit ? !emit : target.AtLeast(TargetFramework.NetCoreApp, 5),
            Flag(global, DateOnlyOption) ?? target.AtLeast(TargetFramework.NetCoreApp, 6),
            Flag(global, JsonSerializerOption) ?? (jsonVersion is int major ? major >= 8 : target.AtLeast(TargetFramework.NetCoreApp, 8)));
    }

    private static string? Get(AnalyzerConfigOptions options, string name)
        => options.TryGetValue("build_property." + name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static bool? Flag(AnalyzerConfigOptions options, string name)
        => Get(options, name)?.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "enable" or "enabled" => true,
            "false" or "no" or "0" or "disable" or "disabled" => false,
            _ => null,
        };

    /// <summary>"8.0.0.0" → 8; null for anything that does not start with a number.</summary>
    internal static int? MajorVersion(string? version)
    {
        if (version is null) return null;
        var v = version!.TrimStart('v', 'V');
        var dot = v.IndexOf('.');
        return int.TryParse(dot < 0 ? v : v.Substring(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    /// <summary>The project's target framework as MSBuild states it; unknown when the properties are absent.</summary>
    private readonly struct TargetFramework
    {
        public const string NetCoreApp = ".NETCoreApp";

        private readonly string? _identifier;
        private readonly int _major;

        private TargetFramework(string? identifier, int major)
        {
            _identifier = identifier;
            _major = major;
        }

        public static TargetFramework From(AnalyzerConfigOptions global)
            => new(Get(global, "TargetFrameworkIdentifier"), MajorVersion(Get(global, "TargetFrameworkVersion")) ?? 0);

        /// <summary>True for <paramref name="identifier"/> at <paramref name="major"/> or later, and when nothing is known (assume the newest).</summary>
        public bool AtLeast(string identifier, int major)
            => _identifier is null || (string.Equals(_identifier, identifier, StringComparison.OrdinalIgnoreCase) && _major >= major);
    }
}
