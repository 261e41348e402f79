namespace ModelDocs.Generators.Common;

/// <summary>Names made unique by a number: <c>Name</c>, then <c>Name2</c>, <c>Name3</c>, ...</summary>
internal static class UniqueNames
{
    /// <summary>
    /// The first of <paramref name="stem"/> + <paramref name="separator"/> + 2, 3, 4, ... (+ <paramref name="suffix"/>)
    /// that <paramref name="isFree"/> accepts; never <paramref name="stem"/> itself.
    /// </summary>
    public static string Numbered(string stem, Func<string, bool> isFree, string separator = "", string suffix = "")
    {
        for (var n = 2; ; n++)
        {
            var candidate = stem + separator + n.ToString(CultureInfo.InvariantCulture) + suffix;
            if (isFree(candidate)) return candidate;
        }
    }

    /// <summary><paramref name="name"/> when <paramref name="isFree"/> accepts it, otherwise <see cref="Numbered"/> of it.</summary>
    public static string First(string name, Func<string, bool> isFree) => isFree(name) ? name : Numbered(name, isFree);

    /// <summary><see cref="First"/> of <paramref name="name"/> that <paramref name="taken"/> does not hold yet, added to it.</summary>
    public static string Claim(ISet<string> taken, string name) => First(name, taken.Add);
}
