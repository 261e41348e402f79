using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing;

/// <summary>One language's doc dialect: its option value, what its docs carry, and the signs that it wrote a doc.</summary>
internal sealed class DialectInfo(Dialect dialect, string name, bool enumValues, bool sizes, bool required, string[] markers)
{
    public Dialect Dialect { get; } = dialect;

    /// <summary>The <c>ModelDocsDialect</c> value (OpenAPI Generator's generator name where there is one).</summary>
    public string Name { get; } = name;

    /// <summary>What the doc's Name column holds (<see cref="DialectNames"/>, which Inference reads too).</summary>
    public NameColumn Names => DialectNames.Of(Dialect);

    /// <summary>Enum values are listed (an enum table, bullets or "Allowed values"), not only named.</summary>
    public bool ListsEnumValues { get; } = enumValues;

    /// <summary>Integer and float sizes are stated (int32 vs int64, float vs double).</summary>
    public bool StatesSizes { get; } = sizes;

    /// <summary>The Notes column says <c>[optional]</c>, so required properties are known.</summary>
    public bool StatesRequired { get; } = required;

    /// <summary>
    /// Signs that this language wrote a doc. <c>kind:text</c>, kind one of <c>type^</c> (a Type cell starts
    /// with), <c>type~</c> (contains), <c>type=</c> (is), <c>type$</c> (ends with), <c>title^</c>,
    /// <c>title~</c>, <c>fence=</c> (a code block's language), <c>text~</c> (any line contains);
    /// a leading <c>?</c> makes it a weak sign (several languages share it).
    /// </summary>
    public string[] Markers { get; } = markers;
}

