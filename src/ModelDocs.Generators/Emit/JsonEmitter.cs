using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;
using static ModelDocs.Generators.Emit.KnownTypes;

namespace ModelDocs.Generators.Emit;

/// <summary>
/// Writes the reflection-free JSON half of a model: a converter per record and per enum over
/// <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c> (names matched on UTF-8 bytes, no string per name),
/// value equality for records that hold lists and maps, and one <c>JsonSerializerContext</c> per
/// namespace built on <c>JsonMetadataServices</c>. Reads only specs.
/// </summary>
internal static partial class JsonEmitter
{
    private static string ConverterName(string clrName) => GeneratedNames.ConverterName(clrName);

    private static string Literal(string s) => GeneratedFile.Literal(s);

    /// <summary>
    /// Whether the property is optional without a default: its C# type is then nullable, and null (absent)
    /// is left out of the JSON rather than written. Not <see cref="PropertyModel.IsNullable"/>, which says
    /// that the schema allows null.
    /// </summary>
    private static bool IsOptionalWithoutDefault(PropertyModel p) => !p.IsRequired && p.Default is null;

    /// <summary>
    /// Whether the C# property's type is nullable: optional without a default (above), or declared
    /// nullable by a JSON schema (<c>nullable: true</c>, <c>type: [.., "null"]</c>), which a required
    /// property may be too: present in the JSON, possibly as null.
    /// </summary>
    private static bool MayBeNull(PropertyModel p) => IsOptionalWithoutDefault(p) || p.IsNullable;

    private static string PropertyType(PropertyModel p) => p.Type.ClrName + (MayBeNull(p) ? "?" : string.Empty);

    /// <summary>A static byte-span property: the compiler stores the bytes in the assembly's data, no allocation.</summary>
    private static string Utf8Span(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return $"private static global::System.ReadOnlySpan<byte> {name} => new byte[] {{ {string.Join(", ", bytes.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)))} }};";
    }

    // ---------------------------------------------------------------- records

    /// <summary>A model past <see cref="ModelLimits.MaxSerializedProperties"/> (MD1012): the converter's API, throwing.</summary>
    private static void EmitOversizedConverter(SourceWriter w, ModelSpec model, string self, string name, string generatedCode)
    {
        w.Member($"Not supported: <see cref=\"{self}\"/> has more properties than the generated serializer handles (MD1012).", generatedCode);
        w.Open($"internal sealed class {name} : {Json}.Serialization.JsonConverter<{self}>");
        EmitOversizedOverrides(w, self);
        EmitThrowing(w, model, ReadValueSignature(self), WriteValueSignature(self));
        w.Close();
    }

    /// <summary>An oversized model's <c>Read</c>/<c>Write</c> overrides, which go to the throwing <c>ReadValue</c>/<c>WriteValue</c>.</summary>
    internal static void EmitOversizedOverrides(SourceWriter w, string self)
    {
        w.Line($"public override {self} Read(ref {Reader} reader, global::System.Type typeToConvert, {Options} options) => ReadValue(ref reader, options);");
        w.Line($"public override void Write({Writer} writer, {self} value, {Options} options) => WriteValue(writer, value, options);");
    }

    /// <summary>Static members (by signature, after <c>internal static</c>) that throw: the model has more properties than the serializer handles (MD1012).</summary>
    internal static void EmitThrowing(SourceWriter w, ModelSpec model, params string[] signatures)
    {
        var message = Literal($"{model.TypeName} has {model.Properties.Count} properties, more than the generated serializer handles ({ModelLimits.MaxSerializedProperties}); see MD1012.");
        foreach (var signature in signatures) w.Line($"internal static {signature} => throw new global::System.NotSupportedException({message});");
    }

    /// <summary>The signature of a converter's <c>ReadValue</c> (after <c>internal static</c>).</summary>
    internal static string ReadValueSignature(string type) => $"{type} ReadValue(ref {Reader} reader, {Options} options)";

    /// <summary>The signature of a record converter's <c>WriteValue</c> (after <c>internal static</c>).</summary>
    internal static string WriteValueSignature(string type) => $"void WriteValue({Writer} writer, {type} value, {Options} options)";

    /// <summary>The converter's overrides: STJ calls these at the top of a value; errors leave with the full path.</summary>
    internal static void EmitOverrides(SourceWriter w, string type, string typeName, string writeCall)
    {
        w.Line();
        w.Open($"public override {type} Read(ref {Reader} reader, global::System.Type typeToConvert, {Options} options)");
        w.Line("try { return ReadValue(ref reader, options); }");
        w.Line($"catch (global::System.Exception ex) when ({Rt}.IsDataError(ex)) {{ throw {Rt}.Final(ex, {Literal(typeName)}); }}");
        w.Close();
        w.Line();
        w.Line($"public override void Write({Writer} writer, {type} value, {Options} options) => {writeCall};");
    }

    /// <summary>
    /// The duplicate check, once before the switch over the properties (not once per case: the generated
    /// code is then smaller to compile): the property's bit in its word of <paramref name="seen"/>.
    /// </summary>
    internal static void EmitSeen(SourceWriter w, string condition, string index, string seen, int words)
    {
        if (words == 0) return;
        if (words == 1)
        {
            w.Line($"if ({condition}) {Rt}.Seen(ref {seen}0, {index});");
            return;
        }
        w.Open($"if ({condition})");
        w.Open($"switch ({index} >> 6)");
        for (var k = 0; k < words; k++) w.Line($"case {k}: {Rt}.Seen(ref {seen}{k}, {index}); break;");
        w.Close();
        w.Close();
    }

