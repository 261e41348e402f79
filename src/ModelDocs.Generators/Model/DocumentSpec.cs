namespace ModelDocs.Generators.Model;

internal enum DocumentKind { Model, Enum }

/// <summary>
/// One model doc as read, before names are resolved. Produced per AdditionalFile by a reader
/// (markdown today). Holds only strings, enums, bools, equatable arrays and other records,
/// never Roslyn objects, so the incremental pipeline can cache it: the cacheability rule for
/// every spec in this folder.
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
    LocationInfo TitleLocation);

/// <summary>One row of a doc's property table, as written (description already entity-decoded).</summary>
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
    LocationInfo NotesCell);

/// <summary>
/// A list of values stated by the doc: an enum doc's <c>## Enum</c> bullets, or a Java-style
/// <c>## Enum: StateEnum</c> table (Name is then the section's name).
/// </summary>
internal sealed record RawEnum(string Name, EquatableArray<RawEnumValue> Values, LocationInfo Location);

internal sealed record RawEnumValue(string Name, string Value);

/// <summary>What a parse of one file produced: a doc (or null when the file is not a model doc) and diagnostics.</summary>
internal sealed record DocumentResult(DocumentSpec? Document, EquatableArray<DiagnosticInfo> Diagnostics);
