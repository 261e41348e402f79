using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelDocs.Generators.Analyzers;

/// <summary>One member of a generated enum: its field, C# name, wire value and numeric value.</summary>
internal sealed class EnumMember(IFieldSymbol field, string wireValue, long value)
{
    public IFieldSymbol Field { get; } = field;

    public string Name => Field.Name;

    public string WireValue { get; } = wireValue;

    public long Value { get; } = value;
}

/// <summary>
/// What the generator recorded on one generated enum (<c>[WireValue]</c> on each field,
/// <c>[CreatableStates]</c> and <c>[StateTransition]</c> on the enum), read from the symbol, so it works
/// for enums in referenced assemblies as well as in the compilation itself.
/// </summary>
internal sealed class GeneratedEnum
{
    private readonly Dictionary<string, EnumMember> _byWire;
    private readonly Dictionary<long, EnumMember> _byValue;
    private readonly HashSet<(string From, string To)> _transitions;

    private GeneratedEnum(
        INamedTypeSymbol symbol,
        ImmutableArray<EnumMember> members,
        ImmutableArray<EnumMember>? creatable,
        HashSet<(string From, string To)> transitions)
    {
        Symbol = symbol;
        Members = members;
        Creatable = creatable;
        _transitions = transitions;
        _byWire = new Dictionary<string, EnumMember>(StringComparer.Ordinal);
        _byValue = new Dictionary<long, EnumMember>();
        foreach (var m in members)
        {
            if (!_byWire.ContainsKey(m.WireValue)) _byWire.Add(m.WireValue, m);
            if (!_byValue.ContainsKey(m.Value)) _byValue.Add(m.Value, m);
        }
        FullyQualifiedName = symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    public INamedTypeSymbol Symbol { get; }

    public string Name => Symbol.Name;

    /// <summary><c>global::</c>-qualified, for code fixes.</summary>
    public string FullyQualifiedName { get; }

    public ImmutableArray<EnumMember> Members { get; }

    /// <summary>The creatable states, or null when the enum has no <c>[CreatableStates]</c>.</summary>
    public ImmutableArray<EnumMember>? Creatable { get; }

    /// <summary>Whether the enum has a documented transition graph.</summary>
    public bool HasTransitions => _transitions.Count > 0;

    public EnumMember? ByWireValue(string wire) => _byWire.TryGetValue(wire, out var m) ? m : null;

    public bool HasMemberNamed(string name, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var m in Members)
        {
            if (string.Equals(m.Name, name, comparison)) return true;
        }
        return false;
    }

    public EnumMember? ByValue(object? constant)
    {
        var v = ToInt64(constant);
        return v is { } value && _byValue.TryGetValue(value, out var m) ? m : null;
    }

    public bool CanTransition(EnumMember from, EnumMember to) => _transitions.Contains((from.WireValue, to.WireValue));

    public ImmutableArray<EnumMember> AllowedTargets(EnumMember from)
        => Members.Where(to => CanTransition(from, to)).ToImmutableArray();

    public static long? ToInt64(object? constant) => constant switch
    {
        int i => i,
        long l => l,
        short s => s,
        sbyte sb => sb,
        byte b => b,
        ushort us => us,
        uint ui => ui,
        ulong ul => unchecked((long)ul),
        _ => null,
    };

    /// <summary>Reads the generator's attributes; null when <paramref name="type"/> is not a generated enum.</summary>
    public static GeneratedEnum? TryCreate(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Enum) return null;

