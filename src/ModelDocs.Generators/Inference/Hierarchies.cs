using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Inference;

/// <summary>
/// The hierarchy stage: once every model is resolved, a derived record learns its ancestors' properties
/// (the converter reads and writes them all) and drops its own copies of them (an <c>allOf</c> that
/// restates the base's discriminator). Reads only the bases (polymorphic ones, and records others extend
/// through <c>allOf</c> without a discriminator), so editing any other doc leaves this stage's input for
/// every model unchanged.
/// </summary>
internal static class Hierarchies
{
    /// <summary>A polymorphic base, or a record others extend without a discriminator.</summary>
    public static bool IsBase(ModelSpec model) => model.Hierarchy is { } h && (h.Polymorphism is not null || !h.Extensions.IsEmpty);

    /// <summary>The doc with its ancestors' properties; a bug here is MD9001 on the doc, which then does not generate.</summary>
    public static ResolveResult Attach(ResolveResult named, EquatableArray<ModelSpec> bases, CancellationToken ct)
    {
        if (named.Model is not { } model) return named;
        return InternalErrors.Guard(model, ct,
            () =>
            {
                var attached = Attach(model, bases);
                return ReferenceEquals(attached, model) ? named : named with { Model = attached };
            },
            error => new ResolveResult(null, named.Diagnostics.Concat(new[] { error }).ToEquatableArray()));
    }

    private static ModelSpec Attach(ModelSpec model, EquatableArray<ModelSpec> bases)
    {
        var h = model.Hierarchy;
        if (h?.BaseType is null) return model;

        // The ancestors, nearest first; a base that did not generate ends the chain.
        var chain = new List<ModelSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { model.FullName };
        for (var name = h.BaseType; name is not null && seen.Add(name);)
        {
            var b = Find(bases, name);
            if (b is null) break;
            chain.Add(b);
            name = b.Hierarchy?.BaseType;
        }
        if (chain.Count == 0)
        {
            // The base did not generate (its name is taken by another doc): a standalone record.
            return model with { Hierarchy = h.Polymorphism is null && h.Extensions.IsEmpty ? null : h with { BaseType = null, Tags = EquatableArray<DiscriminatorTag>.Empty, ExtendsBase = false } };
        }
        chain.Reverse();

        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var clrNames = new HashSet<string>(StringComparer.Ordinal);
        var inherited = new List<PropertyModel>();
        foreach (var ancestor in chain) inherited.AddRange(Declared(ancestor.Properties, wireNames, clrNames));
        var own = Declared(model.Properties, wireNames, clrNames);
        return model with
        {
            Properties = own.ToEquatableArray(),
            Hierarchy = h with { Inherited = inherited.ToEquatableArray() },
        };
    }

    /// <summary>The properties a record declares itself: not one an ancestor has (by wire name), C# names kept unique.</summary>
    private static List<PropertyModel> Declared(IEnumerable<PropertyModel> properties, HashSet<string> wireNames, HashSet<string> clrNames)
    {
        var list = new List<PropertyModel>();
        foreach (var p in properties)
        {
            if (!wireNames.Add(p.WireName)) continue;
            var name = UniqueNames.Claim(clrNames, p.ClrName);
            list.Add(name == p.ClrName ? p : p with { ClrName = name });
        }
        return list;
    }

    private static ModelSpec? Find(EquatableArray<ModelSpec> bases, string fullName)
    {
        foreach (var b in bases)
        {
            if (string.Equals(b.FullName, fullName, StringComparison.Ordinal)) return b;
        }
        return null;
    }
}
