using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing.Json;

internal sealed partial class JsonDocReader
{
    private Hierarchy _hierarchy = null!;

    /// <summary>
    /// The discriminator's property name: OpenAPI 3 <c>{"propertyName": ..}</c>, Swagger 2.0 a plain string;
    /// on the schema itself or on one of its inline <c>allOf</c> parts (the composed schema has it then).
    /// </summary>
    private static string? DiscriminatorProperty(JsonNode node) => DiscriminatorHolder(node) is { } holder ? OwnDiscriminator(holder) : null;

    /// <summary>The schema whose <c>discriminator</c> applies to <paramref name="node"/>: itself, or an inline allOf part.</summary>
    private static JsonNode? DiscriminatorHolder(JsonNode node)
    {
        if (OwnDiscriminator(node) is not null) return node;
        if (node.IsObject && node.Get("allOf") is { IsArray: true } all)
        {
            foreach (var part in all.Items!)
            {
                if (part.IsObject && part.Get("$ref") is null && OwnDiscriminator(part) is not null) return part;
            }
        }
        return null;
    }

    /// <summary>Whether a schema with a discriminator can be a record: a union, or an object (not an array, map, enum or primitive).</summary>
    private static bool CanBeBase(JsonNode node)
    {
        if (node.Get("oneOf") is { IsArray: true } || node.Get("anyOf") is { IsArray: true }) return true;
        var types = TypeNames(node);
        types.Remove("null");
        if (types.Count > 1 || (types.Count == 1 && types[0] != "object")) return false;
        return node.Get("items") is null && node.Get("additionalProperties") is not { IsObject: true } && node.Get("enum") is null && node.Get("const") is null;
    }

