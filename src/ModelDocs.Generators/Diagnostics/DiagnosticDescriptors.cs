using Microsoft.CodeAnalysis;

namespace ModelDocs.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs: MD1xxx problems in docs (reported in the doc at the
/// row), MD2xxx problems in user code (analyzer), MD9xxx internal errors. Each is documented in the
/// README under its ID; keep AnalyzerReleases.Unshipped.md in step.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string DocsCategory = "ModelDocs.Docs";
    private const string HelpBase = "https://github.com/modeldocs/modeldocs/blob/main/README.md#";

    private static DiagnosticDescriptor Make(string id, string title, string message, DiagnosticSeverity severity, string category = DocsCategory)
        => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    public static readonly DiagnosticDescriptor MalformedRow = Make("MD1001",
        "Malformed table row",
        "Row in '{0}' cannot be read as a property: {1}; the row is skipped",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CellCountMismatch = Make("MD1002",
        "Table row has the wrong number of cells",
        "Row '{0}' in '{1}' has {2} cells but the header has {3}; {4}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownType = Make("MD1003",
        "Unknown type",
        "Type '{0}' of property '{1}' in '{2}' is not a known type ({3}); it is generated as System.Text.Json.JsonElement",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnresolvedLink = Make("MD1004",
        "Linked model doc not found",
        "Property '{0}' in '{1}' refers to '{2}', which is not a model doc in this compilation{3}; it is generated as System.Text.Json.JsonElement",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateProperty = Make("MD1005",
        "Duplicate property",
        "Property '{0}' in '{1}' has the wire name '{2}', which an earlier row already has; the later row is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Make("MD1006",
        "Names collide in C#",
        "'{0}' and '{1}' in '{2}' both become '{3}' in C#; '{1}' is named '{4}'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnparseableDefault = Make("MD1007",
        "Default value cannot be used",
        "Default '{0}' of property '{1}' in '{2}' is not a valid {3}; it is not applied, and the property's XML docs keep it as the documented default",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingTable = Make("MD1008",
        "Properties section without a table",
        "'{0}' has a '## Properties' section but no table with Name and Type columns; an empty model is generated",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MemberRenamed = Make("MD1009",
        "Property renamed",
        "Property '{0}' in '{1}' would be named '{2}', which {3}; it is named '{4}'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateTypeName = Make("MD1010",
        "Two docs define the same type",
        "'{0}' defines type '{1}' in namespace '{2}', which '{3}' already defines; '{0}' is skipped",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Make("MD1011",
        "C# version too low",
        "ModelDocs generates records, which need C# 9 or later; set <LangVersion> to 9 or later",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TooManyProperties = Make("MD1012",
        "Model too large for the generated serializer",
        "'{0}' has {1} properties, more than {2}: its record is generated, but its JSON converter throws NotSupportedException and its equality is the record default",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor JsonSyntaxError = Make("MD1020",
        "Invalid JSON",
        "'{0}' is not valid JSON: {1} (line {2}, column {3}); no models are generated from it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnresolvedReference = Make("MD1021",
        "Unresolved $ref",
        "'{0}' in '{1}' has $ref '{2}', which {3}; it is generated as System.Text.Json.JsonElement",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UntypedUnion = Make("MD1022",
        "oneOf/anyOf generated as JsonElement",
        "'{0}' in '{1}' is a {2} of {3} schemas{4}; it is generated as System.Text.Json.JsonElement",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor IndistinctUnionCases = Make("MD1031",
        "Union cases that the JSON cannot tell apart",
        "In '{0}', every JSON value the {1} case '{3}' accepts is read as '{2}', an earlier case that accepts it too",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ConflictingAllOfProperty = Make("MD1023",
        "allOf parts define a property differently",
        "Property '{0}' in '{1}' is defined differently by two allOf parts ({2} and {3}); the first definition is used",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedSchema = Make("MD1024",
        "Unsupported schema construct",
        "'{0}' in '{1}' {2}; {3}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownSpecVersion = Make("MD1025",
        "Unknown OpenAPI version",
        "'{0}' declares {1} '{2}', which ModelDocs does not know; it is read as {3}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DiscriminatorCaseNotDerived = Make("MD1026",
        "Discriminator case cannot derive from its base",
        "Discriminator value '{0}' of '{1}' {2}; payloads with that value read as '{1}', their properties kept in UnknownProperties",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TargetMismatch = Make("MD1027",
        "Generated polyfill duplicates the project's own",
        "Generated code uses {0}, decided before compilation from {1}, but the compilation {2}; set <{3}>{4}</{3}> in the project",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor YamlSyntaxError = Make("MD1028",
        "YAML file cannot be read",
        "'{0}' cannot be read as YAML: {1} (line {2}, column {3}); no models are generated from it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DialectLimits = Make("MD1029",
        "Docs do not carry exact wire names",
        "The Name column of {0} docs ({1}) holds the SDK's field name, not the JSON property name: wire names follow ModelDocsWireNaming={2}; set ModelDocsWireNaming (camelCase, snake_case, PascalCase or as-written) to change it, or use docs whose Name column is the JSON name (typescript-axios, r, bash, the 6.x python generator's) or the API's OpenAPI document{3}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor TypeGeneratedTwice = Make("MD1030",
        "Two docs generate the same type",
        "'{0}' generates type '{1}', which '{2}' generates too; C# rejects declaring it twice: rename one of the schemas or give its file another ModelDocsNamespace",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Make("MD9001",
        "Internal generator error",
        "ModelDocs could not process '{0}' ({1}: {2}); other docs are unaffected. Please report this.",
        DiagnosticSeverity.Warning, "ModelDocs.Internal");
}
