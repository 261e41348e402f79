using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing.Json;

/// <summary>
/// A JSON Schema (draft-07, 2019-09, 2020-12), OpenAPI 3.x or Swagger 2.0 document → one
/// <see cref="DocumentSpec"/> per schema that becomes a type (records for objects, enums for string
/// enums; inline object properties become records of their own). Schemas that are not objects or enums
/// (arrays, maps, primitives, unions) are aliases: a local <c>$ref</c> to one is replaced by its type.
/// JSON that is none of these (appsettings.json, package.json) gives nothing and no diagnostic.
/// Every walk is bounded: the tree by <see cref="JsonReader.MaxDepth"/>, types by <see cref="MaxTypeDepth"/>,
/// <c>allOf</c>/<c>$ref</c> chains by visited sets; inline models go through a work queue, not recursion.
/// </summary>
internal sealed partial class JsonDocReader
{
    public const int MaxTypeDepth = 32;

    /// <summary>More cases than this stay <c>JsonElement</c> (MD1022): no API documents such a union to be read by shape.</summary>
    public const int MaxUnionCases = 32;

    private const string JsonElementNote = "it is generated as System.Text.Json.JsonElement";

    private enum Format { None, JsonSchema, OpenApi3, Swagger2 }

    private enum SchemaKind { Model, Enum, Alias, Union }

    private sealed class Named(string pointer, string name, JsonNode node, SchemaKind kind, string typeName)
    {
        public string Pointer { get; } = pointer;
        public string Name { get; } = name;
        public JsonNode Node { get; } = node;
        public SchemaKind Kind { get; } = kind;
        public string TypeName { get; } = typeName;
    }

    private readonly string _path;
    private readonly SourceText _text;
    private readonly GeneratorOptions _options;
    private readonly CancellationToken _ct;
    private readonly string _keyPrefix;
    private readonly string _fileName;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<DocumentSpec> _documents = new();
    private readonly Dictionary<JsonNode, Named> _byNode = new();
    private readonly Dictionary<string, Named> _byPointer = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly Queue<Named> _queue = new();
    private JsonNode _root = null!;

    private JsonDocReader(string path, SourceText text, GeneratorOptions options, CancellationToken ct)
    {
        _path = path;
        _text = text;
        _options = options;
        _ct = ct;
        _keyPrefix = "json:" + NormalizePath(path) + "#";
        _fileName = Paths.FileName(path);
    }

