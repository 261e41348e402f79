using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;
using static ModelDocs.Generators.Emit.KnownTypes;

namespace ModelDocs.Generators.Emit;

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> without a discriminator as a <c>readonly struct</c> (ARCHITECTURE.md,
/// "Unions"): one case per member schema (<c>IsX</c>, <c>TryGetX</c>, <c>AsX</c>, <c>FromX</c>, implicit
/// conversions), <c>Match</c>/<c>Switch</c>, value equality, and a converter that picks the case from
/// the JSON token and, among object cases, from the property names present; a value no case accepts is
/// kept as JSON (written back unchanged) unless strict mode is on. Reads only specs.
/// </summary>
internal static class UnionEmitter
{
    private sealed class Case(int number, PropertyModel property, UnionCaseModel facts)
    {
        /// <summary>1-based: 0 is <c>default</c>, -1 a value no case accepts.</summary>
        public int Number { get; } = number;
        public PropertyModel Property { get; } = property;
        public UnionCaseModel Facts { get; } = facts;
        public string Name => Identifiers.EscapeKeyword(Property.ClrName);
        public string Type => Property.Type.ClrName;
        public bool Accepts(int token) => (Facts.Accepts & token) != 0;
    }

    public static string Emit(ModelSpec model, TargetCapabilities caps)
    {
        var json = caps.HasJsonSerializer;
        var cases = model.Properties.Select((p, i) => new Case(i + 1, p, i < model.UnionCases.Count ? model.UnionCases[i] : new UnionCaseModel(UnionTokens.Any, EquatableArray<string>.Empty, EquatableArray<string>.Empty))).ToList();
        var self = Identifiers.EscapeKeyword(model.TypeName);
        var full = $"global::{model.Namespace}.{self}";
        var w = GeneratedFile.Header(model.Namespace, json);
        var summary = XmlDoc.Summary(model.Description);
        w.Doc("<summary>\n" + (summary.Length > 0 ? summary : $"One of: {string.Join(", ", cases.Select(c => XmlDoc.Escape(c.Property.ClrName)))}.") + "\n</summary>");
        w.Doc($"<remarks>A union generated from <c>{XmlDoc.Escape(Paths.FileName(model.FilePath))}</c>: test the case with <c>Is…</c>/<c>TryGet…</c>, or use <see cref=\"Match{{TResult}}\"/>. " +
              "<c>default</c> holds no case; a JSON value no case accepts is kept as <see cref=\"global::System.Text.Json.JsonElement\"/> (<see cref=\"IsUnknown\"/>) and written back unchanged.</remarks>");
        w.Line(GeneratedFile.GeneratedCodeAttribute);
        w.Line($"[global::{GeneratedNames.AttributeNamespace}.{GeneratedNames.ModelDocAttribute}({GeneratedFile.Literal(Paths.FileName(model.FilePath))})]");
        if (json) w.Line($"[{Json}.Serialization.JsonConverter(typeof(global::{model.Namespace}.{GeneratedNames.ConverterName(model.TypeName)}))]");
        w.Open($"public readonly partial struct {self} : global::System.IEquatable<{self}>");
        w.Line("private readonly object? _value;");
        w.Line("private readonly int _case;");
        w.Line();
        w.Open($"internal {self}(int @case, object? value)");
        w.Line("_case = @case;");
        w.Line("_value = value;");
        w.Close();
        w.Member("The case number (1 for the first documented case, …); 0 for <c>default</c>, -1 for a kept value no case accepts.", "internal int CaseNumber => _case;");
        w.Member("The case's value, boxed (null for <c>default</c>).", "internal object? Value => _value;");

        // Implicit conversions: not from interfaces (C# forbids them) or object, and only from a type one case has.
        var convertible = cases.Where(c => !IsInterfaceOrObject(c.Type) && cases.Count(o => o.Type == c.Type) == 1 && c.Type != Element).ToList();
        foreach (var c in cases) EmitCaseMembers(w, self, model.TypeName, c, convertible.Contains(c));
        EmitUnknownMembers(w);
        EmitMatch(w, self, model.TypeName, cases);
        EmitEquality(w, self, cases, json);
        w.Close();
        if (json) EmitConverter(w, model, full, cases);
        w.Close();
        return w.Finish();
    }

    /// <summary>A case's members: <c>FromX</c>, the implicit conversion when <paramref name="convertible"/>, <c>IsX</c>, <c>TryGetX</c>, <c>AsX</c>.</summary>
    private static void EmitCaseMembers(SourceWriter w, string self, string typeName, Case c, bool convertible)
    {
        var doc = XmlDoc.Summary(c.Property.Description);
        var number = c.Number.ToString(CultureInfo.InvariantCulture);
        w.Line();
        w.Doc($"<summary>A <see cref=\"{self}\"/> holding the <c>{XmlDoc.Escape(c.Property.ClrName)}</c> case{(doc.Length > 0 ? ": " + doc : ".")}</summary>");
        w.Open($"public static {self} From{c.Property.ClrName}({c.Type} value)");
        if (!c.Property.Type.IsValueType) w.Line("if (value is null) throw new global::System.ArgumentNullException(nameof(value));");
        w.Line($"return new {self}({number}, value);");
        w.Close();
        if (convertible)
        {
            w.Member($"A <see cref=\"{self}\"/> holding the <c>{XmlDoc.Escape(c.Property.ClrName)}</c> case.", $"public static implicit operator {self}({c.Type} value) => From{c.Property.ClrName}(value);");
        }
        w.Member($"Whether the value is the <c>{XmlDoc.Escape(c.Property.ClrName)}</c> case.", $"public bool Is{c.Property.ClrName} => _case == {number};");
        w.Line();
        w.Doc($"<summary>The <c>{XmlDoc.Escape(c.Property.ClrName)}</c> case's value, when the value is that case.</summary>");
        w.Open($"public bool TryGet{c.Property.ClrName}(out {c.Type} value)");
        w.Open($"if (_case == {number})");
        w.Line($"value = ({c.Type})_value!;");
        w.Line("return true;");
        w.Close();
        w.Line("value = default!;");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Doc($"<summary>The <c>{XmlDoc.Escape(c.Property.ClrName)}</c> case's value.</summary>");
        w.Doc($"<exception cref=\"global::System.InvalidOperationException\">The value is another case.</exception>");
        w.Line($"public {c.Type} As{c.Property.ClrName} => _case == {number} ? ({c.Type})_value! : throw new global::System.InvalidOperationException(\"The {typeName} is not the {c.Property.ClrName} case.\");");
    }

    /// <summary><c>IsUnknown</c> and <c>TryGetUnknown</c>: JSON no documented case accepts, kept.</summary>
    private static void EmitUnknownMembers(SourceWriter w)
    {
        w.Member("Whether the value is JSON that no documented case accepts (kept as read; strict mode rejects it instead).", "public bool IsUnknown => _case == -1;");
        w.Line();
        w.Doc("<summary>The JSON no documented case accepts, when the value is such JSON.</summary>");
        w.Open($"public bool TryGetUnknown(out {Element} value)");
        w.Open("if (_case == -1)");
        w.Line($"value = ({Element})_value!;");
        w.Line("return true;");
        w.Close();
        w.Line("value = default;");
        w.Line("return false;");
        w.Close();
    }

    private static bool IsInterfaceOrObject(string clr)
        => clr == "object" || clr.StartsWith("global::System.Collections.Generic.IReadOnly", System.StringComparison.Ordinal);

    private static void EmitMatch(SourceWriter w, string self, string typeName, List<Case> cases)
    {
        EmitDispatch(w, typeName, cases, "The result of the function", "public TResult Match<TResult>",
            type => $"global::System.Func<{type}, TResult>", call => $"return {call};");
        EmitDispatch(w, typeName, cases, "Calls the action", "public void Switch",
            type => $"global::System.Action<{type}>", call => $"{call}; return;");
    }

    /// <summary><c>switch (_case)</c>: an arm per case, <c>case -1</c> (kept JSON) and <c>default</c>.</summary>
    private static void EmitCaseSwitch(SourceWriter w, List<Case> cases, Func<Case, string> arm, string unknownArm, string defaultArm)
    {
        w.Open("switch (_case)");
        foreach (var c in cases) w.Line($"case {c.Number}: {arm(c)}");
        w.Line($"case -1: {unknownArm}");
        w.Line($"default: {defaultArm}");
        w.Close();
    }

    /// <summary>A method with one delegate parameter per case (and <c>unknown</c>) that calls the one for the value's case.</summary>
    private static void EmitDispatch(SourceWriter w, string typeName, List<Case> cases, string summary, string method, Func<string, string> delegateOf, Func<string, string> statement)
    {
        var parameters = cases.Select(c => $"{delegateOf(c.Type)} {Param(c)}").Concat(new[] { $"{delegateOf(Element)} unknown" });
        w.Line();
        w.Doc($"<summary>{summary} for the value's case (<paramref name=\"unknown\"/> for JSON no case accepts).</summary>");
        w.Doc("<exception cref=\"global::System.InvalidOperationException\">The value is <c>default</c>.</exception>");
        w.Open($"{method}({string.Join(", ", parameters)})");
        EmitCaseSwitch(w, cases, c => statement($"{Param(c)}(({c.Type})_value!)"), statement($"unknown(({Element})_value!)"),
            $"throw new global::System.InvalidOperationException(\"default({typeName}) holds no case.\");");
        w.Close();
    }

    /// <summary>A parameter name for a case: camelCase, never <c>unknown</c>, a keyword escaped.</summary>
    private static string Param(Case c)
    {
        var n = c.Property.ClrName;
        var camel = char.ToLowerInvariant(n[0]) + n.Substring(1);
        if (camel == "unknown") camel = "unknownCase";
        return Identifiers.EscapeKeyword(camel);
    }

    private static void EmitEquality(SourceWriter w, string self, List<Case> cases, bool json)
    {
        var comparers = new List<string>();
        string ComparerOf(Case c)
        {
            var t = c.Property.Type;
            if (json && t.Kind is TypeKind.List or TypeKind.Map or TypeKind.Bytes or TypeKind.Any)
            {
                var field = "s_eq" + c.Number.ToString(CultureInfo.InvariantCulture);
                comparers.Add(t.Kind == TypeKind.Any
                    ? $"private static readonly {Eq}.ElementComparer {field} = {Eq}.Element;"
                    : $"private static readonly {JsonEmitter.ComparerType(t)} {field} = {JsonEmitter.ComparerExpr(t)};");
                return field;
            }
            return $"global::System.Collections.Generic.EqualityComparer<{c.Type}>.Default";
        }
        var comparer = cases.ToDictionary(c => c.Number, ComparerOf);
        foreach (var line in comparers)
        {
            w.Line();
            w.Line(line);
        }
        var unknownComparer = json ? $"{Eq}.Element" : $"global::System.Collections.Generic.EqualityComparer<{Element}>.Default";
        w.Line();
        w.Doc("<summary>The same case with equal values (lists, maps and bytes by content, kept JSON by its text).</summary>");
        w.Open($"public bool Equals({self} other)");
        w.Line("if (_case != other._case) return false;");
        EmitCaseSwitch(w, cases, c => $"return {comparer[c.Number]}.Equals(({c.Type})_value!, ({c.Type})other._value!);",
            $"return {unknownComparer}.Equals(({Element})_value!, ({Element})other._value!);", "return true;");
        w.Close();
        w.Line();
        w.Doc("<inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        w.Line();
        w.Doc("<summary>A hash consistent with <see cref=\"Equals(" + self + ")\"/>.</summary>");
        w.Open("public override int GetHashCode()");
        EmitCaseSwitch(w, cases, c => $"return {c.Number} * 31 + {comparer[c.Number]}.GetHashCode(({c.Type})_value!);",
            $"return -31 + {unknownComparer}.GetHashCode(({Element})_value!);", "return 0;");
        w.Close();
        w.Member("Whether the two values are the same case with equal values.", $"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
        w.Member("Whether the two values differ in case or value.", $"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
        w.Member("The case's value as text (the JSON text for a kept value; empty for <c>default</c>).", $"public override string ToString() => _case == -1 ? (({Element})_value!).GetRawText() : _value?.ToString() ?? string.Empty;");
    }

    // ---------------------------------------------------------------- converter

    private static void EmitConverter(SourceWriter w, ModelSpec model, string full, List<Case> cases)
    {
        var name = GeneratedNames.ConverterName(model.TypeName);
        var helpers = new JsonEmitter.CollectionHelpers();
        var objectCases = cases.Where(c => c.Accepts(UnionTokens.Object) && c.Facts.Accepts != UnionTokens.Any).ToList();
        var names = objectCases.SelectMany(c => c.Facts.Names.Concat(c.Facts.Required)).Distinct(System.StringComparer.Ordinal).ToList();
        w.Member($"Reads and writes <see cref=\"{full}\"/>: the case from the JSON token and, among objects, from the property names present.", GeneratedFile.GeneratedCodeAttribute);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"internal sealed class {name} : {Json}.Serialization.JsonConverter<{full}>");
        JsonEmitter.EmitOverrides(w, full, model.TypeName, "WriteValue(writer, value, options)");
        if (objectCases.Count > 1 && names.Count > 0) JsonEmitter.EmitMatch(w, names, "Utf8Name");

        w.Line();
        w.Doc("<summary>Reads the value the reader is on as the first case that accepts it (see the union's remarks).</summary>");
        w.Open($"internal static {full} ReadValue(ref {Reader} reader, {Options} options)");
        w.Open("switch (reader.TokenType)");
        EmitTokenBlock(w, full, cases, UnionTokens.String, new[] { "String" });
        EmitTokenBlock(w, full, cases, UnionTokens.Integer | UnionTokens.Number, new[] { "Number" });
        EmitTokenBlock(w, full, cases, UnionTokens.Boolean, new[] { "True", "False" });
        EmitTokenBlock(w, full, cases, UnionTokens.Array, new[] { "StartArray" });
        EmitTokenBlock(w, full, cases, UnionTokens.Object, new[] { "StartObject" }, objectCases.Count > 1 && names.Count > 0 ? objectCases : null);
        w.Line($"case {Token}.Null: return default;");
        w.Close();
        w.Line($"if ({Rt}.IsStrict(options)) throw {Rt}.At({Rt}.Unexpected(ref reader, {GeneratedFile.Literal(Expected(cases))}), {GeneratedFile.Literal(model.TypeName)}, null);");
        w.Line($"return new {full}(-1, {Element}.ParseValue(ref reader));");
        w.Close();

        foreach (var c in cases) EmitTryRead(w, full, c, helpers);
        if (objectCases.Count > 1 && names.Count > 0) EmitObjectOrder(w, objectCases, names);
        EmitWriteValue(w, full, cases, helpers);
        helpers.EmitAll(w);
        w.Close();
    }

    /// <summary><c>TryRead{n}</c>: the case read from a copy of the reader, which moves on only when it is that case.</summary>
    private static void EmitTryRead(SourceWriter w, string full, Case c, JsonEmitter.CollectionHelpers helpers)
    {
        w.Line();
        w.Doc($"<summary>Reads the {XmlDoc.Escape(c.Property.ClrName)} case; false (the reader unchanged) when the JSON is not that case.</summary>");
        w.Open($"private static bool TryRead{c.Number}(ref {Reader} reader, {Options} options, out {full} value)");
        w.Line("var copy = reader;");
        w.Open("try");
        var read = c.Property.Type.EnumName is not null
            ? $"{GeneratedNames.ExtensionsOf(c.Type)}.{GeneratedNames.TryParse}(copy.GetString()!, out var e) ? e : throw {Rt}.UndocumentedValue({GeneratedFile.Literal(c.Property.Type.EnumName)}, copy.GetString()!)"
            : JsonEmitter.ReadExpr(c.Property.Type, helpers, reader: "copy");
        w.Line($"value = new {full}({c.Number}, {read});");
        w.Line("reader = copy;");
        w.Line("return true;");
        w.Close();
        w.Open($"catch (global::System.Exception ex) when ({Rt}.IsDataError(ex))");
        w.Line("value = default;");
        w.Line("return false;");
        w.Close();
        w.Close();
    }

    /// <summary><c>WriteValue</c>: the case's value by its type; kept JSON as read; <c>default</c> as null.</summary>
    private static void EmitWriteValue(SourceWriter w, string full, List<Case> cases, JsonEmitter.CollectionHelpers helpers)
    {
        w.Line();
        w.Doc("<summary>Writes the case's value; kept JSON as read; <c>default</c> as null.</summary>");
        w.Open($"internal static void WriteValue({Writer} writer, {full} value, {Options} options)");
        w.Open("switch (value.CaseNumber)");
        foreach (var c in cases)
        {
            w.Line($"case {c.Number}:").Indent();
            w.Line($"{{ var v = ({c.Type})value.Value!; {JsonEmitter.ValueWrite(c.Property.Type, "v", helpers)} }}");
            w.Line("return;").Unindent();
        }
        w.Line($"case -1: (({Element})value.Value!).WriteTo(writer); return;");
        w.Line("default: writer.WriteNullValue(); return;");
        w.Close();
        w.Close();
    }

    private static string Expected(List<Case> cases)
    {
        var kinds = new List<string>();
        var all = cases.Aggregate(0, (m, c) => m | c.Facts.Accepts);
        if ((all & UnionTokens.String) != 0) kinds.Add("a string");
        if ((all & UnionTokens.Number) != 0) kinds.Add("a number");
        else if ((all & UnionTokens.Integer) != 0) kinds.Add("an integer");
        if ((all & UnionTokens.Boolean) != 0) kinds.Add("a boolean");
        if ((all & UnionTokens.Array) != 0) kinds.Add("an array");
        if ((all & UnionTokens.Object) != 0) kinds.Add("an object");
        return "one of the documented cases (" + string.Join(", ", kinds) + ")";
    }

    /// <summary>
    /// One <c>case</c> of the token switch: the cases that accept the token, tried in order (a string case that
    /// checks its text, such as a date or an enum's documented values, before a plain string; integers to the
    /// cases that take integers; objects in the order their property names suggest).
    /// </summary>
    private static void EmitTokenBlock(SourceWriter w, string full, List<Case> cases, int token, string[] labels, List<Case>? objectOrder = null)
    {
        var candidates = cases.Where(c => c.Accepts(token)).ToList();
        if (candidates.Count == 0) return;
        foreach (var label in labels) w.Line($"case {Token}.{label}:");
        w.Open();
        w.Line($"{full} value;");
        if (token == UnionTokens.String)
        {
            // Plain strings (and "any") accept every string: last.
            candidates = candidates.Where(c => Checks(c)).Concat(candidates.Where(c => !Checks(c))).ToList();
        }
        if (token == (UnionTokens.Integer | UnionTokens.Number))
        {
            var integral = cases.Where(c => c.Accepts(UnionTokens.Integer)).ToList();
            var any = cases.Where(c => c.Accepts(UnionTokens.Number)).ToList();
            if (integral.Count > 0)
            {
                w.Open("if (reader.TryGetInt64(out _))");
                foreach (var c in integral) w.Line($"if (TryRead{c.Number}(ref reader, options, out value)) return value;");
                w.Close();
            }
            foreach (var c in any) w.Line($"if (TryRead{c.Number}(ref reader, options, out value)) return value;");
            w.Line("break;");
            w.Close();
            return;
        }
        if (objectOrder is not null)
        {
            var rest = candidates.Where(c => !objectOrder.Contains(c)).ToList();
            w.Open("foreach (var number in ObjectOrder(reader))");
            w.Open("switch (number)");
            foreach (var c in objectOrder) w.Line($"case {c.Number}: if (TryRead{c.Number}(ref reader, options, out value)) return value; break;");
            w.Close();
            w.Close();
            foreach (var c in rest) w.Line($"if (TryRead{c.Number}(ref reader, options, out value)) return value;");
            w.Line("break;");
            w.Close();
            return;
        }
        foreach (var c in candidates) w.Line($"if (TryRead{c.Number}(ref reader, options, out value)) return value;");
        w.Line("break;");
        w.Close();
    }

    /// <summary>Whether a string case checks the text (a format or an enum's values) rather than taking any string.</summary>
    private static bool Checks(Case c)
        => c.Property.Type.Kind is TypeKind.Date or TypeKind.DateTime or TypeKind.Uuid or TypeKind.Bytes
           || (c.Property.Type.Kind == TypeKind.Reference && c.Property.Type.EnumName is not null)
           || (c.Property.Type.Kind == TypeKind.Reference && c.Facts.Accepts != UnionTokens.Any && c.Facts.Accepts != UnionTokens.String);

    /// <summary>
    /// The object cases in the order to try them: those whose required properties are all present first,
    /// then by how many of the object's property names they declare, then documented order.
    /// </summary>
    private static void EmitObjectOrder(SourceWriter w, List<Case> objectCases, List<string> names)
    {
        w.Line();
        w.Doc("<summary>The object cases in the order their required and declared property names suggest.</summary>");
        w.Open($"private static int[] ObjectOrder({Reader} scan)");
        w.Line($"var present = new bool[{names.Count}];");
        w.Line("var depth = scan.CurrentDepth;");
        w.Open("while (scan.Read())");
        w.Line($"if (scan.TokenType == {Token}.EndObject && scan.CurrentDepth == depth) break;");
        w.Line($"if (scan.TokenType != {Token}.PropertyName) continue;");
        w.Line($"var k = Match({Rt}.Utf8(ref scan));");
        w.Line("if (k >= 0) present[k] = true;");
        w.Line("if (!scan.Read() || !scan.TrySkip()) break;");
        w.Close();
        w.Line($"var numbers = new int[] {{ {string.Join(", ", objectCases.Select(c => c.Number.ToString(CultureInfo.InvariantCulture)))} }};");
        w.Line($"var scores = new long[{objectCases.Count}];");
        for (var i = 0; i < objectCases.Count; i++)
        {
            var c = objectCases[i];
            var required = c.Facts.Required.Select(r => $"present[{names.IndexOf(r)}]").ToList();
            var declared = c.Facts.Names.Select(n => $"(present[{names.IndexOf(n)}] ? 1 : 0)").ToList();
            var requiredTerm = required.Count == 0 ? "(1L << 32)" : $"({string.Join(" && ", required)} ? 1L << 32 : 0L)";
            var declaredTerm = declared.Count == 0 ? "0" : string.Join(" + ", declared);
            w.Line($"scores[{i}] = {requiredTerm} + {declaredTerm};");
        }
        // A stable sort, highest score first (a handful of cases).
        w.Open("for (var i = 1; i < scores.Length; i++)");
        w.Line("var s = scores[i];");
        w.Line("var n = numbers[i];");
        w.Line("var j = i - 1;");
        w.Open("while (j >= 0 && scores[j] < s)");
        w.Line("scores[j + 1] = scores[j];");
        w.Line("numbers[j + 1] = numbers[j];");
        w.Line("j--;");
        w.Close();
        w.Line("scores[j + 1] = s;");
        w.Line("numbers[j + 1] = n;");
        w.Close();
        w.Line("return numbers;");
        w.Close();
    }
}
