namespace ModelDocs.Generators.Model;

/// <summary>What the Name column of a language's docs holds.</summary>
internal enum NameColumn
{
    /// <summary>The JSON property name itself (typescript-axios, R, bash: the templates print <c>baseName</c>; the 6.x python docs' Key column).</summary>
    WireName,
    /// <summary>A camelCase field name: the wire name when the API's names are camelCase (java, kotlin, swift, dart, …).</summary>
    CamelCaseField,
    /// <summary>A snake_case or PascalCase field name (python, ruby, rust, go, csharp, …): the wire name needs the naming policy.</summary>
    OtherField,
}

/// <summary>
/// What each docs dialect's Name column holds: the one fact about a dialect that both the readers (MD1029, the
/// README's dialect table) and the resolver (wire names) need, so it lives with the <see cref="Dialect"/>s.
/// </summary>
internal static class DialectNames
{
    public static NameColumn Of(Dialect dialect) => dialect switch
    {
        Dialect.JsonSchema => NameColumn.WireName,
        Dialect.PythonV6 or Dialect.TypeScript or Dialect.R or Dialect.Bash => NameColumn.WireName,
        Dialect.Java or Dialect.Kotlin or Dialect.Scala or Dialect.TypeScriptFetch or Dialect.JavaScript or Dialect.Swift or Dialect.Dart or Dialect.ObjC or Dialect.Julia or Dialect.GraphQL => NameColumn.CamelCaseField,
        _ => NameColumn.OtherField,
    };

    /// <summary>Whether the dialect's Name column is already the JSON property name.</summary>
    public static bool AreWireNames(Dialect dialect) => Of(dialect) == NameColumn.WireName;
}