    public static bool IsJson(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The AdditionalFiles this reader takes: JSON, and YAML read into the same tree (<see cref="Yaml.YamlReader"/>).</summary>
    public static bool IsJsonOrYaml(string path) => IsJson(path) || IsYaml(path);

    public static FileResult Read(string path, SourceText text, GeneratorOptions options, CancellationToken ct)
    {
        var reader = new JsonDocReader(path, text, options, ct);
        InternalErrors.Guard(reader._fileName, reader.Loc(0, Math.Min(1, text.Length)), ct, () =>
        {
            reader.Run();
            return true;
        }, error =>
        {
            reader._diagnostics.Add(error);
            return false;
        });
        return new FileResult(path, reader._documents.ToEquatableArray(), reader._diagnostics.ToEquatableArray());
    }

    /// <summary>Parses the file and, when it is a schema document, reads its named schemas into documents.</summary>
    private void Run()
    {
        var s = _text.ToString();
        var yaml = IsYaml(_path);
        // YAML that is no schema (workflows, docker-compose, manifests) is not even parsed.
        if (yaml && !Yaml.YamlSniffer.LooksLikeSchema(s, _path)) return;
        var root = ParseRoot(s, yaml);
        if (root is null) return;
        _root = root;
        var format = Classify(root);
        if (format == Format.None) return;

        // 1. The named schemas of the document, classified before any is read, so refs know what they point at.
        var named = NamedSchemas(root, format);
        RegisterNamed(named);

        // 2. Polymorphic hierarchies (discriminators), decided before any model is read.
        _hierarchy = new Hierarchy(this);
        var entries = named.Select(n => _byPointer[n.Pointer]).ToList();
        _hierarchy.Build(entries);

        // 2b. Inheritance without a discriminator (allOf of a $ref and inline parts), decided the same way.
        _inheritance = new Inheritance(this);
        _inheritance.Build(entries, _hierarchy);

        // 3. Each model (inline object properties join the queue as they are found).
        ReadQueued();
    }

    /// <summary>
    /// The file's root node, or null when it does not parse; a syntax error is reported for YAML, and for
    /// JSON only when the text looks like a schema.
    /// </summary>
    private JsonNode? ParseRoot(string s, bool yaml)
    {
        var root = yaml ? Yaml.YamlReader.Parse(s, out var error) : JsonReader.Parse(s, out error);
        if (root is null && error is not null && (yaml || LooksLikeSchemaText(s, _path)))
        {
            var at = Math.Min(error.Position, s.Length);
            var line = _text.Lines.GetLinePosition(at);
            _diagnostics.Add(DiagnosticInfo.Create(yaml ? DiagnosticDescriptors.YamlSyntaxError : DiagnosticDescriptors.JsonSyntaxError, Loc(at, at < s.Length ? 1 : 0), _fileName, error.Message,
                (line.Line + 1).ToString(CultureInfo.InvariantCulture), (line.Character + 1).ToString(CultureInfo.InvariantCulture)));
        }
        return root;
    }

    /// <summary>
    /// The document's named schemas in order, by format: OpenAPI 3's components/schemas, Swagger 2's
    /// definitions, or a JSON Schema's root (named by its title) then its $defs and definitions. Checks the version.
    /// </summary>
    private List<(string Pointer, string Name, JsonNode Node)> NamedSchemas(JsonNode root, Format format)
    {
        var named = new List<(string Pointer, string Name, JsonNode Node)>();
        void AddSection(JsonNode? section, string pointer)
        {
            if (section is null || !section.IsObject) return;
            foreach (var m in section.Members!) named.Add((pointer + "/" + EscapeToken(m.Name), m.Name, m.Value));
        }
        if (format == Format.OpenApi3)
        {
            CheckVersion(root, "openapi", v => v.StartsWith("3.0", StringComparison.Ordinal) || v.StartsWith("3.1", StringComparison.Ordinal), "OpenAPI 3.1");
            AddSection(root.Get("components")?.Get("schemas"), "/components/schemas");
        }
        else if (format == Format.Swagger2)
        {
            CheckVersion(root, "swagger", v => v.StartsWith("2.", StringComparison.Ordinal), "Swagger 2.0");
            AddSection(root.Get("definitions"), "/definitions");
        }
        else
        {
            named.Add((string.Empty, root.GetString("title") ?? StemOf(_path), root));
            AddSection(root.Get("$defs"), "/$defs");
            AddSection(root.Get("definitions"), "/definitions");
        }
        return named;
    }

    /// <summary>
    /// Classifies each named schema, gives it its type name and indexes it by pointer; every one that
    /// generates a type (not an alias) is indexed by node and queued to be read.
    /// </summary>
    private void RegisterNamed(List<(string Pointer, string Name, JsonNode Node)> named)
    {
        foreach (var (pointer, name, node) in named)
        {
            var kind = KindOf(node);
            // A named schema that only refers to a model (UpdateRoleV2: $ref RoleV2Base) is a model of its own with the same properties.
            if (kind == SchemaKind.Alias && node.GetString("$ref") is { } only && RefersToModel(only)) kind = SchemaKind.Model;
            // A union with a discriminator is a polymorphic base: a record its cases derive from.
            if (kind == SchemaKind.Alias && DiscriminatorProperty(node) is not null && node.Get("$ref") is null && CanBeBase(node)) kind = SchemaKind.Model;
            // A union without a discriminator whose members say what they are: a union type of its own.
            if (kind == SchemaKind.Alias && IsTypedUnion(node)) kind = SchemaKind.Union;
            var typeName = kind == SchemaKind.Alias ? name : UniqueTypeName(ToTypeName(name));
            var entry = new Named(pointer, name, node, kind, typeName);
            _byPointer[pointer] = entry;
            if (kind != SchemaKind.Alias)
            {
                if (!_byNode.ContainsKey(node)) _byNode[node] = entry;
                _queue.Enqueue(entry);
            }
        }
    }

    /// <summary>Reads each queued schema (inline object properties join the queue as they are found) into a document.</summary>
    private void ReadQueued()
    {
        while (_queue.Count > 0)
        {
            _ct.ThrowIfCancellationRequested();
            var next = _queue.Dequeue();
            if (_hierarchy.IsAliased(next)) continue;
            // One schema's bug is MD9001 on that schema; the file's other schemas still generate.
            var doc = InternalErrors.Guard<DocumentSpec?>(next.Name, NodeLoc(next.Node), _ct,
                () => next.Kind switch
                {
                    SchemaKind.Enum => ReadEnum(next),
                    SchemaKind.Union => ReadUnion(next),
                    _ => ReadModel(next),
                },
                error =>
                {
                    _diagnostics.Add(error);
                    return null;
                });
            if (doc is not null) _documents.Add(doc);
        }
    }

    // ---------------------------------------------------------------- sniffing

    private static Format Classify(JsonNode root)
    {
        if (!root.IsObject) return Format.None;
        if (root.Get("openapi") is { IsString: true }) return Format.OpenApi3;
        if (root.Get("swagger") is { IsString: true }) return Format.Swagger2;
        var schema = root.GetString("$schema");
        if (schema is not null) return IsMetaSchema(schema) ? Format.JsonSchema : Format.None;
        // A bare schema without $schema: it must look like one, not like a settings file.
        if (root.Get("properties") is { IsObject: true } && (root.Get("type") is null || root.GetString("type") == "object")) return Format.JsonSchema;
        if (IsSchemaMap(root.Get("$defs")) || IsSchemaMap(root.Get("definitions"))) return Format.JsonSchema;
        if (root.Get("allOf") is { IsArray: true } || root.Get("oneOf") is { IsArray: true } || root.Get("anyOf") is { IsArray: true }) return Format.JsonSchema;
        return Format.None;
    }

    private static bool IsMetaSchema(string uri) => uri.IndexOf("json-schema.org/", StringComparison.OrdinalIgnoreCase) >= 0
                                                    || uri.IndexOf("spec.openapis.org/oas/", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsSchemaMap(JsonNode? node)
        => node is { IsObject: true } && node.Members!.Count > 0 && node.Members.All(m => m.Value.IsObject
            && (m.Value.Get("type") is not null || m.Value.Get("properties") is not null || m.Value.Get("$ref") is not null
                || m.Value.Get("allOf") is not null || m.Value.Get("enum") is not null || m.Value.Get("oneOf") is not null || m.Value.Get("anyOf") is not null));

    /// <summary>For text that is not JSON: does it mean to be a schema (then its errors are reported)?</summary>
    private static bool LooksLikeSchemaText(string s, string path)
    {
        var name = Paths.FileName(path).ToLowerInvariant();
        if (name.EndsWith(".schema.json", StringComparison.Ordinal) || name.Contains("openapi") || name.Contains("swagger")) return true;
        var head = s.Length > 4096 ? s.Substring(0, 4096) : s;
        return head.Contains("\"openapi\"") || head.Contains("\"swagger\"") || head.Contains("json-schema.org/")
               || head.Contains("\"$defs\"") || head.Contains("\"components\"");
    }

    private void CheckVersion(JsonNode root, string field, Func<string, bool> known, string readAs)
    {
        var node = root.Get(field)!;
        if (!known(node.Text!)) _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownSpecVersion, NodeLoc(node), _fileName, field, node.Text, readAs));
    }

