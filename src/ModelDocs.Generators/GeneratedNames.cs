namespace ModelDocs.Generators;

/// <summary>
/// The names of the generated API that the emitters write and the analyzers look for: one
/// definition, so the two cannot drift apart.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The namespace of the support attributes (<see cref="Emit.Emitter.SupportSource"/>).</summary>
    public const string AttributeNamespace = "ModelDocs";

    /// <summary>On every generated type: the doc it came from.</summary>
    public const string ModelDocAttribute = "ModelDocAttribute";

    /// <summary>On every generated enum member: its JSON value.</summary>
    public const string WireValueAttribute = "WireValueAttribute";

    /// <summary>On a state enum: the wire values a new value may be created in.</summary>
    public const string CreatableStatesAttribute = "CreatableStatesAttribute";

    /// <summary>On a state enum, one per documented edge: from and to wire values.</summary>
    public const string StateTransitionAttribute = "StateTransitionAttribute";

    /// <summary>Suffix of the static class generated beside each enum (<c>{Enum}Extensions</c>).</summary>
    public const string ExtensionsSuffix = "Extensions";

    public const string WireValues = "WireValues";
    public const string ToWireValue = "ToWireValue";
    public const string TryParse = "TryParse";
    public const string Parse = "Parse";
    public const string FromWireValue = "FromWireValue";
    public const string CreatableStates = "CreatableStates";
    public const string IsCreatable = "IsCreatable";
    public const string CanTransitionTo = "CanTransitionTo";
    public const string AllowedTransitions = "AllowedTransitions";

    /// <summary>The converter class the JSON emitter declares for a generated record, union or enum.</summary>
    public static string ConverterName(string clrName) => clrName + "JsonConverter";

    /// <summary>The name of the extensions class of the enum <paramref name="enumTypeName"/>.</summary>
    public static string ExtensionsOf(string enumTypeName) => enumTypeName + ExtensionsSuffix;

    /// <summary>Whether <paramref name="className"/> is <c>{<paramref name="enumTypeName"/>}Extensions</c> (no allocation).</summary>
    public static bool IsExtensionsOf(string className, string enumTypeName)
        => className.Length == enumTypeName.Length + ExtensionsSuffix.Length
            && className.StartsWith(enumTypeName, System.StringComparison.Ordinal)
            && className.EndsWith(ExtensionsSuffix, System.StringComparison.Ordinal);
}