    /// <summary>UTF-8 spans of <paramref name="texts"/> and a matcher: by byte length, then bytes; the index or -1.</summary>
    internal static void EmitMatch(SourceWriter w, IReadOnlyList<string> texts, string spanPrefix, string method = "Match")
    {
        w.Line();
        for (var i = 0; i < texts.Count; i++) w.Line(Utf8Span(spanPrefix + i.ToString(CultureInfo.InvariantCulture), texts[i]));
        w.Line();
        w.Doc("<summary>The index of the UTF-8 text, or -1.</summary>");
        w.Open($"private static int {method}(global::System.ReadOnlySpan<byte> text)");
        w.Open("switch (text.Length)");
        foreach (var group in Enumerable.Range(0, texts.Count).GroupBy(i => Encoding.UTF8.GetByteCount(texts[i])).OrderBy(g => g.Key))
        {
            w.Line($"case {group.Key}:").Indent();
            foreach (var i in group) w.Line($"if (global::System.MemoryExtensions.SequenceEqual(text, {spanPrefix}{i})) return {i};");
            w.Line("return -1;").Unindent();
        }
        w.Line("default: return -1;");
        w.Close();
        w.Close();
    }

    /// <summary>Members added inside the record: kept unknown properties and list/map-aware equality.</summary>
    public static void EmitRecordMembers(SourceWriter w, ModelSpec model, bool withEquality)
    {
        var derived = model.Hierarchy?.BaseType is not null;
        if (!derived)
        {
            // A derived record inherits its root's.
            w.Line();
            w.Doc("<summary>");
            w.Doc("JSON properties the model docs do not list, kept as read so that they are written back");
            w.Doc("unchanged (null when there were none). Strict mode rejects them instead.");
            w.Doc("</summary>");
            w.Line($"[{Json}.Serialization.JsonIgnore]");
            w.Line($"public global::System.Collections.Generic.IReadOnlyDictionary<string, {Json}.JsonElement>? UnknownProperties {{ get; init; }}");
        }
        if (withEquality) EmitRecordEquality(w, model, derived);
    }

    /// <summary>The comparer fields for the list, map and bytes properties, then <c>Equals</c> and <c>GetHashCode</c>.</summary>
    private static void EmitRecordEquality(SourceWriter w, ModelSpec model, bool derived)
    {
        var comparers = new List<string>();
        string FieldFor(ResolvedType t)
        {
            var name = "__modelDocsEq" + comparers.Count.ToString(CultureInfo.InvariantCulture);
            comparers.Add($"private static readonly {ComparerType(t)} {name} = {ComparerExpr(t)};");
            return name;
        }

        var equals = new List<string>();
        var hashes = new List<string>();
        foreach (var p in model.Properties)
        {
            var n = Identifiers.EscapeKeyword(p.ClrName);
            var t = p.Type;
            if (t.Kind is TypeKind.List or TypeKind.Map or TypeKind.Bytes)
            {
                var f = FieldFor(t);
                equals.Add($"{f}.Equals({n}, other.{n})");
                hashes.Add($"{f}.GetHashCode({n})");
            }
            else if (t.Kind == TypeKind.Any)
            {
                var cmp = MayBeNull(p) ? Eq + ".OptionalElement" : Eq + ".Element";
                equals.Add($"{cmp}.Equals({n}, other.{n})");
                hashes.Add($"{cmp}.GetHashCode({n})");
            }
            else
            {
                var type = PropertyType(p);
                equals.Add($"global::System.Collections.Generic.EqualityComparer<{type}>.Default.Equals({n}, other.{n})");
                hashes.Add(t.IsValueType ? $"{n}.GetHashCode()" : $"({n} is null ? 0 : {n}.GetHashCode())");
            }
        }
        if (!derived) equals.Add($"{Eq}.Unknown.Equals(UnknownProperties, other.UnknownProperties)");

        foreach (var c in comparers)
        {
            w.Line();
            w.Line(c);
        }
        EmitEqualsAndHash(w, model, derived, equals, hashes);
    }

    /// <summary><c>Equals</c> (one test per property, after the base's when derived) and a matching <c>GetHashCode</c>.</summary>
    private static void EmitEqualsAndHash(SourceWriter w, ModelSpec model, bool derived, List<string> equals, List<string> hashes)
    {
        var self = Identifiers.EscapeKeyword(model.TypeName);
        var hierarchy = model.Hierarchy;
        w.Line();
        w.Doc("<summary>Value equality over every property, comparing lists, maps and bytes by content, and the kept unknown properties.</summary>");
        var isSealed = hierarchy is null || hierarchy.IsSealed;
        w.Open($"public {(isSealed ? string.Empty : "virtual ")}bool Equals({self}? other)");
        w.Line("if (ReferenceEquals(this, other)) return true;");
        w.Line("if (other is null) return false;");
        // Records others derive from compare the runtime type; derived records compare what they inherit first.
        if (!isSealed) w.Line("if (EqualityContract != other.EqualityContract) return false;");
        if (derived) w.Line("if (!base.Equals(other)) return false;");
        // One statement per property: a long && chain is a deep expression tree for the compiler.
        foreach (var e in equals) w.Line($"if (!{e}) return false;");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Doc("<summary>A hash consistent with <see cref=\"Equals(" + self + "?)\"/>.</summary>");
        w.Open("public override int GetHashCode()");
        w.Line(derived ? "var h = base.GetHashCode();" : "var h = 17;");
        foreach (var h in hashes) w.Line($"h = {Eq}.Hash(h, {h});");
        w.Line("return h;");
        w.Close();
    }

    /// <summary>The field type of a property's comparer (lists, maps and bytes only; see FieldFor).</summary>
    internal static string ComparerType(ResolvedType t) => t.Kind switch
    {
        TypeKind.List => $"{Eq}.ListComparer<{t.Element!.ClrName}>",
        TypeKind.Map => $"{Eq}.MapComparer<{t.Element!.ClrName}>",
        _ => $"{Eq}.BytesComparer",
    };

