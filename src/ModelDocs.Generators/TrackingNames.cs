namespace ModelDocs.Generators;

/// <summary>Names of the tracked pipeline stages; the incrementality tests read these.</summary>
internal static class TrackingNames
{
    public const string Documents = nameof(Documents);
    public const string ParsedDocuments = nameof(ParsedDocuments);
    public const string TypeIndex = nameof(TypeIndex);
    public const string FolderDialects = nameof(FolderDialects);
    public const string NamingNotice = nameof(NamingNotice);
    public const string ReferenceFacts = nameof(ReferenceFacts);
    public const string Capabilities = nameof(Capabilities);
    public const string Models = nameof(Models);
    public const string TypeNames = nameof(TypeNames);
    public const string Hierarchies = nameof(Hierarchies);
    public const string ResolvedModels = nameof(ResolvedModels);
    public const string JsonOptions = nameof(JsonOptions);
    public const string ContextTypes = nameof(ContextTypes);
    public const string ModelSources = nameof(ModelSources);
    public const string SharedSources = nameof(SharedSources);
    public const string HintNames = nameof(HintNames);
    public const string TargetCheck = nameof(TargetCheck);

    public static readonly string[] All = { Documents, ParsedDocuments, TypeIndex, FolderDialects, NamingNotice, ReferenceFacts, Capabilities, Models, TypeNames, Hierarchies, ResolvedModels, JsonOptions, ContextTypes, ModelSources, SharedSources, HintNames, TargetCheck };
}
