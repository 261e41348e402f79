using ModelDocs.Generators.Common;

namespace ModelDocs.Generators.Model;

/// <summary>Where an enum's values came from; the more exact sources win.</summary>
internal enum EnumOrigin { EnumDoc, EnumTable, Prose, Schema }

/// <summary>
/// A resolved model, ready to emit: names are valid C# identifiers, types are resolved against the
/// type index, enums and state machines are inferred. Emitters read only this.
/// </summary>
internal sealed record ModelSpec(
    string Namespace,
    string TypeName,
    string FilePath,
    string? Description,
    DocumentKind Kind,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumModel> Enums,
    HierarchyModel? Hierarchy = null,
    EquatableArray<UnionCaseModel> UnionCases = default)
{
    /// <summary>The fully-qualified C# name.</summary>
    public string FullName => $"global::{Namespace}.{Identifiers.EscapeKeyword(TypeName)}";

    /// <summary>Every property the JSON object has: the ancestors' (root first), then this record's own.</summary>
    public System.Collections.Generic.IReadOnlyList<PropertyModel> AllProperties
        => Hierarchy is null || Hierarchy.Inherited.IsEmpty ? Properties : Hierarchy.Inherited.Concat(Properties).ToList();
}

/// <summary>
/// Where a record sits in a polymorphic hierarchy (JSON inputs with a <c>discriminator</c>).
/// <see cref="BaseType"/>: the record it derives from (null for a root). <see cref="Polymorphism"/>:
/// set when other records derive from this one. <see cref="Tags"/>: the discriminator values a new
/// instance carries. <see cref="Inherited"/>: the ancestors' properties, root first, filled in once
/// every model is resolved (the hierarchy stage).
/// Inheritance without a discriminator (<c>allOf</c> of a <c>$ref</c> and inline parts): <see cref="Extensions"/>
/// names the records that extend this one (fully qualified), <see cref="ExtendsBase"/> says that
/// <see cref="BaseType"/> is such a base. Those records' converters read and write their own properties
/// and hand the rest to the base's converter (<see cref="IsPlain"/>), so nothing is copied.
/// </summary>
internal sealed record HierarchyModel(
    string? BaseType,
    PolymorphismModel? Polymorphism,
    EquatableArray<DiscriminatorTag> Tags,
    EquatableArray<PropertyModel> Inherited,
    EquatableArray<string> Extensions = default,
    bool ExtendsBase = false)
{
    /// <summary>A record others derive from is not sealed; its equality then compares the runtime type too.</summary>
    public bool IsSealed => Polymorphism is null && Extensions.IsEmpty;

    /// <summary>In a hierarchy without a discriminator: extends a base, or is extended.</summary>
    public bool IsPlain => (ExtendsBase && BaseType is not null) || !Extensions.IsEmpty;
}

/// <summary>A base's dispatch: the discriminator's wire name, each value's fully-qualified target, and the direct children.</summary>
internal sealed record PolymorphismModel(string PropertyName, EquatableArray<DiscriminatorCaseModel> Cases, EquatableArray<string> Children);

/// <summary>Limits the generated code keeps to so that the consumer's compiler stays fast.</summary>
internal static class ModelLimits
{
    /// <summary>
    /// Above this many properties a record gets no generated JSON converter body or custom equality:
    /// one method with that many locals and cases costs the compiler gigabytes (MD1012).
    /// </summary>
    public const int MaxSerializedProperties = 1000;
}

/// <summary>
/// A property, resolved. <see cref="Default"/>: the documented default where it converts to the type
/// without loss; <see cref="UnappliedDefault"/>: one that does not (or an object or array), kept for the
/// XML docs only.
/// </summary>
internal sealed record PropertyModel(
    string Name,
    string ClrName,
    string WireName,
    ResolvedType Type,
    bool IsRequired,
    bool IsReadOnly,
    bool IsDeprecated,
    string? Description,
    DefaultValue? Default,
    bool IsNullable = false,
    bool IsDiscriminator = false,
    bool IsWriteOnly = false,
    string? UnappliedDefault = null);

/// <summary>
/// A union case (<see cref="DocumentKind.Union"/>; the case's name and type are the property at the same
/// index): the JSON token kinds it accepts (<see cref="UnionTokens"/>), an object case's required and
/// declared property names.
/// </summary>
internal sealed record UnionCaseModel(int Accepts, EquatableArray<string> Required, EquatableArray<string> Names);

/// <summary>One discriminator value and the fully-qualified C# type it selects.</summary>
internal sealed record DiscriminatorCaseModel(string Value, string TypeName);

/// <summary>
/// A resolved type. <see cref="ClrName"/> is the fully-qualified C# type without nullability;
/// <see cref="IsValueType"/> decides how <c>?</c> is written.
/// </summary>
internal sealed record ResolvedType(TypeKind Kind, string ClrName, bool IsValueType, ResolvedType? Element = null, string? EnumName = null);

/// <summary>A default as a C# expression plus the wire form it came from.</summary>
internal sealed record DefaultValue(string Expression, string Text);

internal sealed record EnumModel(
    string TypeName,
    string? Description,
    EnumOrigin Origin,
    EquatableArray<EnumMemberModel> Members,
    StateMachineModel? StateMachine,
    string? SourceProperty);

internal sealed record EnumMemberModel(string Name, string WireValue, string? Description = null);

/// <summary>States a value may be created in, and the documented transitions (by wire value).</summary>
internal sealed record StateMachineModel(EquatableArray<string> Creatable, EquatableArray<Transition> Transitions);

internal sealed record Transition(string From, string To);

/// <summary>The names every doc contributes, for resolving references across docs.</summary>
internal sealed record TypeIndexEntry(string FilePath, string FileStem, string TypeName, string Namespace, DocumentKind Kind, string? JsonKey = null)
{
    /// <summary>Which doc this is: the file, and for JSON inputs the schema within it.</summary>
    public string Identity => JsonKey ?? FilePath;
}

internal sealed record ResolveResult(ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics);