    internal static string ComparerExpr(ResolvedType t) => t.Kind switch
    {
        TypeKind.List => $"new {Eq}.ListComparer<{t.Element!.ClrName}>({ComparerExpr(t.Element)})",
        TypeKind.Map => $"new {Eq}.MapComparer<{t.Element!.ClrName}>({ComparerExpr(t.Element)})",
        TypeKind.Bytes => $"{Eq}.Bytes",
        TypeKind.Any => $"{Eq}.Element",
        _ => $"global::System.Collections.Generic.EqualityComparer<{t.ClrName}>.Default",
    };

    /// <summary>The property names: pre-encoded for writing (<c>s_name{i}</c>), strings for messages (<c>s_names</c>); <see cref="EmitMatch"/> adds the UTF-8 spans for matching.</summary>
    private static void EmitNameFields(SourceWriter w, IReadOnlyList<PropertyModel> props)
    {
        for (var i = 0; i < props.Count; i++)
        {
            w.Line($"private static readonly {Json}.JsonEncodedText s_name{i} = {Json}.JsonEncodedText.Encode({Literal(props[i].WireName)});");
        }
        w.Line($"private static readonly string[] s_names = new string[] {{ {string.Join(", ", props.Select(p => Literal(p.WireName)))} }};");
    }

    /// <summary>The converter class for a record, emitted in the record's file.</summary>
    public static void EmitRecordConverter(SourceWriter w, ModelSpec model, string generatedCode)
    {
        var self = $"global::{model.Namespace}.{Identifiers.EscapeKeyword(model.TypeName)}";
        var name = ConverterName(model.TypeName);
        if (model.Hierarchy is { IsPlain: true })
        {
            EmitPlainConverter(w, model, self, name, generatedCode);
            return;
        }
        var props = model.AllProperties;
        if (props.Count > ModelLimits.MaxSerializedProperties)
        {
            EmitOversizedConverter(w, model, self, name, generatedCode);
            return;
        }
        var helpers = new CollectionHelpers();

        w.Member($"Reads and writes <see cref=\"{self}\"/> as JSON without reflection.", generatedCode);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"internal sealed class {name} : {Json}.Serialization.JsonConverter<{self}>");

        EmitNameFields(w, props);
        if (props.Any(p => p.Default is not null))
        {
            w.Doc("<summary>An instance holding the documented defaults.</summary>");
            var others = props.Where(p => p.Default is null).Select(p => Identifiers.EscapeKeyword(p.ClrName) + " = default!");
            w.Line($"private static readonly {self} s_defaults = new {self} {{ {string.Join(", ", others)} }};");
        }
        var tags = ConstantTags(model);
        for (var i = 0; i < tags.Count; i++)
        {
            w.Line($"private static readonly {Json}.JsonEncodedText s_tag{i} = {Json}.JsonEncodedText.Encode({Literal(tags[i].PropertyName)});");
        }
        EmitOverrides(w, self, model.TypeName, "WriteValue(writer, value, options)");
        EmitMatch(w, props.Select(p => p.WireName).ToList(), "Utf8Name");
        if (model.Hierarchy?.Polymorphism is { } polymorphism)
        {
            w.Line();
            w.Line(Utf8Span("Utf8Discriminator", polymorphism.PropertyName));
            EmitMatch(w, polymorphism.Cases.Select(c => c.Value).ToList(), "Utf8Case", "MatchCase");
        }
        w.Line();
        // Written by name, or first as a discriminator no property holds: either way not again as an unknown property.
        w.Line(tags.Count == 0
            ? "private static bool IsKnown(string name) => global::System.Array.IndexOf(s_names, name) >= 0;"
            : $"private static bool IsKnown(string name) => global::System.Array.IndexOf(s_names, name) >= 0 || name is {string.Join(" or ", tags.Select(t => Literal(t.PropertyName)))};");
        w.Line();

