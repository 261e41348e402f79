using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Emit;

/// <summary>The hint names one emission step asks for, in order, and whose they are (names only: text edits leave it equal).</summary>
internal sealed record HintClaims(string Owner, string FilePath, EquatableArray<string> Hints)
{
    public static HintClaims Of(EmitResult emitted) => new(emitted.Owner, emitted.FilePath, emitted.Sources.Select(s => s.HintName).ToEquatableArray());
}

/// <summary>Source <paramref name="Index"/> of <paramref name="Owner"/> is added as <paramref name="To"/>; <paramref name="SameTypeAs"/>: the file of an earlier owner that asked for the very same name.</summary>
internal sealed record HintRename(string Owner, int Index, string To, string? SameTypeAs);

/// <summary>
/// The one place that decides generated files' hint names. Roslyn throws (CS8785, every generated file of
/// the compilation lost) when a generator adds two sources whose hint names are equal ignoring case, and
/// no emission step can see another's names, so: every step asks for <see cref="ForType"/> (or a fixed
/// shared name), and <see cref="Plan"/>, over the names every step asked for, gives each request its own
/// name: the shared files first, then the docs by path; a name already given (case-insensitively) becomes
/// <c>{Namespace}.{Type}.{n}.g.cs</c>, which no type's name can ask for (a type name does not start with a
/// digit). <see cref="Apply"/> renames a step's sources just before they are added. The type-names stage
/// (<c>Inference/TypeNames</c>) already keeps the types distinct, so a renamed hint means two types that
/// differ only in case (legal C#), or two docs generating the very same type, which the C# compiler rejects
/// (CS0101) and MD1030 names at the later doc.
/// </summary>
internal static class HintNames
{
    public const string Attributes = "ModelDocs.Attributes.g.cs";
    public const string IsExternalInit = "ModelDocs.IsExternalInit.g.cs";
    public const string JsonRuntime = "ModelDocs.Json.g.cs";

    private const string Suffix = ".g.cs";

    /// <summary>The name a type's file asks for: <c>{Namespace}.{Type}.g.cs</c> (a record or enum, or a namespace's serializer context).</summary>
    public static string ForType(string ns, string typeName) => ns + "." + typeName + Suffix;

    public static EquatableArray<HintRename> Plan(HintClaims shared, EquatableArray<HintClaims> docs)
    {
        var all = new List<HintClaims> { shared };
        all.AddRange(docs.OrderBy(d => d.Owner, StringComparer.Ordinal));
        var asked = new HashSet<string>(all.SelectMany(c => c.Hints), StringComparer.OrdinalIgnoreCase);
        var given = new Dictionary<string, HintClaims>(StringComparer.OrdinalIgnoreCase);
        var renames = new List<HintRename>();
        foreach (var claims in all)
        {
            for (var i = 0; i < claims.Hints.Count; i++)
            {
                var hint = claims.Hints[i];
                if (!given.TryGetValue(hint, out var first))
                {
                    given.Add(hint, claims);
                    continue;
                }
                var stem = hint.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) ? hint.Substring(0, hint.Length - Suffix.Length) : hint;
                var to = UniqueNames.Numbered(stem, c => !asked.Contains(c) && !given.ContainsKey(c), ".", Suffix);
                given.Add(to, claims);
                // Equal to the letter: the same C# type twice (the fixed ModelDocs.* files declare no type of that name).
                var firstHint = first.Hints.FirstOrDefault(h => string.Equals(h, hint, StringComparison.OrdinalIgnoreCase));
                var sameType = string.Equals(firstHint, hint, StringComparison.Ordinal) && hint is not (Attributes or IsExternalInit or JsonRuntime)
                    ? first.FilePath : null;
                renames.Add(new HintRename(claims.Owner, i, to, sameType));
            }
        }
        return renames.ToEquatableArray();
    }

    /// <summary>The step's sources under the names <paramref name="plan"/> gives them (the same instance when it renames none), with MD1030 for a type generated twice.</summary>
    public static EmitResult Apply(EmitResult emitted, EquatableArray<HintRename> plan)
    {
        List<HintRename>? mine = null;
        foreach (var r in plan)
        {
            if (r.Owner == emitted.Owner) (mine ??= new List<HintRename>()).Add(r);
        }
        if (mine is null) return emitted;
        var sources = emitted.Sources.ToArray();
        var diagnostics = emitted.Diagnostics.ToList();
        foreach (var r in mine)
        {
            if (r.Index >= sources.Length) continue;
            var requested = sources[r.Index].HintName;
            sources[r.Index] = sources[r.Index] with { HintName = r.To };
            if (r.SameTypeAs is { } other)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeGeneratedTwice, InternalErrors.FileStart(emitted.FilePath),
                    Paths.FileName(emitted.FilePath), requested.Substring(0, requested.Length - Suffix.Length), Paths.FileName(other)));
            }
        }
        return emitted with { Sources = sources.ToEquatableArray(), Diagnostics = diagnostics.ToEquatableArray() };
    }
}
