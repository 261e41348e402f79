using System;
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
        // The referenced assemblies first: asking the compilation itself builds its declaration table, which
        // parses every source tree, the 5.9 build's pre-compiled ones included (about a second for 800 files,
        // on every run). Source is searched only for what no reference has (a hand-written polyfill).
        var inReferences = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly) continue;
            foreach (var name in Names)
            {
                if (!inReferences.Contains(name) && assembly.GetTypeByMetadataName(name) is { } type && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    inReferences.Add(name);
                }
            }
        }
        var ours = false;
        bool Has(string name)
        {
            if (inReferences.Contains(name)) return true;
            var type = compilation.GetTypeByMetadataName(name);
            if (type is null) return false;
            if (name != IsExternalInit) return true;
            foreach (var location in type.Locations)
            {
                // The 5.9 build adds its polyfill before this compilation is made: that one does not count.
                if (location.SourceTree?.FilePath.EndsWith(Emit.SourceEmission.IsExternalInitHintName, StringComparison.Ordinal) == true) ours = true;
            }
            return !ours;
        }
        return new CompilationFacts(
            Has(RequiredMember) && Has(CompilerFeatureRequired),
            Has(IsExternalInit),
            Has(DateOnly),
            Has(UnmappedMemberHandling),
            ours);
    }

    private const string RequiredMember = "System.Runtime.CompilerServices.RequiredMemberAttribute";
    private const string CompilerFeatureRequired = "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute";
    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";
    private const string DateOnly = "System.DateOnly";
    private const string UnmappedMemberHandling = "System.Text.Json.Serialization.JsonUnmappedMemberHandling";
    private static readonly string[] Names = { RequiredMember, CompilerFeatureRequired, IsExternalInit, DateOnly, UnmappedMemberHandling };

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
