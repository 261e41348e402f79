using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing;

/// <summary>
/// The python generator of OpenAPI Generator 6.x (<c>python-experimental</c> promoted to <c>python</c>, replaced
/// in 7.0) writes a schema as sections instead of a property table. Its template (<c>schema_doc</c>) gives:
/// <list type="bullet">
/// <item>a level-1 heading (the module path, <c># pkg.model.pet.Pet</c>), the schema's description, then
/// <c>## Model Type Info</c>: one <c>Input Type | Accessed Type | Description | Notes</c> row, the input type a
/// comma list of python types (<c>dict, frozendict.frozendict,</c> an object, <c>list, tuple,</c> an array,
/// <c>None</c> in it nullable, <c>[**Tag**](Tag.md)</c> another doc);</item>
/// <item>an object's <c>### Dictionary Keys</c> (<c>Key | Input Type | …</c>; the key is the JSON name as the spec
/// spells it; <c>any_string_name</c> with the template's fixed text is additionalProperties), an array's
/// <c>### Tuple Items</c> (<c>Class Name | Input Type | …</c>, one row), and <c>### Composed Schemas</c> with
/// <c>#### allOf</c>/<c>anyOf</c>/<c>oneOf</c> tables;</item>
/// <item>Notes: <c>[optional]</c>, <c>must be one of ["a", "b", ]</c>, <c>value must be a 32 bit integer</c> (and
/// 64 bit, float), <c>value must be a uuid</c>, RFC-3339 date and date-time, <c>if omitted the server will use the
/// default value of X</c>;</item>
/// <item>an inline schema (an array's items, a nested object, an inline <c>allOf</c> part) is linked by an in-doc
/// anchor (<c>**[tags](#tags)**</c>) and written after the section that links it as its own level-1 section
/// with the anchor's text as heading, depth first; anchors repeat (<c>#items</c> at every level), so a link
/// names the first section of that name after the sections already read.</item>
/// </list>
/// Everything the docs carry is read: wire names, requiredness, nullability, formats and enum values exactly.
/// Not read: the properties of another doc an <c>allOf</c> names (the doc only links it), as for every dialect.
/// </summary>
internal static partial class MarkdownDocReader
{
    private const string ModelTypeInfo = "Model Type Info";

    private sealed partial class Reader
    {
        /// <summary>A nested schema deeper than this is read as any JSON value (hostile input).</summary>
        private const int MaxSchemaDepth = 32;

        private const string AdditionalKey = "any_string_name";
        private const string AdditionalText = "any string name can be used";

        /// <summary>One level-1 section of the doc: its heading's line and text, and where the next one starts.</summary>
        private readonly record struct SchemaSection(int Heading, string Name, int End);

        /// <summary>What a section says its schema is.</summary>
        private sealed class SchemaShape
        {
            public TypeSpec Type = new(TypeKind.Any);
            public bool Nullable;
            /// <summary>An object's named keys (null for a non-object).</summary>
            public List<RawProperty>? Properties;
            /// <summary>The values of <c>must be one of</c>, null dropped, quotes removed (null when not stated).</summary>
            public List<string>? EnumValues;
            public bool EnumIsText;
        }

        private List<SchemaSection> _sections = new();
        private int _nextSection;

