using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// Runs the generator over docs, compiles the output (zero diagnostics required), loads the
/// assembly and hands out the generated context's <see cref="JsonTypeInfo"/>s. The tests use
/// reflection to reach the generated types; the generated code itself uses none.
/// </summary>
internal sealed class GeneratedAssembly
{
    public const string Namespace = "Test.Models";

    private GeneratedAssembly(Assembly assembly, GeneratorRun run)
    {
        Assembly = assembly;
        Run = run;
        // No context when the docs produced no type at all.
        var contextType = assembly.GetType(Namespace + ".ModelDocsJsonContext", throwOnError: false);
        _context = contextType is null ? null : (JsonSerializerContext)contextType.GetProperty("Default")!.GetValue(null)!;
    }

    private readonly JsonSerializerContext? _context;

    public bool HasContext => _context is not null;

    public Assembly Assembly { get; }

    public GeneratorRun Run { get; }

    /// <summary>The generated <c>ModelDocsJsonContext.Default</c>.</summary>
    public JsonSerializerContext Context => _context ?? throw new InvalidOperationException("no serializer context was generated");

    public Type Type(string name) => Assembly.GetType(Namespace + "." + name, throwOnError: true)!;

    /// <summary>The context's typed property for <paramref name="name"/> (e.g. <c>Default.NewCustomerSession</c>).</summary>
    public JsonTypeInfo TypeInfo(string name) => TypeInfo(Context, name);

    public static JsonTypeInfo TypeInfo(JsonSerializerContext context, string name)
        => (JsonTypeInfo)context.GetType().GetProperty(name)!.GetValue(context)!;

    /// <summary>A new context over <paramref name="options"/> (the generated constructor).</summary>
    public JsonSerializerContext NewContext(JsonSerializerOptions options)
        => (JsonSerializerContext)Activator.CreateInstance(Context.GetType(), options)!;

    public object? Deserialize(string json, string type) => JsonSerializer.Deserialize(json, TypeInfo(type));

    public string Serialize(object? value, string type) => JsonSerializer.Serialize(value, TypeInfo(type));

    /// <param name="userSources">C# of the project beside the generated code (a probe that uses the generated types), if any.</param>
    public static GeneratedAssembly Build(IEnumerable<AdditionalText> docs, Dictionary<string, string>? globalOptions = null, IEnumerable<string>? userSources = null)
    {
        var options = globalOptions ?? new Dictionary<string, string>();
        options.TryAdd("build_property.ModelDocsNamespace", Namespace);
        var run = TestHelpers.Run(docs, options, compilation: userSources is null ? null : TestHelpers.CreateCompilation(userSources));
        // Doc warnings (a renamed member, say) are fine here; internal errors are not.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("MD9", StringComparison.Ordinal));
        var errors = run.CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, TestHelpers.Format(errors));
        using var stream = new MemoryStream();
        var emit = run.OutputCompilation.Emit(stream);
        Assert.True(emit.Success, TestHelpers.Format(emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedAssembly(context.LoadFromStream(stream), run);
    }

    public static GeneratedAssembly FromSchemas(Dictionary<string, string>? globalOptions = null)
        => Build(TestHelpers.LoadFolder(TestHelpers.SchemasDir), globalOptions);
}
