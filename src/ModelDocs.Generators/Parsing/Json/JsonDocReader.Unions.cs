using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing.Json;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> without a discriminator: a union type with one case per member schema
/// (ARCHITECTURE.md, "Unions"). The reader decides what each case accepts from the JSON alone (token
/// kinds, an object case's required and declared property names) and says where two cases cannot be
/// told apart (MD1031). A union of <c>const</c>s is an enum (<see cref="ConstUnion"/>).
/// </summary>
internal sealed partial class JsonDocReader
{
    /// <summary>The options of a <c>oneOf</c>/<c>anyOf</c> that are all <c>const</c>s or one-value <c>enum</c>s (a <c>{type: null}</c> option aside); null otherwise.</summary>
    private static List<JsonNode>? ConstUnion(JsonNode node)
    {
        if (!node.IsObject) return null;
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (node.Get(keyword) is not { IsArray: true } union || union.Items!.Count == 0) continue;
            var values = new List<JsonNode>();
            foreach (var o in union.Items)
            {
                if (!o.IsObject) return null;
                if (o.Get("const") is { } c) values.Add(c);
                else if (o.Get("enum") is { IsArray: true, Items.Count: 1 } e) values.Add(e.Items![0]);
                else if (IsNullOption(o)) continue;
                else return null;
            }
            return values.Count > 0 ? values : null;
        }
        return null;
    }

    /// <summary>What a union of <c>const</c>s says of each value: its member's title and description ("Low: Quiet."); null when it says nothing.</summary>
    private static Dictionary<string, string>? ConstDescriptions(JsonNode node)
    {
        if (ConstUnion(node) is null) return null;
        Dictionary<string, string>? result = null;
        foreach (var o in UnionOptions(node, out _)!)
        {
            var value = o.Get("const") ?? o.Get("enum")?.Items?[0];
            if (value is not { IsString: true }) continue;
            var title = o.GetString("title");
            var description = o.GetString("description");
            var text = title is { Length: > 0 } && description is { Length: > 0 } ? title.TrimEnd('.') + ": " + description : title ?? description;
            if (string.IsNullOrWhiteSpace(text)) continue;
            result ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (!result.ContainsKey(value.Text!)) result[value.Text!] = text!.Replace('\n', ' ').Trim();
        }
        return result;
    }

    private static string? Said(Dictionary<string, string>? descriptions, string value)
        => descriptions is not null && descriptions.TryGetValue(value, out var d) ? d : null;

    private static bool IsNullOption(JsonNode o) => o.IsObject && TypeNames(o) is { Count: 1 } t && t[0] == "null" && o.Members!.Count == 1;

    private static List<JsonNode>? UnionOptions(JsonNode node, out string keyword)
    {
        keyword = string.Empty;
        if (!node.IsObject) return null;
        foreach (var k in new[] { "oneOf", "anyOf" })
        {
            if (node.Get(k) is not { IsArray: true } union) continue;
            keyword = k;
            return union.Items!.Where(o => !IsNullOption(o)).ToList();
        }
        return null;
    }

    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> (no discriminator, no properties of its own, not all <c>const</c>s) with
    /// 2 to <see cref="MaxUnionCases"/> members, at least two of which say what JSON they accept.
    /// </summary>
    private bool IsTypedUnion(JsonNode node)
    {
        if (!node.IsObject || node.Get("properties") is not null || DiscriminatorProperty(node) is not null) return false;
        if (ConstUnion(node) is not null) return false;
        var options = UnionOptions(node, out _);
        if (options is null || options.Count < 2 || options.Count > MaxUnionCases) return false;
        return options.Count(o => AcceptsOf(o, 0) != UnionTokens.Any) >= 2;
    }

    /// <summary>An inline union: a type of its own, named after where it is (one per schema node).</summary>
    private TypeSpec UnionType(JsonNode schema, string name, string pointer)
    {
        if (!_byNode.TryGetValue(schema, out var entry))
        {
            entry = new Named(pointer, name, schema, SchemaKind.Union, UniqueTypeName(name));
            _byNode[schema] = entry;
            _byPointer[pointer] = entry;
            _queue.Enqueue(entry);
        }
        return new TypeSpec(TypeKind.Reference, Name: entry.TypeName, Link: _keyPrefix + entry.Pointer);
    }

    private DocumentSpec ReadUnion(Named entry)
    {
        var options = UnionOptions(entry.Node, out var keyword)!;
        var raws = new List<RawProperty>();
        var facts = new List<RawUnionCase>();
        var enums = new List<RawEnum>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var allOptions = entry.Node.Get(keyword)!.Items!;
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var index = IndexOf(allOptions, option);
            var optionPointer = entry.Pointer + "/" + keyword + "/" + index.ToString(CultureInfo.InvariantCulture);
            var provisional = ProvisionalCaseName(option, i);
            var cx = new TypeContext(entry, provisional);
            var type = TypeOf(option, cx, 1, false, entry.TypeName + provisional, optionPointer);
            var name = UniqueNames.Claim(names, CaseName(option, type, cx));
            if (cx.EnumValues is not null)
            {
                var section = "enum:" + name;
                enums.Add(new RawEnum(section, cx.EnumValues.Select(v => new RawEnumValue(v, v, Said(cx.EnumDescriptions, v))).ToEquatableArray(), NodeLoc(cx.EnumNode ?? option)));
                type = ReplaceEnum(type, new TypeSpec(TypeKind.Reference, Name: section, Link: "#" + section));
            }
            var accepts = AcceptsOf(option, 0);
            var (required, declared) = (accepts & UnionTokens.Object) != 0 ? ObjectFacts(option) : (new List<string>(), new List<string>());
            var location = NodeLoc(option);
            raws.Add(new RawProperty(name, type, cx.TypeText, DescriptionOf(option) ?? cx.Description ?? string.Empty, IsOptional: false, IsReadOnly: false, IsDeprecated: false,
                DefaultText: null, location, location, location));
            facts.Add(new RawUnionCase(accepts, required.ToEquatableArray(), declared.ToEquatableArray()));
        }
        ReportIndistinct(entry, keyword, raws, facts);
        return new DocumentSpec(_path, entry.Name, entry.TypeName, DocumentKind.Union, Dialect.JsonSchema, DescriptionOf(entry.Node),
            _options, raws.ToEquatableArray(), enums.ToEquatableArray(), NameLoc(entry), _keyPrefix + entry.Pointer, UnionCases: facts.ToEquatableArray());
    }

    private static int IndexOf(List<JsonNode> items, JsonNode node)
    {
        for (var i = 0; i < items.Count; i++) if (ReferenceEquals(items[i], node)) return i;
        return 0;
    }

    /// <summary>A name for an inline member before its type is known: its title, its $ref, or its position.</summary>
    private static string ProvisionalCaseName(JsonNode option, int i)
    {
        if (option.IsObject && option.GetString("title") is { Length: > 0 } title && Identifiers.ToIdentifier(title) is { Length: > 0 } t) return t;
        if (option.IsObject && option.GetString("$ref") is { } r) return ToTypeName(LastToken(r));
        return "Case" + (i + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A case's name: its title, else what it is (the referenced type, <c>String</c>, <c>Int64</c>, <c>StringList</c>, …).</summary>
    private static string CaseName(JsonNode option, TypeSpec type, TypeContext cx)
    {
        if (option.IsObject && option.GetString("title") is { Length: > 0 } title && Identifiers.ToIdentifier(title) is { Length: > 0 } t && t != "_") return t;
        if (cx.EnumValues is not null) return "Enum";
        return KindName(type);
    }

    private static string KindName(TypeSpec type) => type.Kind switch
    {
        TypeKind.Reference => type.Name is { Length: > 0 } n ? ToTypeName(n) : type.Link is { } l ? ToTypeName(LastToken(l)) : "Object",
        TypeKind.String => "String",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 or TypeKind.Integer => "Int64",
        TypeKind.Float => "Single",
        TypeKind.Double => "Double",
        TypeKind.Number => "Number",
        TypeKind.Decimal => "Decimal",
        TypeKind.Boolean => "Boolean",
        TypeKind.Date => "Date",
        TypeKind.DateTime => "DateTime",
        TypeKind.Uuid => "Guid",
        TypeKind.Bytes => "Bytes",
        TypeKind.List => (type.Element is null ? "Value" : KindName(type.Element)) + "List",
        TypeKind.Map => (type.Element is null ? "Value" : KindName(type.Element)) + "Map",
        _ => "Value",
    };

    /// <summary>The JSON token kinds a schema accepts (<see cref="UnionTokens"/>); <see cref="UnionTokens.Any"/> when it does not say.</summary>
    private int AcceptsOf(JsonNode schema, int depth)
    {
        if (!schema.IsObject) return schema.Kind == JsonKind.False ? 0 : UnionTokens.Any;
        if (depth > MaxTypeDepth) return UnionTokens.Any;
        if (schema.GetString("$ref") is { } reference)
        {
            if (!reference.StartsWith("#", StringComparison.Ordinal)) return UnionTokens.Any;
            var target = ResolveLocal(reference, out _);
            return target is null ? UnionTokens.Any : AcceptsOf(target, depth + 1);
        }
        var values = EnumValues(schema);
        if (values is not null && (values.Strings.Count > 0 || values.Integers.Count > 0 || values.HasOther))
        {
            var fromValues = AcceptedByValues(schema);
            if (fromValues != 0) return fromValues;
        }
        var fromTypes = AcceptedByTypes(TypeNames(schema));
        if (fromTypes != 0) return fromTypes;
        if (UnionOptions(schema, out _) is { Count: > 0 } options)
        {
            var mask = 0;
            foreach (var o in options) mask |= AcceptsOf(o, depth + 1);
            return mask;
        }
        if (schema.Get("allOf") is { IsArray: true } allOf)
        {
            foreach (var part in allOf.Items!)
            {
                var m = AcceptsOf(part, depth + 1);
                if (m != UnionTokens.Any) return m;
            }
        }
        if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null || schema.Get("required") is not null) return UnionTokens.Object;
        if (schema.Get("items") is not null || schema.Get("prefixItems") is not null) return UnionTokens.Array;
        return UnionTokens.Any;
    }

    /// <summary>The token kinds of the schema's enum, const or const-union values (0 when it lists none of a kind a token has).</summary>
    private static int AcceptedByValues(JsonNode schema)
    {
        var fromValues = 0;
        var items = schema.Get("enum") is { IsArray: true } e ? e.Items! : schema.Get("const") is { } c ? new List<JsonNode> { c } : ConstUnion(schema) ?? new List<JsonNode>();
        foreach (var v in items)
        {
            fromValues |= v.Kind switch
            {
                JsonKind.String => UnionTokens.String,
                JsonKind.Number => IsInteger(v.Text!) ? UnionTokens.Integer : UnionTokens.Number,
                JsonKind.True or JsonKind.False => UnionTokens.Boolean,
                JsonKind.Array => UnionTokens.Array,
                JsonKind.Object => UnionTokens.Object,
                _ => 0,
            };
        }
        return fromValues;
    }

    /// <summary>The token kinds the schema's <c>type</c> names accept (a number accepts integers too; 0 for none known).</summary>
    private static int AcceptedByTypes(List<string> types)
    {
        var mask = 0;
        foreach (var t in types)
        {
            mask |= t switch
            {
                "string" => UnionTokens.String,
                "integer" => UnionTokens.Integer,
                "number" => UnionTokens.Number | UnionTokens.Integer,
                "boolean" => UnionTokens.Boolean,
                "array" => UnionTokens.Array,
                "object" => UnionTokens.Object,
                _ => 0,
            };
        }
        return mask;
    }

    /// <summary>An object schema's required and declared property names, through local $refs and allOf parts.</summary>
    private (List<string> Required, List<string> Names) ObjectFacts(JsonNode schema)
    {
        var required = new List<string>();
        var names = new List<string>();
        var visited = new HashSet<JsonNode>();
        var stack = new Stack<(JsonNode Node, int Depth)>();
        stack.Push((schema, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (!node.IsObject || depth > MaxTypeDepth || !visited.Add(node)) continue;
            if (node.GetString("$ref") is { } r && r.StartsWith("#", StringComparison.Ordinal) && ResolveLocal(r, out _) is { } target) stack.Push((target, depth + 1));
            if (node.Get("required") is { IsArray: true } req)
            {
                foreach (var x in req.Items!) if (x.IsString && !required.Contains(x.Text!)) required.Add(x.Text!);
            }
            if (node.Get("properties") is { IsObject: true } props)
            {
                foreach (var m in props.Members!) if (!names.Contains(m.Name)) names.Add(m.Name);
            }
            if (node.Get("allOf") is { IsArray: true } all)
            {
                for (var i = all.Items!.Count - 1; i >= 0; i--) stack.Push((all.Items[i], depth + 1));
            }
        }
        return (required, names);
    }

    /// <summary>MD1031 for cases the JSON cannot tell apart: a value goes to the first of them.</summary>
    private void ReportIndistinct(Named entry, string keyword, List<RawProperty> cases, List<RawUnionCase> facts)
    {
        for (var j = 1; j < cases.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (!Shadows(cases[i].Type, facts[i], cases[j].Type, facts[j])) continue;
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IndistinctUnionCases, cases[j].TypeCell, entry.Name, keyword, cases[i].Name, cases[j].Name));
                break;
            }
        }
    }

    /// <summary>Whether every JSON value case <c>b</c> accepts is read as case <c>a</c> (see the union converter's order).</summary>
    private static bool Shadows(TypeSpec a, RawUnionCase fa, TypeSpec b, RawUnionCase fb)
    {
        if ((fb.Accepts & ~fa.Accepts) != 0) return false;
        if (fa.Accepts == UnionTokens.Any) return b.Kind == TypeKind.Any || a.Kind == TypeKind.Any;
        if ((fb.Accepts & UnionTokens.Object) != 0)
        {
            // Objects: a case is picked by its required names, then by how many names match.
            return fa.Required.Count == fb.Required.Count && fa.Required.All(fb.Required.Contains)
                   && fa.Names.Count == fb.Names.Count && fa.Names.All(fb.Names.Contains);
        }
        if ((fb.Accepts & UnionTokens.Array) != 0) return true; // arrays are told apart by their first item only when kinds differ: conservative
        if ((fb.Accepts & UnionTokens.String) != 0) return StringConstraint(a) == StringConstraint(b);
        return true;
    }

    /// <summary>What a string case checks before it accepts a string (a plain string accepts any).</summary>
    private static string StringConstraint(TypeSpec t) => t.Kind switch
    {
        TypeKind.Date or TypeKind.DateTime or TypeKind.Uuid or TypeKind.Bytes => t.Kind.ToString(),
        TypeKind.Reference => "ref:" + (t.Name ?? t.Link),
        _ => "string",
    };
}
