using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing;

/// <summary>
/// Reads one markdown model doc written by OpenAPI Generator (any of its doc dialects) into a
/// <see cref="DocumentSpec"/>. A file is a model doc when it has a <c>## Properties</c> section or an
/// <c>## Enum</c> section outside code fences; anything else (API docs, READMEs) is skipped without a
/// diagnostic. Never throws for bad input: problems become diagnostics located in the doc.
/// </summary>
internal static partial class MarkdownDocReader
{
    public static DocumentResult Read(string path, SourceText text, GeneratorOptions options, CancellationToken cancellationToken)
    {
        // A bug, not bad input: keep the other docs generating and say where it happened.
        return InternalErrors.Guard(Paths.Stem(path), LocationInfo.From(path, text, new TextSpan(0, Math.Min(1, text.Length))), cancellationToken,
            () => new Reader(path, text, options, cancellationToken).Run(),
            error => new DocumentResult(null, new EquatableArray<DiagnosticInfo>(new[] { error })));
    }

    /// <summary>A Type cell's text (links removed) and link target as the neutral type, in <paramref name="dialect"/>.</summary>
    internal static TypeSpec TypeOf(string typeText, string? link, Dialect dialect, out string? error) => Reader.TypeOf(typeText, link, dialect, out error);

    private readonly struct Cell(string text, int start, int length)
    {
        public string Text { get; } = text;
        public int Start { get; } = start;
        public int Length { get; } = length;
    }

    private sealed class Row(TextLine line, List<Cell> cells)
    {
        public TextLine Line { get; } = line;
        public List<Cell> Cells { get; } = cells;
    }

    private sealed partial class Reader
    {
        private readonly string _path;
        private readonly SourceText _text;
        private readonly GeneratorOptions _options;
        private readonly CancellationToken _ct;
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private readonly string _docName;

        public Reader(string path, SourceText text, GeneratorOptions options, CancellationToken ct)
        {
            _path = path;
            _text = text;
            _options = options;
            _ct = ct;
            _docName = Paths.Stem(path);
        }