    private static string? OwnDiscriminator(JsonNode node)
    {
        if (!node.IsObject) return null;
        var d = node.Get("discriminator");
        if (d is { IsString: true } && d.Text!.Length > 0) return d.Text;
        if (d is not { IsObject: true }) return null;
        var name = d.GetString("propertyName") ?? d.GetString("property");
        return string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>
    /// The polymorphic hierarchies of one document. A schema with a discriminator is a base (a record,
    /// even when it is only a <c>oneOf</c>); its cases (the <c>mapping</c>, else the <c>oneOf</c>/<c>anyOf</c>
    /// <c>$ref</c>s, plus the schemas that extend it through <c>allOf</c>, by name) derive from it. A schema
    /// derives from one base only: the first <c>allOf</c> base it extends, else the first base that maps it.
    /// Cases that cannot derive (in another file, not an object, already derived elsewhere) get MD1026 and
    /// read as the base. All decided before any model is read, in document order, so output is stable.
    /// </summary>
    private sealed class Hierarchy
    {
        private readonly JsonDocReader _r;
        private readonly Dictionary<JsonNode, Named> _bases = new();
        private readonly List<Named> _baseOrder = new();
        private readonly Dictionary<Named, Named> _parent = new();
        private readonly Dictionary<Named, List<DiscriminatorCase>> _cases = new();
        private readonly Dictionary<Named, List<DiscriminatorTag>> _tags = new();
        private readonly Dictionary<Named, Named> _alias = new();

        public Hierarchy(JsonDocReader reader) => _r = reader;

        /// <summary>The base a schema with a discriminator reads as: its own, or the base its union stands for; null if none.</summary>
        public Named? BaseFor(JsonNode node)
        {
            if (_bases.TryGetValue(node, out var b)) return b;
            return _r._byNode.TryGetValue(node, out var union) && _alias.TryGetValue(union, out var a) ? a : null;
        }

        /// <summary>A named schema that a reference to <paramref name="entry"/> means: the base of a union that stands for one.</summary>
        public Named Redirect(Named entry) => _alias.TryGetValue(entry, out var a) ? a : entry;

        /// <summary>A union that stands for an existing base generates no type of its own.</summary>
        public bool IsAliased(Named entry) => _alias.ContainsKey(entry);

        public Named? ParentOf(Named entry) => _parent.TryGetValue(entry, out var p) ? p : null;

        /// <summary>Whether a schema is a polymorphic base, derives from one, or stands for one (then <see cref="Inheritance"/> leaves it alone).</summary>
        public bool Involves(Named entry) => _bases.ContainsKey(entry.Node) || _parent.ContainsKey(entry) || _alias.ContainsKey(entry);

        public string? BaseKeyOf(Named entry) => ParentOf(entry) is { } p ? Key(p) : null;

        public PolymorphismSpec? PolymorphismOf(Named entry)
        {
            if (!_bases.TryGetValue(entry.Node, out var b) || b != entry) return null;
            var children = _parent.Where(p => p.Value == entry).Select(p => Key(p.Key)).OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray();
            return new PolymorphismSpec(DiscriminatorProperty(entry.Node)!, (_cases.TryGetValue(entry, out var c) ? c : new List<DiscriminatorCase>()).ToEquatableArray(), children);
        }

        public EquatableArray<DiscriminatorTag> TagsOf(Named entry) => _tags.TryGetValue(entry, out var t) ? t.ToEquatableArray() : EquatableArray<DiscriminatorTag>.Empty;

        private string Key(Named entry) => _r._keyPrefix + entry.Pointer;

        private sealed class Listed(string value, Named? target, JsonNode at, string reference)
        {
            public string Value { get; } = value;
            public Named? Target { get; } = target;
            public JsonNode At { get; } = at;
            public string Reference { get; } = reference;
            public string? Why { get; set; }
        }

        /// <summary>
        /// Decides the document's polymorphic hierarchies: the bases, each model's parent, each base's cases
        /// and each case's tag, reporting cases that cannot derive from the base that lists them.
        /// </summary>
        public void Build(List<Named> named)
        {
            FindBases(named);
            if (_baseOrder.Count == 0) return;
            var models = named.Where(e => e.Kind == SchemaKind.Model).ToList();
            DeriveStructuralChildren(models);

            // c. Each base's explicit values: the mapping, then the oneOf/anyOf $refs it does not map, by schema name.
            var explicitValues = new Dictionary<Named, List<Listed>>();
            foreach (var b in _baseOrder) explicitValues[b] = Explicit(b);

            MergeUnionsIntoBases(explicitValues);
            DeriveListedCases(explicitValues);
            CollectCases(explicitValues, models);
            AddOwnCases(new HashSet<Named>(named));
        }

        /// <summary>a. Bases: named schemas with a discriminator, and inline ones (a property's oneOf, an array's items).</summary>
        private void FindBases(List<Named> named)
        {
            foreach (var e in named)
            {
                if (e.Kind == SchemaKind.Enum) continue;
                if (e.Kind == SchemaKind.Model && DiscriminatorProperty(e.Node) is not null) AddBase(e);
                FindInline(e);
            }
        }

        /// <summary>b. Structural children: a model whose allOf refers to a base extends it (the first such base).</summary>
        private void DeriveStructuralChildren(List<Named> models)
        {
            foreach (var m in models)
            {
                if (m.Node.Get("allOf") is not { IsArray: true } all) continue;
                foreach (var part in all.Items!)
                {
                    if (part.GetString("$ref") is not { } reference || !reference.StartsWith("#", StringComparison.Ordinal)) continue;
                    var target = _r.ResolveLocal(reference, out _);
                    if (target is null || !_bases.TryGetValue(target, out var b) || b == m) continue;
                    if (!IsAncestorOrSelf(m, b)) _parent[m] = b;
                    break;
                }
            }
        }

        /// <summary>
        /// d. A union whose cases all extend one base with the same discriminator is that base (Pet's
        /// `oneOf: [Cat, Dog]` beside `Cat: allOf [Pet]`): no second base, and its values join the base's.
        /// </summary>
        private void MergeUnionsIntoBases(Dictionary<Named, List<Listed>> explicitValues)
        {
            foreach (var b in _baseOrder.ToList())
            {
                if (b.Node.Get("properties") is not null || b.Node.Get("allOf") is not null) continue;
                var list = explicitValues[b];
                if (list.Count == 0 || list.Any(l => l.Target is null)) continue;
                var property = DiscriminatorProperty(b.Node);
                var seen = new HashSet<Named>();
                for (var a = ParentOf(list[0].Target!); a is not null && seen.Add(a); a = ParentOf(a))
                {
                    if (a == b || DiscriminatorProperty(a.Node) != property || !list.All(l => l.Target == a || IsDescendant(l.Target!, a))) continue;
                    _alias[b] = a;
                    _bases.Remove(b.Node);
                    _baseOrder.Remove(b);
                    var values = new HashSet<string>(explicitValues[a].Select(l => l.Value), StringComparer.Ordinal);
                    foreach (var l in list)
                    {
                        if (values.Add(l.Value)) explicitValues[a].Add(l);
                    }
                    break;
                }
            }
        }

        /// <summary>
        /// e. Parents from the explicit values, in document order: a case not yet derived derives from the first
        /// base that lists it; a value that cannot (no schema, not an object, another base, a cycle) is reported.
        /// </summary>
        private void DeriveListedCases(Dictionary<Named, List<Listed>> explicitValues)
        {
            foreach (var b in _baseOrder)
            {
                foreach (var l in explicitValues[b])
                {
                    var target = l.Target;
                    if (target is null) l.Why = $"refers to '{l.Reference}', which is not a schema of this document";
                    else if (target.Kind != SchemaKind.Model) l.Why = $"refers to '{l.Reference}', which is not an object schema";
                    else if (target != b && !IsDescendant(target, b))
                    {
                        if (_parent.TryGetValue(target, out var other)) l.Why = $"is '{target.Name}', which already derives from '{other.Name}' (a record has one base)";
                        else if (IsAncestorOrSelf(target, b)) l.Why = $"is '{target.Name}', which '{b.Name}' itself extends";
                        else _parent[target] = b;
                    }
                    if (l.Why is not null) _r._diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DiscriminatorCaseNotDerived, _r.NodeLoc(l.At), l.Value, b.Name, l.Why));
                }
            }
        }