        private DocumentResult ReadSchemaSections(int titleLine, string? description)
        {
            _sections = SchemaSectionsFrom(titleLine);
            _nextSection = 1;
            var lines = _text.Lines;
            var title = Prefix(lines[titleLine], 300);
            var typeName = TitleToName(title) ?? _docName;
            var titleLocation = LineLocation(lines[titleLine]);
            var root = ReadSchema(0, 0, _docName);
            if (root is null) return new DocumentResult(null, _diagnostics.ToEquatableArray());

            DocumentSpec doc;
            if (root.Properties is not null)
            {
                doc = new DocumentSpec(_path, _docName, typeName, DocumentKind.Model, Dialect.PythonV6, description, _options,
                    root.Properties.ToEquatableArray(), _schemaEnums.ToEquatableArray(), titleLocation, DialectScore: Dialects.Strong);
            }
            else if (root.EnumValues is { Count: > 0 } values)
            {
                var section = new RawEnum(_docName, values.ConvertAll(v => new RawEnumValue(v, v)).ToEquatableArray(), titleLocation);
                doc = new DocumentSpec(_path, _docName, typeName, DocumentKind.Enum, Dialect.PythonV6, description, _options,
                    EquatableArray<RawProperty>.Empty, new EquatableArray<RawEnum>(new[] { section }), titleLocation, DialectScore: Dialects.Strong);
            }
            else
            {
                // A named array, string or number: an alias the docs of other languages do not give a model either.
                return new DocumentResult(null, _diagnostics.ToEquatableArray());
            }
            return new DocumentResult(doc, _diagnostics.ToEquatableArray());
        }

        /// <summary>The level-1 sections from the title on (outside code fences).</summary>
        private List<SchemaSection> SchemaSectionsFrom(int titleLine)
        {
            var lines = _text.Lines;
            var starts = new List<(int Line, string Name)>();
            var inFence = false;
            for (var i = titleLine; i < lines.Count; i++)
            {
                if ((i & 255) == 0) _ct.ThrowIfCancellationRequested();
                var head = Prefix(lines[i], 300).TrimEnd();
                var trimmed = head.TrimStart();
                if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) inFence = !inFence;
                else if (!inFence && head.StartsWith("# ", StringComparison.Ordinal)) starts.Add((i, head.Substring(2).Trim()));
            }
            var sections = new List<SchemaSection>(starts.Count);
            for (var k = 0; k < starts.Count; k++)
            {
                sections.Add(new SchemaSection(starts[k].Line, starts[k].Name, k + 1 < starts.Count ? starts[k + 1].Line : lines.Count));
            }
            return sections;
        }

        /// <summary>The schema of section <paramref name="index"/> (null when it has no Model Type Info row).</summary>
        private SchemaShape? ReadSchema(int index, int depth, string owner)
        {
            var section = _sections[index];
            var info = SubTable(section, "## " + ModelTypeInfo, "Input Type", null);
            if (info is not { Rows.Count: > 0 }) return null;
            var row = info.Value.Rows[0];
            var inputCol = ColumnIndex(info.Value.Header, "Input Type");
            var notesCol = ColumnIndex(info.Value.Header, "Notes");
            var input = inputCol < row.Cells.Count ? row.Cells[inputCol].Text : string.Empty;
            var notes = notesCol >= 0 && notesCol < row.Cells.Count ? row.Cells[notesCol].Text : string.Empty;
            var shape = ShapeOf(input, notes, anchor: null, depth, owner, out _);
            if (IsObject(input))
            {
                shape.Properties = ReadKeys(section, depth, owner);
                ReadAllOf(section, depth, owner, shape.Properties);
            }
            return shape;
        }

        /// <summary>The table under a sub-heading of the section, if there is one.</summary>
        private (List<Cell> Header, List<Row> Rows)? SubTable(SchemaSection section, string heading, string secondColumn, string? firstColumn)
        {
            var lines = _text.Lines;
            for (var i = section.Heading + 1; i < section.End; i++)
            {
                if (!string.Equals(Prefix(lines[i], 200).Trim(), heading, StringComparison.OrdinalIgnoreCase)) continue;
                var rows = new List<Row>();
                var header = ReadTable(i + 1, rows, secondColumn, firstColumn);
                return header is null ? null : (header, rows);
            }
            return null;
        }