        var members = ImmutableArray.CreateBuilder<EnumMember>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (!field.HasConstantValue) continue;
            string? wire = null;
            foreach (var attr in field.GetAttributes())
            {
                if (GeneratedAttribute.Is(attr.AttributeClass, GeneratedNames.WireValueAttribute)
                    && attr.ConstructorArguments.Length == 1
                    && attr.ConstructorArguments[0].Value is string s)
                {
                    wire = s;
                    break;
                }
            }
            if (wire is null) continue;
            if (ToInt64(field.ConstantValue) is not { } value) continue;
            members.Add(new EnumMember(field, wire, value));
        }
        if (members.Count == 0) return null;

        var all = members.ToImmutable();
        ImmutableArray<EnumMember>? creatable = null;
        var transitions = new HashSet<(string, string)>();
        foreach (var attr in type.GetAttributes())
        {
            if (GeneratedAttribute.Is(attr.AttributeClass, GeneratedNames.CreatableStatesAttribute))
            {
                var states = new List<string>();
                foreach (var arg in attr.ConstructorArguments)
                {
                    if (arg.Kind == TypedConstantKind.Array)
                    {
                        foreach (var item in arg.Values)
                        {
                            if (item.Value is string s) states.Add(s);
                        }
                    }
                    else if (arg.Value is string s)
                    {
                        states.Add(s);
                    }
                }
                creatable = all.Where(m => states.Contains(m.WireValue, StringComparer.Ordinal)).ToImmutableArray();
            }
            else if (GeneratedAttribute.Is(attr.AttributeClass, GeneratedNames.StateTransitionAttribute)
                && attr.ConstructorArguments.Length == 2
                && attr.ConstructorArguments[0].Value is string from
                && attr.ConstructorArguments[1].Value is string to)
            {
                transitions.Add((from, to));
            }
        }

        return new GeneratedEnum(type, all, creatable, transitions);
    }
}

/// <summary>
/// Whether an attribute class is one of the generator's attributes (<see cref="GeneratedNames"/>), matched by
/// metadata name and never by symbol identity: they are <c>internal</c>, so every project that runs the generator
/// has its own copy.
/// </summary>
internal static class GeneratedAttribute
{
    public static bool Is(INamedTypeSymbol? attributeClass, string name)
        => attributeClass is { } c
            && c.Name == name
            && c.ContainingType is null
            && c.ContainingNamespace is { Name: GeneratedNames.AttributeNamespace } ns
            && ns.ContainingNamespace is { IsGlobalNamespace: true };
}

/// <summary>
/// Per-compilation view of the generated symbols. Built once in the compilation-start action; the
/// lookups cache per type, so each enum's attributes are read once however often it is used.
/// </summary>
internal sealed class GeneratedSymbols
{
    private readonly ConcurrentDictionary<ITypeSymbol, GeneratedEnum?> _enums = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _models = new(SymbolEqualityComparer.Default);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, GeneratedSymbols> s_byCompilation = new();

    /// <summary>The compilation's view, one per compilation however many analyzers ask (each enum's attributes are read once).</summary>
    public static GeneratedSymbols For(Compilation compilation) => s_byCompilation.GetValue(compilation, static c => new GeneratedSymbols(c));

    public GeneratedSymbols(Compilation compilation)
    {
        String = compilation.GetSpecialType(SpecialType.System_String);
        Enum = compilation.GetSpecialType(SpecialType.System_Enum);
    }

    public INamedTypeSymbol String { get; }

    public INamedTypeSymbol Enum { get; }

    /// <summary>
    /// Whether <paramref name="type"/> is <c>System.StringComparison</c>, by name: a lookup by metadata name would
    /// search every referenced assembly once per compilation, for a type only <c>string.Equals</c> overloads use.
    /// </summary>
    public static bool IsStringComparison(ITypeSymbol? type)
        => type is { TypeKind: TypeKind.Enum, Name: "StringComparison", ContainingType: null, ContainingNamespace: { Name: "System" } ns }
            && ns.ContainingNamespace is { IsGlobalNamespace: true };