        /// <summary>
        /// f. With every parent known: each base's cases are its usable explicit values plus, by schema
        /// name, every descendant it does not list; each case is tagged with its first value.
        /// </summary>
        private void CollectCases(Dictionary<Named, List<Listed>> explicitValues, List<Named> models)
        {
            foreach (var b in _baseOrder)
            {
                var property = DiscriminatorProperty(b.Node)!;
                var all = explicitValues[b].Where(l => l.Why is null).ToList();
                var listed = new HashSet<Named>(all.Select(l => l.Target!));
                foreach (var m in models)
                {
                    if (m != b && !listed.Contains(m) && IsDescendant(m, b))
                    {
                        listed.Add(m);
                        all.Add(new Listed(m.Name, m, m.Node, "#" + m.Pointer));
                    }
                }
                var cases = new List<DiscriminatorCase>();
                var values = new HashSet<string>(StringComparer.Ordinal);
                foreach (var l in all)
                {
                    if (!values.Add(l.Value)) continue;
                    cases.Add(new DiscriminatorCase(l.Value, Key(l.Target!)));
                    if (l.Target != b) Tag(l.Target!, property, l.Value);
                }
                _cases[b] = cases;
            }
        }

        /// <summary>
        /// g. A base also reads itself for its own schema name and for the values its ancestors map to it
        /// (Pet hands "Cat" to Cat's converter, which must not take it for an unmapped value); a named
        /// root starts tagged with its own name, so a new one reads back as itself.
        /// </summary>
        private void AddOwnCases(HashSet<Named> isNamed)
        {
            foreach (var b in _baseOrder)
            {
                var cases = _cases[b];
                var values = new HashSet<string>(cases.Select(c => c.Value), StringComparer.Ordinal);
                var seen = new HashSet<Named>();
                for (var a = ParentOf(b); a is not null && seen.Add(a); a = ParentOf(a))
                {
                    foreach (var c in _cases[a])
                    {
                        if (c.TargetKey == Key(b) && values.Add(c.Value)) cases.Add(new DiscriminatorCase(c.Value, Key(b)));
                    }
                }
                if (isNamed.Contains(b) && values.Add(b.Name)) cases.Add(new DiscriminatorCase(b.Name, Key(b)));
                if (isNamed.Contains(b) && ParentOf(b) is null) Tag(b, DiscriminatorProperty(b.Node)!, cases.FirstOrDefault(c => c.TargetKey == Key(b))?.Value ?? b.Name);
            }
        }

        private void Tag(Named target, string property, string value)
        {
            if (!_tags.TryGetValue(target, out var tags)) _tags[target] = tags = new List<DiscriminatorTag>();
            if (!tags.Any(t => t.PropertyName == property)) tags.Add(new DiscriminatorTag(property, value));
        }

