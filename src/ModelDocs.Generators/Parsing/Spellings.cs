using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing;

internal enum GenericKind { List, Map, Wrapper, Union, DateTime, Any }

/// <summary>
/// How OpenAPI Generator's languages spell types in their model docs, as data: the type mappings of
/// each generator (its <c>typeMapping</c>, <c>instantiationTypes</c> and the docs template's wrappers)
/// folded into one table, since a spelling means the same in every language that uses it; the few
/// that do not are in <see cref="Ambiguous"/>, decided by the doc's <see cref="Dialect"/>.
/// Lookups are exact (case-sensitive) first; qualified names are also tried by their last segment.
/// </summary>
internal static class Spellings
{
    /// <summary>The items of a bare container (<c>dict</c>, <c>list_t</c>): the one instance, so a link can tell them from a spelled <c>Object</c>.</summary>
    internal static readonly TypeSpec Unspelled = new(TypeKind.Any);

    private static readonly Dictionary<string, TypeSpec> Exact = Build();

    private static Dictionary<string, TypeSpec> Build()
    {
        var d = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
        void Add(TypeKind kind, params string[] names)
        {
            foreach (var n in names) d[n] = new TypeSpec(kind);
        }
        void AddContainer(TypeKind kind, params string[] names)
        {
            foreach (var n in names) d[n] = new TypeSpec(kind, Unspelled);
        }

        Add(TypeKind.String,
            "str", "string", "String", "StrictStr", "char", "Character", "character", "NSString", "STRING", "STRING_8", "STRING_32",
            "ID", "Text", "URI", "URL", "NSURL", "java.net.URI", "java.net.URL", "Uri", "System.Uri", "SecureString", "email", "EmailStr", "AnyUrl", "HttpUrl");
        Add(TypeKind.Int32,
            "int32", "Int32", "Int", "short", "Short", "int16", "Int16", "i8", "i16", "i32", "u8", "u16", "Byte", "byte", "sbyte", "SByte", "UInt8", "Int8",
            "INTEGER_8", "INTEGER_16", "INTEGER_32", "NATURAL_8", "NATURAL_16", "int32_t", "System.Int32", "Int32?", "kotlin.Int");
        Add(TypeKind.Int64,
            "int64", "Int64", "long", "Long", "i64", "u32", "uint", "uint32", "UInt32", "INTEGER_64", "NATURAL_32", "int64_t", "long long", "System.Int64");
        Add(TypeKind.Integer,
            "integer", "StrictInt", "BigInteger", "Fixnum", "Bignum", "u64", "uint64", "ulong", "UInt64", "u128", "i128", "NATURAL_64", "BigInt", "bigint", "java.math.BigInteger");
        Add(TypeKind.Number,
            "number", "Number", "num", "Numeric", "numeric", "BigDecimal", "java.math.BigDecimal", "StrictFloat", "NSNumber", "float32", "Real", "REAL");
        Add(TypeKind.Float, "Single", "single", "f32", "Float32", "REAL_32", "System.Single");
        Add(TypeKind.Double, "double", "Double", "float64", "Float64", "f64", "REAL_64", "System.Double");
        Add(TypeKind.Decimal, "decimal", "Decimal", "System.Decimal");
        Add(TypeKind.Boolean, "bool", "Bool", "boolean", "Boolean", "StrictBool", "BOOLEAN", "System.Boolean", "kotlin.Boolean");
        Add(TypeKind.Date, "OpenAPIDateWithoutTime", "date", "LocalDate", "DateOnly", "DATE", "NaiveDate", "chrono::NaiveDate", "java.time.LocalDate", "org.joda.time.LocalDate");
        Add(TypeKind.DateTime,
            "datetime", "DateTime", "OffsetDateTime", "time.Time", "Time", "DateTimeOffset", "LocalDateTime", "Instant", "ZonedDateTime", "DATE_TIME",
            "NSDate", "Datetime", "System.DateTime", "System.DateTimeOffset", "java.util.Date", "java.time.OffsetDateTime", "java.time.LocalDateTime", "java.time.Instant",
            "java.time.ZonedDateTime", "org.joda.time.DateTime", "Timestamp", "timestamp", "NaiveDateTime", "chrono::NaiveDateTime", "DateTime.DateTime");
        Add(TypeKind.Uuid, "UUID", "uuid", "Guid", "uuid.UUID", "Uuid", "uuid::Uuid", "java.util.UUID", "System.Guid");
        Add(TypeKind.Bytes,
            "bytes", "bytearray", "byte[]", "ByteArray", "kotlin.ByteArray", "File", "file", "file_type", "Blob", "os.File", "*os.File", "SplFileObject",
            "Stream", "System.IO.Stream", "StrictBytes", "binary", "Data", "java.io.File", "MultipartFile", "Uint8List", "Buffer", "FileParameter",
            "System.IO.FileInfo", "FileInfo", "HttpFile", "std::path::PathBuf", "PathBuf", "swagger::ByteArray", "binary_t", "data.frame", "ArrayBuffer",
            "InputStream", "java.io.InputStream", "AsyncFile", "Resource", "FILE", "ARRAY [NATURAL_8]", "System.Byte[]", "SystemByte", "org.springframework.core.io.Resource", "AnyCodableData", "IO", "FileIO", "URLSearchParams");
        Add(TypeKind.Any,
            "object", "Object", "AnyType", "any", "Any", "ANY", "interface{}", "mixed", "JsonElement", "JsonNode", "JToken", "dynamic", "unknown",
            "serde_json::Value", "AnyCodable", "JSONValue", "JsonValue", "JsonObject", "kotlin.Any", "java.lang.Object", "object_t", "System.Object",
            "Json", "JSON", "Value", "AnyValue", "void", "SerdeValue");
        // Free-form objects and arrays with no element type.
        AddContainer(TypeKind.Map,
            "dict", "Dict", "map", "Map", "Hash", "HashMap", "Hashtable", "System.Collections.Hashtable", "SystemCollectionsHashtable", "java.util.Map",
            "NSDictionary", "Record<string, any>", "map[string]interface{}", "HASH", "STRING_TABLE", "kotlin.collections.Map", "Dictionary", "BuiltMap", "Mapping");
        AddContainer(TypeKind.List,
            "list", "List", "array", "Array", "Vec", "Vector", "NSArray", "list_t", "java.util.List", "ARRAY", "LIST", "Seq", "Set", "set", "kotlin.collections.List", "BuiltList", "tuple");
        return d;
    }

