namespace ModelDocs.Generators.Common;

/// <summary>
/// File names of AdditionalFile paths, split at the last <c>/</c> or <c>\</c> whatever the OS, so a path
/// written on Windows reads the same on Linux (<see cref="System.IO.Path"/> would not split it there).
/// </summary>
internal static class Paths
{
    /// <summary>What follows the last <c>/</c> or <c>\</c> of <paramref name="path"/> (all of it when there is none).</summary>
    public static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path.Substring(slash + 1) : path;
    }

    /// <summary>
    /// The <see cref="FileName"/> without its last extension: <c>docs/Pet.md</c> → <c>Pet</c>; a name whose only
    /// dot is its first character (<c>.env</c>) keeps it.
    /// </summary>
    public static string Stem(string path)
    {
        var name = FileName(path);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }
}