    // ---------------------------------------------------------------- classification

    private static SchemaKind KindOf(JsonNode node)
    {
        if (!node.IsObject) return SchemaKind.Alias;
        if (node.Get("$ref") is not null && node.Get("properties") is null && node.Get("allOf") is null) return SchemaKind.Alias;
        if (node.Get("properties") is null && ConstUnion(node) is not null && EnumValues(node) is { Strings.Count: > 0 }) return SchemaKind.Enum;
        if (node.Get("oneOf") is not null || node.Get("anyOf") is not null) return node.Get("properties") is { IsObject: true } ? SchemaKind.Model : SchemaKind.Alias;
        var enumNode = node.Get("enum") ?? node.Get("const");
        if (enumNode is not null)
        {
            var values = EnumValues(node);
            return values is not null && values.Strings.Count > 0 ? SchemaKind.Enum : SchemaKind.Alias;
        }
        var types = TypeNames(node);
        if (node.Get("properties") is { IsObject: true }) return SchemaKind.Model;
        if (node.Get("allOf") is { IsArray: true }) return types.Count == 0 || types.Contains("object") ? SchemaKind.Model : SchemaKind.Alias;
        if (types.Count == 0) return node.Get("items") is not null || node.Get("additionalProperties") is { IsObject: true } ? SchemaKind.Alias : SchemaKind.Model;
        if (types.Count == 1 && types[0] == "object") return node.Get("additionalProperties") is { IsObject: true } ? SchemaKind.Alias : SchemaKind.Model;
        return SchemaKind.Alias;
    }

    /// <summary>Whether a local $ref chain (at most <see cref="MaxTypeDepth"/> long) ends at an object schema.</summary>
    private bool RefersToModel(string reference)
    {
        for (var i = 0; i < MaxTypeDepth; i++)
        {
            var target = ResolveLocal(reference, out _);
            if (target is null) return false;
            var kind = KindOf(target);
            if (kind == SchemaKind.Model) return true;
            if (kind != SchemaKind.Alias || target.GetString("$ref") is not { } next) return false;
            reference = next;
        }
        return false;
    }

    private static List<string> TypeNames(JsonNode node)
    {
        var list = new List<string>();
        var t = node.Get("type");
        if (t is null) return list;
        if (t.IsString) list.Add(t.Text!);
        else if (t.IsArray) list.AddRange(t.Items!.Where(i => i.IsString).Select(i => i.Text!));
        return list;
    }

    private sealed class EnumValueSet
    {
        public List<string> Strings { get; } = new();
        public List<string> Integers { get; } = new();
        public bool HasNull { get; set; }
        public bool HasOther { get; set; }
    }

    /// <summary>The values of <c>enum</c> (or <c>const</c>), split by kind; null when there is neither.</summary>
    private static EnumValueSet? EnumValues(JsonNode node)
    {
        var set = new EnumValueSet();
        var values = node.Get("enum");
        IEnumerable<JsonNode> items;
        if (values is { IsArray: true }) items = values.Items!;
        else if (node.Get("const") is { } c) items = new[] { c };
        else if (ConstUnion(node) is { } consts) items = consts;
        else return null;
        foreach (var v in items)
        {
            switch (v.Kind)
            {
                case JsonKind.String: set.Strings.Add(v.Text!); break;
                case JsonKind.Null: set.HasNull = true; break;
                case JsonKind.Number when IsInteger(v.Text!): set.Integers.Add(v.Text!); break;
                default: set.HasOther = true; break;
            }
        }
        if (set.Strings.Count > 0 && (set.Integers.Count > 0 || set.HasOther))
        {
            // Mixed kinds: not a C# enum.
            set.HasOther = true;
            set.Strings.Clear();
        }
        return set;
    }

    private static bool IsInteger(string number) => number.IndexOf('.') < 0 && number.IndexOf('e') < 0 && number.IndexOf('E') < 0;

    // ---------------------------------------------------------------- enums and models

    private DocumentSpec ReadEnum(Named entry)
    {
        var values = EnumValues(entry.Node)!;
        var descriptions = ConstDescriptions(entry.Node);
        var rawValues = values.Strings.Distinct(StringComparer.Ordinal).Select(v => new RawEnumValue(v, v, Said(descriptions, v))).ToEquatableArray();
        var section = new RawEnum(entry.TypeName, rawValues, NodeLoc(entry.Node.Get("enum") ?? entry.Node.Get("const") ?? entry.Node));
        return new DocumentSpec(_path, entry.Name, entry.TypeName, DocumentKind.Enum, Dialect.JsonSchema, DescriptionOf(entry.Node),
            _options, EquatableArray<RawProperty>.Empty, new EquatableArray<RawEnum>(new[] { section }), NameLoc(entry), _keyPrefix + entry.Pointer);
    }

    private sealed class PropertySource(JsonMember member, string part)
    {
        public JsonMember Member { get; } = member;
        public string Part { get; } = part;
    }

