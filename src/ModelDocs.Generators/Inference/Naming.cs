using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Inference;

/// <summary>C# identifiers and wire names from doc names. Deterministic: the same name always gives the same result.</summary>
internal static class Naming
{

    /// <summary>The wire name under a policy, for dialects whose Name column is not the wire name.</summary>
    public static string ToWireName(string name, WireNaming policy) => policy switch
    {
        WireNaming.AsWritten => name,
        WireNaming.PascalCase => Identifiers.ToPascalCase(name).TrimStart('_'),
        WireNaming.SnakeCase => ToSnakeCase(name),
        _ => ToCamelCase(name),
    };

    /// <summary><c>profile_id</c> → <c>profileId</c>; <c>ProfileId</c> → <c>profileId</c>; <c>ID</c> → <c>id</c>.</summary>
    public static string ToCamelCase(string name)
    {
        if (name.IndexOf('_') >= 0 || name.IndexOf('-') >= 0)
        {
            var parts = name.Split(new[] { '_', '-' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) return name;
            var sb = new StringBuilder(LowerFirstWord(parts[0]));
            for (var i = 1; i < parts.Length; i++)
            {
                sb.Append(char.ToUpperInvariant(parts[i][0])).Append(parts[i].Substring(1));
            }
            return sb.ToString();
        }
        return LowerFirstWord(name);
    }

    /// <summary>Lower-cases the leading capital run: <c>URLPath</c> → <c>urlPath</c>, <c>Name</c> → <c>name</c>.</summary>
    private static string LowerFirstWord(string s)
    {
        if (s.Length == 0 || !char.IsUpper(s[0])) return s;
        var run = 0;
        while (run < s.Length && char.IsUpper(s[run])) run++;
        if (run == 1 || run == s.Length) return s.Substring(0, run).ToLowerInvariant() + s.Substring(run);
        // URLPath: keep the last capital, it starts the next word.
        return s.Substring(0, run - 1).ToLowerInvariant() + s.Substring(run - 1);
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                // A word starts here: after a lower-case letter, or at the last capital of a run (URLPath);
                // never right after a separator the name already has ('_', '-', '.', ' ').
                if (i > 0 && char.IsLetterOrDigit(name[i - 1]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Record members C# generates or inherits; a property with one of these names would not compile.</summary>
    public static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "PrintMembers", "Deconstruct", "Clone", "ReferenceEquals",
        // Every generated record also has this one: JSON properties the docs do not list.
        "UnknownProperties",
    };
}
