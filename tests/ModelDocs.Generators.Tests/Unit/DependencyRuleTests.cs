using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ModelDocs.Generators.Tests.Unit;

/// <summary>
/// The dependency rule between the generator's layers (src/ModelDocs.Generators/ARCHITECTURE.md, "Layout and the
/// dependency rule"). The generator's sources are compiled here with Roslyn; every name in a type's body is bound,
/// and the layer of the type that uses it and the layer of the type it names make an edge. An edge the rule does
/// not allow fails the test, with one place it is used.
/// </summary>
public sealed class DependencyRuleTests
{
    [Fact]
    public void TheGeneratorFollowsTheDependencyRule()
    {
        var dir = Path.Combine(TestHelpers.RepoDir(), "src", "ModelDocs.Generators");
        var files = Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0] is not ("bin" or "obj"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 40, $"only {files.Count} sources under {dir}");
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), DependencyRule.ParseOptions, Path.GetRelativePath(dir, f)));

        var result = DependencyRule.Check(trees);

        // The sources are parsed without MODELDOCS_ROSLYN4_8, as the 5.9 build compiles them (the 4.8 branch of
        // SourceRegistration.cs names the same layers). Names that do not bind would hide edges, so there must be none.
        Assert.True(result.Unresolved.Count == 0, "names that did not bind:\n" + string.Join("\n", result.Unresolved.Take(20))
            + "\ncompile errors:\n" + string.Join("\n", result.Errors.Take(10)));
        Assert.True(result.Edges.Count > 20, $"only {result.Edges.Count} edges: the checker is not seeing the code");
        Assert.True(result.Violations.Count == 0, "edges the dependency rule does not allow (layer -> layer: first use):\n" + string.Join("\n", result.Violations));
        Assert.True(result.UnusedExceptions.Count == 0, "back edges listed in DependencyRule.Exceptions that are gone (remove them):\n" + string.Join("\n", result.UnusedExceptions));
    }

    [Fact]
    public void TheCheckerCatchesABackEdge()
    {
        const string source = """
            namespace ModelDocs.Generators.Common { internal static class Strings { public static string Trim(string s) => s.Trim(); } }
            namespace ModelDocs.Generators.Model
            {
                internal sealed record Spec(string Name)
                {
                    public string Type => ModelDocs.Generators.Inference.Naming.ToPascalCase(Common.Strings.Trim(Name));
                }
            }
            namespace ModelDocs.Generators.Inference
            {
                using ModelDocs.Generators.Model;
                internal static class Naming
                {
                    public static string ToPascalCase(string s) => s;
                    public static string Of(Spec spec) => ToPascalCase(spec.Name);
                }
            }
            namespace ModelDocs.Generators.Parsing
            {
                internal static class Reader { public static int Kind = ModelDocs.Generators.Emit.KnownTypes.Kind; }
            }
            namespace ModelDocs.Generators.Emit { internal static class KnownTypes { public const int Kind = 1; } }
            """;
        var result = DependencyRule.Check(new[] { CSharpSyntaxTree.ParseText(source, DependencyRule.ParseOptions, "Synthetic.cs") });

        Assert.Empty(result.Unresolved);
        Assert.Contains(("Model", "Common"), result.Edges);
        Assert.Contains(("Inference", "Model"), result.Edges);
        Assert.Equal(new[] { "Model -> Inference: Synthetic.cs:6", "Parsing -> Emit: Synthetic.cs:20" }, result.Violations);
    }

    [Fact]
    public void ANameThatDoesNotBindIsCounted()
    {
        const string source = "namespace ModelDocs.Generators.Emit { internal static class E { public static string S => Missing.Name; } }";
        var result = DependencyRule.Check(new[] { CSharpSyntaxTree.ParseText(source, DependencyRule.ParseOptions, "Missing.cs") });
        Assert.Equal(new[] { "Missing.cs:1 Missing", "Missing.cs:1 Name" }, result.Unresolved);
    }
}