    /// <summary>Spellings whose meaning depends on the language (the rest of the table is the same everywhere).</summary>
    internal static TypeKind? Ambiguous(string name, Dialect dialect) => name switch
    {
        // C#, C, objc: 32 bits; python, perl, dart, bash, php: an integer of unstated size.
        "int" => dialect is Dialect.CSharp or Dialect.C or Dialect.ObjC or Dialect.PowerShell ? TypeKind.Int32 : TypeKind.Integer,
        // C#, C, java, kotlin, swift: 32-bit; python, ruby, php, bash: any number.
        "float" => dialect is Dialect.CSharp or Dialect.C or Dialect.ObjC ? TypeKind.Float : TypeKind.Number,
        "Float" => dialect is Dialect.Java or Dialect.Kotlin or Dialect.Scala or Dialect.Swift or Dialect.GraphQL ? (dialect == Dialect.GraphQL ? TypeKind.Double : TypeKind.Float) : TypeKind.Number,
        // java, scala: java.lang.Integer (32 bits); ruby: any integer.
        "Integer" => dialect is Dialect.Java or Dialect.Scala or Dialect.Kotlin ? TypeKind.Int32 : TypeKind.Integer,
        // ruby: Date is a date; typescript, javascript, java (java.util.Date), swift, dart: a timestamp.
        "Date" => dialect is Dialect.Ruby or Dialect.Julia ? TypeKind.Date : TypeKind.DateTime,
        _ => null,
    };

