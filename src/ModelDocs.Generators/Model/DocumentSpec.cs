using ModelDocs.Generators.Common;

namespace ModelDocs.Generators.Model;

internal enum DocumentKind { Model, Enum, Union }

/// <summary>
/// One model doc as read, before names are resolved. Produced per AdditionalFile by a reader
/// (markdown today). Holds only strings, enums, bools, equatable arrays and other records,
/// never Roslyn objects, so the incremental pipeline can cache it: the cacheability rule for
/// every spec in this folder. JSON inputs give one spec per schema; <see cref="JsonKey"/>
/// (<c>json:{normalized path}#{JSON pointer}</c>) identifies it, and <c>$ref</c>s link to it by that key.
/// <see cref="Extensions"/>: the keys of the docs that extend this one through <c>allOf</c> without a
/// discriminator (their <see cref="BaseKey"/> is this one and their <see cref="ExtendsBase"/> is set).
/// <see cref="DialectScore"/> is how clearly a markdown doc showed its <see cref="Dialect"/> (0 when the
/// option set it); a doc below <c>Dialects.Strong</c> takes its folder's dialect (<c>Dialects.FolderVote</c>).
/// </summary>
internal sealed record DocumentSpec(
    string FilePath,
    string FileStem,
    string TypeName,
    DocumentKind Kind,
    Dialect Dialect,
    string? Description,
    GeneratorOptions Options,
    EquatableArray<RawProperty> Properties,
    EquatableArray<RawEnum> EnumSections,
    LocationInfo TitleLocation,
    string? JsonKey = null,
    PolymorphismSpec? Polymorphism = null,
    string? BaseKey = null,
    EquatableArray<DiscriminatorTag> Tags = default,
    int DialectScore = 0,
    EquatableArray<RawUnionCase> UnionCases = default,
    EquatableArray<string> Extensions = default,
    bool ExtendsBase = false);

/// <summary>
/// What a union's case accepts, beside its type (a <see cref="DocumentKind.Union"/> doc's
/// <see cref="DocumentSpec.Properties"/> are its cases, one per member schema, in documented order):
/// the JSON token kinds (<see cref="UnionTokens"/>), and for an object case its required and declared
/// property names, which pick among several object cases.
/// </summary>
internal sealed record RawUnionCase(int Accepts, EquatableArray<string> Required, EquatableArray<string> Names);

/// <summary>JSON token kinds a union case accepts, as bits.</summary>
internal static class UnionTokens
{
    public const int String = 1, Integer = 2, Number = 4, Boolean = 8, Array = 16, Object = 32;
    public const int Any = String | Integer | Number | Boolean | Array | Object;
}

/// <summary>
/// A polymorphic base (JSON inputs: a schema with a <c>discriminator</c>): the property whose value
/// names the case, each value's target (<see cref="DocumentSpec.JsonKey"/>; a target may take several
/// values), and the direct children (keys of the docs whose <see cref="DocumentSpec.BaseKey"/> is this one).
/// </summary>
internal sealed record PolymorphismSpec(string PropertyName, EquatableArray<DiscriminatorCase> Cases, EquatableArray<string> Children);

internal sealed record DiscriminatorCase(string Value, string TargetKey);

/// <summary>A discriminator value that selects a derived doc in one of its ancestors: what a new instance is tagged with.</summary>
internal sealed record DiscriminatorTag(string PropertyName, string Value);

/// <summary>
/// One row of a doc's property table (or one property of a JSON schema), as written (description
/// already entity-decoded). <see cref="IsNullable"/>: null is a valid value even when the property is
/// required (JSON Schema only; markdown docs never say so). <see cref="DefaultJson"/>: the <c>default</c>
/// as JSON (a string quoted, an object or array as written, on one line, clipped), JSON inputs only, so
/// the resolver knows its kind: <c>""</c> is not an absent default, <c>{}</c> is not a scalar.
/// </summary>
internal sealed record RawProperty(
    string Name,
    TypeSpec Type,
    string? TypeText,
    string Description,
    bool IsOptional,
    bool IsReadOnly,
    bool IsDeprecated,
    string? DefaultText,
    LocationInfo Row,
    LocationInfo TypeCell,
    LocationInfo NotesCell,
    bool IsNullable = false,
    bool IsWriteOnly = false,
    string? TypeLink = null,
    string? DefaultJson = null);

/// <summary>
/// A list of values stated by the doc: an enum doc's <c>## Enum</c> bullets, or a Java-style
/// <c>## Enum: StateEnum</c> table (Name is then the section's name).
/// </summary>
internal sealed record RawEnum(string Name, EquatableArray<RawEnumValue> Values, LocationInfo Location, string? Anchor = null);

/// <summary>One enum value; <see cref="Description"/> is what the doc says of it (a JSON Schema member's title and description).</summary>
internal sealed record RawEnumValue(string Name, string Value, string? Description = null);

/// <summary>What a parse of one markdown file produced: a doc (or null when the file is not a model doc) and diagnostics.</summary>
internal sealed record DocumentResult(DocumentSpec? Document, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// What the parse of one AdditionalFile produced: any number of docs (a markdown file gives at most
/// one, a JSON Schema or OpenAPI file one per schema) and the file's diagnostics.
/// </summary>
internal sealed record FileResult(string FilePath, EquatableArray<DocumentSpec> Documents, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static FileResult From(string path, DocumentResult result)
        => new(path, result.Document is null ? EquatableArray<DocumentSpec>.Empty : new EquatableArray<DocumentSpec>(new[] { result.Document }), result.Diagnostics);
}
