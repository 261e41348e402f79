using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;
using static ModelDocs.Generators.Emit.KnownTypes;

namespace ModelDocs.Generators.Emit;

internal static partial class JsonEmitter
{
    private const string Span = "global::System.ReadOnlySpan<byte>";
    private const string Unknown = "global::System.Collections.Generic.Dictionary<string, " + Json + ".JsonElement>";

    /// <summary>
    /// The converter of a record in a hierarchy without a discriminator (<see cref="HierarchyModel.IsPlain"/>).
    /// Each level reads and writes only the properties it declares and hands the rest to its base's converter,
    /// so an extension costs its own properties, never its base's again:
    /// <list type="bullet">
    /// <item><c>Fields</c>: the values read so far (its base's <c>Fields</c> first) and a bit per property seen;</item>
    /// <item><c>MatchName</c>/<c>NameOf</c>/<c>IsKnown</c>: property names, this level's as 0..N-1, the base's after them;</item>
    /// <item><c>ReadProperty</c>, <c>HasRequired</c>/<c>AddMissing</c>, <c>Create</c> (the base's instance, then
    /// <c>new Derived(base) { own }</c> through the record's internal constructor, which copies the inherited properties);</item>
    /// <item><c>WriteValue</c> writes the runtime type (a base's converter hands an extension to its own converter,
    /// so a derived record written through its base's <c>JsonTypeInfo</c> keeps its own properties);
    /// <c>WriteProperties</c> writes the base's, then this level's.</item>
    /// </list>
    /// Without a discriminator nothing in the JSON says which extension an object is, so the base's converter
    /// reads the base: the extension's properties are unknown to it and kept (lenient mode), and written back
    /// after the base's, so the JSON survives the round trip unchanged (strict mode rejects them).
    /// </summary>
    private static void EmitPlainConverter(SourceWriter w, ModelSpec model, string self, string name, string generatedCode)
    {
        var props = model.Properties;
        var h = model.Hierarchy!;
        var baseConverter = h.ExtendsBase && h.BaseType is { } b ? ConverterName(b) : null;
        var helpers = new CollectionHelpers();

        w.Member($"Reads and writes <see cref=\"{self}\"/> as JSON without reflection: its own properties here, {(baseConverter is null ? "and those of the records that extend it in theirs" : "its base's in the base's converter")}.", generatedCode);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"internal sealed class {name} : {Json}.Serialization.JsonConverter<{self}>");
        if (props.Count > ModelLimits.MaxSerializedProperties)
        {
            EmitOversizedPlainMembers(w, model, self);
            w.Close();
            return;
        }
        EmitNameFields(w, props);
        EmitOverrides(w, self, model.TypeName, "WriteValue(writer, value, options)");
        EmitMatch(w, props.Select(p => p.WireName).ToList(), "Utf8Name");
        EmitPlainFields(w, props, baseConverter);
        EmitPlainNames(w, props.Count, baseConverter);
        EmitPlainReadProperty(w, props, baseConverter, helpers);
        EmitPlainRequired(w, props, baseConverter);
        EmitPlainCreate(w, props, self, baseConverter);
        EmitPlainReadValue(w, model.TypeName, self);
        EmitPlainWrite(w, props, h, self, baseConverter, helpers);
        helpers.EmitAll(w);
        w.Close();
    }

    /// <summary><c>Fields</c>, the values read so far and a bit per property seen, and <c>Start</c>, which sets the defaults.</summary>
    private static void EmitPlainFields(SourceWriter w, EquatableArray<PropertyModel> props, string? baseConverter)
    {
        var words = (props.Count + 63) / 64;
        w.Line();
        w.Doc("<summary>The documented properties read so far" + (baseConverter is null ? string.Empty : " (the base's in <c>Base</c>)") + ", and a bit per property seen.</summary>");
        w.Open("internal struct Fields");
        if (baseConverter is not null) w.Line($"public {baseConverter}.Fields Base;");
        for (var i = 0; i < props.Count; i++) w.Line($"public {FieldType(props[i])} p{i};");
        for (var k = 0; k < words; k++) w.Line($"public ulong seen{k};");
        w.Close();

        // The defaults are the record's initializers' expressions (typed literals or enum members): a Fields
        // value starts at them, so a property that is absent or null keeps its default.
        w.Line();
        w.Doc("<summary>Sets the documented defaults.</summary>");
        w.Open("internal static void Start(ref Fields f)");
        if (baseConverter is not null) w.Line($"{baseConverter}.Start(ref f.Base);");
        for (var i = 0; i < props.Count; i++)
        {
            if (props[i].Default is { } d) w.Line($"f.p{i} = {d.Expression};");
        }
        w.Close();
    }

    /// <summary><c>MatchName</c>, <c>NameOf</c> and <c>IsKnown</c>: this level's names from 0, its base's after them.</summary>
    private static void EmitPlainNames(SourceWriter w, int count, string? baseConverter)
    {
        var own = count.ToString(CultureInfo.InvariantCulture);
        w.Line();
        w.Doc("<summary>The index of a documented property name (this record's from 0" + (baseConverter is null ? string.Empty : $", its base's from {own}") + "), or -1.</summary>");
        if (baseConverter is null)
        {
            w.Line($"internal static int MatchName({Span} text) => Match(text);");
        }
        else
        {
            w.Open($"internal static int MatchName({Span} text)");
            w.Line("var index = Match(text);");
            w.Line("if (index >= 0) return index;");
            w.Line($"index = {baseConverter}.MatchName(text);");
            w.Line($"return index < 0 ? -1 : {own} + index;");
            w.Close();
        }
        w.Line();
        w.Line(baseConverter is null
            ? "internal static string NameOf(int index) => s_names[index];"
            : $"internal static string NameOf(int index) => index < {own} ? s_names[index] : {baseConverter}.NameOf(index - {own});");
        w.Line();
        // Written by name (here or by a base): not again as an unknown property.
        w.Line(baseConverter is null
            ? "internal static bool IsKnown(string name) => global::System.Array.IndexOf(s_names, name) >= 0;"
            : $"internal static bool IsKnown(string name) => global::System.Array.IndexOf(s_names, name) >= 0 || {baseConverter}.IsKnown(name);");
    }

    /// <summary><c>ReadProperty</c>: one of this level's properties, or hands the index on to the base's converter.</summary>
    private static void EmitPlainReadProperty(SourceWriter w, EquatableArray<PropertyModel> props, string? baseConverter, CollectionHelpers helpers)
    {
        var own = props.Count.ToString(CultureInfo.InvariantCulture);
        var words = (props.Count + 63) / 64;
        w.Line();
        w.Doc("<summary>Reads the value of the property <paramref name=\"index\"/> (from <see cref=\"MatchName\"/>) the reader is on.</summary>");
        w.Open($"internal static void ReadProperty(ref {Reader} reader, int index, ref Fields f, {Options} options)");
        EmitSeen(w, $"index < {own}", "index", "f.seen", words);
        OpenPropertySwitch(w, "index", props, "f.p", "return", helpers);
        if (baseConverter is not null) w.Line($"{baseConverter}.ReadProperty(ref reader, index - {own}, ref f.Base, options);");
        w.Line("return;").Unindent();
        w.Close();
        w.Close();
    }

    /// <summary><c>HasRequired</c> and <c>AddMissing</c>: the base's required properties, then this level's.</summary>
    private static void EmitPlainRequired(SourceWriter w, EquatableArray<PropertyModel> props, string? baseConverter)
    {
        // Required: every property the docs require must have been present (a write-only one is required of requests only).
        var required = Enumerable.Range(0, props.Count).Where(i => props[i].IsRequired && !props[i].IsWriteOnly).ToList();
        var checks = new List<string>();
        if (baseConverter is not null) checks.Add($"{baseConverter}.HasRequired(ref f.Base)");
        foreach (var g in required.GroupBy(i => i / 64))
        {
            var mask = g.Aggregate(0UL, (m, i) => m | (1UL << (i % 64)));
            checks.Add($"(f.seen{g.Key} & 0x{mask:X}UL) == 0x{mask:X}UL");
        }
        w.Line();
        w.Line($"internal static bool HasRequired(ref Fields f) => {(checks.Count == 0 ? "true" : string.Join(" && ", checks))};");
        w.Line();
        w.Open("internal static void AddMissing(ref Fields f, global::System.Collections.Generic.List<string> missing)");
        if (baseConverter is not null) w.Line($"{baseConverter}.AddMissing(ref f.Base, missing);");
        foreach (var i in required) w.Line($"if ((f.seen{i / 64} & 0x{1UL << (i % 64):X}UL) == 0) missing.Add({Literal("'" + props[i].WireName + "'")});");
        w.Close();
    }

    /// <summary><c>Create</c>: the base's record, then <c>new Derived(base) { own }</c>.</summary>
    private static void EmitPlainCreate(SourceWriter w, EquatableArray<PropertyModel> props, string self, string? baseConverter)
    {
        w.Line();
        w.Doc("<summary>The record the fields hold, with the unknown properties kept.</summary>");
        w.Open($"internal static {self} Create(ref Fields f, {Unknown}? unknown)");
        w.Open(baseConverter is null ? $"return new {self}" : $"return new {self}({baseConverter}.Create(ref f.Base, unknown))");
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            var value = $"f.p{i}";
            if (!MayBeNull(p) && p.Default is null && !p.Type.IsValueType) value += "!";
            w.Line($"{Identifiers.EscapeKeyword(p.ClrName)} = {value},");
        }
        if (baseConverter is null) w.Line("UnknownProperties = unknown,");
        w.Close(";");
        w.Close();
    }

    /// <summary><c>ReadValue</c>: the object's properties through <c>ReadProperty</c>, the unknown ones kept.</summary>
    private static void EmitPlainReadValue(SourceWriter w, string typeName, string self)
    {
        w.Line();
        w.Doc("<summary>Reads the object the reader is on as this record (nothing in the JSON names an extension). Errors carry the path below it.</summary>");
        w.Open($"internal static {self} ReadValue(ref {Reader} reader, {Options} options)");
        w.Line($"if (reader.TokenType != {Token}.StartObject) throw {Rt}.At({Rt}.Unexpected(ref reader, \"an object\"), {Literal(typeName)}, null);");
        w.Line("var f = default(Fields);");
        w.Line("Start(ref f);");
        w.Line($"{Unknown}? unknown = null;");
        w.Line("var current = -1;");
        w.Line("string? currentUnknown = null;");
        w.Open("try");
        EmitPropertyLoopStart(w, "MatchName");
        w.Open("if (current < 0)");
        w.Line($"if ({Rt}.IsStrict(options)) throw {Rt}.UnknownProperty();");
        w.Line($"unknown ??= new {Unknown}(global::System.StringComparer.Ordinal);");
        w.Line($"if (unknown.ContainsKey(currentUnknown!)) throw {Rt}.Duplicate();");
        w.Line($"unknown.Add(currentUnknown!, {Json}.JsonElement.ParseValue(ref reader));");
        w.Close();
        w.Line("else ReadProperty(ref reader, current, ref f, options);");
        w.Line("current = -1;");
        w.Line("currentUnknown = null;");
        w.Close();
        w.Open("if (!HasRequired(ref f))");
        w.Line("var missing = new global::System.Collections.Generic.List<string>();");
        w.Line("AddMissing(ref f, missing);");
        w.Line($"throw {Rt}.Missing({Literal(typeName)}, string.Join(\", \", missing));");
        w.Close();
        w.Close();
        w.Open($"catch (global::System.Exception ex) when ({Rt}.IsDataError(ex))");
        w.Line($"throw {Rt}.At(ex, {Literal(typeName)}, current >= 0 ? NameOf(current) : currentUnknown);");
        w.Close();
        w.Line("return Create(ref f, unknown);");
        w.Close();
    }

    /// <summary><c>WriteValue</c> (through the runtime type's converter) and <c>WriteProperties</c> (the base's, then this level's).</summary>
    private static void EmitPlainWrite(SourceWriter w, EquatableArray<PropertyModel> props, HierarchyModel h, string self, string? baseConverter, CollectionHelpers helpers)
    {
        w.Line();
        w.Doc(h.Extensions.IsEmpty
            ? "<summary>Writes the object: documented properties in doc order (the base's first), then kept unknown ones.</summary>"
            : "<summary>Writes the object through the converter of its runtime type: documented properties in doc order (the base's first), then kept unknown ones.</summary>");
        w.Open($"internal static void WriteValue({Writer} writer, {self} value, {Options} options)");
        if (!h.Extensions.IsEmpty)
        {
            // Each extension's converter dispatches further down, so the direct ones suffice; an instance of
            // this very type (the common case) skips the type tests.
            w.Open($"if (value.GetType() != typeof({self}))");
            w.Open("switch (value)");
            for (var i = 0; i < h.Extensions.Count; i++)
            {
                w.Line($"case {h.Extensions[i]} extension{i}: {ConverterName(h.Extensions[i])}.WriteValue(writer, extension{i}, options); return;");
            }
            w.Close();
            w.Close();
        }
        w.Line("writer.WriteStartObject();");
        w.Line("WriteProperties(writer, value, options);");
        w.Line($"if (value.UnknownProperties is {{ }} unknown) {Rt}.WriteUnknown(writer, unknown, IsKnown);");
        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Line();
        w.Doc("<summary>Writes the documented properties: the base's, then this record's.</summary>");
        w.Open($"internal static void WriteProperties({Writer} writer, {self} value, {Options} options)");
        if (baseConverter is not null) w.Line($"{baseConverter}.WriteProperties(writer, value, options);");
        for (var i = 0; i < props.Count; i++) EmitPropertyWrite(w, props[i], i, helpers);
        w.Close();
    }

    /// <summary>
    /// The type of a property's slot in <c>Fields</c> and of its local in the other converters' <c>ReadValue</c>:
    /// nullable, except for a default the schema does not allow null in place of, and for a value type that
    /// has no default and may not be null (presence is tracked by bits).
    /// </summary>
    private static string FieldType(PropertyModel p)
    {
        if (p.Default is null && p.Type.IsValueType && !MayBeNull(p)) return p.Type.ClrName;
        return p.Default is not null && !p.IsNullable ? p.Type.ClrName : p.Type.ClrName + "?";
    }

    /// <summary>A plain record past <see cref="ModelLimits.MaxSerializedProperties"/> (MD1012): the converter's API, throwing.</summary>
    private static void EmitOversizedPlainMembers(SourceWriter w, ModelSpec model, string self)
    {
        EmitOversizedOverrides(w, self);
        // No Base field even when there is a base: nothing reads it here, and a field never assigned is CS0649.
        w.Line("internal struct Fields { }");
        w.Line("internal static void Start(ref Fields f) { }");
        EmitThrowing(w, model, $"int MatchName({Span} text)", "string NameOf(int index)", "bool IsKnown(string name)",
            $"void ReadProperty(ref {Reader} reader, int index, ref Fields f, {Options} options)");
        w.Line("internal static bool HasRequired(ref Fields f) => true;");
        w.Line("internal static void AddMissing(ref Fields f, global::System.Collections.Generic.List<string> missing) { }");
        EmitThrowing(w, model, $"{self} Create(ref Fields f, {Unknown}? unknown)", ReadValueSignature(self), WriteValueSignature(self),
            $"void WriteProperties({Writer} writer, {self} value, {Options} options)");
    }
}
