using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Pipeline;

/// <summary>
/// The normal-phase check of one decision made before compilation (<see cref="TargetCapabilities"/>):
/// when the generator adds its <c>IsExternalInit</c> polyfill, does the project's own source define one
/// too (a duplicate definition)? Only then does this stage look at the compilation: asking it for a type
/// builds its declaration table, which walks every tree, the 5.9 build's generated ones included, on
/// every run. What a <c>ModelDocs*</c> property claims is not checked here: a type it relies on may come
/// from another generator (a polyfill package), whose output this compilation does not contain.
/// </summary>
internal static class CompilationFacts
{
    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";

    /// <summary>Whether <see cref="Check"/> has anything to look at for these capabilities.</summary>
    public static bool NeedsCheck(TargetCapabilities caps) => !caps.HasIsExternalInit;

    /// <summary>MD1027 when the project's own source defines the IsExternalInit the generator adds.</summary>
    public static EquatableArray<DiagnosticInfo> Check(Compilation compilation, TargetCapabilities caps)
    {
        if (caps.HasIsExternalInit || compilation.GetTypeByMetadataName(IsExternalInit) is not { } type) return EquatableArray<DiagnosticInfo>.Empty;
        var found = new List<DiagnosticInfo>();
        foreach (var location in type.Locations)
        {
            // Only this assembly's source: a referenced assembly's copy (public or internal) is no duplicate,
            // and the 5.9 build's own copy is in this compilation already.
            if (!location.IsInSource || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)) continue;
            if (location.SourceTree!.FilePath.EndsWith(Emit.HintNames.IsExternalInit, System.StringComparison.Ordinal)) continue;
            found.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TargetMismatch, null,
                "its own " + IsExternalInit, "the references and " + TargetCapabilities.EmitIsExternalInitOption,
                "already defines one in " + System.IO.Path.GetFileName(location.SourceTree.FilePath), TargetCapabilities.EmitIsExternalInitOption, "false"));
            break;
        }
        return found.ToEquatableArray();
    }
}