        /// <summary>An object's <c>### Dictionary Keys</c>: one property per named key.</summary>
        private List<RawProperty> ReadKeys(SchemaSection section, int depth, string owner)
        {
            var properties = new List<RawProperty>();
            if (SubTable(section, "### Dictionary Keys", "Input Type", "Key") is not { } table) return properties;
            var keyCol = ColumnIndex(table.Header, "Key");
            var inputCol = ColumnIndex(table.Header, "Input Type");
            var descCol = ColumnIndex(table.Header, "Description");
            var notesCol = ColumnIndex(table.Header, "Notes");
            foreach (var row in table.Rows)
            {
                _ct.ThrowIfCancellationRequested();
                var cells = row.Cells;
                var rowLocation = LineLocation(row.Line);
                if (cells.Count <= Math.Max(keyCol, inputCol))
                {
                    Report(DiagnosticDescriptors.MalformedRow, rowLocation, _docName, $"it has {cells.Count} cell(s), fewer than the Key and Input Type columns need");
                    continue;
                }
                var name = CellText(cells[keyCol].Text, out var anchor);
                if (anchor is not { Length: > 1 } || anchor[0] != '#') anchor = null;
                var description = descCol >= 0 && descCol < cells.Count ? cells[descCol].Text : string.Empty;
                var notesCell = notesCol >= 0 && notesCol < cells.Count ? cells[notesCol] : new Cell(string.Empty, 0, 0);
                // additionalProperties: records keep unknown members as they are.
                if (name == AdditionalKey && description.StartsWith(AdditionalText, StringComparison.Ordinal))
                {
                    if (anchor is not null) SkipLinked(anchor, depth);
                    continue;
                }
                if (name.Length == 0 || name.Length > 256)
                {
                    Report(DiagnosticDescriptors.MalformedRow, rowLocation, _docName, name.Length == 0 ? "its Key cell is empty" : "its Key cell is longer than 256 characters");
                    continue;
                }
                var typeCell = cells[inputCol];
                var typeLocation = CellLocation(row.Line, typeCell);
                var shape = ShapeOf(typeCell.Text, notesCell.Text, anchor, depth, name, out var error);
                if (error is not null) Report(DiagnosticDescriptors.UnknownType, typeLocation, CellText(typeCell.Text, out _), name, _docName, error);
                var type = shape.Type;
                var decoded = HtmlEntities.Decode(description);
                if (shape.EnumValues is { Count: > 0 } values) ApplyAllowedValues(values, shape.EnumIsText, name, CellLocation(row.Line, notesCell), ref type, ref decoded);
                var notes = notesCell.Text;
                properties.Add(new RawProperty(
                    name,
                    type,
                    CellText(typeCell.Text, out var link),
                    decoded,
                    IsOptional: HasNote(notes, "optional"),
                    IsReadOnly: HasNote(notes, "readonly"),
                    IsDeprecated: decoded.StartsWith("Deprecated", StringComparison.OrdinalIgnoreCase) || HasNote(notes, "deprecated"),
                    DefaultText: OmittedDefault(notes),
                    rowLocation,
                    typeLocation,
                    notesCol >= 0 ? CellLocation(row.Line, notesCell) : rowLocation,
                    IsNullable: shape.Nullable,
                    TypeLink: LinkTarget(link)));
            }
            return properties;
        }

        /// <summary>
        /// A key's allowed values: text values go with the property as an enum table of its own (the resolver names
        /// the enum), which its type then refers to; other values are listed in its description.
        /// </summary>
        private void ApplyAllowedValues(List<string> values, bool isText, string name, LocationInfo notesLocation, ref TypeSpec type, ref string description)
        {
            if (isText)
            {
                var enumSection = "enum:" + name;
                _schemaEnums.Add(new RawEnum(enumSection, values.ConvertAll(v => new RawEnumValue(v, v)).ToEquatableArray(), notesLocation));
                type = ReplaceInnermost(type, new TypeSpec(TypeKind.Reference, Name: enumSection, Link: "#" + enumSection));
            }
            else
            {
                var note = "Allowed values: " + string.Join(", ", values.ConvertAll(v => "`" + v + "`")) + ".";
                description = description.Length == 0 ? note : description.TrimEnd() + " " + note;
            }
        }

