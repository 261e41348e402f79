using Microsoft.CodeAnalysis;
using ModelDocs.Generators.Common;

namespace ModelDocs.Generators.Model;

/// <summary>A diagnostic as equatable data: descriptor, where, and message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params object?[] args)
        => new(descriptor, location, args.Select(a => a?.ToString() ?? string.Empty).ToEquatableArray());

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Arguments.Cast<object>().ToArray());

    // Descriptors are static singletons, but compare by ID so equality never depends on identity.
    public bool Equals(DiagnosticInfo? other)
        => other is not null && Descriptor.Id == other.Descriptor.Id
           && Equals(Location, other.Location) && Arguments.Equals(other.Arguments);

    public override int GetHashCode()
        => unchecked((Descriptor.Id.GetHashCode() * 397) ^ (Location?.GetHashCode() ?? 0) ^ (Arguments.GetHashCode() * 31));
}
