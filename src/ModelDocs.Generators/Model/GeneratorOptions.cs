
namespace ModelDocs.Generators.Model;

internal enum WireNaming { CamelCase, AsWritten, PascalCase, SnakeCase }

internal enum NumberType { Decimal, Double }

/// <summary>
/// Which writer produced a doc: one of OpenAPI Generator's doc languages (their traits and signs are
/// data in <c>Parsing/Dialects.cs</c>). <see cref="JsonSchema"/> is set by the JSON reader (JSON Schema,
/// OpenAPI, Swagger), never by the option.
/// </summary>
internal enum Dialect
{
    Auto, Python, PythonLegacy, PythonPrior, PythonV6, Java, Kotlin, Scala, Go, Ruby, Php, TypeScript, TypeScriptFetch, JavaScript, CSharp, PowerShell,
    Rust, Swift, Dart, C, ObjC, Perl, R, Julia, Eiffel, Bash, GraphQL, JsonSchema,
}

/// <summary>
/// The options that apply to one doc: MSBuild properties, overridden by the AdditionalFiles item's
/// metadata of the same name. Keep in sync with build/ModelDocs.Generators.props and the README.
/// </summary>
internal sealed record GeneratorOptions(string Namespace, WireNaming WireNaming, NumberType NumberType, Dialect Dialect)
{
    public const string NamespaceOption = "ModelDocsNamespace";
    public const string WireNamingOption = "ModelDocsWireNaming";
    public const string NumberTypeOption = "ModelDocsNumberType";
    public const string DialectOption = "ModelDocsDialect";

    public static readonly GeneratorOptions Default = new("Models", WireNaming.CamelCase, NumberType.Decimal, Dialect.Auto);

    /// <summary>The options of one AdditionalFile; <paramref name="parseDialect"/> reads the <c>ModelDocsDialect</c> value (the pipeline passes <c>Parsing.Dialects.Parse</c>, whose tables Model does not see).</summary>
    public static GeneratorOptions From(AnalyzerConfigOptions options, Func<string?, Dialect> parseDialect)
    {
        string? Get(string name)
        {
            if (options.TryGetValue("build_metadata.AdditionalFiles." + name, out var v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
            if (options.TryGetValue("build_property." + name, out v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
            return null;
        }

        var ns = Get(NamespaceOption);
        if (ns is null)
        {
            var root = Get("RootNamespace");
            ns = string.IsNullOrEmpty(root) ? "Models" : root + ".Models";
        }

        return new GeneratorOptions(
            ns!,
            ParseWireNaming(Get(WireNamingOption)),
            string.Equals(Get(NumberTypeOption), "double", StringComparison.OrdinalIgnoreCase) ? NumberType.Double : NumberType.Decimal,
            parseDialect(Get(DialectOption)));
    }

    public static WireNaming ParseWireNaming(string? value) => Normalize(value) switch
    {
        "aswritten" or "none" or "asis" or "verbatim" => WireNaming.AsWritten,
        "pascalcase" => WireNaming.PascalCase,
        "snakecase" => WireNaming.SnakeCase,
        _ => WireNaming.CamelCase,
    };

    private static string Normalize(string? value)
        => (value ?? string.Empty).Replace("-", "").Replace("_", "").Replace(" ", "").ToLowerInvariant();
}

/// <summary>
/// Build-wide options of the JSON serializer (global MSBuild properties only): the context's class
/// name, and whether unknown properties and undocumented enum values throw (strict) or are kept.
/// </summary>
internal sealed record JsonOptions(string ContextName, bool Strict)
{
    public const string ContextNameOption = "ModelDocsJsonContextName";
    public const string UnknownValuesOption = "ModelDocsUnknownValues";

    public static readonly JsonOptions Default = new("ModelDocsJsonContext", false);

    public static JsonOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property." + ContextNameOption, out var name);
        options.TryGetValue("build_property." + UnknownValuesOption, out var unknown);
        name = name?.Trim();
        var strict = (unknown ?? string.Empty).Trim().ToLowerInvariant() is "throw" or "strict" or "disallow";
        return new JsonOptions(
            string.IsNullOrEmpty(name) || !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name) ? Default.ContextName : name!,
            strict);
    }
}