/// <summary>The layers of the generator assembly and the edges allowed between them.</summary>
internal static class DependencyRule
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    private const string Root = "ModelDocs.Generators";

    /// <summary>Layer → the layers it may use (besides itself and the BCL, Roslyn and YamlDotNet). Null: anything.</summary>
    public static readonly IReadOnlyDictionary<string, string[]?> Allowed = new Dictionary<string, string[]?>(StringComparer.Ordinal)
    {
        ["Common"] = Array.Empty<string>(),
        ["GeneratedNames"] = Array.Empty<string>(),
        ["TrackingNames"] = Array.Empty<string>(),
        ["Model"] = new[] { "Common" },
        ["Diagnostics"] = new[] { "Common", "Model" },
        ["Parsing"] = new[] { "Common", "Model", "Diagnostics", "GeneratedNames" },
        ["Inference"] = new[] { "Common", "Model", "Diagnostics", "GeneratedNames" },
        ["Emit"] = new[] { "Common", "Model", "Diagnostics", "GeneratedNames" },
        ["Analyzers"] = new[] { "Common", "Diagnostics", "GeneratedNames" },
        ["Pipeline"] = null,
        ["Registration"] = null,
    };

    /// <summary>
    /// Back edges not fixed yet, one type each, with the reason: each one is a debt, and the test fails once it is no
    /// longer used so that the entry goes too. Empty: the last ones (Inference reading Parsing's dialect tables) went
    /// when the Name column's meaning moved to <c>Model.DialectNames</c> and the reader started to say what a linked
    /// name spells (<c>TypeSpec.Spelled</c>).
    /// </summary>
    public static readonly IReadOnlyDictionary<(string From, string Type), string> Exceptions = new Dictionary<(string From, string Type), string>();

    public sealed record Result(
        IReadOnlyCollection<(string From, string To)> Edges,
        IReadOnlyList<string> Violations,
        IReadOnlyList<string> Unresolved,
        IReadOnlyList<Diagnostic> Errors,
        IReadOnlyList<string> UnusedExceptions);

    /// <summary>
    /// The layer of a type declared in the generator: the namespace under <c>ModelDocs.Generators</c>, its first
    /// part (<c>Parsing.Json</c> is <c>Parsing</c>); in the root namespace, the type's own (<c>ModelDocsGenerator</c>
    /// and its partial in <c>SourceRegistration.cs</c> are <c>Registration</c>). Null for a type outside the
    /// generator's namespaces (the polyfills in <c>System.Runtime.CompilerServices</c> stand in for the BCL).
    /// </summary>
    public static string? LayerOf(INamedTypeSymbol type)
    {
        while (type.ContainingType is { } outer) type = outer;
        var ns = type.ContainingNamespace.ToDisplayString();
        if (ns == Root)
        {
            return type.Name switch
            {
                "ModelDocsGenerator" => "Registration",
                _ => type.Name,
            };
        }
        return ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns.Substring(Root.Length + 1).Split('.')[0] : null;
    }

    /// <summary>
    /// The test process's own assemblies: its runtime, and the Roslyn and YamlDotNet it loads (Roslyn's build for
    /// this runtime needs this runtime's reference set, not an older one).
    /// </summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0 && !Path.GetFileName(p).StartsWith("ModelDocs.", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    public static Result Check(IEnumerable<SyntaxTree> trees)
    {
        var compilation = CSharpCompilation.Create(
            "ModelDocs.Generators.DependencyCheck",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var firstUse = new Dictionary<(string From, string To), string>();
        var exceptionsUsed = new HashSet<(string From, string Type)>();
        var unresolved = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes(n => n is not BaseTypeDeclarationSyntax and not DelegateDeclarationSyntax)
                         .Where(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax))
            {
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol declared || LayerOf(declared) is not { } from) continue;
                foreach (var name in declaration.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
                {
                    var info = model.GetSymbolInfo(name);
                    var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                    var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    if (symbol is null)
                    {
                        // A declared name (a member, a parameter, a label) is not a use; anything else must bind.
                        if (!IsDeclarationName(name) && model.GetTypeInfo(name).Type is null or IErrorTypeSymbol)
                        {
                            unresolved.Add($"{tree.FilePath}:{line} {name.Identifier.ValueText}");
                        }
                        continue;
                    }
                    if (TypeOf(symbol) is not { } target || !target.Locations.Any(l => l.IsInSource) || LayerOf(target) is not { } to || to == from) continue;
                    var typeName = target.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
                    if (!Allows(from, to) && Exceptions.ContainsKey((from, typeName)))
                    {
                        exceptionsUsed.Add((from, typeName));
                        continue;
                    }
                    firstUse.TryAdd((from, to), $"{tree.FilePath}:{line}");
                }
            }
        }

        var violations = firstUse
            .Where(e => !Allows(e.Key.From, e.Key.To))
            .Select(e => $"{e.Key.From} -> {e.Key.To}: {e.Value}")
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToList();
        // The compiler's errors only explain unbound names (computing them binds everything again).
        var errors = unresolved.Count == 0 ? new List<Diagnostic>() : compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var unusedExceptions = Exceptions.Keys.Where(e => !exceptionsUsed.Contains(e)).Select(e => $"{e.From} -> {e.Type}").ToList();
        return new Result(firstUse.Keys.ToHashSet(), violations, unresolved, errors, unusedExceptions);
    }

    private static bool Allows(string from, string to)
        => !Allowed.TryGetValue(from, out var allowed) ? false // a layer the rule does not know: decide where it goes
            : allowed is null || allowed.Contains(to, StringComparer.Ordinal);

    /// <summary>The type a name leads to: a type itself, or the type declaring a member (for an extension method, its static class).</summary>
    private static INamedTypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol t => t.OriginalDefinition,
        IMethodSymbol { ReducedFrom: { } m } => m.ContainingType?.OriginalDefinition,
        IAliasSymbol a => TypeOf(a.Target),
        INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or ITypeParameterSymbol or IDiscardSymbol => null,
        _ => symbol.ContainingType?.OriginalDefinition,
    };

    private static bool IsDeclarationName(SimpleNameSyntax name)
        => name.Parent is NameColonSyntax or NameEqualsSyntax // named arguments and anonymous-object members bind loosely
            || name is IdentifierNameSyntax { Identifier.ValueText: "nameof", Parent: InvocationExpressionSyntax }; // nameof(...) binds its argument only
}