        /// <summary>The mapping's values, then the oneOf/anyOf <c>$ref</c>s not mapped, by schema name.</summary>
        private List<Listed> Explicit(Named b)
        {
            var list = new List<Listed>();
            var listed = new HashSet<Named>();
            var values = new HashSet<string>(StringComparer.Ordinal);
            if (DiscriminatorHolder(b.Node)!.Get("discriminator") is { IsObject: true } d && d.Get("mapping") is { IsObject: true } map)
            {
                foreach (var m in map.Members!)
                {
                    if (!m.Value.IsString || !values.Add(m.Name)) continue;
                    var t = Target(m.Value.Text!);
                    list.Add(new Listed(m.Name, t, m.Value, m.Value.Text!));
                    if (t is not null) listed.Add(t);
                }
            }
            foreach (var keyword in new[] { "oneOf", "anyOf" })
            {
                if (b.Node.Get(keyword) is not { IsArray: true } union) continue;
                foreach (var o in union.Items!)
                {
                    if (o.GetString("$ref") is not { } reference) continue;
                    var t = Target(reference);
                    if (t is not null && !listed.Add(t)) continue;
                    var value = t?.Name ?? LastToken(reference);
                    if (values.Add(value)) list.Add(new Listed(value, t, o, reference));
                }
            }
            return list;
        }

        private void AddBase(Named entry)
        {
            if (_bases.ContainsKey(entry.Node)) return;
            _bases[entry.Node] = entry;
            _baseOrder.Add(entry);
        }

        /// <summary>Inline schemas with a discriminator below a named schema become bases named after where they are.</summary>
        private void FindInline(Named owner)
        {
            var stack = new Stack<(JsonNode Node, string Name, string Pointer, int Depth, bool Part)>();
            void Expand(JsonNode node, string name, string pointer, int depth)
            {
                if (depth >= MaxTypeDepth) return;
                if (node.Get("properties") is { IsObject: true } props)
                {
                    foreach (var m in props.Members!) stack.Push((m.Value, name + ToTypeName(m.Name), pointer + "/properties/" + EscapeToken(m.Name), depth + 1, false));
                }
                if (node.Get("items") is { IsObject: true } items) stack.Push((items, name + "Item", pointer + "/items", depth + 1, false));
                if (node.Get("additionalProperties") is { IsObject: true } values) stack.Push((values, name + "Value", pointer + "/additionalProperties", depth + 1, false));
                if (node.Get("allOf") is { IsArray: true } all)
                {
                    for (var i = 0; i < all.Items!.Count; i++) stack.Push((all.Items[i], name, pointer + "/allOf/" + i, depth + 1, true));
                }
            }

            Expand(owner.Node, owner.Kind == SchemaKind.Model ? owner.TypeName : ToTypeName(owner.Name), owner.Pointer, 0);
            while (stack.Count > 0)
            {
                var (node, name, pointer, depth, part) = stack.Pop();
                if (!node.IsObject || node.Get("$ref") is not null) continue;
                // An allOf part's discriminator is its owner's (DiscriminatorHolder).
                if (!part && DiscriminatorProperty(node) is not null && CanBeBase(node))
                {
                    if (_bases.ContainsKey(node) || _r._byNode.ContainsKey(node)) continue;
                    var entry = new Named(pointer, name, node, SchemaKind.Model, _r.UniqueTypeName(name));
                    _r._byNode[node] = entry;
                    _r._byPointer[pointer] = entry;
                    _r._queue.Enqueue(entry);
                    AddBase(entry);
                    continue;
                }
                Expand(node, name, pointer, depth);
            }
        }

        /// <summary>The named model a mapping value or <c>$ref</c> names (a local pointer, or a bare schema name).</summary>
        private Named? Target(string reference)
        {
            if (reference.StartsWith("#", StringComparison.Ordinal))
            {
                var node = _r.ResolveLocal(reference, out _);
                if (node is null) return null;
                return _r._byNode.TryGetValue(node, out var n) ? n : _r._byPointer.Values.FirstOrDefault(v => ReferenceEquals(v.Node, node));
            }
            if (reference.IndexOf('/') < 0 && reference.IndexOf('.') < 0)
            {
                return _r._byPointer.Values.FirstOrDefault(n => n.Name == reference && n.Kind != SchemaKind.Alias && n.Pointer.LastIndexOf('/') is var s && s >= 0
                    && n.Pointer.Substring(0, s) is "/components/schemas" or "/definitions" or "/$defs");
            }
            return null;
        }

        private bool IsDescendant(Named entry, Named ancestor)
        {
            var seen = new HashSet<Named>();
            for (var p = ParentOf(entry); p is not null && seen.Add(p); p = ParentOf(p))
            {
                if (p == ancestor) return true;
            }
            return false;
        }

        /// <summary>Whether <paramref name="entry"/> is <paramref name="of"/> or one of its ancestors (deriving would make a cycle).</summary>
        private bool IsAncestorOrSelf(Named entry, Named of) => entry == of || IsDescendant(of, entry);
    }
}
