using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing;

/// <summary>
/// Reads one markdown model doc written by OpenAPI Generator (any of its doc dialects) into a
/// <see cref="DocumentSpec"/>. A file is a model doc when it has a <c>## Properties</c> section or an
/// <c>## Enum</c> section outside code fences; anything else (API docs, READMEs) is skipped without a
/// diagnostic. Never throws for bad input: problems become diagnostics located in the doc.
/// </summary>
internal static class MarkdownDocReader
{
    public static DocumentResult Read(string path, SourceText text, GeneratorOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return new Reader(path, text, options, cancellationToken).Run();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug, not bad input: keep the other docs generating and say where it happened.
            var location = LocationInfo.From(path, text, new TextSpan(0, Math.Min(1, text.Length)));
            var diag = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, StemOf(path), ex.GetType().Name, ex.Message);
            return new DocumentResult(null, new EquatableArray<DiagnosticInfo>(new[] { diag }));
        }
    }

    internal static string StemOf(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        var name = slash >= 0 ? path.Substring(slash + 1) : path;
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private readonly struct Cell
    {
        public Cell(string text, int start, int length)
        {
            Text = text;
            Start = start;
            Length = length;
        }

        public string Text { get; }
        public int Start { get; }
        public int Length { get; }
    }

    private sealed class Row
    {
        public Row(TextLine line, List<Cell> cells)
        {
            Line = line;
            Cells = cells;
        }

        public TextLine Line { get; }
        public List<Cell> Cells { get; }
    }

    private sealed class Reader
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
            _docName = StemOf(path);
        }

        public DocumentResult Run()
        {
            var lines = _text.Lines;
            string? title = null;
            var titleLine = -1;
            var description = new StringBuilder();
            var inDescription = false;
            var propertiesHeading = -1;
            var enumHeading = -1;
            var enumTables = new List<int>();
            var hasMethods = false;
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
                    inFence = !inFence;
                    inDescription = false;
                    continue;
                }
                if (inFence) continue;

                if (head.StartsWith("# ", StringComparison.Ordinal) && title is null)
                {
                    title = head;
                    titleLine = i;
                    inDescription = true;
                    continue;
                }
                if (head.StartsWith("#", StringComparison.Ordinal))
                {
                    inDescription = false;
                    var heading = head.TrimStart('#').Trim();
                    if (head.StartsWith("## ", StringComparison.Ordinal))
                    {
                        if (heading.Equals("Properties", StringComparison.OrdinalIgnoreCase) && propertiesHeading < 0) propertiesHeading = i;
                        else if (heading.Equals("Enum", StringComparison.OrdinalIgnoreCase) && enumHeading < 0) enumHeading = i;
                        else if (heading.StartsWith("Enum:", StringComparison.OrdinalIgnoreCase)) enumTables.Add(i);
                        else if (heading.Equals("Methods", StringComparison.OrdinalIgnoreCase)) hasMethods = true;
                    }
                    continue;
                }
                if (inDescription && head.Length > 0 && !head.StartsWith("[[", StringComparison.Ordinal))
                {
                    if (description.Length > 0) description.Append(' ');
                    description.Append(_text.ToString(line.Span).Trim());
                }
            }

            if (propertiesHeading < 0 && enumHeading < 0) return new DocumentResult(null, EquatableArray<DiagnosticInfo>.Empty);

            var typeName = TitleToName(title) ?? _docName;
            var titleLocation = titleLine >= 0 ? LineLocation(lines[titleLine]) : LocationInfo.From(_path, _text, new TextSpan(0, 0));

            var rows = new List<Row>();
            List<Cell>? header = null;
            if (propertiesHeading >= 0)
            {
                header = ReadTable(propertiesHeading + 1, rows);
                if (header is null) Report(DiagnosticDescriptors.MissingTable, LineLocation(lines[propertiesHeading]), _docName);
            }

            var enumSections = new List<RawEnum>();
            if (enumHeading >= 0) enumSections.Add(ReadEnumBullets(enumHeading));
            foreach (var t in enumTables)
            {
                var section = ReadEnumTable(t);
                if (section is not null) enumSections.Add(section);
            }

            var dialect = _options.Dialect != Dialect.Auto ? _options.Dialect : DetectDialect(title, header, rows, hasMethods, enumTables.Count > 0);
            var properties = header is null ? new List<RawProperty>() : ReadProperties(header, rows, dialect);

            var kind = propertiesHeading < 0 && enumHeading >= 0 ? DocumentKind.Enum : DocumentKind.Model;
            var desc = description.Length == 0 ? null : HtmlEntities.Decode(description.ToString());
            var doc = new DocumentSpec(_path, _docName, typeName, kind, dialect, desc, _options,
                properties.ToEquatableArray(), enumSections.ToEquatableArray(), titleLocation);
            return new DocumentResult(doc, _diagnostics.ToEquatableArray());
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
        private List<Cell>? ReadTable(int start, List<Row> rows, string secondColumn = "Type")
        {
            var lines = _text.Lines;
            var i = start;
            while (i < lines.Count && Prefix(lines[i], 200).Trim().Length == 0) i++;
            if (i >= lines.Count) return null;
            var headerLine = lines[i];
            if (Prefix(headerLine, 3).TrimStart().StartsWith("#", StringComparison.Ordinal)) return null;
            var header = SplitCells(_text.ToString(headerLine.Span));
            if (ColumnIndex(header, "Name") < 0 || ColumnIndex(header, secondColumn) < 0) return null;
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
                var rowLocation = LineLocation(row.Line);
                if (cells.Count <= Math.Max(nameCol, typeCol))
                {
                    Report(DiagnosticDescriptors.MalformedRow, rowLocation, _docName, $"it has {cells.Count} cell(s), fewer than the Name and Type columns need");
                    continue;
                }
                var name = CleanName(cells[nameCol].Text, dialect);
                if (name.Length == 0)
                {
                    Report(DiagnosticDescriptors.MalformedRow, rowLocation, _docName, "its Name cell is empty");
                    continue;
                }
                if (name.Length > 256)
                {
                    Report(DiagnosticDescriptors.MalformedRow, rowLocation, _docName, "its Name cell is longer than 256 characters");
                    continue;
                }

                string description;
                Cell notesCell;
                var notesPresent = notesCol >= 0;
                if (cells.Count == header.Count)
                {
                    description = descCol >= 0 ? cells[descCol].Text : string.Empty;
                    notesCell = notesCol >= 0 ? cells[notesCol] : new Cell(string.Empty, 0, 0);
                }
                else if (cells.Count > header.Count && descCol >= 0 && descCol == header.Count - 2 && notesCol == header.Count - 1)
                {
                    // Extra pipes inside the description: everything between Type and Notes is description.
                    var last = cells[cells.Count - 1];
                    var merged = new StringBuilder();
                    for (var c = descCol; c < cells.Count - 1; c++)
                    {
                        if (c > descCol) merged.Append(" | ");
                        merged.Append(cells[c].Text);
                    }
                    description = merged.ToString();
                    notesCell = last;
                    Report(DiagnosticDescriptors.CellCountMismatch, rowLocation, name, _docName, cells.Count, header.Count,
                        "the extra cells are read as part of the description (escape a literal pipe as \\|)");
                }
                else
                {
                    // GFM: a row with fewer cells than the header gets empty cells (OpenAPI Generator
                    // writes "| desc | " for a required property: the trailing pipe ends the row).
                    description = descCol >= 0 && descCol < cells.Count ? cells[descCol].Text : string.Empty;
                    notesCell = notesCol >= 0 && notesCol < cells.Count ? cells[notesCol] : new Cell(string.Empty, 0, 0);
                    if (cells.Count > header.Count)
                    {
                        Report(DiagnosticDescriptors.CellCountMismatch, rowLocation, name, _docName, cells.Count, header.Count,
                            "the cells past the header's are ignored (escape a literal pipe as \\|)");
                    }
                }

                var typeCell = cells[typeCol];
                var type = ReadTypeCell(typeCell.Text, dialect, out var typeText, out var typeError);
                var typeLocation = CellLocation(row.Line, typeCell);
                if (typeError is not null)
                {
                    Report(DiagnosticDescriptors.UnknownType, typeLocation, typeText ?? typeCell.Text, name, _docName, typeError);
                }

                var notes = notesCell.Text;
                // Dialects without a Notes column (typescript) do not say what is required: read as optional.
                var isOptional = !notesPresent || notes.IndexOf("[optional]", StringComparison.OrdinalIgnoreCase) >= 0
                                 || (dialect == Dialect.TypeScript && notesCol < 0);
                var isReadOnly = notes.IndexOf("[readonly]", StringComparison.OrdinalIgnoreCase) >= 0;
                var isDeprecated = notes.IndexOf("[deprecated]", StringComparison.OrdinalIgnoreCase) >= 0
                                   || description.StartsWith("**Deprecated**", StringComparison.OrdinalIgnoreCase)
                                   || description.StartsWith("Deprecated", StringComparison.Ordinal);
                var defaultText = ReadDefault(notes);

                result.Add(new RawProperty(
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
                    notesPresent ? CellLocation(row.Line, notesCell) : rowLocation));
            }
            return result;
        }

        private static string CleanName(string cell, Dialect dialect)
        {
            var s = HtmlEntities.Decode(cell).Replace("**", "").Replace("`", "").Trim();
            if (s.Length > 4 && s.StartsWith("__", StringComparison.Ordinal) && s.EndsWith("__", StringComparison.Ordinal)) s = s.Substring(2, s.Length - 4);
            // The typescript generator escapes reserved words with '_' (`_return`); the wire name is the word.
            if (dialect == Dialect.TypeScript && s.Length > 1 && s[0] == '_' && TypeScriptReserved.Contains(s.Substring(1))) s = s.Substring(1);
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

        /// <summary>Type cell: optional <c>Pointer to</c>, optional link, bold text; returns the type and the link target.</summary>
        private static TypeSpec ReadTypeCell(string cell, Dialect dialect, out string? typeText, out string? error)
        {
            var s = cell.Trim();
            if (s.StartsWith("Pointer to ", StringComparison.Ordinal)) s = s.Substring("Pointer to ".Length).Trim();
            string? link = null;
            if (s.StartsWith("[", StringComparison.Ordinal) && s.EndsWith(")", StringComparison.Ordinal))
            {
                var mid = s.LastIndexOf("](", StringComparison.Ordinal);
                if (mid > 0)
                {
                    link = s.Substring(mid + 2, s.Length - mid - 3).Trim();
                    s = s.Substring(1, mid - 1);
                }
            }
            s = HtmlEntities.Decode(s.Replace("**", "").Replace("`", "")).Trim();
            typeText = s;
            var type = TypeGrammar.Parse(s, dialect, out error);
            var target = LinkTarget(link);
            if (target is not null)
            {
                type = AttachLink(type, target);
            }
            return type;
        }

        private static string? LinkTarget(string? link)
        {
            if (string.IsNullOrEmpty(link)) return null;
            var l = HtmlEntities.Decode(link!);
            if (l.StartsWith("#", StringComparison.Ordinal)) return l;
            var hash = l.IndexOf('#');
            if (hash >= 0) l = l.Substring(0, hash);
            if (!l.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return null;
            var stem = StemOf(l);
            // python-legacy links "object" to ".md": no target.
            return stem.Length == 0 || stem.StartsWith(".", StringComparison.Ordinal) ? null : stem;
        }

        /// <summary>The link names the doc of the innermost referenced type; primitives ignore it.</summary>
        private static TypeSpec AttachLink(TypeSpec type, string target)
        {
            if (type.Element is not null) return type with { Element = AttachLink(type.Element, target) };
            if (type.Kind == TypeKind.Reference) return type with { Link = target };
            return type;
        }

        private RawEnum ReadEnumBullets(int heading)
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
                values.Add(new RawEnumValue(name ?? value, Unquote(HtmlEntities.Decode(value))));
            }
            return new RawEnum(_docName, values.ToEquatableArray(), LineLocation(lines[heading]));
        }

        private RawEnum? ReadEnumTable(int heading)
        {
            var lines = _text.Lines;
            var name = HtmlEntities.Decode(Prefix(lines[heading], 300).TrimStart('#').Trim().Substring("Enum:".Length).Trim());
            var rows = new List<Row>();
            var header = ReadTable(heading + 1, rows, "Value");
            if (header is null) return null;
            var valueCol = ColumnIndex(header, "Value");
            var nameCol = ColumnIndex(header, "Name");
            if (valueCol < 0) return null;
            var values = new List<RawEnumValue>();
            foreach (var row in rows)
            {
                if (row.Cells.Count <= valueCol) continue;
                var value = Unquote(HtmlEntities.Decode(row.Cells[valueCol].Text.Trim()));
                var member = nameCol >= 0 && nameCol < row.Cells.Count ? row.Cells[nameCol].Text.Trim() : value;
                values.Add(new RawEnumValue(member, value));
            }
            return new RawEnum(name, values.ToEquatableArray(), LineLocation(lines[heading]));
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

        private static string Unquote(string s)
        {
            s = s.Trim();
            if (s.Length >= 2 && (s[0] == '\'' || s[0] == '"') && s[s.Length - 1] == s[0]) return s.Substring(1, s.Length - 2);
            return s;
        }

        /// <summary>
        /// Guesses which OpenAPI Generator language wrote the doc, from its title, table shape and
        /// type spellings. It matters for spellings whose meaning differs (<c>int</c>, <c>float</c>,
        /// <c>Integer</c>, <c>Date</c>) and for whether the Name column already is the wire name.
        /// The ModelDocsDialect option overrides it.
        /// </summary>
        private Dialect DetectDialect(string? title, List<Cell>? header, List<Row> rows, bool hasMethods, bool hasEnumTables)
        {
            var t = title ?? string.Empty;
            var raw = new List<string>();
            var types = new List<string>();
            var names = new List<string>();
            if (header is not null)
            {
                var typeCol = ColumnIndex(header, "Type");
                var nameCol = ColumnIndex(header, "Name");
                foreach (var r in rows)
                {
                    if (typeCol < r.Cells.Count)
                    {
                        raw.Add(r.Cells[typeCol].Text);
                        ReadTypeCell(r.Cells[typeCol].Text, Dialect.Python, out var text, out _);
                        types.Add(text ?? string.Empty);
                    }
                    if (nameCol < r.Cells.Count) names.Add(r.Cells[nameCol].Text);
                }
            }
            bool Any(List<string> list, Func<string, bool> f)
            {
                foreach (var x in list)
                {
                    if (f(x)) return true;
                }
                return false;
            }
            bool Starts(string p) => Any(types, x => x.StartsWith(p, StringComparison.Ordinal));
            bool Has(string p) => Any(types, x => x.IndexOf(p, StringComparison.Ordinal) >= 0);
            bool Is(params string[] exact) => Any(types, x => Array.IndexOf(exact, x) >= 0);

            if (hasMethods || Any(raw, x => x.StartsWith("Pointer to ", StringComparison.Ordinal)) || Starts("[]") || Starts("map[")
                || Is("int64", "int32", "float32", "float64", "time.Time", "interface{}"))
                return Dialect.Go;
            if (t.StartsWith("# # ", StringComparison.Ordinal) || Has("\\") || Starts("array<") || Is("mixed", "mixed[]", "string[]", "int[]", "float[]", "object[]", "bool[]"))
                return Dialect.Php;
            if (t.Contains(".Model.") || Is("long", "decimal", "DateTime", "Guid", "double") || Has("Dictionary<") || Has("List<string>") || Has("List<long>") || Has("List<int>"))
                return Dialect.CSharp;
            if (t.Contains("::") || Has("Hash<") || (Is("Integer", "Time", "Float") && !Is("Long", "BigDecimal", "OffsetDateTime")))
                return Dialect.Ruby;
            if ((header is not null && ColumnIndex(header, "Description") < 0) || (names.Count > 0 && names.TrueForAll(n => n.StartsWith("`", StringComparison.Ordinal))))
                return Dialect.TypeScript;
            if (Has("Array<") || (Is("String", "Boolean", "Object") && Any(names, n => n.IndexOf('_') > 0 && n.ToLowerInvariant() == n)))
                return Dialect.Ruby;
            if (hasEnumTables || Is("Long", "BigDecimal", "OffsetDateTime", "LocalDate") || Has("Map<") || Has("List<String>") || Has("List<Long>"))
                return Dialect.Java;
            if (Has("list[") || Has("dict("))
                return Dialect.PythonLegacy;
            if (Is("String", "Boolean") && !Has("["))
                return Dialect.Java;
            return Dialect.Python;
        }
    }
}
