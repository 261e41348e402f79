namespace ModelDocs.Generators.Emit;

/// <summary>
/// The types the generated JSON code names, fully qualified, and the name of a generated type's converter:
/// one definition for every emitter (the converter's name rule is <see cref="GeneratedNames.ConverterName"/>,
/// which <c>Inference.TypeNames</c> also reads to keep a doc's types from colliding with it).
/// </summary>
internal static class KnownTypes
{
    internal const string Json = "global::System.Text.Json";
    internal const string Rt = "global::ModelDocs.Internal.ModelDocsJson";
    internal const string Eq = "global::ModelDocs.Internal.ModelDocsEquality";
    internal const string Reader = Json + ".Utf8JsonReader";
    internal const string Writer = Json + ".Utf8JsonWriter";
    internal const string Options = Json + ".JsonSerializerOptions";
    internal const string Token = Json + ".JsonTokenType";
    internal const string Element = Json + ".JsonElement";

}