        private readonly List<RawEnum> _schemaEnums = new();

        /// <summary>The keys of the inline parts of an <c>allOf</c> (linked parts are other docs, not repeated here).</summary>
        private void ReadAllOf(SchemaSection section, int depth, string owner, List<RawProperty> properties)
        {
            foreach (var composition in new[] { "#### allOf", "#### anyOf", "#### oneOf", "#### not" })
            {
                if (SubTable(section, composition, "Input Type", "Class Name") is not { } table) continue;
                foreach (var row in table.Rows)
                {
                    if (row.Cells.Count == 0) continue;
                    CellText(row.Cells[0].Text, out var link);
                    if (link is null || !link.StartsWith("#", StringComparison.Ordinal)) continue;
                    var child = LinkedSection(link);
                    if (child < 0) continue;
                    var part = depth < MaxSchemaDepth ? ReadSchema(child, depth + 1, owner) : null;
                    if (composition == "#### allOf" && part?.Properties is { } keys) properties.AddRange(keys);
                }
            }
        }

        /// <summary>The section a <c>#anchor</c> names: the first of that name not read yet; -1 if there is none.</summary>
        private int LinkedSection(string anchor)
        {
            var name = anchor.Substring(1);
            for (var k = _nextSection; k < _sections.Count; k++)
            {
                if (!string.Equals(_sections[k].Name, name, StringComparison.Ordinal)) continue;
                _nextSection = k + 1;
                return k;
            }
            return -1;
        }

        /// <summary>Reads past a linked section whose schema nothing uses (additionalProperties), with its own linked sections.</summary>
        private void SkipLinked(string anchor, int depth)
        {
            var child = LinkedSection(anchor);
            if (child >= 0 && depth < MaxSchemaDepth) ReadSchema(child, depth + 1, anchor);
        }

        private static bool IsObject(string input) => HasToken(input, "dict") || HasToken(input, "frozendict.frozendict");

        /// <summary>
        /// The type an Input Type cell and its Notes state. <paramref name="anchor"/> links the section of an inline
        /// schema (an array's items, a nested object). <paramref name="error"/> says why a type is not known.
        /// </summary>
        private SchemaShape ShapeOf(string input, string notes, string? anchor, int depth, string owner, out string? error)
        {
            error = null;
            var shape = new SchemaShape { Nullable = HasToken(input, "None") };
            var text = CellText(input, out var link);
            var target = LinkTarget(link);
            if (target is not null && !target.StartsWith("#", StringComparison.Ordinal))
            {
                shape.Type = new TypeSpec(TypeKind.Reference, Name: text.Trim().TrimEnd(',').Trim(), Link: target);
                return shape;
            }
            var isString = HasToken(text, "str");
            var isList = HasToken(text, "list") || HasToken(text, "tuple");
            var isObject = IsObject(text);
            var isNumber = HasToken(text, "decimal.Decimal") || HasToken(text, "int") || HasToken(text, "float");
            if ((isString ? 1 : 0) + (isList ? 1 : 0) + (isObject ? 1 : 0) + (isNumber ? 1 : 0) + (HasToken(text, "bool") ? 1 : 0) > 1)
            {
                shape.Type = new TypeSpec(TypeKind.Any);
            }
            else if (isList)
            {
                var item = ItemsOf(anchor, depth, owner);
                shape.Type = new TypeSpec(TypeKind.List, item.Type);
                // An array of enum values: the values go with the property, on its items.
                shape.EnumValues = item.EnumValues;
                shape.EnumIsText = item.EnumIsText;
            }
            else if (isObject) shape.Type = ObjectOf(anchor, depth, owner);
            else if (HasToken(text, "bytes") || HasToken(text, "io.FileIO")) shape.Type = new TypeSpec(TypeKind.Bytes);
            else if (HasToken(text, "bool")) shape.Type = new TypeSpec(TypeKind.Boolean);
            else if (isString) shape.Type = new TypeSpec(StringKind(text, notes));
            else if (isNumber) shape.Type = new TypeSpec(NumberKind(text, notes));
            else if (!HasToken(text, "None"))
            {
                shape.Type = new TypeSpec(TypeKind.Unknown, Name: text);
                error = "not a python type list the 6.x python docs write";
            }
            ReadEnumNote(notes, shape);
            return shape;
        }

