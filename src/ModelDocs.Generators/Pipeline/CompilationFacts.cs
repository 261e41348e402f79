using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Pipeline;

/// <summary>
/// What the compilation really has, read in the normal phase only to check the
/// <see cref="TargetCapabilities"/> that were decided before it (never to decide anything).
/// </summary>
internal sealed record CompilationFacts(bool HasRequiredMembers, bool HasIsExternalInit, bool HasDateOnly, bool HasJsonSerializer, bool IsExternalInitIsOurs)
{
    public static CompilationFacts Read(Compilation compilation)
    {
        var isExternalInit = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.IsExternalInit");
        var ours = false;
        if (isExternalInit is not null)
        {
            foreach (var location in isExternalInit.Locations)
            {
                // The 5.9 build adds its polyfill before this compilation is made: that one does not count.
                if (location.SourceTree?.FilePath.EndsWith(Emit.SourceEmission.IsExternalInitHintName, System.StringComparison.Ordinal) == true) ours = true;
            }
        }
        return new CompilationFacts(
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is not null
                && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute") is not null,
            isExternalInit is not null && !ours,
            compilation.GetTypeByMetadataName("System.DateOnly") is not null,
            compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonUnmappedMemberHandling") is not null,
            ours);
    }

    /// <summary>MD1027 for each feature the generated code uses that the compilation lacks.</summary>
    public static EquatableArray<DiagnosticInfo> Check(CompilationFacts facts, TargetCapabilities caps)
    {
        var found = new List<DiagnosticInfo>();
        void Mismatch(string feature, string lacks, string option, string value)
            => found.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TargetMismatch, null, feature, lacks, option, value));

        if (caps.CanUseRequired && !facts.HasRequiredMembers)
        {
            Mismatch("C# required members", "has no System.Runtime.CompilerServices.RequiredMemberAttribute", TargetCapabilities.RequiredMembersOption, "false");
        }
        if (caps.HasDateOnly && !facts.HasDateOnly)
        {
            Mismatch("System.DateOnly for 'date' properties", "has no System.DateOnly", TargetCapabilities.DateOnlyOption, "false");
        }
        if (caps.HasJsonSerializer && !facts.HasJsonSerializer)
        {
            Mismatch("the System.Text.Json serializer context", "references no System.Text.Json 8 or later", TargetCapabilities.JsonSerializerOption, "false");
        }
        if (caps.HasIsExternalInit && !facts.HasIsExternalInit && !facts.IsExternalInitIsOurs)
        {
            Mismatch("init accessors", "has no System.Runtime.CompilerServices.IsExternalInit", TargetCapabilities.EmitIsExternalInitOption, "true");
        }
        return found.ToEquatableArray();
    }
}
