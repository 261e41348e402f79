using System.Reflection;
using System.Reflection.Metadata;
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
        var found = new Found();
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
                if ((type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public) found.Match(reader, type.Namespace, type.Name);
            }
            foreach (var handle in reader.ExportedTypes)
            {
                var exported = reader.GetExportedType(handle);
                if (exported.IsForwarder) found.Match(reader, exported.Namespace, exported.Name);
            }
        }
        return new ReferenceFacts(found.RequiredMember, found.CompilerFeatureRequired, found.IsExternalInit, found.DateOnly, found.JsonUnmappedMemberHandling);
    }

    /// <summary>The five names, matched against a metadata reader's strings without allocating.</summary>
    private struct Found
    {
        public bool RequiredMember, CompilerFeatureRequired, IsExternalInit, DateOnly, JsonUnmappedMemberHandling;

        public void Match(MetadataReader reader, StringHandle ns, StringHandle name)
        {
            var strings = reader.StringComparer;
            if (strings.Equals(ns, CompilerServices))
            {
                RequiredMember |= strings.Equals(name, "RequiredMemberAttribute");
                CompilerFeatureRequired |= strings.Equals(name, "CompilerFeatureRequiredAttribute");
                IsExternalInit |= strings.Equals(name, "IsExternalInit");
            }
            else if (strings.Equals(ns, "System"))
            {
                DateOnly |= strings.Equals(name, "DateOnly");
            }
            else if (strings.Equals(ns, JsonSerialization))
            {
                // System.Text.Json 8 added it; the generated converters and context need that version's APIs.
                JsonUnmappedMemberHandling |= strings.Equals(name, "JsonUnmappedMemberHandling");
            }
        }
    }

    private static ReferenceFacts OfAssembly(IAssemblySymbol assembly)
    {
        bool Has(string name) => assembly.GetTypeByMetadataName(name) is { DeclaredAccessibility: Accessibility.Public };
        return new ReferenceFacts(
            Has(CompilerServices + ".RequiredMemberAttribute"), Has(CompilerServices + ".CompilerFeatureRequiredAttribute"),
            Has(CompilerServices + ".IsExternalInit"), Has("System.DateOnly"), Has(JsonSerialization + ".JsonUnmappedMemberHandling"));
    }
}