    /// <summary>The names of generic types by what they mean (the type grammar reads their arguments).</summary>
    private static readonly Dictionary<string, GenericKind> Generics = Index(
        (GenericKind.List, new[]
        {
            "List", "list", "Array", "array", "Set", "set", "Seq", "Sequence", "IEnumerable", "Collection", "IList",
            "ICollection", "IReadOnlyList", "IReadOnlyCollection", "ISet", "HashSet", "Vec", "VecDeque", "BTreeSet",
            "Vector", "ArrayList", "LinkedHashSet", "LinkedList", "Iterable", "MutableList", "MutableSet", "ImmutableList",
            "NSArray", "NSSet", "NSMutableArray", "BuiltList", "BuiltSet", "ARRAY", "LIST", "ARRAYED_LIST", "SET",
            "frozenset", "Tuple", "conlist", "Iterator"
        }),
        (GenericKind.Map, new[]
        {
            "Dict", "dict", "Map", "map", "Hash", "Dictionary", "IDictionary", "IReadOnlyDictionary", "Record", "HashMap",
            "BTreeMap", "IndexMap", "LinkedHashMap", "TreeMap", "MutableMap", "ImmutableMap", "Mapping", "NSDictionary",
            "NSMutableDictionary", "BuiltMap", "HASH", "STRING_TABLE", "HASH_TABLE", "Hashtable", "ConcurrentDictionary"
        }),
        (GenericKind.Wrapper, new[]
        {
            "Option", "Optional", "Nullable", "Maybe", "JsonNullable", "Box", "Annotated", "Arc", "Rc", "Lazy", "Partial",
            "Readonly", "Promise", "Future", "ForeignKey"
        }),
        (GenericKind.Union, new[] { "Union", "OneOf", "Either" }),
        (GenericKind.DateTime, new[] { "DateTime" }));

    private static Dictionary<string, GenericKind> Index(params (GenericKind Kind, string[] Names)[] rows)
    {
        var d = new Dictionary<string, GenericKind>(StringComparer.Ordinal);
        foreach (var (kind, names) in rows)
            foreach (var name in names) d.Add(name, kind);
        return d;
    }

    /// <summary>What a generic's name means, by its full name or its last segment (<c>java.util.List</c>, <c>std::collections::HashMap</c>).</summary>
    internal static GenericKind? Generic(string name)
    {
        if (Generics.TryGetValue(name, out var kind)) return kind;
        var last = LastSegment(name);
        return last.Length < name.Length && Generics.TryGetValue(last, out kind) ? kind : null;
    }

    /// <summary>A whole spelling: a primitive, "any value" or a bare container; null when the table does not have it.</summary>
    internal static TypeSpec? Lookup(string name, Dialect dialect)
    {
        if (Ambiguous(name, dialect) is { } ambiguous) return new TypeSpec(ambiguous);
        if (Exact.TryGetValue(name, out var spec)) return spec;
        // php: \DateTime, \SplFileObject (a namespaced model, \Ns\Model\Pet, is a reference).
        if (name.Length > 1 && name[0] == '\\' && name.IndexOf('\\', 1) < 0) return Lookup(name.Substring(1), dialect);
        return null;
    }

    internal static bool IsNull(string name) => name is "none_type" or "None" or "NoneType" or "null" or "nil" or "undefined" or "Null" or "NULL" or "Nothing" or "nothing";

    /// <summary><c>java.util.List</c> → <c>List</c>, <c>crate::models::Tag</c> → <c>Tag</c>, <c>\Ns\Pet</c> → <c>Pet</c>.</summary>
    internal static string LastSegment(string name)
    {
        var cut = Math.Max(Math.Max(name.LastIndexOf('\\'), name.LastIndexOf('.')), name.LastIndexOf(':'));
        var s = cut >= 0 && cut < name.Length - 1 ? name.Substring(cut + 1) : name;
        return s.Trim();
    }
}
