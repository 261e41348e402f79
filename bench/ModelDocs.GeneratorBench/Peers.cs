using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelDocs.Generators;
using ModelDocs.Generators.Emit;
using ModelDocs.Generators.Inference;
using ModelDocs.Generators.Model;
using ModelDocs.Generators.Pipeline;
using ModelDocs.Generators.Common;

namespace ModelDocs.GeneratorBench;

/// <summary>
/// The peer of the compile-cost comparison: the records and enums a team would write by hand for
/// System.Text.Json's own source generator, with the same shape as what ModelDocs generates from the
/// same docs (names, CLR types, nullability, <c>required</c>, defaults, wire names, the same summaries),
/// and one <c>[JsonSerializable]</c> context listing every record and enum (ModelDocs' context covers
/// every generated type too). Not in it, because STJ does these itself or a hand-written model would not
/// have them: converters, equality over collections, unknown-property bags, enum helpers, remarks.
/// Written once by <c>--write-peers</c> into <c>Peers/*.peers.cs.txt</c> (checked in, reviewed by hand);
/// the bench regenerates them in memory and says so when the checked-in files are stale.
/// </summary>
internal static class Peers
{
    public const string ContextName = "PeerJsonContext";

    /// <summary>
    /// A run of the roslyn5.9 build over <paramref name="docs"/>: its result, and the resolved specs (hierarchies
    /// attached) by full name, read through the generator's observer of its stages.
    /// </summary>
    public static (GeneratorRunResult Run, List<ModelSpec> Models) Run(ImmutableArray<AdditionalText> docs, AnalyzerConfigOptionsProvider optionsProvider, Compilation compilation)
    {
        var resolved = ImmutableArray<(ResolveResult Result, TargetCapabilities Capabilities)>.Empty;
        var generator = new ModelDocsGenerator { Observer = new PipelineObserver { Models = all => resolved = all } };
        var driver = CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, docs, Program.ParseOptions, optionsProvider).RunGenerators(compilation);
        var models = resolved.Select(r => r.Result.Model).OfType<ModelSpec>().OrderBy(m => m.FullName, StringComparer.Ordinal).ToList();
        return (driver.GetRunResult().Results[0], models);
    }

    public static string Write(IReadOnlyList<ModelSpec> models, string source)
    {
        var w = new StringBuilder();
        w.Append("// Peer records for System.Text.Json's source generator, written by\n");
        w.Append("//   dotnet run -c Release --project bench/ModelDocs.GeneratorBench -- --write-peers\n");
        w.Append("// from ").Append(source).Append(" (").Append(models.Count).Append(" resolved docs). Same shape as ModelDocs' records; see Peers.cs.\n");
        w.Append("#nullable enable\n");
        w.Append("#pragma warning disable CS0612, CS0618\n\n");
        foreach (var ns in models.GroupBy(m => m.Namespace, StringComparer.Ordinal))
        {
            w.Append("namespace ").Append(ns.Key).Append("\n{\n");
            var types = new List<string>();
            foreach (var model in ns)
            {
                if (model.Kind == DocumentKind.Model)
                {
                    WriteRecord(w, model);
                    types.Add(Identifiers.EscapeKeyword(model.TypeName));
                }
                foreach (var e in model.Enums)
                {
                    WriteEnum(w, e);
                    types.Add(Identifiers.EscapeKeyword(e.TypeName));
                }
            }
            w.Append("    [global::System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]\n");
            foreach (var t in types) w.Append("    [global::System.Text.Json.Serialization.JsonSerializable(typeof(").Append(t).Append("))]\n");
            w.Append("    public sealed partial class ").Append(ContextName).Append(" : global::System.Text.Json.Serialization.JsonSerializerContext;\n");
            w.Append("}\n");
        }
        return w.ToString();
    }

    private static void Summary(StringBuilder w, string? description, string indent)
    {
        var summary = XmlDoc.Summary(description);
        if (summary.Length == 0) return;
        w.Append(indent).Append("/// <summary>\n");
        foreach (var line in summary.Split('\n')) w.Append(indent).Append("/// ").Append(line).Append('\n');
        w.Append(indent).Append("/// </summary>\n");
    }

    private static void WriteRecord(StringBuilder w, ModelSpec model)
    {
        Summary(w, model.Description, "    ");
        var h = model.Hierarchy;
        var discriminators = new HashSet<string>(StringComparer.Ordinal);
        if (h?.Polymorphism is { } poly)
        {
            // STJ's own polymorphism: the discriminator is metadata, not a property of the record.
            w.Append("    [global::System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = ").Append(Literal(poly.PropertyName)).Append(")]\n");
            foreach (var c in poly.Cases)
            {
                if (c.TypeName == model.FullName) continue;
                w.Append("    [global::System.Text.Json.Serialization.JsonDerivedType(typeof(").Append(c.TypeName).Append("), ").Append(Literal(c.Value)).Append(")]\n");
            }
        }
        if (h is not null)
        {
            foreach (var p in model.AllProperties) if (p.IsDiscriminator) discriminators.Add(p.WireName);
        }
        var sealedness = h is null || h.IsSealed ? "sealed " : string.Empty;
        var baseList = h?.BaseType is { } baseType ? " : " + baseType : string.Empty;
        w.Append("    public ").Append(sealedness).Append("record ").Append(Identifiers.EscapeKeyword(model.TypeName)).Append(baseList).Append("\n    {\n");
        foreach (var p in model.Properties)
        {
            if (p.IsDiscriminator && discriminators.Contains(p.WireName)) continue;
            Summary(w, p.Description, "        ");
            if (p.IsDeprecated) w.Append("        [global::System.Obsolete(\"Deprecated in the model docs.\")]\n");
            w.Append("        [global::System.Text.Json.Serialization.JsonPropertyName(").Append(Literal(p.WireName)).Append(")]\n");
            // The same rules as Emitter.EmitProperty.
            var nullable = !p.IsRequired && p.Default is null;
            var type = p.Type.ClrName + (nullable || p.IsNullable ? "?" : string.Empty);
            var useRequired = p.IsRequired && !p.IsReadOnly && !p.IsDeprecated && p.Default is null;
            var initializer = string.Empty;
            if (p.Default is not null) initializer = " = " + p.Default.Expression + ";";
            else if (!nullable && !p.IsNullable && !useRequired && !p.Type.IsValueType) initializer = " = default!;";
            w.Append("        public ").Append(useRequired ? "required " : string.Empty).Append(type).Append(' ').Append(Identifiers.EscapeKeyword(p.ClrName))
                .Append(" { get; init; }").Append(initializer).Append('\n');
        }
        w.Append("    }\n\n");
    }

    private static void WriteEnum(StringBuilder w, EnumModel e)
    {
        Summary(w, e.Description, "    ");
        var name = Identifiers.EscapeKeyword(e.TypeName);
        w.Append("    [global::System.Text.Json.Serialization.JsonConverter(typeof(global::System.Text.Json.Serialization.JsonStringEnumConverter<").Append(name).Append(">))]\n");
        w.Append("    public enum ").Append(name).Append("\n    {\n");
        foreach (var m in e.Members)
        {
            w.Append("        [global::System.Text.Json.Serialization.JsonStringEnumMemberName(").Append(Literal(m.WireValue)).Append(")] ")
                .Append(Identifiers.EscapeKeyword(m.Name)).Append(",\n");
        }
        w.Append("    }\n\n");
    }

    private static string Literal(string s) => SymbolDisplay.FormatLiteral(s, quote: true);
}