/// <summary>
/// The languages OpenAPI Generator writes model docs in, as data (see the README's dialect table).
/// Detection scores each language by the signs a doc shows; a doc whose signs are weak takes the
/// dialect most docs of its folder show (<see cref="FolderVote"/>), since one SDK's docs folder is
/// written by one generator.
/// </summary>
internal static class Dialects
{
    public static readonly DialectInfo[] All =
    {
        new(Dialect.Python, "python", false, false, true, new[]
        {
            "type^List[", "type^Dict[", "type^Optional[", "type~StrictStr", "type~StrictInt", "type~StrictFloat", "type~StrictBool", "type=bytearray",
            "type^Union[", "type^Annotated[", "fence=python", "?type=str", "?type=int", "?type=float", "?type=datetime", "?type=object",
        }),
        new(Dialect.PythonLegacy, "python-legacy", false, false, true, new[] { "type^list[", "type^dict(" }),
        new(Dialect.PythonPrior, "python-prior", false, false, true, new[]
        {
            "type~none_type", "type~{str: (", "type=file_type", "type^[str", "type^[int", "type^[float", "type^[bool", "type^[date", "type~, none_type",
        }),
        // The 6.x python generator's schema sections (MarkdownDocReader.SchemaSections): read by their layout, no type signs needed.
        new(Dialect.PythonV6, "python-v6", true, true, true, new[] { "text~## Model Type Info" }),
        new(Dialect.Java, "java", true, true, true, new[]
        {
            "type~java.", "type~@Valid", "enumtable", "?type=Long", "?type=BigDecimal", "?type=OffsetDateTime", "?type=LocalDate", "?type^Map<String, ",
            "?type^List<", "?type^Set<", "?type=Integer", "?type=UUID", "?type=Object",
        }),
        new(Dialect.Kotlin, "kotlin", true, true, true, new[] { "type~kotlin.", "type=inline", "text~<a name=\"" }),
        new(Dialect.Scala, "scala", true, true, true, new[] { "type^Seq<", "type^Seq[", "text~Allowed values: [" }),
        new(Dialect.Go, "go", false, true, true, new[]
        {
            "raw^Pointer to ", "type^[]", "type^map[string]", "type=int32", "type=int64", "type=float32", "type=float64", "type=time.Time",
            "type~interface{}", "text~### Get", "text~func (o *",
        }),
        new(Dialect.Ruby, "ruby", false, false, true, new[]
        {
            "fence=ruby", "type^Hash<", "type=Time", "?type^Array<", "?type=Integer", "?type=Float", "?type=Boolean", "?type=Object", "?title~::",
        }),
        new(Dialect.Php, "php", false, true, true, new[]
        {
            "title^# # ", "type^\\", "type^array<", "type=mixed", "?type$[]", "type^map[string,", "fence=php", "type=\\SplFileObject",
        }),
        new(Dialect.TypeScript, "typescript", false, false, true, new[]
        {
            "type~{ [key: string]:", "fence=typescript", "?type^Array<", "?type=number", "?type=boolean", "?type=string", "?type=any",
        }),
        new(Dialect.TypeScriptFetch, "typescript-fetch", false, false, false, new[] { "nodescription", "backtickednames" }),
        new(Dialect.JavaScript, "javascript", true, false, true, new[]
        {
            "type^{String: ", "type^[Number]", "type^[Object]", "type^[Boolean]", "type^[[Number", "fence=javascript", "?type=Number",
            "?type=Object", "?enumbullets", "?title~.",
        }),
        new(Dialect.CSharp, "csharp", false, true, true, new[]
        {
            "title~.Model.", "type^Dictionary<", "type^List<string", "type^List<int", "type^List<long", "type^List<decimal", "type=decimal", "type=Guid",
            "type=DateOnly", "type=FileParameter", "type=System.IO.Stream", "type=ulong", "type=uint", "?type=long", "?type=DateTime", "?type=double",
        }),
        new(Dialect.PowerShell, "powershell", false, true, true, new[]
        {
            "fence=powershell", "type~System.", "type=SystemCollectionsHashtable", "?type=Int32", "?type=Int64",
        }),
        new(Dialect.Rust, "rust", false, true, true, new[]
        {
            "type^Option<", "type^Vec<", "type~models::", "type=i32", "type=i64", "type=f32", "type=f64", "type=u8", "type=u32", "type=u64",
            "type~serde_json::", "type~swagger::", "type~std::collections::", "type~chrono::", "type~uuid::Uuid",
        }),
        new(Dialect.Swift, "swift", false, true, true, new[]
        {
            "type^[String: ", "type^[String:", "type=AnyCodable", "type=JSONValue", "type^[Int", "type^[Double", "type^[Bool", "type^[[Int",
            "fence=swift", "?type=URL", "?type=Data", "?type=Int64", "?type=Double", "?type=Bool", "?type=Int",
        }),
        new(Dialect.Dart, "dart", false, false, true, new[]
        {
            "fence=dart", "title~.model.", "type^BuiltList<", "type^BuiltMap<", "type^BuiltSet<", "type=num", "type=JsonObject", "type=MultipartFile",
            "type=Uint8List",
        }),
        new(Dialect.C, "c", false, false, true, new[] { "type~list_t", "type~char \\*", "type=char", "title$_t", "type$_t", "type$_e" }),
        new(Dialect.ObjC, "objc", false, false, true, new[] { "type^NS", "fence=objc" }),
        new(Dialect.Perl, "perl", false, false, true, new[] { "fence=perl", "title^# WWW::", "type^ARRAY[", "type^HASH[", "type=DATE_TIME", "type=DATE" }),
        new(Dialect.R, "r", false, false, true, new[] { "type=character", "type=numeric", "type^array[character", "type=data.frame", "type^map(", "text~[Max: ", "text~[Min: " }),
        new(Dialect.Julia, "julia", false, true, true, new[] { "type^Vector{", "type^Dict{", "type=ZonedDateTime", "text~[default to nothing]" }),
        new(Dialect.Eiffel, "eiffel", false, true, true, new[]
        {
            "type=INTEGER_32", "type=INTEGER_64", "type~STRING_32", "type^LIST [", "type^STRING_TABLE [", "type=REAL_32", "type=REAL_64", "type=BOOLEAN", "type=ANY",
        }),
        new(Dialect.Bash, "bash", false, false, true, new[] { "type^map[String, ", "type^array[", "type=map", "?type=integer", "?type=binary" }),
        new(Dialect.GraphQL, "graphql", false, true, true, new[] { "type$!" }),
    };

    private static readonly Dictionary<Dialect, DialectInfo> ByDialect = Index();

    private static Dictionary<Dialect, DialectInfo> Index()
    {
        var d = new Dictionary<Dialect, DialectInfo>();
        foreach (var info in All) d[info.Dialect] = info;
        return d;
    }

    public static DialectInfo? Of(Dialect dialect) => ByDialect.TryGetValue(dialect, out var info) ? info : null;

    /// <summary>The <c>ModelDocsDialect</c> value, e.g. <c>python-prior</c>; dashes, underscores and case are ignored, and a few aliases are known.</summary>
    public static Dialect Parse(string? value)
    {
        var v = Normalize(value);
        if (v.Length == 0 || v == "auto") return Dialect.Auto;
        foreach (var info in All)
        {
            if (Normalize(info.Name) == v) return info.Dialect;
        }
        return v switch
        {
            "pydantic" or "pythonpydanticv1" or "pythonnextgen" => Dialect.Python,
            "pythonexperimental" or "python6" => Dialect.PythonV6,
            "csharpnetcore" or "csharpgenerichost" or "cs" or "dotnet" => Dialect.CSharp,
            "golang" => Dialect.Go,
            "ts" or "typescriptaxios" or "typescriptnode" or "typescriptangular" => Dialect.TypeScript,
            "js" => Dialect.JavaScript,
            "kt" => Dialect.Kotlin,
            "objectivec" => Dialect.ObjC,
            _ => Dialect.Auto,
        };
    }

