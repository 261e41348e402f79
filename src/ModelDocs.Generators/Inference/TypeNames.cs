using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Inference;

/// <summary>The C# types one resolved doc declares in its namespace, as names only (the input of <see cref="TypeNames.Settle"/>).</summary>
internal sealed record DeclaredTypes(string Namespace, string FilePath, string TypeName, DocumentKind Kind, EquatableArray<string> PropertyEnums)
{
    public static DeclaredTypes Of(ModelSpec model)
        => new(model.Namespace, model.FilePath, model.TypeName, model.Kind,
            model.Kind is DocumentKind.Model or DocumentKind.Union ? model.Enums.Select(e => e.TypeName).ToEquatableArray() : EquatableArray<string>.Empty);
}

/// <summary>A property enum of the doc whose type is <paramref name="Owner"/> that is declared as <paramref name="To"/> instead of <paramref name="From"/>.</summary>
internal sealed record EnumRename(string Namespace, string Owner, string From, string To);

/// <summary>
/// The type-names stage: a property's enum is named <c>{Type}{Property}</c> by the resolver, which sees
/// only the index of doc names, so two docs can both want <c>SettingsAuditLevel</c> (<c>Settings.auditLevel</c>
/// and <c>SettingsAudit.level</c>), and names that differ only in case are distinct C# types but the same
/// generated file name to Roslyn. Here, over the names every doc declares, each property enum keeps its
/// name unless the name, or a companion type emitted beside it (<c>…Extensions</c>, <c>…JsonConverter</c>),
/// is already taken in its namespace, case-insensitively: by a doc's type or its companions, the JSON
/// context, or a property enum of a doc earlier by path; then it takes the first free <c>{Name}{n}</c>.
/// Doc type names are never changed here (other docs' references to them are already resolved); the
/// resolver keeps them unique (MD1010).
/// </summary>
internal static class TypeNames
{
    public static EquatableArray<EnumRename> Settle(EquatableArray<DeclaredTypes> all, string contextName)
    {
        var renames = new List<EnumRename>();
        foreach (var group in all.GroupBy(d => d.Namespace, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var docs = group.OrderBy(d => d.FilePath, StringComparer.Ordinal).ThenBy(d => d.TypeName, StringComparer.Ordinal).ToList();
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { contextName };
            foreach (var d in docs)
            {
                foreach (var n in Declares(d.TypeName, d.Kind == DocumentKind.Enum)) taken.Add(n);
            }
            // A renamed enum must not take a name another enum of the namespace asks for.
            var wanted = new HashSet<string>(docs.SelectMany(d => d.PropertyEnums), StringComparer.OrdinalIgnoreCase);
            foreach (var d in docs)
            {
                foreach (var e in d.PropertyEnums)
                {
                    var name = Declares(e, true).Any(taken.Contains)
                        ? UniqueNames.Numbered(e, c => !wanted.Contains(c) && !Declares(c, true).Any(taken.Contains))
                        : e;
                    foreach (var t in Declares(name, true)) taken.Add(t);
                    if (name != e) renames.Add(new EnumRename(d.Namespace, d.TypeName, e, name));
                }
            }
        }
        return renames.ToEquatableArray();
    }

    /// <summary>The namespace-level types the emitter declares for a record or an enum.</summary>
    private static IEnumerable<string> Declares(string typeName, bool isEnum)
    {
        yield return typeName;
        yield return GeneratedNames.ConverterName(typeName);
        if (isEnum) yield return GeneratedNames.ExtensionsOf(typeName);
    }

    /// <summary>The doc with its property enums renamed as <paramref name="renames"/> say (references and defaults included).</summary>
    public static ResolveResult Apply(ModelSpec model, EquatableArray<EnumRename> renames, CancellationToken ct)
        => InternalErrors.Guard(model, ct,
            () => new ResolveResult(Rename(model, renames), EquatableArray<DiagnosticInfo>.Empty),
            error => new ResolveResult(null, new EquatableArray<DiagnosticInfo>(new[] { error })));

    private static ModelSpec Rename(ModelSpec model, EquatableArray<EnumRename> renames)
    {
        Dictionary<string, string>? map = null;
        foreach (var r in renames)
        {
            if (r.Owner == model.TypeName && r.Namespace == model.Namespace) (map ??= new Dictionary<string, string>(StringComparer.Ordinal))[r.From] = r.To;
        }
        if (map is null) return model;
        var ns = model.Namespace;
        return model with
        {
            Enums = model.Enums.Select(e => map.TryGetValue(e.TypeName, out var to) ? e with { TypeName = to } : e).ToEquatableArray(),
            Properties = model.Properties.Select(p => Rename(p, ns, map)).ToEquatableArray(),
        };
    }

    private static PropertyModel Rename(PropertyModel p, string ns, Dictionary<string, string> map)
    {
        var type = Rename(p.Type, ns, map);
        if (ReferenceEquals(type, p.Type)) return p;
        var d = p.Default;
        // An enum default is global::{ns}.{Enum}.{Member}.
        if (d is not null && p.Type.EnumName is { } from && map.TryGetValue(from, out var to))
        {
            var prefix = $"global::{ns}.{from}.";
            if (d.Expression.StartsWith(prefix, StringComparison.Ordinal)) d = d with { Expression = $"global::{ns}.{to}." + d.Expression.Substring(prefix.Length) };
        }
        return p with { Type = type, Default = d };
    }

    private static ResolvedType Rename(ResolvedType t, string ns, Dictionary<string, string> map)
    {
        if (t.Kind == TypeKind.Reference && t.EnumName is { } from && map.TryGetValue(from, out var to))
        {
            return t with { EnumName = to, ClrName = $"global::{ns}.{to}" };
        }
        if (t.Element is null) return t;
        var element = Rename(t.Element, ns, map);
        if (ReferenceEquals(element, t.Element)) return t;
        // A container's name ends with its element's: IReadOnlyList<E>, IReadOnlyDictionary<string, E>.
        var at = t.ClrName.LastIndexOf(t.Element.ClrName, StringComparison.Ordinal);
        var clrName = at < 0 ? t.ClrName : t.ClrName.Substring(0, at) + element.ClrName + t.ClrName.Substring(at + t.Element.ClrName.Length);
        return t with { Element = element, ClrName = clrName };
    }
}