    /// <summary>A model schema as a document: its properties (over its allOf parts), description and place in a hierarchy.</summary>
    private DocumentSpec ReadModel(Named entry)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        string? description = DescriptionOf(entry.Node);
        // A record that derives from a base declares only its own properties; the base's come by inheritance.
        var parent = _hierarchy.ParentOf(entry) ?? _inheritance.ParentOf(entry);
        var properties = GatherAllOfParts(entry, parent, required, ref description);

        var raws = new List<RawProperty>();
        var enums = new List<RawEnum>();
        foreach (var p in properties)
        {
            raws.Add(ReadProperty(entry, p.Member, required.Contains(p.Member.Name), enums));
        }
        return new DocumentSpec(_path, entry.Name, entry.TypeName, DocumentKind.Model, Dialect.JsonSchema, description,
            _options, raws.ToEquatableArray(), enums.ToEquatableArray(), NameLoc(entry), _keyPrefix + entry.Pointer,
            _hierarchy.PolymorphismOf(entry), _hierarchy.BaseKeyOf(entry) ?? (_inheritance.ParentOf(entry) is { } extended ? _keyPrefix + extended.Pointer : null), _hierarchy.TagsOf(entry),
            Extensions: _inheritance.ExtensionsOf(entry), ExtendsBase: _inheritance.ParentOf(entry) is not null);
    }

    /// <summary>
    /// The model's properties over its allOf parts, depth first in document order, each schema once (cycles
    /// end at the visited set); the parent's part is left to inheritance. Adds the parts' required names to
    /// <paramref name="required"/>, and takes the description from the first inline part when the model has none.
    /// </summary>
    private List<PropertySource> GatherAllOfParts(Named entry, Named? parent, HashSet<string> required, ref string? description)
    {
        var properties = new List<PropertySource>();
        var byName = new Dictionary<string, PropertySource>(StringComparer.Ordinal);
        var visited = new HashSet<JsonNode>();
        var stack = new Stack<(JsonNode Node, string Part, int Depth)>();
        stack.Push((entry.Node, entry.Name, 0));
        while (stack.Count > 0)
        {
            var (node, part, depth) = stack.Pop();
            if (!node.IsObject || !visited.Add(node)) continue;
            if (node.Get("$ref") is { IsString: true } refNode) PushReferencedPart(entry, parent, refNode, depth, stack);
            if (node.Get("required") is { IsArray: true } req)
            {
                foreach (var r in req.Items!) if (r.IsString) required.Add(r.Text!);
            }
            if (node.Get("properties") is { IsObject: true } props) AddPartProperties(entry, props, part, byName, properties);
            if (node.Get("allOf") is { IsArray: true } all && depth < MaxTypeDepth)
            {
                for (var i = all.Items!.Count - 1; i >= 0; i--) stack.Push((all.Items[i], part, depth + 1));
                if (description is null)
                {
                    foreach (var p in all.Items) description ??= p.IsObject && p.Get("$ref") is null ? DescriptionOf(p) : null;
                }
            }
        }
        return properties;
    }

    /// <summary>
    /// An allOf part that is a <c>$ref</c>: its target is read next (named after the ref's last token) unless it
    /// is the parent (inherited) or too deep; an unresolvable ref is reported and its properties left out.
    /// </summary>
    private void PushReferencedPart(Named entry, Named? parent, JsonNode refNode, int depth, Stack<(JsonNode Node, string Part, int Depth)> stack)
    {
        var target = ResolveLocal(refNode.Text!, out var why);
        if (target is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSchema, NodeLoc(refNode), entry.Name, entry.Name,
                $"has an allOf part with $ref '{refNode.Text}', which {why}", "its properties are not included"));
        }
        else if (parent is not null && ReferenceEquals(target, parent.Node))
        {
            // inherited
        }
        else if (depth < MaxTypeDepth)
        {
            stack.Push((target, LastToken(refNode.Text!), depth + 1));
        }
    }

    /// <summary>
    /// Adds one part's properties; a name an earlier part already has keeps the first, and is reported
    /// when the two schemas differ (beyond annotations).
    /// </summary>
    private void AddPartProperties(Named entry, JsonNode props, string part, Dictionary<string, PropertySource> byName, List<PropertySource> properties)
    {
        foreach (var m in props.Members!)
        {
            if (byName.TryGetValue(m.Name, out var first))
            {
                if (!ReferenceEquals(first.Member.Value, m.Value) && Canonical(first.Member.Value, Annotations) != Canonical(m.Value, Annotations))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAllOfProperty, Loc(m.NameStart, m.NameEnd - m.NameStart),
                        m.Name, entry.Name, first.Part, part));
                }
                continue;
            }
            var source = new PropertySource(m, part);
            byName[m.Name] = source;
            properties.Add(source);
        }
    }

    private RawProperty ReadProperty(Named owner, JsonMember member, bool required, List<RawEnum> enums)
    {
        var schema = member.Value;
        var context = new TypeContext(owner, member.Name);
        var type = TypeOf(schema, context, 0, true, owner.TypeName + ToTypeName(member.Name), owner.Pointer + "/properties/" + EscapeToken(member.Name));
        var description = DescriptionOf(schema) ?? context.Description;
        if (context.IntegerValues is { Count: > 0 } ints)
        {
            var note = "Allowed values: " + string.Join(", ", ints.Select(v => "`" + v + "`")) + ".";
            description = description is null ? note : description.TrimEnd() + " " + note;
        }
        if (context.EnumValues is not null)
        {
            var name = "enum:" + member.Name;
            enums.Add(new RawEnum(name, context.EnumValues.Select(v => new RawEnumValue(v, v, Said(context.EnumDescriptions, v))).ToEquatableArray(), NodeLoc(context.EnumNode ?? schema)));
            type = ReplaceEnum(type, new TypeSpec(TypeKind.Reference, Name: name, Link: "#" + name));
        }
        var defaultNode = schema.IsObject ? schema.Get("default") : null;
        var defaultText = defaultNode?.ScalarText;
        var isObject = schema.IsObject;
        return new RawProperty(
            member.Name,
            type,
            context.TypeText,
            description ?? string.Empty,
            IsOptional: !required,
            IsReadOnly: isObject && (schema.GetBool("readOnly") || context.ReadOnly),
            IsDeprecated: isObject && (schema.GetBool("deprecated") || context.Deprecated),
            defaultText,
            Loc(member.NameStart, member.NameEnd - member.NameStart),
            NodeLoc(context.TypeNode ?? schema),
            defaultNode is null ? Loc(member.NameStart, member.NameEnd - member.NameStart) : NodeLoc(defaultNode),
            IsNullable: context.Nullable,
            IsWriteOnly: isObject && schema.GetBool("writeOnly"),
            DefaultJson: defaultNode is null ? null : JsonTextOf(defaultNode));
    }

    /// <summary>A value as JSON on one line: scalars canonical, an object or array as the document wrote it (clipped to 200 characters).</summary>
    private string JsonTextOf(JsonNode node)
    {
        switch (node.Kind)
        {
            case JsonKind.String: return Quote(node.Text!);
            case JsonKind.Object:
            case JsonKind.Array:
                var start = Math.Max(0, Math.Min(node.Start, _text.Length));
                var end = Math.Max(start, Math.Min(node.End, _text.Length));
                var text = string.Join(" ", _text.ToString(TextSpan.FromBounds(start, end)).Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
                if (text.Length == 0) text = node.Kind == JsonKind.Object ? "{}" : "[]";
                return text.Length <= 200 ? text : text.Substring(0, 197) + "...";
            default: return node.ScalarText ?? "null";
        }
    }

    /// <summary>Puts the enum reference where the string placeholder is (the innermost element).</summary>
    private static TypeSpec ReplaceEnum(TypeSpec type, TypeSpec enumRef)
        => type.Element is null ? enumRef : type with { Element = ReplaceEnum(type.Element, enumRef) };

    /// <summary>What reading one property's schema found besides its type.</summary>
    private sealed class TypeContext(Named owner, string property)
    {
        public Named Owner { get; } = owner;
        public string Property { get; } = property;
        public bool Nullable { get; set; }
        public bool ReadOnly { get; set; }
        public bool Deprecated { get; set; }
        public string? Description { get; set; }
        public string? TypeText { get; set; }
        public JsonNode? TypeNode { get; set; }
        public List<string>? EnumValues { get; set; }
        public Dictionary<string, string>? EnumDescriptions { get; set; }
        public JsonNode? EnumNode { get; set; }
        public List<string>? IntegerValues { get; set; }
        public HashSet<JsonNode> RefsFollowed { get; } = new();
    }

    /// <summary>
    /// The type of a schema. Depth-limited; follows local refs to aliases with a visited set.
    /// <paramref name="top"/>: the schema describes the property's value itself (not an item or map
    /// value), so its nullability is the property's.
    /// </summary>
    private TypeSpec TypeOf(JsonNode schema, TypeContext cx, int depth, bool top, string inlineName, string pointer)
    {
        if (depth > MaxTypeDepth)
        {
            Unsupported(schema, cx, $"nests types deeper than {MaxTypeDepth} levels");
            return new TypeSpec(TypeKind.Any);
        }
        if (!schema.IsObject) return new TypeSpec(TypeKind.Any); // true, false: anything
        cx.TypeNode ??= schema.Get("type") ?? schema.Get("$ref") ?? schema;
        if (top && schema.GetBool("nullable")) cx.Nullable = true;

        // $ref (draft-07 ignores siblings; 2020-12 and OpenAPI 3.1 keep description/nullable beside it).
        if (schema.Get("$ref") is { IsString: true } refNode)
        {
            var reference = refNode.Text!;
            cx.TypeText ??= reference;
            return RefType(reference, refNode, cx, depth, top);
        }

        var types = TypeNames(schema);
        if (types.Remove("null") && top) cx.Nullable = true;

        // A schema with a discriminator (a union, an array's items): the polymorphic base read for it
        // (a union's `{type: null}` option still makes the property nullable).
        if (_hierarchy.BaseFor(schema) is { } polymorphic)
        {
            if (top && IsNullableUnion(schema)) cx.Nullable = true;
            cx.TypeText ??= "discriminator";
            return new TypeSpec(TypeKind.Reference, Name: polymorphic.TypeName, Link: _keyPrefix + polymorphic.Pointer);
        }

        // The keywords in order of precedence; each declines (null) when it does not decide the type.
        return EnumType(schema, cx, depth, top)
            ?? OneOfAnyOfType(schema, types, cx, depth, top, inlineName, pointer)
            ?? AllOfType(schema, cx, depth, top, inlineName, pointer)
            ?? DeclaredType(schema, types, cx, depth, inlineName, pointer);
    }

    /// <summary>
    /// enum / const: string values make the property an enum (near the top only, first one wins);
    /// integer values are noted for the description. Null when the type is not decided here.
    /// </summary>
    private static TypeSpec? EnumType(JsonNode schema, TypeContext cx, int depth, bool top)
    {
        var values = EnumValues(schema);
        if (values is null) return null;
        if (values.HasNull && top) cx.Nullable = true;
        if (values.Strings.Count > 0 && depth <= 2 && cx.EnumValues is null)
        {
            cx.EnumValues = values.Strings.Distinct(StringComparer.Ordinal).ToList();
            cx.EnumDescriptions = ConstDescriptions(schema);
            cx.EnumNode = schema.Get("enum") ?? schema.Get("const");
            cx.TypeText ??= "enum";
            return new TypeSpec(TypeKind.String);
        }
        if (values.Integers.Count > 0 && !values.HasOther && values.Strings.Count == 0) cx.IntegerValues ??= values.Integers;
        return null;
    }

    /// <summary>
    /// oneOf / anyOf: a single non-null option is that option; a typed union is a union type; any other
    /// union is reported as untyped and read as any. Null when neither keyword decides the type
    /// (absent, or its options only constrain the schema's own single type).
    /// </summary>
    private TypeSpec? OneOfAnyOfType(JsonNode schema, List<string> types, TypeContext cx, int depth, bool top, string inlineName, string pointer)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.Get(keyword) is not { IsArray: true } union) continue;
            var options = union.Items!.Where(o => !(o.IsObject && TypeNames(o) is { Count: 1 } t && t[0] == "null" && o.Members!.Count == 1)).ToList();
            if (options.Count < union.Items!.Count && top) cx.Nullable = true;
            if (options.Count == 1 && schema.Get("properties") is null) return TypeOf(options[0], cx, depth + 1, top, inlineName, pointer + "/" + keyword + "/0");
            // Members that only constrain the schema's own type (type: string, oneOf: [{format: date}, {pattern: …}]): that type.
            if (types.Count == 1 && options.All(o => AcceptsOf(o, 0) == UnionTokens.Any && o.Get("$ref") is null)) return null;
            cx.TypeText ??= keyword;
            if (IsTypedUnion(schema)) return UnionType(schema, inlineName, pointer);
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UntypedUnion, NodeLoc(union), cx.Property, cx.Owner.Name, keyword,
                options.Count.ToString(CultureInfo.InvariantCulture), " without a discriminator"));
            return new TypeSpec(TypeKind.Any);
        }
        return null;
    }

    /// <summary>
    /// allOf (on a schema without properties of its own): one part is that part (a $ref with a description
    /// beside it); several make an inline model. Null when there is no allOf or no part with substance.
    /// </summary>
    private TypeSpec? AllOfType(JsonNode schema, TypeContext cx, int depth, bool top, string inlineName, string pointer)
    {
        if (schema.Get("allOf") is not { IsArray: true } allOf || schema.Get("properties") is not null) return null;
        var parts = allOf.Items!.Where(p => !(p.IsObject && p.Members!.All(m => m.Name is "description" or "title" or "nullable" or "readOnly" or "deprecated" or "default" or "example"))).ToList();
        foreach (var p in allOf.Items!)
        {
            if (!p.IsObject) continue;
            cx.Description ??= DescriptionOf(p);
            if (p.GetBool("nullable") && top) cx.Nullable = true;
        }
        if (parts.Count == 1) return TypeOf(parts[0], cx, depth + 1, top, inlineName, pointer + "/allOf/0");
        if (parts.Count > 1) return Inline(schema, cx, inlineName, pointer);
        return null;
    }

    /// <summary>The type the schema's <c>type</c> keyword (or, without one, its shape) declares; several types are any.</summary>
    private TypeSpec DeclaredType(JsonNode schema, List<string> types, TypeContext cx, int depth, string inlineName, string pointer)
    {
        var type = types.Count == 1 ? types[0] : types.Count == 0 ? Infer(schema) : null;
        if (type is null)
        {
            cx.TypeText ??= string.Join("|", types);
            return new TypeSpec(TypeKind.Any);
        }
        cx.TypeText ??= type + (schema.GetString("format") is { } f ? "(" + f + ")" : string.Empty);
        return type switch
        {
            "string" or "integer" or "number" => ScalarType(type, schema.GetString("format") ?? string.Empty),
            "boolean" => new TypeSpec(TypeKind.Boolean),
            "array" => ArrayType(schema, cx, depth, inlineName, pointer),
            "object" => ObjectType(schema, cx, depth, inlineName, pointer),
            _ => new TypeSpec(TypeKind.Any),
        };
    }

    /// <summary>A string, integer or number type refined by its format (an unknown format leaves the plain type).</summary>
    private static TypeSpec ScalarType(string type, string format)
    {
        var kind = type switch
        {
            "string" => format switch
            {
                "date-time" => TypeKind.DateTime,
                "date" => TypeKind.Date,
                "uuid" => TypeKind.Uuid,
                "byte" or "binary" => TypeKind.Bytes,
                _ => TypeKind.String,
            },
            "integer" => format switch
            {
                "int32" => TypeKind.Int32,
                "int64" => TypeKind.Int64,
                _ => TypeKind.Integer,
            },
            _ => format switch
            {
                "float" => TypeKind.Float,
                "double" => TypeKind.Double,
                "decimal" => TypeKind.Decimal,
                "int32" => TypeKind.Int32,
                "int64" => TypeKind.Int64,
                _ => TypeKind.Number,
            },
        };
        return new TypeSpec(kind);
    }

    /// <summary>An array schema: a list of its items' type (of any without an items schema).</summary>
    private TypeSpec ArrayType(JsonNode schema, TypeContext cx, int depth, string inlineName, string pointer)
    {
        var items = schema.Get("items");
        if (items is null || !items.IsObject) return new TypeSpec(TypeKind.List, new TypeSpec(TypeKind.Any));
        var element = TypeOf(items, cx, depth + 1, false, inlineName + "Item", pointer + "/items");
        return new TypeSpec(TypeKind.List, element);
    }

    /// <summary>An object schema: an inline model when it has properties, else a map by its additionalProperties, else any.</summary>
    private TypeSpec ObjectType(JsonNode schema, TypeContext cx, int depth, string inlineName, string pointer)
    {
        if (schema.Get("properties") is { IsObject: true } props && props.Members!.Count > 0) return Inline(schema, cx, inlineName, pointer);
        var additional = schema.Get("additionalProperties");
        if (additional is { IsObject: true }) return new TypeSpec(TypeKind.Map, TypeOf(additional, cx, depth + 1, false, inlineName + "Value", pointer + "/additionalProperties"));
        if (additional is { Kind: JsonKind.True }) return new TypeSpec(TypeKind.Map, new TypeSpec(TypeKind.Any));
        return new TypeSpec(TypeKind.Any);
    }

    private static bool IsNullableUnion(JsonNode schema)
        => new[] { "oneOf", "anyOf" }.Any(k => schema.Get(k) is { IsArray: true } u
            && u.Items!.Any(o => o.IsObject && TypeNames(o) is { Count: 1 } t && t[0] == "null" && o.Members!.Count == 1));

    private static string? Infer(JsonNode schema)
    {
        if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null) return "object";
        if (schema.Get("items") is not null) return "array";
        return "any";
    }

    /// <summary>An inline object schema becomes a model of its own, named after where it is.</summary>
    private TypeSpec Inline(JsonNode schema, TypeContext cx, string name, string pointer)
    {
        if (!_byNode.TryGetValue(schema, out var entry))
        {
            entry = new Named(pointer, name, schema, SchemaKind.Model, UniqueTypeName(name));
            _byNode[schema] = entry;
            _byPointer[pointer] = entry;
            _queue.Enqueue(entry);
        }
        cx.TypeText ??= "object";
        return new TypeSpec(TypeKind.Reference, Name: entry.TypeName, Link: _keyPrefix + entry.Pointer);
    }

    private TypeSpec RefType(string reference, JsonNode refNode, TypeContext cx, int depth, bool top)
    {
        if (reference.StartsWith("#", StringComparison.Ordinal))
        {
            var target = ResolveLocal(reference, out var why);
            if (target is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, NodeLoc(refNode), cx.Property, cx.Owner.Name, reference, why));
                return new TypeSpec(TypeKind.Any);
            }
            if (_byNode.TryGetValue(target, out var named))
            {
                named = _hierarchy.Redirect(named);
                return new TypeSpec(TypeKind.Reference, Name: named.TypeName, Link: _keyPrefix + named.Pointer);
            }
            // An alias (array, map, primitive, union) or a schema inside another: its type, once per chain.
            if (!cx.RefsFollowed.Add(target))
            {
                Unsupported(refNode, cx, $"has $ref '{reference}', which refers to itself through aliases");
                return new TypeSpec(TypeKind.Any);
            }
            var pointer = DecodePointer(reference.Substring(1)) is { } tokens ? "/" + string.Join("/", tokens.Select(EscapeToken)) : reference.Substring(1);
            if (pointer == "/") pointer = string.Empty;
            cx.Description ??= DescriptionOf(target);
            return TypeOf(target, cx, depth + 1, top, ToTypeName(LastToken(reference)), pointer);
        }
        if (reference.IndexOf("://", StringComparison.Ordinal) >= 0 || reference.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, NodeLoc(refNode), cx.Property, cx.Owner.Name, reference,
                "is a remote reference (ModelDocs never downloads; add the file as an AdditionalFile and refer to it by relative path)"));
            return new TypeSpec(TypeKind.Any);
        }
        // Another AdditionalFile, by relative path, optionally with a pointer: resolved against the index.
        var hash = reference.IndexOf('#');
        var file = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        var tokensOther = DecodePointer(fragment);
        var canonical = tokensOther is null || tokensOther.Count == 0 ? string.Empty : "/" + string.Join("/", tokensOther.Select(EscapeToken));
        var targetPath = CombinePath(_path, Uri.UnescapeDataString(file));
        return new TypeSpec(TypeKind.Reference, Name: null, Link: "json:" + targetPath + "#" + canonical);
    }

    private void Unsupported(JsonNode node, TypeContext cx, string what)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSchema, NodeLoc(node), cx.Property, cx.Owner.Name, what, JsonElementNote));

    // ---------------------------------------------------------------- pointers and paths

    /// <summary>The node a local <c>#/…</c> pointer names, or null with the reason.</summary>
    private JsonNode? ResolveLocal(string reference, out string why)
    {
        why = string.Empty;
        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            why = "is in another file (allOf across files is not merged)";
            return null;
        }
        var tokens = DecodePointer(reference.Substring(1));
        if (tokens is null)
        {
            why = "is an anchor or $id reference (only JSON pointers and relative file paths are supported)";
            return null;
        }
        var node = _root;
        foreach (var token in tokens)
        {
            JsonNode? next = null;
            if (node.IsObject) next = node.Get(token);
            else if (node.IsArray && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < node.Items!.Count) next = node.Items[index];
            if (next is null)
            {
                why = "does not exist in this document";
                return null;
            }
            node = next;
        }
        return node;
    }

    /// <summary>A JSON pointer (after <c>#</c>, percent-encoded) → its tokens; null if it is not a pointer (an anchor).</summary>
    internal static List<string>? DecodePointer(string fragment)
    {
        var text = fragment.IndexOf('%') >= 0 ? Uri.UnescapeDataString(fragment) : fragment;
        var tokens = new List<string>();
        if (text.Length == 0) return tokens;
        if (text[0] != '/') return null;
        foreach (var raw in text.Substring(1).Split('/')) tokens.Add(raw.Replace("~1", "/").Replace("~0", "~"));
        return tokens;
    }

    private static string EscapeToken(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private static readonly string[] SchemaExtensions = { ".json", ".yaml", ".yml" };
    private static readonly string[] SchemaSuffixes = { ".schema.json", ".schema.yaml", ".schema.yml" };

    private static string LastToken(string reference)
    {
        var slash = reference.LastIndexOf('/');
        var last = slash >= 0 ? reference.Substring(slash + 1) : reference;
        var hash = last.IndexOf('#');
        if (hash >= 0) last = last.Substring(0, hash);
        foreach (var extension in SchemaExtensions)
        {
            if (last.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) last = last.Substring(0, last.Length - extension.Length);
        }
        return last.Replace("~1", "/").Replace("~0", "~");
    }

    /// <summary>Forward slashes, <c>.</c> and <c>..</c> segments removed: the form JSON keys use.</summary>
    internal static string NormalizePath(string path)
    {
        var p = path.Replace('\\', '/');
        var rooted = p.StartsWith("/", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var seg in p.Split('/'))
        {
            if (seg.Length == 0 || seg == ".") continue;
            if (seg == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(seg);
        }
        return (rooted ? "/" : string.Empty) + string.Join("/", parts);
    }

    private static string CombinePath(string from, string relative)
    {
        if (relative.Length == 0) return NormalizePath(from);
        var rel = relative.Replace('\\', '/');
        if (rel.StartsWith("/", StringComparison.Ordinal) || (rel.Length > 1 && rel[1] == ':')) return NormalizePath(rel);
        var dir = from.Replace('\\', '/');
        var slash = dir.LastIndexOf('/');
        dir = slash >= 0 ? dir.Substring(0, slash + 1) : string.Empty;
        return NormalizePath(dir + rel);
    }

    private static string StemOf(string path)
    {
        var name = Paths.FileName(path);
        foreach (var suffix in SchemaSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return name.Substring(0, name.Length - suffix.Length);
        }
        return Paths.Stem(name);
    }

    // ---------------------------------------------------------------- names, text, locations

    private static string ToTypeName(string name) => Identifiers.ToIdentifier(name);

    private string UniqueTypeName(string name) => UniqueNames.Claim(_typeNames, name);

    /// <summary>description (else title), with line breaks as the markdown docs write them (one space each).</summary>
    private static string? DescriptionOf(JsonNode node)
    {
        if (!node.IsObject) return null;
        var text = node.GetString("description") ?? node.GetString("title");
        if (string.IsNullOrWhiteSpace(text)) return null;
        return text!.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\n', ' ').Trim();
    }

    /// <summary>Keywords that document a property without changing its shape: two definitions that differ only in these are equal.</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "description", "title", "example", "examples", "$comment", "externalDocs", "xml" };

    /// <summary>
    /// A stable text form of a subtree, for comparing two definitions of a property (members sorted;
    /// <paramref name="ignoreAtTop"/> left out of the top object). Iterative.
    /// </summary>
    private static string Canonical(JsonNode node, HashSet<string>? ignoreAtTop = null)
    {
        var sb = new StringBuilder();
        var stack = new Stack<object>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            if (item is string s)
            {
                sb.Append(s);
                continue;
            }
            var n = (JsonNode)item;
            switch (n.Kind)
            {
                case JsonKind.Object:
                    sb.Append('{');
                    stack.Push("}");
                    foreach (var m in n.Members!.OrderByDescending(m => m.Name, StringComparer.Ordinal))
                    {
                        if (ReferenceEquals(n, node) && ignoreAtTop is not null && ignoreAtTop.Contains(m.Name)) continue;
                        stack.Push(",");
                        stack.Push(m.Value);
                        stack.Push(Quote(m.Name) + ":");
                    }
                    break;
                case JsonKind.Array:
                    sb.Append('[');
                    stack.Push("]");
                    for (var i = n.Items!.Count - 1; i >= 0; i--)
                    {
                        stack.Push(",");
                        stack.Push(n.Items[i]);
                    }
                    break;
                case JsonKind.String: sb.Append(Quote(n.Text!)); break;
                default: sb.Append(n.ScalarText ?? "null"); break;
            }
        }
        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private LocationInfo Loc(int start, int length) => LocationInfo.From(_path, _text, new TextSpan(start, Math.Max(0, length)));

    /// <summary>A node's location: a scalar whole, a container by its first character (an object can span thousands of lines).</summary>
    private LocationInfo NodeLoc(JsonNode node) => node.Kind is JsonKind.Object or JsonKind.Array ? Loc(node.Start, 1) : Loc(node.Start, node.End - node.Start);

    private LocationInfo NameLoc(Named entry)
    {
        // The schema's name in its section, when it has one; else the schema itself.
        var slash = entry.Pointer.LastIndexOf('/');
        if (slash >= 0)
        {
            var parent = ResolveLocal("#" + entry.Pointer.Substring(0, slash), out _);
            var member = parent?.Members?.LastOrDefault(m => m.Value == entry.Node);
            if (member is not null) return Loc(member.NameStart, member.NameEnd - member.NameStart);
        }
        return NodeLoc(entry.Node);
    }
}