    private static string Normalize(string? value) => (value ?? string.Empty).Replace("-", "").Replace("_", "").Replace(" ", "").Trim().ToLowerInvariant();

    /// <summary>What a doc shows about the language that wrote it.</summary>
    internal sealed class Evidence
    {
        public string Title = string.Empty;
        public List<string> RawTypes = new();
        public List<string> Types = new();
        public List<string> Names = new();
        public List<string> Fences = new();
        public HashSet<string> TextHits = new(StringComparer.Ordinal);
        public bool HasDescriptionColumn = true;
        public bool HasEnumTables;
        public bool HasEnumBullets;
    }

    private static readonly string[] TextMarkers = TextMarkersOf();

    private static string[] TextMarkersOf()
    {
        var list = new List<string>();
        foreach (var info in All)
        {
            foreach (var m in info.Markers)
            {
                var t = m.TrimStart('?');
                if (t.StartsWith("text~", StringComparison.Ordinal)) list.Add(t.Substring(5));
            }
        }
        return list.ToArray();
    }

    /// <summary>Notes which <c>text~</c> signs a line outside code blocks shows.</summary>
    public static void NoteLine(Evidence e, string line)
    {
        foreach (var m in TextMarkers)
        {
            if (line.IndexOf(m, StringComparison.Ordinal) >= 0) e.TextHits.Add(m);
        }
    }

    /// <summary>One markdown doc's say in its folder's dialect.</summary>
    internal sealed record Vote(string Folder, Dialect Dialect, int Score);

    /// <summary>The dialect of a folder of docs.</summary>
    internal sealed record FolderDialect(string Folder, Dialect Dialect);

    public static string FolderOf(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path.Substring(0, slash) : string.Empty;
    }

    /// <summary>
    /// Each folder's dialect: the one most docs clearly show (a score of at least <see cref="Strong"/>);
    /// in a folder where none does, the one with the highest total score. Ties go to the earlier row of <see cref="All"/>.
    /// </summary>
    public static EquatableArray<FolderDialect> FolderVote(IEnumerable<Vote> votes)
    {
        var strong = new Dictionary<string, Dictionary<Dialect, int>>(StringComparer.Ordinal);
        var weak = new Dictionary<string, Dictionary<Dialect, int>>(StringComparer.Ordinal);
        foreach (var v in votes)
        {
            var table = v.Score >= Strong ? strong : weak;
            if (!table.TryGetValue(v.Folder, out var counts)) table[v.Folder] = counts = new Dictionary<Dialect, int>();
            counts.TryGetValue(v.Dialect, out var n);
            counts[v.Dialect] = n + (v.Score >= Strong ? 1 : v.Score);
        }
        var result = new List<FolderDialect>();
        var folders = new SortedSet<string>(strong.Keys, StringComparer.Ordinal);
        folders.UnionWith(weak.Keys);
        foreach (var folder in folders)
        {
            var counts = strong.TryGetValue(folder, out var s) ? s : weak[folder];
            Dialect? best = null;
            var bestCount = 0;
            foreach (var info in All)
            {
                if (counts.TryGetValue(info.Dialect, out var n) && n > bestCount)
                {
                    best = info.Dialect;
                    bestCount = n;
                }
            }
            if (best is { } b) result.Add(new FolderDialect(folder, b));
        }
        return result.ToEquatableArray();
    }

    /// <summary>A detected doc that showed its language only weakly takes its folder's dialect (types re-read with it).</summary>
    public static DocumentSpec ApplyFolder(DocumentSpec doc, EquatableArray<FolderDialect> folders)
    {
        if (doc.JsonKey is not null || doc.Options.Dialect != Dialect.Auto || doc.DialectScore >= Strong) return doc;
        var folder = FolderOf(doc.FilePath);
        Dialect? dialect = null;
        foreach (var f in folders)
        {
            if (string.Equals(f.Folder, folder, StringComparison.Ordinal)) dialect = f.Dialect;
        }
        if (dialect is not { } d || d == doc.Dialect) return doc;
        var properties = new List<RawProperty>(doc.Properties.Count);
        foreach (var p in doc.Properties)
        {
            properties.Add(p.TypeText is null ? p : p with { Type = MarkdownDocReader.TypeOf(p.TypeText, p.TypeLink, d, out _) });
        }
        return doc with { Dialect = d, Properties = properties.ToEquatableArray() };
    }