        /// <summary>Reads the doc: its outline, then the property table, the enum sections and the dialect.</summary>
        public DocumentResult Run()
        {
            var lines = _text.Lines;
            var o = ScanOutline();
            if (o.PropertiesHeading < 0 && o.EnumHeading < 0)
            {
                // python 6.x: schema sections ("## Model Type Info", "### Dictionary Keys") instead of a property table.
                return o.HasModelTypeInfo && o.TitleLine >= 0
                    ? ReadSchemaSections(o.TitleLine, o.Description.Length == 0 ? null : HtmlEntities.Decode(o.Description.ToString()))
                    : new DocumentResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            var typeName = ModelNameOf(o.Title);
            var titleLocation = o.TitleLine >= 0 ? LineLocation(lines[o.TitleLine]) : LocationInfo.From(_path, _text, new TextSpan(0, 0));

            var rows = new List<Row>();
            List<Cell>? header = null;
            if (o.PropertiesHeading >= 0)
            {
                header = ReadTable(o.PropertiesHeading + 1, rows);
                if (header is null) Report(DiagnosticDescriptors.MissingTable, LineLocation(lines[o.PropertiesHeading]), _docName);
            }
            var enumSections = ReadEnumSections(o);

            var score = 0;
            var dialect = _options.Dialect;
            if (dialect == Dialect.Auto)
            {
                CollectEvidence(o.Evidence, o.Title, header, rows);
                (dialect, score) = Dialects.Detect(o.Evidence);
            }
            var properties = header is null ? new List<RawProperty>() : ReadProperties(header, rows, dialect);

            var kind = o.PropertiesHeading < 0 && o.EnumHeading >= 0 ? DocumentKind.Enum : DocumentKind.Model;
            var desc = o.Description.Length == 0 ? null : HtmlEntities.Decode(o.Description.ToString());
            var doc = new DocumentSpec(_path, _docName, typeName, kind, dialect, desc, _options,
                properties.ToEquatableArray(), enumSections.ToEquatableArray(), titleLocation, DialectScore: score);
            return new DocumentResult(doc, _diagnostics.ToEquatableArray());
        }

        /// <summary>What a first pass over the doc's lines found: the title, the description under it, where the sections are, and dialect evidence.</summary>
        private sealed class Outline
        {
            public string? Title { get; set; }
            public int TitleLine { get; set; } = -1;
            public StringBuilder Description { get; } = new();
            public int PropertiesHeading { get; set; } = -1;
            public int EnumHeading { get; set; } = -1;
            public bool HasModelTypeInfo { get; set; }
            public List<int> EnumTables { get; } = new();
            public Dictionary<int, string> Anchors { get; } = new();
            public Dialects.Evidence Evidence { get; } = new();
        }

        /// <summary>
        /// One pass over the lines (fenced code skipped, but its language noted): the title, the description
        /// paragraphs under it, the section headings and kotlin's anchors before them, and dialect evidence.
        /// </summary>
        private Outline ScanOutline()
        {
            var lines = _text.Lines;
            var o = new Outline();
            string? pendingAnchor = null;
            var inDescription = false;
            var inFence = false;
            for (var i = 0; i < lines.Count; i++)
            {
                if ((i & 255) == 0) _ct.ThrowIfCancellationRequested();
                var line = lines[i];
                // Headings and fences are short; never materialise a huge line just to look at its start.
                var head = Prefix(line, 200).TrimEnd();
                var trimmed = head.TrimStart();
                if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                {
                    if (!inFence && trimmed.Length > 3) o.Evidence.Fences.Add(trimmed.Substring(3).Trim().ToLowerInvariant());
                    inFence = !inFence;
                    inDescription = false;
                    continue;
                }
                if (inFence) continue;
                Dialects.NoteLine(o.Evidence, head);
                // kotlin: <a name="StatusEnum"></a> right before "## Enum: status" names the section for links.
                if (trimmed.StartsWith("<a name=\"", StringComparison.OrdinalIgnoreCase))
                {
                    var close = trimmed.IndexOf('"', 9);
                    if (close > 9) pendingAnchor = trimmed.Substring(9, close - 9);
                    continue;
                }

                if (head.StartsWith("# ", StringComparison.Ordinal) && o.Title is null)
                {
                    o.Title = head;
                    o.TitleLine = i;
                    inDescription = true;
                    continue;
                }
                if (head.StartsWith("#", StringComparison.Ordinal))
                {
                    inDescription = false;
                    NoteSection(o, head, i, pendingAnchor);
                    pendingAnchor = null;
                    continue;
                }
                if (inDescription && head.Length > 0 && !head.StartsWith("[[", StringComparison.Ordinal))
                {
                    if (o.Description.Length > 0) o.Description.Append(' ');
                    o.Description.Append(_text.ToString(line.Span).Trim());
                }
            }
            return o;
        }

        /// <summary>
        /// Notes a "## " heading at line <paramref name="i"/>: the first Properties or Enum section, Model Type
        /// Info, or an enum table section (with the anchor just before it).
        /// </summary>
        private static void NoteSection(Outline o, string head, int i, string? pendingAnchor)
        {
            if (!head.StartsWith("## ", StringComparison.Ordinal)) return;
            var heading = head.TrimStart('#').Trim();
            if (heading.Equals("Properties", StringComparison.OrdinalIgnoreCase) && o.PropertiesHeading < 0) o.PropertiesHeading = i;
            else if (heading.Equals(ModelTypeInfo, StringComparison.OrdinalIgnoreCase)) o.HasModelTypeInfo = true;
            else if (heading.Equals("Enum", StringComparison.OrdinalIgnoreCase) && o.EnumHeading < 0) o.EnumHeading = i;
            else if (heading.StartsWith("Enum:", StringComparison.OrdinalIgnoreCase))
            {
                o.EnumTables.Add(i);
                if (pendingAnchor is not null) o.Anchors[i] = pendingAnchor;
            }
            // java-micronaut: "## StatusEnum" over a Name | Value table (read only if that table is there).
            else if (TypeGrammar.IsIdentifier(heading)) o.EnumTables.Add(i);
        }

        /// <summary>The model's name: the title's last segment (the doc's name without a usable title, or for C's "# pet_t" in pet.md).</summary>
        private string ModelNameOf(string? title)
        {
            var typeName = TitleToName(title) ?? _docName;
            // C: "# pet_t" documents pet.md; the model is the doc's name.
            if (typeName.Length == _docName.Length + 2 && typeName.EndsWith("_t", StringComparison.Ordinal)
                && typeName.StartsWith(_docName, StringComparison.OrdinalIgnoreCase)) typeName = _docName;
            return typeName;
        }

        /// <summary>The enum sections: the "## Enum" bullet list, then each enum table section that has a table.</summary>
        private List<RawEnum> ReadEnumSections(Outline o)
        {
            var enumSections = new List<RawEnum>();
            if (o.EnumHeading >= 0) enumSections.Add(ReadEnumBullets(o.EnumHeading));
            foreach (var t in o.EnumTables)
            {
                var section = ReadEnumSection(t, o.Anchors.TryGetValue(t, out var anchor) ? anchor : null, o.Evidence);
                if (section is not null) enumSections.Add(section);
            }
            return enumSections;
        }

        private string Prefix(TextLine line, int max)
            => _text.ToString(new TextSpan(line.Start, Math.Min(max, line.End - line.Start)));

        private LocationInfo LineLocation(TextLine line) => LocationInfo.From(_path, _text, line.Span);

        private LocationInfo CellLocation(TextLine line, Cell cell)
            => LocationInfo.From(_path, _text, new TextSpan(line.Start + cell.Start, cell.Length));

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params object?[] args)
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