    /// <summary>The generated enum <paramref name="type"/> is (or is the nullable of); null otherwise.</summary>
    public GeneratedEnum? GetEnum(ITypeSymbol? type)
    {
        if (type is null) return null;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments.Length == 1)
        {
            type = nullable.TypeArguments[0];
        }
        if (type.TypeKind != TypeKind.Enum || type is not INamedTypeSymbol named) return null;
        return _enums.GetOrAdd(named, static t => GeneratedEnum.TryCreate((INamedTypeSymbol)t));
    }

    /// <summary>Whether <paramref name="type"/> is a model the generator emitted (<c>[ModelDoc]</c> on a class or record).</summary>
    public bool IsModel(ITypeSymbol? type)
        => type is { TypeKind: TypeKind.Class }
            && _models.GetOrAdd(type, static t => t.GetAttributes().Any(a => GeneratedAttribute.Is(a.AttributeClass, GeneratedNames.ModelDocAttribute)));

    /// <summary>
    /// When <paramref name="method"/> is one of the generated <c>{Enum}Extensions</c> methods, the enum
    /// it belongs to. The enum is found from the signature (the parameter or return type named in
    /// <paramref name="enumFromParameter"/>), then the class's name and namespace are checked.
    /// </summary>
    public GeneratedEnum? GetExtensionsEnum(IMethodSymbol method, int enumFromParameter)
    {
        var type = method.ContainingType;
        if (type is null || !type.IsStatic) return null;
        ITypeSymbol? candidate = enumFromParameter < 0
            ? method.ReturnType
            : enumFromParameter < method.Parameters.Length ? method.Parameters[enumFromParameter].Type : null;
        var e = GetEnum(candidate);
        if (e is null) return null;
        if (!GeneratedNames.IsExtensionsOf(type.Name, e.Name)) return null;
        if (!SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, e.Symbol.ContainingNamespace)) return null;
        return e;
    }
}

/// <summary>
/// For one method body: the initializer of a local that is never written after its declaration, found without
/// walking the body. The declarator comes from the local's declaring syntax; the writes are looked for only at the
/// local's own occurrences, found by scanning the body's text for its name (and, at any escape or non-ASCII
/// character, by asking which identifier is there), each mapped to its operation by the semantic model, whose
/// syntax-to-operation map the driver has already built. Nothing is cached: a lookup allocates nothing that
/// outlives it, and the operation trees stay collectable.
/// </summary>
internal static class LocalFacts
{
    /// <summary>The body being searched, per thread (see <see cref="IsWritten"/>).</summary>
    [ThreadStatic] private static char[]? t_text;

    /// <summary>A longer body (a file of top-level statements, say) is searched in an array of its own, so no thread keeps a large one.</summary>
    private const int MaxKeptBuffer = 64 * 1024;

    /// <summary>
    /// The initializer of <paramref name="local"/>, declared in the body <paramref name="root"/> and never written
    /// again; false when unknown or written.
    /// </summary>
    public static bool TryGetInitializer(IOperation root, ILocalSymbol local, out IOperation? initializer)
    {
        initializer = Find(root, local);
        return initializer is not null;
    }

    private static IOperation? Find(IOperation root, ILocalSymbol local)
    {
        var model = root.SemanticModel;
        var body = root.Syntax;
        var declarations = local.DeclaringSyntaxReferences;
        if (model is null || local.IsRef || declarations.Length != 1) return null;
        var declaration = declarations[0];
        if (declaration.SyntaxTree != body.SyntaxTree || !body.Span.Contains(declaration.Span)) return null;
        if (model.GetOperation(declaration.GetSyntax()) is not IVariableDeclaratorOperation { Initializer.Value: { } value }) return null;
        return IsWritten(local, model, body) ? null : value;
    }

    /// <summary>
    /// Whether any occurrence of <paramref name="local"/> in the body writes it. The body's text is copied into a
    /// per-thread buffer (no allocation per body: allocating each body's text was most of what the analyzers
    /// allocated, and the collections it caused landed in these callbacks) and the name searched with the runtime's
    /// vectorized <see cref="Array.IndexOf{T}(T[], T, int, int)"/>; only a body holding a backslash or a non-ASCII
    /// character (where an identifier may be spelled with an escape) is also read character by character, asking at
    /// each such character which token is there.
    /// </summary>
    private static bool IsWritten(ILocalSymbol local, SemanticModel model, SyntaxNode body)
    {
        var start = body.Span.Start;
        var length = body.Span.Length;
        var text = length > MaxKeptBuffer ? new char[length]
            : t_text is { } buffer && buffer.Length >= length ? buffer : t_text = new char[Math.Max(length, 4096)];
        body.SyntaxTree.GetText().CopyTo(start, text, 0, length);
        var name = local.Name;
        for (var at = IndexOf(text, length, name, 0); at >= 0; at = IndexOf(text, length, name, at + name.Length))
        {
            if (IsBounded(text, length, at, name.Length) && WritesAt(local, model, body.FindToken(start + at), start + at)) return true;
        }
        if (IsPlain(text, length)) return false;
        for (var i = 0; i < length; i++)
        {
            if (text[i] != '\\' && text[i] <= 0x7F) continue;
            // Trivia (a comment with `é` or `\\`) is passed over up to the token it belongs to, never beyond its start.
            var position = start + i;
            var token = body.FindToken(position);
            if (WritesAt(local, model, token, position)) return true;
            var next = position < token.Span.Start ? token.Span.Start : position < token.Span.End ? token.Span.End : token.FullSpan.End;
            i = Math.Max(i, next - start - 1);
        }
        return false;
    }