        /// <summary>An array's item type, from its linked section's <c>### Tuple Items</c> row.</summary>
        private SchemaShape ItemsOf(string? anchor, int depth, string owner)
        {
            var any = new SchemaShape();
            var child = anchor is null ? -1 : LinkedSection(anchor);
            if (child < 0 || depth >= MaxSchemaDepth) return any;
            if (SubTable(_sections[child], "### Tuple Items", "Input Type", "Class Name") is not { Rows.Count: > 0 } table) return any;
            var row = table.Rows[0];
            var inputCol = ColumnIndex(table.Header, "Input Type");
            var notesCol = ColumnIndex(table.Header, "Notes");
            if (inputCol >= row.Cells.Count) return any;
            CellText(row.Cells[0].Text, out var itemAnchor);
            if (itemAnchor is not { Length: > 1 } || itemAnchor[0] != '#') itemAnchor = null;
            var notes = notesCol >= 0 && notesCol < row.Cells.Count ? row.Cells[notesCol].Text : string.Empty;
            return ShapeOf(row.Cells[inputCol].Text, notes, itemAnchor, depth + 1, owner, out _);
        }

        /// <summary>
        /// An inline object: a map when its section has only additional keys (their type is the value type),
        /// any JSON object when it names keys of its own (its own record would need a name the docs do not give).
        /// </summary>
        private TypeSpec ObjectOf(string? anchor, int depth, string owner)
        {
            var child = anchor is null ? -1 : LinkedSection(anchor);
            if (child < 0 || depth >= MaxSchemaDepth) return new TypeSpec(TypeKind.Map, new TypeSpec(TypeKind.Any));
            var section = _sections[child];
            var table = SubTable(section, "### Dictionary Keys", "Input Type", "Key");
            TypeSpec? values = null;
            var named = false;
            if (table is { } t)
            {
                var keyCol = ColumnIndex(t.Header, "Key");
                var inputCol = ColumnIndex(t.Header, "Input Type");
                var notesCol = ColumnIndex(t.Header, "Notes");
                foreach (var row in t.Rows)
                {
                    if (row.Cells.Count <= Math.Max(keyCol, inputCol)) continue;
                    var key = CellText(row.Cells[keyCol].Text, out var keyAnchor);
                    if (keyAnchor is not { Length: > 1 } || keyAnchor[0] != '#') keyAnchor = null;
                    var notes = notesCol >= 0 && notesCol < row.Cells.Count ? row.Cells[notesCol].Text : string.Empty;
                    var shape = ShapeOf(row.Cells[inputCol].Text, notes, keyAnchor, depth + 1, owner, out _);
                    if (key == AdditionalKey) values = shape.Type;
                    else named = true;
                }
            }
            ReadAllOf(section, depth + 1, owner, new List<RawProperty>());
            if (named) return new TypeSpec(TypeKind.Any);
            return new TypeSpec(TypeKind.Map, values ?? new TypeSpec(TypeKind.Any));
        }

        private static TypeKind StringKind(string text, string notes)
        {
            if (HasToken(text, "datetime") || notes.IndexOf("RFC-3339 date-time", StringComparison.Ordinal) >= 0) return TypeKind.DateTime;
            if (HasToken(text, "date") || notes.IndexOf("RFC-3339 full-date", StringComparison.Ordinal) >= 0) return TypeKind.Date;
            if (HasToken(text, "uuid.UUID") || notes.IndexOf("value must be a uuid", StringComparison.Ordinal) >= 0) return TypeKind.Uuid;
            return TypeKind.String;
        }