        private static string? TitleToName(string? title)
        {
            if (title is null) return null;
            var s = title.Trim();
            while (s.StartsWith("#", StringComparison.Ordinal)) s = s.TrimStart('#').Trim();
            s = s.Replace("**", "").Replace("`", "").Trim();
            // TalonOne::CartItem, TalonOneSdk.Model.CartItem, \Ns\CartItem: the last segment names the type.
            var colons = s.LastIndexOf("::", StringComparison.Ordinal);
            var cut = Math.Max(colons < 0 ? -1 : colons + 1, Math.Max(s.LastIndexOf('.'), s.LastIndexOf('\\')));
            if (cut >= 0 && cut < s.Length - 1) s = s.Substring(cut + 1);
            s = s.Trim();
            if (s.Length == 0 || s.Length > 200) return null;
            foreach (var c in s)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_')) return null;
            }
            return s;
        }

        /// <summary>Reads a pipe table starting at or after <paramref name="start"/>; returns its header cells.</summary>
        private List<Cell>? ReadTable(int start, List<Row> rows, string secondColumn = "Type", string? firstColumn = "Name")
        {
            var lines = _text.Lines;
            var i = start;
            while (i < lines.Count && Prefix(lines[i], 200).Trim().Length == 0) i++;
            if (i >= lines.Count) return null;
            var headerLine = lines[i];
            if (Prefix(headerLine, 3).TrimStart().StartsWith("#", StringComparison.Ordinal)) return null;
            var header = SplitCells(_text.ToString(headerLine.Span));
            if ((firstColumn is not null && ColumnIndex(header, firstColumn) < 0) || ColumnIndex(header, secondColumn) < 0) return null;
            i++;
            if (i >= lines.Count || !IsSeparator(SplitCells(Prefix(lines[i], 4096)))) return null;
            i++;
            for (; i < lines.Count; i++)
            {
                if ((i & 63) == 0) _ct.ThrowIfCancellationRequested();
                var line = lines[i];
                var head = Prefix(line, 8).Trim();
                if (head.Length == 0 || head.StartsWith("#", StringComparison.Ordinal)) break;
                var content = _text.ToString(line.Span);
                if (content.IndexOf('|') < 0) break;
                rows.Add(new Row(line, SplitCells(content)));
            }
            return header;
        }

