using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Pipeline;

/// <summary>
/// The normal-phase check of what was decided before compilation (<see cref="TargetCapabilities"/>):
/// the referenced assemblies are read exactly, so only two things can be wrong, and only they make this
/// stage look at the compilation: a <c>ModelDocs*</c> property that claims a type no reference has (it
/// must then come from source), and the <c>IsExternalInit</c> polyfill when the project's own source has
/// one too. Otherwise the compilation is not touched: asking it for a type builds its declaration table,
/// which walks every tree, the 5.9 build's generated ones included, on every run.
/// </summary>
internal static class CompilationFacts
{
    private const string RequiredMember = "System.Runtime.CompilerServices.RequiredMemberAttribute";
    private const string CompilerFeatureRequired = "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute";
    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";
    private const string DateOnly = "System.DateOnly";
    private const string UnmappedMemberHandling = "System.Text.Json.Serialization.JsonUnmappedMemberHandling";

    /// <summary>Whether <see cref="Check"/> has anything to look at for these capabilities.</summary>
    public static bool NeedsCheck(TargetCapabilities caps) => caps.Claimed is not null || !caps.HasIsExternalInit;

    /// <summary>MD1027 for each claimed type the compilation lacks, and for a second IsExternalInit.</summary>
    public static EquatableArray<DiagnosticInfo> Check(Compilation compilation, TargetCapabilities caps)
    {
        var found = new List<DiagnosticInfo>();
        void Mismatch(string feature, string source, string lacks, string option, string value)
            => found.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TargetMismatch, null, feature, source, lacks, option, value));

        if (caps.Claimed is { } claimed)
        {
            const string Property = "a ModelDocs property";
            if (claimed.RequiredMember && caps.CanUseRequired && (compilation.GetTypeByMetadataName(RequiredMember) is null || compilation.GetTypeByMetadataName(CompilerFeatureRequired) is null))
            {
                Mismatch("C# required members", Property, "has no " + RequiredMember, TargetCapabilities.RequiredMembersOption, "false");
            }
            if (claimed.DateOnly && compilation.GetTypeByMetadataName(DateOnly) is null)
            {
                Mismatch("System.DateOnly for 'date' properties", Property, "has no System.DateOnly", TargetCapabilities.DateOnlyOption, "false");
            }
            if (claimed.JsonUnmappedMemberHandling && compilation.GetTypeByMetadataName(UnmappedMemberHandling) is null)
            {
                Mismatch("the System.Text.Json serializer context", Property, "references no System.Text.Json 8 or later", TargetCapabilities.JsonSerializerOption, "false");
            }
            if (claimed.IsExternalInit && compilation.GetTypeByMetadataName(IsExternalInit) is null)
            {
                Mismatch("init accessors", Property, "has no " + IsExternalInit, TargetCapabilities.EmitIsExternalInitOption, "true");
            }
        }
        if (!caps.HasIsExternalInit && compilation.GetTypeByMetadataName(IsExternalInit) is { } polyfill)
        {
            foreach (var location in polyfill.Locations)
            {
                // The 5.9 build's own copy is in this compilation already; another one is a duplicate definition.
                if (location.SourceTree?.FilePath.EndsWith(Emit.SourceEmission.IsExternalInitHintName, StringComparison.Ordinal) == true) continue;
                Mismatch("its own " + IsExternalInit, "the referenced assemblies (none defines it)", "already defines one", TargetCapabilities.EmitIsExternalInitOption, "false");
                break;
            }
        }
        return found.ToEquatableArray();
    }
}
