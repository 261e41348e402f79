using System;
using System.Reflection;
using System.Reflection.Metadata;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ModelDocs.Generators.Model;

/// <summary>
/// Which of the types the generated code may use a referenced assembly defines (publicly, or forwards).
/// Read per reference from its metadata, which the pre-compilation phase may read (the
/// <see cref="Compilation"/> it may not); the pipeline caches it per reference and ORs the results.
/// </summary>
internal sealed record ReferenceFacts(bool RequiredMember, bool CompilerFeatureRequired, bool IsExternalInit, bool DateOnly, bool JsonUnmappedMemberHandling)
{
    public static readonly ReferenceFacts None = new(false, false, false, false, false);

    public bool HasRequiredMembers => RequiredMember && CompilerFeatureRequired;

    public ReferenceFacts Or(ReferenceFacts other)
        => new(RequiredMember || other.RequiredMember, CompilerFeatureRequired || other.CompilerFeatureRequired,
            IsExternalInit || other.IsExternalInit, DateOnly || other.DateOnly, JsonUnmappedMemberHandling || other.JsonUnmappedMemberHandling);

    private const string CompilerServices = "System.Runtime.CompilerServices";
    private const string JsonSerialization = "System.Text.Json.Serialization";

    public static ReferenceFacts Of(MetadataReference reference, CancellationToken ct)
    {
        // A reference only usable through an extern alias is invisible to generated global:: code.
        var aliases = reference.Properties.Aliases;
        if (!aliases.IsEmpty && !aliases.Contains("global")) return None;
        try
        {
            return reference switch
            {
                PortableExecutableReference pe => OfMetadata(pe.GetMetadata(), ct),
                CompilationReference c => OfAssembly(c.Compilation.Assembly),
                _ => None,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unreadable reference is the compiler's to report; it defines nothing here.
            return None;
        }
    }

    private static ReferenceFacts OfMetadata(Metadata? metadata, CancellationToken ct)
    {
        var facts = None;
        var modules = metadata switch
        {
            AssemblyMetadata a => a.GetModules(),
            ModuleMetadata m => System.Collections.Immutable.ImmutableArray.Create(m),
            _ => System.Collections.Immutable.ImmutableArray<ModuleMetadata>.Empty,
        };
        foreach (var module in modules)
        {
            var reader = module.GetMetadataReader();
            foreach (var handle in reader.TypeDefinitions)
            {
                ct.ThrowIfCancellationRequested();
                var type = reader.GetTypeDefinition(handle);
                if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public) continue;
                facts = facts.Or(Match(reader, type.Namespace, type.Name));
            }
            foreach (var handle in reader.ExportedTypes)
            {
                var exported = reader.GetExportedType(handle);
                if (exported.IsForwarder) facts = facts.Or(Match(reader, exported.Namespace, exported.Name));
            }
        }
        return facts;
    }

    private static ReferenceFacts Match(MetadataReader reader, StringHandle ns, StringHandle name)
    {
        var strings = reader.StringComparer;
        if (strings.Equals(ns, CompilerServices))
        {
            if (strings.Equals(name, "RequiredMemberAttribute")) return None with { RequiredMember = true };
            if (strings.Equals(name, "CompilerFeatureRequiredAttribute")) return None with { CompilerFeatureRequired = true };
            if (strings.Equals(name, "IsExternalInit")) return None with { IsExternalInit = true };
        }
        else if (strings.Equals(ns, "System"))
        {
            if (strings.Equals(name, "DateOnly")) return None with { DateOnly = true };
        }
        else if (strings.Equals(ns, JsonSerialization))
        {
            // System.Text.Json 8 added it; the generated converters and context need that version's APIs.
            if (strings.Equals(name, "JsonUnmappedMemberHandling")) return None with { JsonUnmappedMemberHandling = true };
        }
        return None;
    }

    private static ReferenceFacts OfAssembly(IAssemblySymbol assembly)
    {
        bool Has(string name) => assembly.GetTypeByMetadataName(name) is { DeclaredAccessibility: Accessibility.Public };
        return new ReferenceFacts(
            Has(CompilerServices + ".RequiredMemberAttribute"), Has(CompilerServices + ".CompilerFeatureRequiredAttribute"),
            Has(CompilerServices + ".IsExternalInit"), Has("System.DateOnly"), Has(JsonSerialization + ".JsonUnmappedMemberHandling"));
    }
}
