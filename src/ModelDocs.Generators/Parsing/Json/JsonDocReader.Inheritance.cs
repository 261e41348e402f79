using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Parsing.Json;

internal sealed partial class JsonDocReader
{
    private Inheritance _inheritance = null!;

    /// <summary>
    /// Inheritance without a discriminator (issue 12): a named object schema whose <c>allOf</c> refers to
    /// another named object schema of this document derives from the first one it refers to and declares
    /// only its own properties (the other parts'), instead of copying the base's; the base record is then
    /// not sealed. Copying made output grow with the product of sizes (every extension repeated every base
    /// property, in the record and in its converter). Decided per file, in document order, before any
    /// schema is read, like <see cref="Hierarchy"/>. A schema still copies (today's merge) when deriving
    /// would change what the types mean:
    /// <list type="bullet">
    /// <item>either schema is part of a hierarchy with a discriminator (<see cref="Hierarchy"/> decides those);</item>
    /// <item>the reference is not a local pointer to a named object schema (another file: not merged at all, as
    /// before; an alias, array, enum or primitive: nothing to derive from);</item>
    /// <item>it would be a cycle (a schema, or the root <c>#</c>, that extends itself or one of its extensions);</item>
    /// <item>another part defines a property the base has differently (MD1023, the first definition is used);</item>
    /// <item>another part makes a property of the base required that the base does not require (C# cannot make an
    /// inherited property <c>required</c>, nor non-nullable).</item>
    /// </list>
    /// </summary>
    private sealed class Inheritance
    {
        private readonly JsonDocReader _r;
        private readonly Dictionary<Named, Named> _parent = new();
        private readonly Dictionary<Named, List<Named>> _children = new();
        private readonly Dictionary<JsonNode, Dictionary<string, (JsonNode Schema, bool Required)>> _closures = new();
        private readonly Dictionary<JsonNode, string> _canonical = new();

        public Inheritance(JsonDocReader reader) => _r = reader;

        public Named? ParentOf(Named entry) => _parent.TryGetValue(entry, out var p) ? p : null;

        /// <summary>The keys of the schemas that extend <paramref name="entry"/>, in key order.</summary>
        public EquatableArray<string> ExtensionsOf(Named entry)
            => _children.TryGetValue(entry, out var c) ? c.Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray() : EquatableArray<string>.Empty;

        private string Key(Named entry) => _r._keyPrefix + entry.Pointer;

        public void Build(List<Named> named, Hierarchy polymorphic)
        {
            foreach (var m in named)
            {
                if (m.Kind != SchemaKind.Model || polymorphic.Involves(m)) continue;
                if (m.Node.Get("allOf") is not { IsArray: true } all) continue;
                var part = all.Items!.FirstOrDefault(p => p.IsObject && p.Get("$ref") is not null);
                if (part?.GetString("$ref") is not { } reference || !reference.StartsWith("#", StringComparison.Ordinal)) continue;
                var target = _r.ResolveLocal(reference, out _);
                if (target is null || !_r._byNode.TryGetValue(target, out var b) || b == m || b.Kind != SchemaKind.Model || polymorphic.Involves(b)) continue;
                if (IsAncestorOrSelf(m, b) || !KeepsMeaning(m, b)) continue;
                _parent[m] = b;
                if (!_children.TryGetValue(b, out var list)) _children[b] = list = new List<Named>();
                list.Add(m);
            }
        }

        /// <summary>Whether <paramref name="entry"/> is <paramref name="of"/> or one of its ancestors (deriving would make a cycle).</summary>
        private bool IsAncestorOrSelf(Named entry, Named of)
        {
            var seen = new HashSet<Named>();
            for (var p = of; p is not null && seen.Add(p); p = ParentOf(p))
            {
                if (p == entry) return true;
            }
            return false;
        }

        /// <summary>No other part redefines or newly requires a property the base has (see the class comment).</summary>
        private bool KeepsMeaning(Named m, Named b)
        {
            var inherited = Closure(b.Node);
            var own = new Dictionary<string, (JsonNode Schema, bool Required)>(StringComparer.Ordinal);
            Walk(m.Node, b.Node, own);
            foreach (var p in own)
            {
                if (!inherited.TryGetValue(p.Key, out var i)) continue;
                if (p.Value.Required && !i.Required) return false;
                if (p.Value.Schema is not null && i.Schema is not null && !ReferenceEquals(p.Value.Schema, i.Schema) && CanonicalOf(p.Value.Schema) != CanonicalOf(i.Schema)) return false;
            }
            return true;
        }

        /// <summary>Every property a schema has through its <c>allOf</c> parts, with whether any part requires it.</summary>
        private Dictionary<string, (JsonNode Schema, bool Required)> Closure(JsonNode node)
        {
            if (_closures.TryGetValue(node, out var known)) return known;
            var properties = new Dictionary<string, (JsonNode Schema, bool Required)>(StringComparer.Ordinal);
            Walk(node, null, properties);
            _closures[node] = properties;
            return properties;
        }

        /// <summary>
        /// The walk <see cref="ReadModel"/> makes (parts depth first, each schema once, bounded), skipping
        /// <paramref name="skip"/>: the first definition of each property, and the names any part requires
        /// (a required name no visited part defines has no schema).
        /// </summary>
        private void Walk(JsonNode start, JsonNode? skip, Dictionary<string, (JsonNode Schema, bool Required)> into)
        {
            var visited = new HashSet<JsonNode>();
            var required = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<(JsonNode Node, int Depth)>();
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (node, depth) = stack.Pop();
                if (!node.IsObject || !visited.Add(node)) continue;
                if (node.GetString("$ref") is { } reference && depth < MaxTypeDepth && _r.ResolveLocal(reference, out _) is { } target && !ReferenceEquals(target, skip))
                {
                    stack.Push((target, depth + 1));
                }
                if (node.Get("required") is { IsArray: true } req)
                {
                    foreach (var r in req.Items!) if (r.IsString) required.Add(r.Text!);
                }
                if (node.Get("properties") is { IsObject: true } props)
                {
                    foreach (var p in props.Members!)
                    {
                        if (!into.ContainsKey(p.Name)) into[p.Name] = (p.Value, false);
                    }
                }
                if (node.Get("allOf") is { IsArray: true } all && depth < MaxTypeDepth)
                {
                    for (var i = all.Items!.Count - 1; i >= 0; i--) stack.Push((all.Items[i], depth + 1));
                }
            }
            foreach (var name in required)
            {
                into[name] = into.TryGetValue(name, out var p) ? (p.Schema, true) : (null!, true);
            }
        }

        private string CanonicalOf(JsonNode schema)
        {
            if (!_canonical.TryGetValue(schema, out var text)) _canonical[schema] = text = Canonical(schema, Annotations);
            return text;
        }
    }
}
