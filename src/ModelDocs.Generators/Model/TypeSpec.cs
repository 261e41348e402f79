namespace ModelDocs.Generators.Model;

/// <summary>The neutral type model every dialect's type grammar maps into (DESIGN §4).</summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    /// <summary>An integer whose size the dialect does not say (python <c>int</c>, ruby <c>Integer</c>).</summary>
    Integer,
    Float,
    Double,
    /// <summary>A number whose size the dialect does not say (python <c>float</c>, <c>BigDecimal</c>): see the NumberType option.</summary>
    Number,
    Decimal,
    Boolean,
    Date,
    DateTime,
    Uuid,
    Bytes,
    Any,
    List,
    Map,
    Reference,
    Unknown,
}

/// <summary>
/// A type as the doc states it. <see cref="Element"/> is the item type of a list or the value type
/// of a map; <see cref="Name"/> is the referenced type's name as written; <see cref="Link"/> is the
/// link target's file stem (<c>CartItem</c> for <c>CartItem.md</c>) or an in-doc anchor (<c>#StateEnum</c>).
/// <see cref="Spelled"/>: what <see cref="Name"/> spells in the doc's language (a scalar, never a container), for a
/// link to a doc the SDK does not ship (bash's <c>[**Decimal**](Decimal.md)</c>); the reader decides it, the
/// resolver uses it when no doc answers the link.
/// </summary>
internal sealed record TypeSpec(TypeKind Kind, TypeSpec? Element = null, string? Name = null, string? Link = null, TypeSpec? Spelled = null)
{
    public TypeSpec Innermost => Element is null ? this : Element.Innermost;

    public override string ToString() => Kind switch
    {
        TypeKind.List => $"List<{Element}>",
        TypeKind.Map => $"Map<{Element}>",
        TypeKind.Reference => $"Ref({Name}{(Link is null ? "" : " -> " + Link)})",
        TypeKind.Unknown => $"Unknown({Name})",
        _ => Kind.ToString(),
    };
}