    /// <summary>Whether the first <paramref name="length"/> characters hold no backslash and only ASCII.</summary>
    private static bool IsPlain(char[] text, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (text[i] == '\\' || text[i] > 0x7F) return false;
        }
        return true;
    }

    /// <summary>The first occurrence of <paramref name="name"/> in <c>text[from..length)</c>, or -1.</summary>
    private static int IndexOf(char[] text, int length, string name, int from)
    {
        var last = length - name.Length;
        for (var at = from <= last ? Array.IndexOf(text, name[0], from, last - from + 1) : -1; at >= 0; at = at < last ? Array.IndexOf(text, name[0], at + 1, last - at) : -1)
        {
            var k = 1;
            while (k < name.Length && text[at + k] == name[k]) k++;
            if (k == name.Length) return at;
        }
        return -1;
    }

    /// <summary>Whether the text at <paramref name="at"/> is not inside a longer run of identifier characters.</summary>
    private static bool IsBounded(char[] text, int textLength, int at, int length)
        => (at == 0 || !IsIdentifierChar(text[at - 1])) && (at + length == textLength || !IsIdentifierChar(text[at + length]));

    private static bool IsIdentifierChar(char c) => c == '_' || char.IsLetterOrDigit(c);

    /// <summary>
    /// Whether <paramref name="token"/>, found at <paramref name="position"/>, is an identifier naming <paramref name="local"/> that writes it.
    /// An identifier the model maps to no operation (nameof, say) counts as a write when it names the local: the state
    /// is then unknown, which only ever costs a warning.
    /// </summary>
    private static bool WritesAt(ILocalSymbol local, SemanticModel model, SyntaxToken token, int position)
    {
        if (!token.Span.Contains(position) || token.RawKind != (int)SyntaxKind.IdentifierToken || token.ValueText != local.Name) return false;
        if (token.Parent is not { } node || node.Span.Start != token.Span.Start || node.RawKind == (int)SyntaxKind.VariableDeclarator) return false;
        return model.GetOperation(node) switch
        {
            ILocalReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsWrite(reference),
            null => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(node).Symbol, local),
            _ => false,
        };
    }

    private static bool IsWrite(ILocalReferenceOperation reference)
    {
        if (reference.IsDeclaration) return true;
        // Passed with `ref`, `in` or `out`, whatever the callee (a dynamic call and `__arglist` have no argument operation).
        if (reference.Syntax.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 }) return true;
        IOperation current = reference;
        var parent = current.Parent;
        // Climb through tuples, conversions and ref conditionals: `(a, b) = …` writes a, so can `ref (c ? ref a : ref b)`.
        while (parent is ITupleOperation or IConversionOperation or IConditionalOperation { IsRef: true })
        {
            current = parent;
            parent = current.Parent;
        }
        return parent switch
        {
            // A ref alias (`r = ref a;`) can write a later.
            ISimpleAssignmentOperation { IsRef: true } => true,
            IAssignmentOperation assignment => ReferenceEquals(assignment.Target, current),
            IIncrementOrDecrementOperation => true,
            IArgumentOperation argument => argument.Parameter?.RefKind is not RefKind.None,
            IAddressOfOperation => true,
            // So can `ref var r = ref a;`.
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsRef: true } } => true,
            // An operation the API does not model (`__makeref(a)`): assume the worst.
            { Kind: OperationKind.None } => true,
            _ => false,
        };
    }
}