    /// <summary>A markdown doc whose Name column is not the wire name, for <see cref="NamingNotice"/>.</summary>
    internal sealed record NamingNote(Dialect Dialect, WireNaming Policy, string FilePath, LocationInfo Title);

    public static NamingNote? NoteOf(DocumentSpec doc)
        => doc.JsonKey is null && Of(doc.Dialect) is { Names: not NameColumn.WireName }
            ? new NamingNote(doc.Dialect, doc.Options.WireNaming, doc.FilePath, doc.TitleLocation)
            : null;

    /// <summary>
    /// MD1029, once per compilation: which dialects leave wire names to the naming policy (and enums to
    /// prose), the policy in force and the option that changes it; at the first such doc's title.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> NamingNotice(IEnumerable<NamingNote> notes)
    {
        var list = new List<NamingNote>(notes);
        if (list.Count == 0) return EquatableArray<DiagnosticInfo>.Empty;
        list.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        var dialects = new List<string>();
        var policies = new List<string>();
        var noEnums = new List<string>();
        foreach (var n in list)
        {
            var info = Of(n.Dialect)!;
            if (!dialects.Contains(info.Name)) dialects.Add(info.Name);
            var policy = PolicyName(n.Policy);
            if (!policies.Contains(policy)) policies.Add(policy);
            if (!info.ListsEnumValues && !noEnums.Contains(info.Name)) noEnums.Add(info.Name);
        }
        var first = list[0];
        var count = list.Count == 1 ? "1 doc" : list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " docs";
        var where = $"{count}, e.g. {Paths.FileName(first.FilePath)}";
        var enums = noEnums.Count == 0 ? string.Empty : $". {string.Join(", ", noEnums)} docs also do not list enum values: enums come from the descriptions' prose only";
        return new EquatableArray<DiagnosticInfo>(new[]
        {
            DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.DialectLimits, first.Title, string.Join(", ", dialects), where, string.Join("/", policies), enums),
        });
    }

    private static string PolicyName(WireNaming policy) => policy switch
    {
        WireNaming.AsWritten => "as-written",
        WireNaming.PascalCase => "PascalCase",
        WireNaming.SnakeCase => "snake_case",
        _ => "camelCase",
    };

    /// <summary>Weight of a sign that only one language shows; a weak sign counts one.</summary>
    public const int Strong = 10;

    /// <summary>The best-scoring language and its score (0 when nothing was seen).</summary>
    public static (Dialect Dialect, int Score) Detect(Evidence e)
    {
        var best = Dialect.Python;
        var bestScore = 0;
        foreach (var info in All)
        {
            var score = 0;
            foreach (var marker in info.Markers)
            {
                var weak = marker[0] == '?';
                var m = weak ? marker.Substring(1) : marker;
                if (Shows(e, m)) score += weak ? 1 : Strong;
            }
            if (score > bestScore)
            {
                best = info.Dialect;
                bestScore = score;
            }
        }
        return (best, bestScore);
    }

    private static bool Shows(Evidence e, string marker)
    {
        switch (marker)
        {
            case "enumtable": return e.HasEnumTables;
            case "enumbullets": return e.HasEnumBullets;
            case "nodescription": return !e.HasDescriptionColumn;
            case "backtickednames": return e.Names.Count > 0 && e.Names.TrueForAll(n => n.StartsWith("`", StringComparison.Ordinal));
        }
        var split = marker.IndexOfAny(new[] { '^', '~', '=', '$' });
        if (split <= 0) return false;
        var kind = marker.Substring(0, split);
        var op = marker[split];
        var text = marker.Substring(split + 1);
        switch (kind)
        {
            case "type": return Any(e.Types, op, text);
            case "raw": return Any(e.RawTypes, op, text);
            case "title": return Match(e.Title, op, text);
            case "fence": return Any(e.Fences, op, text);
            case "text": return e.TextHits.Contains(text);
        }
        return false;
    }

    private static bool Any(List<string> values, char op, string text)
    {
        foreach (var v in values)
        {
            if (Match(v, op, text)) return true;
        }
        return false;
    }

    private static bool Match(string value, char op, string text) => op switch
    {
        '^' => value.StartsWith(text, StringComparison.Ordinal),
        '~' => value.IndexOf(text, StringComparison.Ordinal) >= 0,
        '=' => string.Equals(value, text, StringComparison.Ordinal),
        '$' => value.EndsWith(text, StringComparison.Ordinal),
        _ => false,
    };
}