        private static int ColumnIndex(List<Cell> header, string name)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Text.Trim(), name, StringComparison.OrdinalIgnoreCase)) return i;
            }
            return -1;
        }

        private static bool IsSeparator(List<Cell> cells)
        {
            if (cells.Count == 0) return false;
            foreach (var c in cells)
            {
                var t = c.Text.Trim().Trim(':');
                if (t.Length == 0) return false;
                foreach (var ch in t)
                {
                    if (ch != '-') return false;
                }
            }
            return true;
        }

        /// <summary>GFM cell split: unescaped pipes separate cells; a leading and a trailing pipe are optional.</summary>
        private static List<Cell> SplitCells(string line)
        {
            var cells = new List<Cell>();
            var sb = new StringBuilder();
            var cellStart = 0;
            var first = true;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '\\' && i + 1 < line.Length && line[i + 1] == '|')
                {
                    sb.Append('|');
                    i++;
                    continue;
                }
                if (c == '|')
                {
                    if (!(first && sb.ToString().Trim().Length == 0)) cells.Add(MakeCell(sb.ToString(), cellStart));
                    first = false;
                    sb.Clear();
                    cellStart = i + 1;
                    continue;
                }
                sb.Append(c);
            }
            if (sb.ToString().Trim().Length > 0 || cells.Count == 0) cells.Add(MakeCell(sb.ToString(), cellStart));
            return cells;
        }

        private static Cell MakeCell(string raw, int start)
        {
            var lead = raw.Length - raw.TrimStart().Length;
            var text = raw.Trim();
            return new Cell(text, start + lead, text.Length);
        }

        /// <summary>The property table's rows as properties, by the header's columns (malformed rows reported and skipped).</summary>
        private List<RawProperty> ReadProperties(List<Cell> header, List<Row> rows, Dialect dialect)
        {
            var nameCol = ColumnIndex(header, "Name");
            var typeCol = ColumnIndex(header, "Type");
            var descCol = ColumnIndex(header, "Description");
            var notesCol = ColumnIndex(header, "Notes");
            var result = new List<RawProperty>();

            foreach (var row in rows)
            {
                _ct.ThrowIfCancellationRequested();
                var cells = row.Cells;
                if (cells.Count > header.Count && typeCol < cells.Count) cells = MergeSplitType(cells, typeCol, header.Count);
                var rowLocation = LineLocation(row.Line);
                var name = RowName(cells, nameCol, typeCol, dialect, rowLocation);
                if (name is null) continue;
                // python-prior's additionalProperties row ("any string name" with the template's fixed text): the record keeps unknown members anyway.
                if (name == "any string name" && descCol >= 0 && descCol < cells.Count && cells[descCol].Text.StartsWith(AdditionalText, StringComparison.Ordinal)) continue;
                var description = RowDescription(cells, header.Count, descCol, notesCol, name, rowLocation, out var notesCell);
                result.Add(RowProperty(row, cells[typeCol], name, description, notesCell, notesCol >= 0, dialect, rowLocation));
            }
            return result;
        }

        /// <summary>The row's property name, cleaned for the dialect; null (reported as a malformed row) when the row is too short or the name empty or over 256 characters.</summary>
        private string? RowName(List<Cell> cells, int nameCol, int typeCol, Dialect dialect, LocationInfo rowLocation)
        {
            if (cells.Count <= Math.Max(nameCol, typeCol))
            {
                Report(DiagnosticDescriptors.MalformedRow, rowLocation, _docName, $"it has {cells.Count} cell(s), fewer than the Name and Type columns need");
                return null;
            }
            var name = CleanName(cells[nameCol].Text, dialect);
            if (name.Length == 0)
            {
                Report(DiagnosticDescriptors.MalformedRow, rowLocation, _docName, "its Name cell is empty");
                return null;
            }
            if (name.Length > 256)
            {
                Report(DiagnosticDescriptors.MalformedRow, rowLocation, _docName, "its Name cell is longer than 256 characters");
                return null;
            }
            return name;
        }

        /// <summary>
        /// The row's description and (out) Notes cell. Extra cells before a trailing Description | Notes pair are
        /// pipes inside the description (merged, reported); other extra cells are ignored (reported); missing cells are empty.
        /// </summary>
        private string RowDescription(List<Cell> cells, int headerCount, int descCol, int notesCol, string name, LocationInfo rowLocation, out Cell notesCell)
        {
            if (cells.Count == headerCount)
            {
                notesCell = notesCol >= 0 ? cells[notesCol] : new Cell(string.Empty, 0, 0);
                return descCol >= 0 ? cells[descCol].Text : string.Empty;
            }
            if (cells.Count > headerCount && descCol >= 0 && descCol == headerCount - 2 && notesCol == headerCount - 1)
            {
                // Extra pipes inside the description: everything between Type and Notes is description.
                var merged = new StringBuilder();
                for (var c = descCol; c < cells.Count - 1; c++)
                {
                    if (c > descCol) merged.Append(" | ");
                    merged.Append(cells[c].Text);
                }
                notesCell = cells[cells.Count - 1];
                Report(DiagnosticDescriptors.CellCountMismatch, rowLocation, name, _docName, cells.Count, headerCount,
                    "the extra cells are read as part of the description (escape a literal pipe as \\|)");
                return merged.ToString();
            }
            // GFM: a row with fewer cells than the header gets empty cells (OpenAPI Generator
            // writes "| desc | " for a required property: the trailing pipe ends the row).
            var description = descCol >= 0 && descCol < cells.Count ? cells[descCol].Text : string.Empty;
            notesCell = notesCol >= 0 && notesCol < cells.Count ? cells[notesCol] : new Cell(string.Empty, 0, 0);
            if (cells.Count > headerCount)
            {
                Report(DiagnosticDescriptors.CellCountMismatch, rowLocation, name, _docName, cells.Count, headerCount,
                    "the cells past the header's are ignored (escape a literal pipe as \\|)");
            }
            return description;
        }

        /// <summary>
        /// The row's property: its type (an unreadable Type cell is reported) and what the Notes say (optional,
        /// readonly, deprecated, default); a dialect that does not state what is required reads every property as optional.
        /// </summary>
        private RawProperty RowProperty(Row row, Cell typeCell, string name, string description, Cell notesCell, bool notesPresent, Dialect dialect, LocationInfo rowLocation)
        {
            var type = ReadTypeCell(typeCell.Text, dialect, out var typeText, out var typeLink, out var typeError);
            var typeLocation = CellLocation(row.Line, typeCell);
            if (typeError is not null)
            {
                Report(DiagnosticDescriptors.UnknownType, typeLocation, typeText ?? typeCell.Text, name, _docName, typeError);
            }

            var notes = notesCell.Text;
            // Dialects without a Notes column (typescript) do not say what is required: read as optional.
            var isOptional = !notesPresent || HasNote(notes, "optional") || Dialects.Of(dialect)?.StatesRequired == false;
            var isReadOnly = HasNote(notes, "readonly");
            var isDeprecated = notes.IndexOf("[deprecated]", StringComparison.OrdinalIgnoreCase) >= 0
                               || description.StartsWith("**Deprecated**", StringComparison.OrdinalIgnoreCase)
                               || description.StartsWith("Deprecated", StringComparison.Ordinal);
            var defaultText = ReadDefault(notes);

            return new RawProperty(
                name,
                type,
                typeText,
                HtmlEntities.Decode(description),
                isOptional,
                isReadOnly,
                isDeprecated,
                defaultText is null ? null : HtmlEntities.Decode(defaultText),
                rowLocation,
                typeLocation,
                notesPresent ? CellLocation(row.Line, notesCell) : rowLocation,
                TypeLink: typeLink);
        }

        /// <summary>
        /// typescript writes unions unescaped (<c>{ [key: string]: object | null; }</c>): a Type cell whose
        /// brackets do not close takes the following cells, pipes included, until they do.
        /// </summary>
        private static List<Cell> MergeSplitType(List<Cell> cells, int typeCol, int headerCount)
        {
            var open = Balance(HtmlEntities.Decode(cells[typeCol].Text));
            if (open <= 0) return cells;
            var last = typeCol;
            while (open > 0 && last + 1 < cells.Count && cells.Count - (last + 1 - typeCol) >= headerCount)
            {
                last++;
                open += Balance(HtmlEntities.Decode(cells[last].Text));
            }
            if (open != 0) return cells;
            var first = cells[typeCol];
            var end = cells[last].Start + cells[last].Length;
            var text = new StringBuilder(first.Text);
            for (var i = typeCol + 1; i <= last; i++) text.Append(" | ").Append(cells[i].Text);
            var merged = new List<Cell>(cells.Count - (last - typeCol));
            for (var i = 0; i < typeCol; i++) merged.Add(cells[i]);
            merged.Add(new Cell(text.ToString(), first.Start, end - first.Start));
            for (var i = last + 1; i < cells.Count; i++) merged.Add(cells[i]);
            return merged;
        }

        private static int Balance(string s)
        {
            var n = 0;
            foreach (var c in s)
            {
                if (c is '<' or '{' or '[' or '(') n++;
                else if (c is '>' or '}' or ']' or ')') n--;
            }
            return n;
        }

        private static string CleanName(string cell, Dialect dialect)
        {
            var s = HtmlEntities.Decode(cell).Replace("**", "").Replace("`", "").Trim();
            if (s.Length > 4 && s.StartsWith("__", StringComparison.Ordinal) && s.EndsWith("__", StringComparison.Ordinal)) s = s.Substring(2, s.Length - 4);
            // The typescript generator escapes reserved words with '_' (`_return`); the wire name is the word.
            if (dialect is Dialect.TypeScript or Dialect.TypeScriptFetch or Dialect.JavaScript && s.Length > 1 && s[0] == '_' && TypeScriptReserved.Contains(s.Substring(1))) s = s.Substring(1);
            return s.Trim();
        }

        private static readonly HashSet<string> TypeScriptReserved = new(StringComparer.Ordinal)
        {
            "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
            "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
            "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
            "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "await",
        };

        private static string? ReadDefault(string notes)
        {
            const string marker = "[default to ";
            var at = notes.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return null;
            var start = at + marker.Length;
            // The value ends at the last ']' that is followed by the end, whitespace or another note.
            var end = -1;
            for (var i = start; i < notes.Length; i++)
            {
                if (notes[i] != ']') continue;
                var next = i + 1 < notes.Length ? notes[i + 1] : ' ';
                if (next == ' ' || next == '[' || next == '\t')
                {
                    end = i;
                    break;
                }
            }
            if (end < 0) return null;
            return notes.Substring(start, end - start).Trim();
        }

        /// <summary>Type cell: links anywhere in it (<c>Option&lt;[**models::Tag**](Tag.md)&gt;</c>), bold and code marks, entities.</summary>
        private static TypeSpec ReadTypeCell(string cell, Dialect dialect, out string? typeText, out string? link, out string? error)
        {
            typeText = CellText(cell, out var rawLink);
            link = LinkTarget(rawLink);
            return TypeOf(typeText, link, dialect, out error);
        }

        /// <summary>A Type cell's text (links removed) and its link target as the neutral type.</summary>
        internal static TypeSpec TypeOf(string typeText, string? link, Dialect dialect, out string? error)
        {
            // kotlin: [**inline**](#kotlin.collections.Map<kotlin.String, InnerEnum>): the anchor is the type.
            if (typeText == "inline" && link is { Length: > 1 } && link[0] == '#' && link.IndexOfAny(GenericOpeners) > 0)
            {
                var anchored = TypeGrammar.Parse(HtmlEntities.Decode(link.Substring(1)), dialect, out error);
                // The in-doc link stays on the item: an enum section names it, or it is an unlisted inline enum (a string).
                if (error is null) return AttachLink(anchored, link, dialect);
            }
            var type = TypeGrammar.Parse(typeText, dialect, out error, link is null || link.StartsWith("#", StringComparison.Ordinal) ? null : link);
            return link is null ? type : AttachLink(type, link, dialect);
        }

        private static readonly char[] GenericOpeners = { '<', '[', '{' };

        /// <summary>The cell's text with markdown links replaced by their text (the first link's target is returned), emphasis and entities removed.</summary>
        private static string CellText(string cell, out string? link)
        {
            link = null;
            var s = cell.Trim();
            // Link scanning looks for each '[' 's match: a cell longer than any type is no type (the grammar says so), so skip it.
            if (s.Length > TypeGrammar.MaxLength) return s;
            var sb = new StringBuilder(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == '[')
                {
                    var close = MatchingBracket(s, i, '[', ']');
                    if (close > i && close + 1 < s.Length && s[close + 1] == '(')
                    {
                        var end = MatchingBracket(s, close + 1, '(', ')');
                        if (end > close)
                        {
                            link ??= s.Substring(close + 2, end - close - 2).Trim();
                            sb.Append(s, i + 1, close - i - 1);
                            i = end;
                            continue;
                        }
                    }
                }
                sb.Append(s[i]);
            }
            return HtmlEntities.Decode(sb.ToString().Replace("**", "").Replace("`", "")).Trim();
        }

        private static int MatchingBracket(string s, int open, char o, char c)
        {
            var depth = 0;
            for (var i = open; i < s.Length; i++)
            {
                if (s[i] == o) depth++;
                else if (s[i] == c && --depth == 0) return i;
            }
            return -1;
        }

        internal static string? LinkTarget(string? link)
        {
            if (string.IsNullOrEmpty(link)) return null;
            var l = HtmlEntities.Decode(link!);
            if (l.StartsWith("#", StringComparison.Ordinal)) return l;
            var hash = l.IndexOf('#');
            if (hash >= 0) l = l.Substring(0, hash);
            if (!l.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return null;
            var stem = Paths.Stem(l);
            // python-legacy links "object" to ".md": no target.
            return stem.Length == 0 || stem.StartsWith(".", StringComparison.Ordinal) ? null : stem;
        }

        /// <summary>
        /// The link names the doc of the innermost referenced type; primitives ignore it. A container whose
        /// items the cell does not spell (C's <c>[**list_t**](tag.md)</c>) holds the linked doc's model.
        /// </summary>
        private static TypeSpec AttachLink(TypeSpec type, string target, Dialect dialect)
        {
            if (type.Element is not null)
            {
                if (ReferenceEquals(type.Element, Spellings.Unspelled) && !target.StartsWith("#", StringComparison.Ordinal))
                    return type with { Element = new TypeSpec(TypeKind.Reference, Name: target, Link: target, Spelled: SpelledAs(target, target, dialect)) };
                return type with { Element = AttachLink(type.Element, target, dialect) };
            }
            if (type.Kind != TypeKind.Reference) return type;
            return type with { Link = target, Spelled = SpelledAs(type.Name, target, dialect) };
        }

        /// <summary>
        /// What a linked name spells in the dialect, for a link to a doc the SDK may not ship (bash's
        /// <c>[**Decimal**](Decimal.md)</c>, ktorm's <c>[**java.time.LocalDateTime**](java.time.LocalDateTime.md)</c>,
        /// powershell's <c>AnyType.md</c>): the resolver falls back to it. Scalars only; in-doc anchors never.
        /// </summary>
        private static TypeSpec? SpelledAs(string? name, string target, Dialect dialect)
            => target.StartsWith("#", StringComparison.Ordinal) ? null
                : Spellings.Lookup(name ?? string.Empty, dialect) is { Kind: not TypeKind.Map and not TypeKind.List } s ? s : null;

        private RawEnum ReadEnumBullets(int heading) => new(_docName, ReadBullets(heading).ToEquatableArray(), LineLocation(_text.Lines[heading]));

        /// <summary><c>* `NAME` (value: `'v'`)</c> bullets under a heading, up to the next heading.</summary>
        private List<RawEnumValue> ReadBullets(int heading)
        {
            var lines = _text.Lines;
            var values = new List<RawEnumValue>();
            for (var i = heading + 1; i < lines.Count; i++)
            {
                var head = Prefix(lines[i], 3);
                if (head.StartsWith("#", StringComparison.Ordinal)) break;
                var s = _text.ToString(lines[i].Span).Trim();
                if (!s.StartsWith("* ", StringComparison.Ordinal) && !s.StartsWith("- ", StringComparison.Ordinal)) continue;
                // * `NAME` (value: `'v'`)
                var name = BetweenBackticks(s, 0, out var after);
                var valueAt = s.IndexOf("(value:", StringComparison.Ordinal);
                string? value = null;
                if (valueAt >= 0) value = BetweenBackticks(s, valueAt, out _);
                if (value is null) value = name;
                if (value is null) continue;
                values.Add(new RawEnumValue(name ?? value, Strings.Unquote(HtmlEntities.Decode(value))));
            }
            return values;
        }

        /// <summary>
        /// A <c>## Enum: X</c> section, in any of the shapes the languages write: a <c>Name | Value</c> table
        /// with a value per row (java) or a comma list in one row (kotlin), bullets (javascript), or an
        /// <c>Allowed values: [a, b]</c> line (scala). <paramref name="anchor"/> is the HTML anchor before the
        /// heading, which links use when the heading names the wire property (kotlin).
        /// </summary>
        private RawEnum? ReadEnumSection(int heading, string? anchor, Dialects.Evidence evidence)
        {
            var lines = _text.Lines;
            var title = HtmlEntities.Decode(Prefix(lines[heading], 300).TrimStart('#').Trim());
            var labelled = title.StartsWith("Enum:", StringComparison.OrdinalIgnoreCase);
            var name = labelled ? title.Substring("Enum:".Length).Trim() : title;
            var location = LineLocation(lines[heading]);
            var values = new List<RawEnumValue>();
            var rows = new List<Row>();
            var header = ReadTable(heading + 1, rows, "Value");
            if (header is not null)
            {
                var valueCol = ColumnIndex(header, "Value");
                var nameCol = ColumnIndex(header, "Name");
                foreach (var row in rows)
                {
                    if (row.Cells.Count <= valueCol) continue;
                    // java-micronaut writes each value as code: `"UPPER"`.
                    var cell = HtmlEntities.Decode(row.Cells[valueCol].Text.Trim().Trim('`'));
                    var member = nameCol >= 0 && nameCol < row.Cells.Count ? row.Cells[nameCol].Text.Trim() : null;
                    if (IsQuoted(cell))
                    {
                        evidence.HasEnumTables = true;
                        values.Add(new RawEnumValue(member ?? Strings.Unquote(cell), Strings.Unquote(cell)));
                    }
                    else if (cell.IndexOf(',') >= 0)
                    {
                        foreach (var v in SplitList(cell)) values.Add(new RawEnumValue(v, v));
                    }
                    else if (cell.Length > 0)
                    {
                        values.Add(new RawEnumValue(member ?? cell, cell));
                    }
                }
                return new RawEnum(name, values.ToEquatableArray(), location, anchor);
            }
            // A heading without "Enum:" is an enum section only by its Name | Value table.
            if (!labelled) return null;
            for (var i = heading + 1; i < lines.Count; i++)
            {
                var head = Prefix(lines[i], 3);
                if (head.StartsWith("#", StringComparison.Ordinal)) break;
                var text = HtmlEntities.Decode(Prefix(lines[i], 100_000).Trim());
                const string allowed = "Allowed values:";
                if (text.StartsWith(allowed, StringComparison.OrdinalIgnoreCase))
                {
                    var list = text.Substring(allowed.Length).Trim().TrimStart('[').TrimEnd(']');
                    foreach (var v in SplitList(list)) values.Add(new RawEnumValue(v, v));
                    return new RawEnum(name, values.ToEquatableArray(), location, anchor);
                }
            }
            var bullets = ReadBullets(heading);
            if (bullets.Count == 0) return null;
            evidence.HasEnumBullets = true;
            return new RawEnum(name, bullets.ToEquatableArray(), location, anchor);
        }

        /// <summary>A Notes flag: <c>[optional]</c>, or java-micronaut's <c>[optional property]</c>.</summary>
        private static bool HasNote(string notes, string flag)
            => notes.IndexOf("[" + flag + "]", StringComparison.OrdinalIgnoreCase) >= 0
               || notes.IndexOf("[" + flag + " property]", StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool IsQuoted(string s) => s.Length >= 2 && (s[0] == '"' || s[0] == '\'') && s[s.Length - 1] == s[0];

        private static List<string> SplitList(string list)
        {
            var result = new List<string>();
            foreach (var part in list.Split(','))
            {
                var v = Strings.Unquote(part.Trim());
                if (v.Length > 0) result.Add(v);
            }
            return result;
        }

        private static string? BetweenBackticks(string s, int from, out int after)
        {
            after = from;
            var open = s.IndexOf('`', from);
            if (open < 0) return null;
            var close = s.IndexOf('`', open + 1);
            if (close < 0) return null;
            after = close + 1;
            return s.Substring(open + 1, close - open - 1);
        }

        /// <summary>
        /// What the doc shows about the language that wrote it (title, table shape, type spellings), for
        /// <see cref="Dialects.Detect"/>. The first 200 rows are enough.
        /// </summary>
        private void CollectEvidence(Dialects.Evidence e, string? title, List<Cell>? header, List<Row> rows)
        {
            e.Title = title ?? string.Empty;
            if (header is null) return;
            var typeCol = ColumnIndex(header, "Type");
            var nameCol = ColumnIndex(header, "Name");
            e.HasDescriptionColumn = ColumnIndex(header, "Description") >= 0;
            for (var i = 0; i < rows.Count && i < 200; i++)
            {
                var r = rows[i];
                if (typeCol < r.Cells.Count)
                {
                    var raw = r.Cells[typeCol].Text;
                    e.RawTypes.Add(raw);
                    e.Types.Add(TypeGrammar.Peel(CellText(raw, out _)));
                }
                if (nameCol < r.Cells.Count) e.Names.Add(r.Cells[nameCol].Text);
            }
        }
    }
}
