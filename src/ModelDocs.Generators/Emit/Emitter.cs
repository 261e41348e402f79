using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Emit;

/// <summary>Writes C# for resolved specs. Reads only <see cref="ModelSpec"/>; output is stable (no timestamps, invariant culture).</summary>
internal static class Emitter
{
    private static string GeneratedCode => GeneratedFile.GeneratedCodeAttribute;

    private static string Literal(string s) => GeneratedFile.Literal(s);

    public static string EmitModel(ModelSpec model, TargetCapabilities caps)
    {
        var json = caps.HasJsonSerializer;
        var w = GeneratedFile.Header(model.Namespace, json);
        var summary = XmlDoc.Summary(model.Description);
        w.Doc("<summary>\n" + (summary.Length > 0 ? summary : $"The {XmlDoc.Escape(model.TypeName)} model.") + "\n</summary>");
        w.Doc($"<remarks>Generated from <c>{XmlDoc.Escape(Paths.FileName(model.FilePath))}</c>.</remarks>");
        w.Line(GeneratedCode);
        w.Line($"[global::{GeneratedNames.AttributeNamespace}.{GeneratedNames.ModelDocAttribute}({Literal(Paths.FileName(model.FilePath))})]");
        if (json) w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof(global::{model.Namespace}.{GeneratedNames.ConverterName(model.TypeName)}))]");
        var h = model.Hierarchy;
        var sealedness = h is null || h.IsSealed ? "sealed " : string.Empty;
        var baseList = h?.BaseType is { } baseType ? " : " + baseType : string.Empty;
        w.Open($"public {sealedness}partial record {Identifiers.EscapeKeyword(model.TypeName)}{baseList}");
        var first = true;
        if (json && h is not null) first = !EmitTagConstructor(w, model);
        if (json && h is { ExtendsBase: true, BaseType: { } extended }) first = !EmitBaseConstructor(w, model, extended, caps);
        foreach (var p in model.Properties)
        {
            if (!first) w.Line();
            first = false;
            EmitProperty(w, p, caps);
        }
        if (json) JsonEmitter.EmitRecordMembers(w, model, withEquality: model.Properties.Count <= ModelLimits.MaxSerializedProperties);
        w.Close();
        if (json) JsonEmitter.EmitRecordConverter(w, model, GeneratedCode);
        w.Close();
        return w.Finish();
    }

    /// <summary>
    /// A derived record starts tagged: its constructor sets each discriminator it has a property for to
    /// the value that selects it (an object initializer may still set another value the docs map to it).
    /// </summary>
    private static bool EmitTagConstructor(SourceWriter w, ModelSpec model)
    {
        var assignments = new System.Collections.Generic.List<string>();
        var properties = model.AllProperties;
        foreach (var tag in model.Hierarchy!.Tags)
        {
            var p = properties.FirstOrDefault(x => x.WireName == tag.PropertyName);
            if (p is null) continue;
            var value = p.Type.Kind switch
            {
                TypeKind.String => Literal(tag.Value),
                TypeKind.Reference when p.Type.EnumName is not null => $"{GeneratedNames.ExtensionsOf(p.Type.ClrName)}.{GeneratedNames.FromWireValue}({Literal(tag.Value)})",
                _ => null,
            };
            if (value is not null) assignments.Add($"{Identifiers.EscapeKeyword(p.ClrName)} = {value};");
        }
        if (assignments.Count == 0) return false;
        var self = Identifiers.EscapeKeyword(model.TypeName);
        var plural = assignments.Count > 1;
        w.Doc("<summary>A new <see cref=\"" + XmlDoc.Escape(self) + "\"/>, tagged with the discriminator value" + (plural ? "s that select" : " that selects") + " it.</summary>");
        w.Open($"public {self}()");
        foreach (var a in assignments) w.Line(a);
        w.Close();
        return true;
    }

    /// <summary>
    /// A record that extends a base without a discriminator is built by its converter from the base the
    /// base's converter read (the record's copy constructor copies every inherited property), so the
    /// inherited properties are never listed again; the parameterless constructor stays.
    /// </summary>
    private static bool EmitBaseConstructor(SourceWriter w, ModelSpec model, string baseType, TargetCapabilities caps)
    {
        var self = Identifiers.EscapeKeyword(model.TypeName);
        w.Doc("<summary>A new <see cref=\"" + XmlDoc.Escape(self) + "\"/>.</summary>");
        w.Open($"public {self}()").Close();
        w.Line();
        w.Doc("<summary>A <see cref=\"" + XmlDoc.Escape(self) + "\"/> with <paramref name=\"original\"/>'s inherited properties (for the JSON converter, which then sets this record's own).</summary>");
        // The base's copy constructor sets every required member it has, so this one must say so (CS9039);
        // the converter sets this record's own right after (hence no CS8618 for them here).
        if (caps.CanUseRequired) w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        w.Line("#pragma warning disable CS8618");
        w.Line($"internal {self}({baseType} original) : base(original)");
        w.Line("#pragma warning restore CS8618");
        w.Open().Close();
        return true;
    }

    private static void EmitProperty(SourceWriter w, PropertyModel p, TargetCapabilities caps)
    {
        var summary = XmlDoc.Summary(p.Description);
        w.Doc("<summary>\n" + (summary.Length > 0 ? summary : $"The <c>{XmlDoc.Escape(p.WireName)}</c> property.") + "\n</summary>");
        var remarks = $"Wire name <c>{XmlDoc.Escape(p.WireName)}</c>";
        remarks += p.IsRequired ? "; required" : "; optional";
        if (p.IsNullable) remarks += "; may be null";
        if (p.IsDiscriminator) remarks += "; the discriminator: its value selects the derived record";
        if (p.IsReadOnly) remarks += "; read-only: set by the server, not sent by clients";
        if (p.IsWriteOnly) remarks += "; write-only: sent by clients, never returned by the server (so not required when read)";
        if (p.Default is not null) remarks += $"; defaults to <c>{XmlDoc.Escape(p.Default.Text)}</c>";
        else if (p.UnappliedDefault is not null) remarks += $"; documented default <c>{XmlDoc.Escape(p.UnappliedDefault)}</c>, not applied (it does not fit the type)";
        w.Doc("<remarks>" + remarks + ".</remarks>");
        if (p.IsDeprecated) w.Line("[global::System.Obsolete(\"Deprecated in the model docs.\")]");
        w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({Literal(p.WireName)})]");

        // Optional without a default: nullable, left out of JSON when null.
        // Optional with a default: non-nullable, starts at the default.
        // Required: non-nullable and `required` (C# 11), unless read-only (the server sets it).
        // Nullable (JSON Schema `nullable: true`, `type: [.., "null"]`): `T?`, and still `required` when required.
        var optionalWithoutDefault = !p.IsRequired && p.Default is null;
        if (optionalWithoutDefault) w.Line("[global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]");
        var type = p.Type.ClrName + (optionalWithoutDefault || p.IsNullable ? "?" : string.Empty);
        // C# forbids [Obsolete] on a required member (CS9042), so a deprecated property is never `required`.
        // A discriminator is never `required` either: a derived record's constructor sets it.
        var useRequired = p.IsRequired && !p.IsReadOnly && !p.IsDeprecated && !p.IsDiscriminator && p.Default is null && caps.CanUseRequired;
        var initializer = string.Empty;
        if (p.Default is not null) initializer = " = " + p.Default.Expression + ";";
        else if (!optionalWithoutDefault && !p.IsNullable && !useRequired && !p.Type.IsValueType) initializer = " = default!;";
        w.Line($"public {(useRequired ? "required " : string.Empty)}{type} {Identifiers.EscapeKeyword(p.ClrName)} {{ get; init; }}{initializer}");
    }

    public static string EmitEnum(string ns, EnumModel e, string? ownerType, string filePath, TargetCapabilities caps)
    {
        var json = caps.HasJsonSerializer;
        var w = GeneratedFile.Header(ns, json);
        var summary = XmlDoc.Summary(e.Description);
        if (summary.Length == 0)
        {
            summary = e.SourceProperty is not null && ownerType is not null
                ? $"Documented values of <c>{XmlDoc.Escape(e.SourceProperty)}</c> in <see cref=\"global::{ns}.{ownerType}\"/>."
                : $"Documented values of {XmlDoc.Escape(e.TypeName)}.";
        }
        w.Doc("<summary>\n" + summary + "\n</summary>");
        var origin = e.Origin switch
        {
            EnumOrigin.EnumDoc => "the enum doc",
            EnumOrigin.EnumTable => "the doc's enum table",
            EnumOrigin.Schema => "the schema's <c>enum</c>",
            _ => "the property's description",
        };
        var remarks = $"Values from {origin} in <c>{XmlDoc.Escape(Paths.FileName(filePath))}</c>.";
        if (e.StateMachine is { } sm)
        {
            if (!sm.Creatable.IsEmpty) remarks += " Created as: " + string.Join(", ", sm.Creatable.Select(c => "<c>" + XmlDoc.Escape(c) + "</c>")) + ".";
            if (!sm.Transitions.IsEmpty) remarks += " Transitions: " + string.Join("; ", sm.Transitions.Select(t => $"<c>{XmlDoc.Escape(t.From)}</c> → <c>{XmlDoc.Escape(t.To)}</c>")) + ".";
        }
        w.Doc("<remarks>" + remarks + "</remarks>");
        w.Line(GeneratedCode);
        w.Line($"[global::{GeneratedNames.AttributeNamespace}.{GeneratedNames.ModelDocAttribute}({Literal(Paths.FileName(filePath))})]");
        if (e.StateMachine is { } machine)
        {
            w.Line($"[global::{GeneratedNames.AttributeNamespace}.{GeneratedNames.CreatableStatesAttribute}({string.Join(", ", machine.Creatable.Select(Literal))})]");
            foreach (var t in machine.Transitions)
            {
                w.Line($"[global::{GeneratedNames.AttributeNamespace}.{GeneratedNames.StateTransitionAttribute}({Literal(t.From)}, {Literal(t.To)})]");
            }
        }
        if (json) w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof(global::{ns}.{GeneratedNames.ConverterName(e.TypeName)}))]");
        var name = Identifiers.EscapeKeyword(e.TypeName);
        w.Open($"public enum {name}");
        for (var i = 0; i < e.Members.Count; i++)
        {
            var m = e.Members[i];
            var said = XmlDoc.Summary(m.Description);
            w.Doc($"<summary>Wire value <c>{XmlDoc.Escape(m.WireValue)}</c>{(said.Length > 0 ? ": " + said : ".")}</summary>");
            w.Line($"[global::{GeneratedNames.AttributeNamespace}.{GeneratedNames.WireValueAttribute}({Literal(m.WireValue)})]");
            w.Line($"{Identifiers.EscapeKeyword(m.Name)}{(i + 1 < e.Members.Count ? "," : string.Empty)}");
        }
        w.Close();
        w.Line();
        EmitEnumExtensions(w, ns, e, json);
        if (json) JsonEmitter.EmitEnumConverter(w, ns, e, GeneratedCode);
        w.Close();
        return w.Finish();
    }

    private static void EmitEnumExtensions(SourceWriter w, string ns, EnumModel e, bool json)
    {
        var t = $"global::{ns}.{e.TypeName}";
        string M(string member) => t + "." + Identifiers.EscapeKeyword(member);
        string ByValue(string wire) => M(e.Members.First(m => m.WireValue == wire).Name);

        w.Doc($"<summary>Wire values of <see cref=\"{t}\"/>{(e.StateMachine is null ? string.Empty : " and its documented state machine")}.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public static partial class {GeneratedNames.ExtensionsOf(e.TypeName)}");

        w.Doc("<summary>Every documented wire value, in document order.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> {GeneratedNames.WireValues} {{ get; }} = new string[] {{ {string.Join(", ", e.Members.Select(m => Literal(m.WireValue)))} }};");
        w.Line();

        w.Doc("<summary>The JSON value of <paramref name=\"value\"/>" + (json ? ", documented or kept from <see cref=\"" + GeneratedNames.FromWireValue + "\"/>" : string.Empty) + ".</summary>");
        w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is neither a defined member" + (json ? " nor a kept undocumented value" : string.Empty) + ".</exception>");
        w.Open($"public static string {GeneratedNames.ToWireValue}(this {t} value) => value switch");
        foreach (var m in e.Members) w.Line($"{M(m.Name)} => {Literal(m.WireValue)},");
        w.Line(json ? JsonEmitter.UndocumentedArm : "_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, null),");
        w.Close(";");
        w.Line();

        w.Doc("<summary>Parses a documented wire value (exact, case-sensitive match).</summary>");
        w.Open($"public static bool {GeneratedNames.TryParse}(string? wireValue, out {t} value)");
        w.Open("switch (wireValue)");
        foreach (var m in e.Members)
        {
            w.Line($"case {Literal(m.WireValue)}: value = {M(m.Name)}; return true;");
        }
        w.Line("default: value = default; return false;");
        w.Close();
        w.Close();
        w.Line();

        w.Doc("<summary>Parses a documented wire value.</summary>");
        w.Doc("<exception cref=\"global::System.FormatException\"><paramref name=\"wireValue\"/> is not a documented value.</exception>");
        w.Line($"public static {t} {GeneratedNames.Parse}(string wireValue) => {GeneratedNames.TryParse}(wireValue, out var value) ? value : throw new global::System.FormatException(\"'\" + wireValue + \"' is not a documented value of {e.TypeName}.\");");
        if (json) JsonEmitter.EmitEnumExtensionMembers(w, t, e);

        if (e.StateMachine is { } sm) EmitStateMachineMembers(w, t, sm, ByValue);
        w.Close();
    }

    /// <summary>The documented state machine: <c>CreatableStates</c>, <c>IsCreatable</c>, <c>CanTransitionTo</c>, <c>AllowedTransitions</c>.</summary>
    private static void EmitStateMachineMembers(SourceWriter w, string t, StateMachineModel sm, System.Func<string, string> byValue)
    {
        w.Member("The states a new value may be created in, as documented.", $"public static global::System.Collections.Generic.IReadOnlyList<{t}> {GeneratedNames.CreatableStates} {{ get; }} = new {t}[] {{ {string.Join(", ", sm.Creatable.Select(byValue))} }};");
        w.Line();
        w.Doc("<summary>Whether a new value may be created in <paramref name=\"state\"/>.</summary>");
        w.Line(sm.Creatable.IsEmpty
            ? $"public static bool {GeneratedNames.IsCreatable}(this {t} state) => false;"
            : $"public static bool {GeneratedNames.IsCreatable}(this {t} state) => state is {string.Join(" or ", sm.Creatable.Select(byValue))};");
        w.Line();
        w.Doc("<summary>Whether the docs allow moving from <paramref name=\"from\"/> to <paramref name=\"to\"/>.</summary>");
        w.Open($"public static bool {GeneratedNames.CanTransitionTo}(this {t} from, {t} to) => (from, to) switch");
        foreach (var tr in sm.Transitions) w.Line($"({byValue(tr.From)}, {byValue(tr.To)}) => true,");
        w.Line("_ => false,");
        w.Close(";");
        w.Line();
        w.Doc("<summary>The states the docs allow moving to from <paramref name=\"from\"/>.</summary>");
        w.Open($"public static global::System.Collections.Generic.IReadOnlyList<{t}> {GeneratedNames.AllowedTransitions}(this {t} from) => from switch");
        foreach (var group in sm.Transitions.GroupBy(x => x.From))
        {
            w.Line($"{byValue(group.Key)} => new {t}[] {{ {string.Join(", ", group.Select(x => byValue(x.To)))} }},");
        }
        w.Line($"_ => global::System.Array.Empty<{t}>(),");
        w.Close(";");
    }

    /// <summary>Attributes the generator puts on what it emits; the analyzer reads them (never the docs).</summary>
    public const string SupportSource = $$"""
{{GeneratedFile.FileHeader}}

namespace {{GeneratedNames.AttributeNamespace}}
{
    /// <summary>Marks a type generated from a model doc.</summary>
    [global::System.AttributeUsage(global::System.AttributeTargets.Class | global::System.AttributeTargets.Struct | global::System.AttributeTargets.Enum, Inherited = false)]
    internal sealed class {{GeneratedNames.ModelDocAttribute}} : global::System.Attribute
    {
        public {{GeneratedNames.ModelDocAttribute}}(string source) => Source = source;

        /// <summary>The doc's file name.</summary>
        public string Source { get; }
    }

    /// <summary>The JSON value of a generated enum member.</summary>
    [global::System.AttributeUsage(global::System.AttributeTargets.Field, Inherited = false)]
    internal sealed class {{GeneratedNames.WireValueAttribute}} : global::System.Attribute
    {
        public {{GeneratedNames.WireValueAttribute}}(string value) => Value = value;

        public string Value { get; }
    }

    /// <summary>The wire values a new value of the enum may be created in.</summary>
    [global::System.AttributeUsage(global::System.AttributeTargets.Enum, Inherited = false)]
    internal sealed class {{GeneratedNames.CreatableStatesAttribute}} : global::System.Attribute
    {
        public {{GeneratedNames.CreatableStatesAttribute}}(params string[] states) => States = states;

        public string[] States { get; }
    }

    /// <summary>One documented transition of the enum's state machine, by wire value.</summary>
    [global::System.AttributeUsage(global::System.AttributeTargets.Enum, AllowMultiple = true, Inherited = false)]
    internal sealed class {{GeneratedNames.StateTransitionAttribute}} : global::System.Attribute
    {
        public {{GeneratedNames.StateTransitionAttribute}}(string from, string to)
        {
            From = from;
            To = to;
        }

        public string From { get; }

        public string To { get; }
    }
}
""";

    public const string IsExternalInitSource = """
// <auto-generated/>
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets records with init accessors compile on target frameworks that lack this type.</summary>
    internal static class IsExternalInit { }
}
""";
}
