using Microsoft.CodeAnalysis;

namespace ModelDocs.Generators.Model;

/// <summary>
/// Where something is in a doc, as plain data. Turned into a <see cref="Location"/> only
/// when a diagnostic is reported, so specs never hold Roslyn objects.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo From(string path, SourceText text, TextSpan span)
    {
        if (span.End > text.Length) span = new TextSpan(System.Math.Min(span.Start, text.Length), 0);
        return new LocationInfo(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