        EmitRead(w, model, self, helpers, tags);
        w.Line();
        EmitWrite(w, model, self, helpers, tags);
        helpers.EmitAll(w);
        w.Close();
    }

    private static void EmitRead(SourceWriter w, ModelSpec model, string self, CollectionHelpers helpers, List<DiscriminatorTag> tags)
    {
        var props = model.AllProperties;
        var polymorphic = model.Hierarchy?.Polymorphism is not null;
        if (polymorphic) EmitReadDispatch(w, model, self);
        w.Doc(polymorphic
            ? "<summary>Reads the object the reader is on as this record itself (no discriminator dispatch). Errors carry the path below it.</summary>"
            : "<summary>Reads the object the reader is on. Errors carry the path below it.</summary>");
        w.Open($"{(polymorphic ? "private" : "internal")} static {self} {(polymorphic ? "ReadOwn" : "ReadValue")}(ref {Reader} reader, {Options} options)");
        w.Line($"if (reader.TokenType != {Token}.StartObject) throw {Rt}.At({Rt}.Unexpected(ref reader, \"an object\"), {Literal(model.TypeName)}, null);");
        // Defaults are stated once, in the record's initializers; the converter reads them from s_defaults.
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            w.Line($"{FieldType(p)} p{i} = {(p.Default is not null ? "s_defaults." + Identifiers.EscapeKeyword(p.ClrName) : "default")};");
        }
        for (var k = 0; k < (props.Count + 63) / 64; k++) w.Line($"ulong seen{k} = 0;");
        w.Line($"global::System.Collections.Generic.Dictionary<string, {Json}.JsonElement>? unknown = null;");
        w.Line("var current = -1;");
        w.Line("string? currentUnknown = null;");
        w.Open("try");
        EmitReadLoop(w, model, helpers, tags);
        EmitMissingCheck(w, props, model.TypeName);
        w.Close();
        w.Open($"catch (global::System.Exception ex) when ({Rt}.IsDataError(ex))");
        w.Line($"throw {Rt}.At(ex, {Literal(model.TypeName)}, current >= 0 ? s_names[current] : currentUnknown);");
        w.Close();
        w.Open($"return new {self}");
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            var value = $"p{i}";
            if (!MayBeNull(p) && p.Default is null && !p.Type.IsValueType) value += "!";
            w.Line($"{Identifiers.EscapeKeyword(p.ClrName)} = {value},");
        }
        w.Line("UnknownProperties = unknown,");
        w.Close(";");
        w.Close();
    }

    /// <summary>
    /// Opens the loop over the object's properties (left open for the caller's body): reads the name into
    /// <c>current</c> by <paramref name="match"/> (-1, with the name in <c>currentUnknown</c>, when it is
    /// no documented property), then moves the reader to the value.
    /// </summary>
    private static void EmitPropertyLoopStart(SourceWriter w, string match)
    {
        w.Open("while (true)");
        w.Line($"{Rt}.Read(ref reader);");
        w.Line($"if (reader.TokenType == {Token}.EndObject) break;");
        w.Line($"current = {match}({Rt}.Utf8(ref reader));");
        w.Line("if (current < 0) currentUnknown = reader.GetString()!;");
        w.Line($"{Rt}.Read(ref reader);");
    }

    /// <summary>
    /// <c>switch (on)</c> with a case per property that reads it into <c>{field}{i}</c> and ends with <c>exit</c>,
    /// then <c>default:</c>, indented: the caller writes the default's body and closes the switch.
    /// </summary>
    private static void OpenPropertySwitch(SourceWriter w, string on, IReadOnlyList<PropertyModel> props, string field, string exit, CollectionHelpers helpers)
    {
        w.Open($"switch ({on})");
        for (var i = 0; i < props.Count; i++)
        {
            w.Line($"case {i}:").Indent();
            EmitReadAssignment(w, props[i], $"{field}{i}", helpers);
            w.Line($"{exit};").Unindent();
        }
        w.Line("default:").Indent();
    }

    /// <summary>The loop over the object's properties: each documented one into its local, the others kept.</summary>
    private static void EmitReadLoop(SourceWriter w, ModelSpec model, CollectionHelpers helpers, List<DiscriminatorTag> tags)
    {
        var props = model.AllProperties;
        EmitPropertyLoopStart(w, "Match");
        EmitSeen(w, "current >= 0", "current", "seen", (props.Count + 63) / 64);
        OpenPropertySwitch(w, "current", props, "p", "break", helpers);
        // A discriminator no property holds (this record's, or one it is tagged for) is expected, in strict
        // mode too; it is kept to be written back.
        var tagNames = tags.Select(t => t.PropertyName).ToList();
        if (model.Hierarchy?.Polymorphism is { } own && !props.Any(p => p.WireName == own.PropertyName) && !tagNames.Contains(own.PropertyName)) tagNames.Add(own.PropertyName);
        tagNames = tagNames.Select(Literal).ToList();
        w.Line(tagNames.Count == 0
            ? $"if ({Rt}.IsStrict(options)) throw {Rt}.UnknownProperty();"
            : $"if ({Rt}.IsStrict(options) && currentUnknown is not ({string.Join(" or ", tagNames)})) throw {Rt}.UnknownProperty();");
        w.Line($"unknown ??= new global::System.Collections.Generic.Dictionary<string, {Json}.JsonElement>(global::System.StringComparer.Ordinal);");
        w.Line($"if (unknown.ContainsKey(currentUnknown!)) throw {Rt}.Duplicate();");
        w.Line($"unknown.Add(currentUnknown!, {Json}.JsonElement.ParseValue(ref reader));");
        w.Line("break;").Unindent();
        w.Close();
        w.Line("current = -1;");
        w.Line("currentUnknown = null;");
        w.Close();
    }

    /// <summary>
    /// Required: every property the docs require must have been present (a write-only one is required
    /// of requests only: the server never returns it).
    /// </summary>
    private static void EmitMissingCheck(SourceWriter w, IReadOnlyList<PropertyModel> props, string typeName)
    {
        var required = Enumerable.Range(0, props.Count).Where(i => props[i].IsRequired && !props[i].IsWriteOnly).ToList();
        if (required.Count == 0) return;
        var checks = required.GroupBy(i => i / 64).Select(g =>
        {
            var mask = g.Aggregate(0UL, (m, i) => m | (1UL << (i % 64)));
            return $"(seen{g.Key} & 0x{mask:X}UL) != 0x{mask:X}UL";
        });
        w.Open($"if ({string.Join(" || ", checks)})");
        w.Line("var missing = new global::System.Collections.Generic.List<string>();");
        foreach (var i in required) w.Line($"if ((seen{i / 64} & 0x{1UL << (i % 64):X}UL) == 0) missing.Add(\"'{props[i].WireName.Replace("\\", "\\\\").Replace("\"", "\\\"")}'\");");
        w.Line($"throw {Rt}.Missing({Literal(typeName)}, string.Join(\", \", missing));");
        w.Close();
    }

    /// <summary>Reads the value the reader is on into <paramref name="target"/> (inside a switch case).</summary>
    private static void EmitReadAssignment(SourceWriter w, PropertyModel p, string target, CollectionHelpers helpers)
    {
        if (p.Type.Kind == TypeKind.Any)
        {
            // A JSON null is a value of an "any" property.
            w.Line($"{target} = {ReadExpr(p.Type, helpers)};");
        }
        else if (MayBeNull(p))
        {
            // A union converts implicitly from its cases, so a bare null could convert through a class case: say which null.
            var nullValue = p.Type.Kind == TypeKind.Reference && p.Type.IsValueType && p.Type.EnumName is null ? $"({p.Type.ClrName}?)null" : "null";
            w.Line($"{target} = reader.TokenType == {Token}.Null ? {nullValue} : {ReadExpr(p.Type, helpers)};");
        }
        else if (p.Default is not null)
        {
            // null for an optional property with a default: the default applies, as when absent.
            w.Line($"if (reader.TokenType != {Token}.Null) {target} = {ReadExpr(p.Type, helpers)};");
        }
        else
        {
            w.Line($"if (reader.TokenType == {Token}.Null) throw {Rt}.NotNullable();");
            w.Line($"{target} = {ReadExpr(p.Type, helpers)};");
        }
    }

    /// <summary>Writes one documented property of <c>value</c> (its name is <c>s_name{i}</c>).</summary>
    private static void EmitPropertyWrite(SourceWriter w, PropertyModel p, int i, CollectionHelpers helpers)
    {
        var access = "value." + Identifiers.EscapeKeyword(p.ClrName);
        var name = $"s_name{i}";
        if (p.Type.Kind == TypeKind.Any && !MayBeNull(p))
        {
            w.Line($"writer.WritePropertyName({name});");
            w.Line($"{access}.WriteTo(writer);");
        }
        else if (MayBeNull(p) || !p.Type.IsValueType)
        {
            // Optional values are left out when null; a required one that is null is written as null.
            var v = $"v{i}";
            w.Line($"if ({access} is {{ }} {v}) {PropertyWrite(p.Type, name, v, helpers)}");
            // A write-only one that was not read (a response) stays out rather than becoming null.
            if (!IsOptionalWithoutDefault(p) && !p.IsWriteOnly) w.Line($"else writer.WriteNull({name});");
        }
        else
        {
            w.Line(PropertyWrite(p.Type, name, access, helpers));
        }
    }

    private static void EmitWrite(SourceWriter w, ModelSpec model, string self, CollectionHelpers helpers, List<DiscriminatorTag> tags)
    {
        var props = model.AllProperties;
        var children = model.Hierarchy?.Polymorphism?.Children ?? EquatableArray<string>.Empty;
        w.Doc(children.IsEmpty
            ? "<summary>Writes the object: documented properties in doc order, then kept unknown ones.</summary>"
            : "<summary>Writes the object through the converter of its runtime type: documented properties in doc order, then kept unknown ones.</summary>");
        w.Open($"internal static void WriteValue({Writer} writer, {self} value, {Options} options)");
        if (!children.IsEmpty)
        {
            // Each child's converter dispatches further down, so the direct children suffice.
            w.Open("switch (value)");
            for (var i = 0; i < children.Count; i++)
            {
                w.Line($"case {children[i]} child{i}: {ConverterName(children[i])}.WriteValue(writer, child{i}, options); return;");
            }
            w.Close();
        }
        w.Line("writer.WriteStartObject();");
        // A discriminator no property holds comes first: the value read (kept with the unknown properties), else the tag's.
        for (var i = 0; i < tags.Count; i++)
        {
            w.Line($"if (value.UnknownProperties is {{ }} kept{i} && kept{i}.TryGetValue({Literal(tags[i].PropertyName)}, out var tag{i})) {{ writer.WritePropertyName(s_tag{i}); tag{i}.WriteTo(writer); }}");
            w.Line($"else writer.WriteString(s_tag{i}, {Literal(tags[i].Value)});");
        }
        for (var i = 0; i < props.Count; i++) EmitPropertyWrite(w, props[i], i, helpers);
        w.Line($"if (value.UnknownProperties is {{ }} unknown) {Rt}.WriteUnknown(writer, unknown, IsKnown);");
        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    /// <summary>
    /// A base's <c>ReadValue</c>: looks ahead for the discriminator and hands the object to the converter of
    /// the record its value selects; no value, or one the docs do not map, reads the base itself (strict
    /// mode rejects an unmapped value).
    /// </summary>
    private static void EmitReadDispatch(SourceWriter w, ModelSpec model, string self)
    {
        var polymorphism = model.Hierarchy!.Polymorphism!;
        w.Doc("<summary>Reads the object the reader is on as the record its discriminator selects. Errors carry the path below it.</summary>");
        w.Open($"internal static {self} ReadValue(ref {Reader} reader, {Options} options)");
        w.Open($"if ({Rt}.FindProperty(reader, Utf8Discriminator, out var tag) && tag.TokenType == {Token}.String)");
        w.Open($"switch (MatchCase({Rt}.Utf8(ref tag)))");
        for (var i = 0; i < polymorphism.Cases.Count; i++)
        {
            var target = polymorphism.Cases[i].TypeName;
            w.Line(target == model.FullName
                ? $"case {i}: break;"
                : $"case {i}: return {ConverterName(target)}.ReadValue(ref reader, options);");
        }
        w.Line("default:").Indent();
        w.Line($"if ({Rt}.IsStrict(options)) throw {Rt}.At({Rt}.UndocumentedCase(tag.GetString()!), {Literal(model.TypeName)}, {Literal(polymorphism.PropertyName)});");
        w.Line("break;").Unindent();
        w.Close();
        w.Close();
        w.Line("return ReadOwn(ref reader, options);");
        w.Close();
        w.Line();
    }

    /// <summary>The discriminators a record is tagged with that none of its properties holds (field <c>s_tag{i}</c> each).</summary>
    private static List<DiscriminatorTag> ConstantTags(ModelSpec model)
    {
        if (model.Hierarchy is not { } h) return new List<DiscriminatorTag>();
        var wireNames = new HashSet<string>(model.AllProperties.Select(p => p.WireName), System.StringComparer.Ordinal);
        return h.Tags.Where(t => !wireNames.Contains(t.PropertyName)).ToList();
    }

    /// <summary>One statement writing a named property whose value is non-null.</summary>
    private static string PropertyWrite(ResolvedType t, string name, string v, CollectionHelpers helpers)
    {
        switch (t.Kind)
        {
            case TypeKind.String: return $"writer.WriteString({name}, {v});";
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.Integer or TypeKind.Float or TypeKind.Double or TypeKind.Number or TypeKind.Decimal:
                return $"writer.WriteNumber({name}, {v});";
            case TypeKind.Boolean: return $"writer.WriteBoolean({name}, {v});";
            case TypeKind.DateTime or TypeKind.Uuid: return $"writer.WriteString({name}, {v});";
            case TypeKind.Date when t.ClrName != "global::System.DateOnly": return $"writer.WriteString({name}, {v});";
            case TypeKind.Bytes: return $"writer.WriteBase64String({name}, {v});";
            case TypeKind.Reference when t.EnumName is not null: return $"{ConverterName(t.ClrName)}.WriteProperty(writer, {name}, {v});";
            default: return $"{{ writer.WritePropertyName({name}); {ValueWrite(t, v, helpers)} }}";
        }
    }

    /// <summary>One statement writing a non-null value.</summary>
    internal static string ValueWrite(ResolvedType t, string v, CollectionHelpers helpers) => t.Kind switch
    {
        TypeKind.String => $"writer.WriteStringValue({v});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Integer or TypeKind.Float or TypeKind.Double or TypeKind.Number or TypeKind.Decimal => $"writer.WriteNumberValue({v});",
        TypeKind.Boolean => $"writer.WriteBooleanValue({v});",
        TypeKind.DateTime or TypeKind.Uuid => $"writer.WriteStringValue({v});",
        TypeKind.Date => t.ClrName == "global::System.DateOnly" ? $"{Rt}.WriteDateOnly(writer, {v});" : $"writer.WriteStringValue({v});",
        TypeKind.Bytes => $"writer.WriteBase64StringValue({v});",
        TypeKind.Any => $"{v}.WriteTo(writer);",
        TypeKind.Reference when t.EnumName is not null => $"{ConverterName(t.ClrName)}.WriteValue(writer, {v});",
        TypeKind.Reference => $"{ConverterName(t.ClrName)}.WriteValue(writer, {v}, options);",
        TypeKind.List or TypeKind.Map => $"{helpers.WriterOf(t)}(writer, {v}, options);",
        _ => $"{v}.WriteTo(writer);",
    };

    /// <summary>An expression reading a non-null value at the current token of <paramref name="reader"/> (a local <c>Utf8JsonReader</c>).</summary>
    internal static string ReadExpr(ResolvedType t, CollectionHelpers helpers, string reader = "reader") => t.Kind switch
    {
        TypeKind.String => $"{Rt}.ReadString(ref {reader})",
        TypeKind.Int32 => $"{Rt}.ReadInt32(ref {reader})",
        TypeKind.Int64 or TypeKind.Integer => $"{Rt}.ReadInt64(ref {reader})",
        TypeKind.Float => $"{Rt}.ReadSingle(ref {reader})",
        TypeKind.Double => $"{Rt}.ReadDouble(ref {reader})",
        TypeKind.Number => t.ClrName == "double" ? $"{Rt}.ReadDouble(ref {reader})" : $"{Rt}.ReadDecimal(ref {reader})",
        TypeKind.Decimal => $"{Rt}.ReadDecimal(ref {reader})",
        TypeKind.Boolean => $"{Rt}.ReadBoolean(ref {reader})",
        TypeKind.Date => t.ClrName == "global::System.DateOnly" ? $"{Rt}.ReadDateOnly(ref {reader})" : $"{Rt}.ReadDateTime(ref {reader})",
        TypeKind.DateTime => $"{Rt}.ReadDateTimeOffset(ref {reader})",
        TypeKind.Uuid => $"{Rt}.ReadGuid(ref {reader})",
        TypeKind.Bytes => $"{Rt}.ReadBytes(ref {reader})",
        TypeKind.Any => $"{Json}.JsonElement.ParseValue(ref {reader})",
        TypeKind.Reference => $"{ConverterName(t.ClrName)}.ReadValue(ref {reader}, options)",
        TypeKind.List or TypeKind.Map => $"{helpers.ReaderOf(t)}(ref {reader}, options)",
        _ => $"{Json}.JsonElement.ParseValue(ref {reader})",
    };

    /// <summary>Read/write methods for the list and map shapes a record uses, one pair per distinct shape.</summary>
    internal sealed class CollectionHelpers
    {
        private readonly List<ResolvedType> _shapes = new();

        private int IndexOf(ResolvedType t)
        {
            var i = _shapes.IndexOf(t);
            if (i >= 0) return i;
            _shapes.Add(t);
            return _shapes.Count - 1;
        }

        public string ReaderOf(ResolvedType t) => "ReadCollection" + IndexOf(t).ToString(CultureInfo.InvariantCulture);

        public string WriterOf(ResolvedType t) => "WriteCollection" + IndexOf(t).ToString(CultureInfo.InvariantCulture);

        public void EmitAll(SourceWriter w)
        {
            // Emitting a shape can add its element's shape, so walk by index.
            for (var i = 0; i < _shapes.Count; i++)
            {
                var t = _shapes[i];
                var e = t.Element!;
                var nullCheck = e.Kind == TypeKind.Any ? string.Empty : $"if (reader.TokenType == {Token}.Null) throw {Rt}.NullItem();";
                w.Line();
                if (t.Kind == TypeKind.List) EmitList(w, i, t, e, nullCheck);
                else EmitMap(w, i, t, e, nullCheck);
            }
        }

        /// <summary><c>ReadCollection{i}</c> and <c>WriteCollection{i}</c> for a list shape.</summary>
        private void EmitList(SourceWriter w, int i, ResolvedType t, ResolvedType e, string nullCheck)
        {
            w.Open($"private static {t.ClrName} ReadCollection{i}(ref {Reader} reader, {Options} options)");
            w.Line($"if (reader.TokenType != {Token}.StartArray) throw {Rt}.Unexpected(ref reader, \"an array\");");
            w.Line($"var list = new global::System.Collections.Generic.List<{e.ClrName}>();");
            w.Open("try");
            w.Open("while (true)");
            w.Line($"{Rt}.Read(ref reader);");
            w.Line($"if (reader.TokenType == {Token}.EndArray) break;");
            if (nullCheck.Length > 0) w.Line(nullCheck);
            w.Line($"list.Add({ReadExpr(e, this)});");
            w.Close();
            w.Close();
            w.Line($"catch (global::System.Exception ex) when ({Rt}.IsDataError(ex)) {{ throw {Rt}.AtIndex(ex, list.Count); }}");
            w.Line("return list;");
            w.Close();
            w.Line();
            w.Open($"private static void WriteCollection{i}({Writer} writer, {t.ClrName} value, {Options} options)");
            w.Line("writer.WriteStartArray();");
            w.Open("for (var i = 0; i < value.Count; i++)");
            w.Line("var item = value[i];");
            w.Line(e.IsValueType ? ValueWrite(e, "item", this) : $"if (item is null) writer.WriteNullValue(); else {ValueWrite(e, "item", this)}");
            w.Close();
            w.Line("writer.WriteEndArray();");
            w.Close();
        }

        /// <summary><c>ReadCollection{i}</c> and <c>WriteCollection{i}</c> for a map shape (string keys, ordinal).</summary>
        private void EmitMap(SourceWriter w, int i, ResolvedType t, ResolvedType e, string nullCheck)
        {
            w.Open($"private static {t.ClrName} ReadCollection{i}(ref {Reader} reader, {Options} options)");
            w.Line($"if (reader.TokenType != {Token}.StartObject) throw {Rt}.Unexpected(ref reader, \"an object\");");
            w.Line($"var map = new global::System.Collections.Generic.Dictionary<string, {e.ClrName}>(global::System.StringComparer.Ordinal);");
            w.Line("string? key = null;");
            w.Open("try");
            w.Open("while (true)");
            w.Line($"{Rt}.Read(ref reader);");
            w.Line($"if (reader.TokenType == {Token}.EndObject) break;");
            w.Line("key = reader.GetString()!;");
            w.Line($"{Rt}.Read(ref reader);");
            w.Line($"if (map.ContainsKey(key)) throw {Rt}.Duplicate();");
            if (nullCheck.Length > 0) w.Line(nullCheck);
            w.Line($"map.Add(key, {ReadExpr(e, this)});");
            w.Line("key = null;");
            w.Close();
            w.Close();
            w.Line($"catch (global::System.Exception ex) when ({Rt}.IsDataError(ex)) {{ throw key is null ? ex : {Rt}.AtKey(ex, key); }}");
            w.Line("return map;");
            w.Close();
            w.Line();
            w.Open($"private static void WriteCollection{i}({Writer} writer, {t.ClrName} value, {Options} options)");
            w.Line("writer.WriteStartObject();");
            w.Open("foreach (var pair in value)");
            w.Line("writer.WritePropertyName(pair.Key);");
            w.Line("var item = pair.Value;");
            w.Line(e.IsValueType ? ValueWrite(e, "item", this) : $"if (item is null) writer.WriteNullValue(); else {ValueWrite(e, "item", this)}");
            w.Close();
            w.Line("writer.WriteEndObject();");
            w.Close();
        }
    }

    // ---------------------------------------------------------------- enums

    /// <summary>Lenient parsing that keeps undocumented values, and the check for them; inside <c>{Enum}Extensions</c>.</summary>
    public static void EmitEnumExtensionMembers(SourceWriter w, string t, EnumModel e)
    {
        var count = e.Members.Count.ToString(CultureInfo.InvariantCulture);
        w.Line();
        w.Line("private static readonly object s_undocumentedLock = new object();");
        w.Line("private static readonly global::System.Collections.Generic.List<string> s_undocumented = new global::System.Collections.Generic.List<string>();");
        w.Line("private static readonly global::System.Collections.Generic.Dictionary<string, int> s_undocumentedIndex = new global::System.Collections.Generic.Dictionary<string, int>(global::System.StringComparer.Ordinal);");
        w.Line();
        w.Doc("<summary>");
        w.Doc("The value for a wire value, documented or not: an undocumented one (an API newer than its docs)");
        w.Doc("becomes a value outside the named members that <see cref=\"" + GeneratedNames.ToWireValue + "\"/> turns back into the same");
        w.Doc("string, so it survives a round trip. Never throws for a non-null string.");
        w.Doc("</summary>");
        w.Doc("<exception cref=\"global::System.InvalidOperationException\">More than 10,000 distinct undocumented values were kept in this process.</exception>");
        w.Open($"public static {t} {GeneratedNames.FromWireValue}(string wireValue)");
        w.Line("if (wireValue is null) throw new global::System.ArgumentNullException(nameof(wireValue));");
        w.Line($"if ({GeneratedNames.TryParse}(wireValue, out var value)) return value;");
        w.Open("lock (s_undocumentedLock)");
        w.Open("if (!s_undocumentedIndex.TryGetValue(wireValue, out var index))");
        w.Line($"if (s_undocumented.Count >= {Rt}.MaxUndocumentedValues) throw new global::System.InvalidOperationException(\"More than \" + {Rt}.MaxUndocumentedValues + \" distinct undocumented values of {e.TypeName}.\");");
        w.Line("index = s_undocumented.Count;");
        w.Line("s_undocumented.Add(wireValue);");
        w.Line("s_undocumentedIndex.Add(wireValue, index);");
        w.Close();
        w.Line($"return ({t})(-1 - index);");
        w.Close();
        w.Close();
        w.Member("Whether <paramref name=\"value\"/> is one of the documented members (false for a kept undocumented value).", $"public static bool IsDocumented(this {t} value) => (uint)(int)value < {count}u;");
        w.Line();
        w.Open($"private static string UndocumentedWireValue({t} value)");
        w.Line("var index = -1 - (int)value;");
        w.Open("lock (s_undocumentedLock)");
        w.Line("if (index >= 0 && index < s_undocumented.Count) return s_undocumented[index];");
        w.Close();
        w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(value), value, null);");
        w.Close();
    }

    /// <summary>The ToWireValue fallback arm when undocumented values are supported.</summary>
    public const string UndocumentedArm = "_ => UndocumentedWireValue(value),";

    public static void EmitEnumConverter(SourceWriter w, string ns, EnumModel e, string generatedCode)
    {
        var t = $"global::{ns}.{Identifiers.EscapeKeyword(e.TypeName)}";
        var ext = $"global::{ns}.{GeneratedNames.ExtensionsOf(e.TypeName)}";
        var members = e.Members;
        w.Member($"Reads and writes <see cref=\"{t}\"/> as its wire value, keeping undocumented values (or rejecting them in strict mode).", generatedCode);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"internal sealed class {e.TypeName}JsonConverter : {Json}.Serialization.JsonConverter<{t}>");
        w.Line($"private static readonly {Json}.JsonEncodedText[] s_values = new {Json}.JsonEncodedText[] {{ {string.Join(", ", members.Select(m => $"{Json}.JsonEncodedText.Encode({Literal(m.WireValue)})"))} }};");
        EmitOverrides(w, t, e.TypeName, "WriteValue(writer, value)");
        EmitMatch(w, members.Select(m => m.WireValue).ToList(), "Utf8Value");
        w.Line();
        w.Open($"internal static {t} ReadValue(ref {Reader} reader, {Options} options)");
        w.Line($"if (reader.TokenType != {Token}.String) throw {Rt}.Unexpected(ref reader, \"a string\");");
        w.Line($"var index = Match({Rt}.Utf8(ref reader));");
        w.Line($"if (index >= 0) return ({t})index;");
        w.Line("var raw = reader.GetString()!;");
        w.Line($"if ({Rt}.IsStrict(options)) throw {Rt}.UndocumentedValue({Literal(e.TypeName)}, raw);");
        w.Line($"try {{ return {ext}.{GeneratedNames.FromWireValue}(raw); }}");
        w.Line($"catch (global::System.InvalidOperationException) {{ throw {Rt}.TooManyUndocumented({Literal(e.TypeName)}); }}");
        w.Close();
        EmitEnumWrite(w, $"WriteValue({Writer} writer, {t} value)", "writer.WriteStringValue(", ext);
        EmitEnumWrite(w, $"WriteProperty({Writer} writer, {Json}.JsonEncodedText name, {t} value)", "writer.WriteString(name, ", ext);
        w.Close();
    }

    /// <summary>An enum converter's write method: the pre-encoded value of a documented member, else its wire value.</summary>
    private static void EmitEnumWrite(SourceWriter w, string signature, string writeCall, string ext)
    {
        w.Line();
        w.Open($"internal static void {signature}");
        w.Line("var index = (int)value;");
        w.Line($"if ((uint)index < (uint)s_values.Length) {writeCall}s_values[index]);");
        w.Line($"else {writeCall}{ext}.{GeneratedNames.ToWireValue}(value));");
        w.Close();
    }

    // ---------------------------------------------------------------- context

    /// <summary>A generated type the context serves.</summary>
    internal sealed record ContextType(string TypeName, bool IsEnum);

    private static readonly HashSet<string> ContextReserved = new(System.StringComparer.Ordinal)
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    public static string EmitContext(string ns, string contextName, EquatableArray<ContextType> types, string generatedCode)
    {
        var w = GeneratedFile.Header(ns, json: false);
        var ctx = Identifiers.EscapeKeyword(contextName);
        w.Doc("<summary>");
        w.Doc($"Reflection-free System.Text.Json metadata for every model generated into <c>{XmlDoc.Escape(ns)}</c>:");
        w.Doc($"<c>JsonSerializer.Serialize(value, {XmlDoc.Escape(contextName)}.Default.TypeName)</c>, or add <see cref=\"Default\"/> to");
        w.Doc("<c>JsonSerializerOptions.TypeInfoResolverChain</c>.");
        w.Doc("</summary>");
        w.Line(generatedCode);
        w.Open($"public partial class {ctx} : {Json}.Serialization.JsonSerializerContext, {Json}.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line($"private static readonly {Options} s_defaultOptions = new {Options}();");
        w.Member("A shared instance over default options.", $"public static {ctx} Default {{ get; }} = new {ctx}(new {Options}(s_defaultOptions));");
        w.Member("The options the generated metadata was designed for.", $"protected override {Options}? GeneratedSerializerOptions {{ get; }} = s_defaultOptions;");
        w.Member("A context over new default options.", $"public {ctx}() : base(null) {{ }}");
        w.Member("A context bound to <paramref name=\"options\"/>; their indentation, encoder and maximum depth apply.", $"public {ctx}({Options} options) : base(options) {{ }}");

        var used = new HashSet<string>(System.StringComparer.Ordinal) { contextName };
        var i = 0;
        foreach (var type in types)
        {
            var clr = $"global::{ns}.{Identifiers.EscapeKeyword(type.TypeName)}";
            var prop = type.TypeName;
            if (ContextReserved.Contains(prop) || !used.Add(prop)) prop += "Info";
            used.Add(prop);
            w.Line();
            w.Line($"private {Json}.Serialization.Metadata.JsonTypeInfo<{clr}>? _t{i};");
            w.Doc($"<summary>Metadata for <see cref=\"{clr}\"/>.</summary>");
            w.Line($"public {Json}.Serialization.Metadata.JsonTypeInfo<{clr}> {Identifiers.EscapeKeyword(prop)} => _t{i} ??= ({Json}.Serialization.Metadata.JsonTypeInfo<{clr}>)Options.GetTypeInfo(typeof({clr}));");
            i++;
        }

        w.Line();
        w.Doc("<inheritdoc/>");
        w.Open($"public override {Json}.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        w.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        w.Line("return typeInfo;");
        w.Close();
        w.Line();
        w.Open($"{Json}.Serialization.Metadata.JsonTypeInfo? {Json}.Serialization.Metadata.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {Options} options)");
        foreach (var type in types)
        {
            var clr = $"global::{ns}.{Identifiers.EscapeKeyword(type.TypeName)}";
            w.Line($"if (type == typeof({clr})) return {Json}.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{clr}>(options, new {ConverterName(clr)}());");
        }
        w.Line("return null;");
        w.Close();
        w.Close();
        w.Close();
        return w.Finish();
    }
}