        private static TypeKind NumberKind(string text, string notes)
        {
            if (notes.IndexOf("32 bit integer", StringComparison.Ordinal) >= 0) return TypeKind.Int32;
            if (notes.IndexOf("64 bit integer", StringComparison.Ordinal) >= 0) return TypeKind.Int64;
            if (notes.IndexOf("32 bit float", StringComparison.Ordinal) >= 0) return TypeKind.Float;
            if (notes.IndexOf("64 bit float", StringComparison.Ordinal) >= 0) return TypeKind.Double;
            return HasToken(text, "float") ? TypeKind.Number : TypeKind.Integer;
        }

        /// <summary><c>must be one of ["a", "b", None, ]</c>: python literals, a trailing comma; null is nullability, not a value.</summary>
        private static void ReadEnumNote(string notes, SchemaShape shape)
        {
            const string marker = "must be one of [";
            var at = notes.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) return;
            var values = new List<string>();
            var i = at + marker.Length;
            var text = true;
            while (i < notes.Length)
            {
                while (i < notes.Length && (notes[i] == ' ' || notes[i] == ',')) i++;
                if (i >= notes.Length || notes[i] == ']') break;
                if (notes[i] == '"' || notes[i] == '\'')
                {
                    var literal = PythonString(notes, ref i);
                    if (literal is null) return;
                    values.Add(HtmlEntities.Decode(literal));
                    continue;
                }
                var start = i;
                while (i < notes.Length && notes[i] != ',' && notes[i] != ']') i++;
                var token = notes.Substring(start, i - start).Trim();
                if (token == "None") shape.Nullable = true;
                else if (token.Length > 0)
                {
                    values.Add(token);
                    text = false;
                }
            }
            shape.EnumValues = values;
            shape.EnumIsText = text;
        }

        /// <summary>A quoted python literal from <paramref name="i"/>; <c>\n</c>-style escapes kept as written (the docs print repr text).</summary>
        private static string? PythonString(string s, ref int i)
        {
            var quote = s[i++];
            var sb = new StringBuilder();
            while (i < s.Length && s[i] != quote)
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    sb.Append(s[i + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var c => c });
                    i += 2;
                    continue;
                }
                sb.Append(s[i++]);
            }
            if (i >= s.Length) return null;
            i++;
            return sb.ToString();
        }

        /// <summary><c>if omitted the server will use the default value of "red"</c> (a python literal) as the default's text.</summary>
        private static string? OmittedDefault(string notes)
        {
            const string marker = "if omitted the server will use the default value of ";
            var at = notes.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) return null;
            var value = HtmlEntities.Decode(notes.Substring(at + marker.Length).Trim());
            return value switch
            {
                "True" => "true",
                "False" => "false",
                "None" => null,
                _ => Strings.Unquote(value),
            };
        }

        /// <summary>Whether a comma list of python types (<c>str, date,</c>) has <paramref name="token"/>.</summary>
        private static bool HasToken(string list, string token)
        {
            for (var at = list.IndexOf(token, StringComparison.Ordinal); at >= 0; at = list.IndexOf(token, at + 1, StringComparison.Ordinal))
            {
                var before = at == 0 || list[at - 1] == ' ' || list[at - 1] == ',';
                var end = at + token.Length;
                var after = end == list.Length || list[end] == ',' || list[end] == ' ';
                if (before && after) return true;
            }
            return false;
        }

        private static TypeSpec ReplaceInnermost(TypeSpec type, TypeSpec inner)
            => type.Element is null ? inner : type with { Element = ReplaceInnermost(type.Element, inner) };
    }
}
