using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace ModelDocs.Generators.Tests.Json;

/// <summary>
/// Deterministic structural fuzzing of JSON inputs (issue 12, acceptance 4): real schemas (OpenAPI examples
/// from readmeio-oas-examples, JSON-Schema-Test-Suite schemas, a slice of Talon.One's openapi.json) mutated
/// with a seeded <see cref="Random"/>: unions of unions, one-element <c>oneOf</c>s (the inline-enum one of
/// the crash among them), <c>allOf</c> of itself, property names, enum values and definitions that collide
/// after naming, the enum names two docs would both take, names that differ only in case, empty enums,
/// <c>$ref</c>s to nothing, alias cycles, deep nesting, defaults that do not fit. Several mutated documents
/// go into one compilation (one namespace, so files collide with each other too). Each run: no exception
/// reaches the driver, no MD9001, no two sources share a hint name, and the output compiles (the test
/// compilation reports warnings as errors).
/// </summary>
public sealed class SchemaFuzzTests
{
    private const int Seed = 20261201;
    private const int Runs = 20;
    private const int DocsPerRun = 4;

    private readonly ITestOutputHelper _out;

    public SchemaFuzzTests(ITestOutputHelper output) => _out = output;

    private static readonly Lazy<CSharpCompilation> SharedCompilation = new(() => TestHelpers.CreateCompilation());

    /// <summary>A document to mutate: its root, and where its named schemas live (created when absent).</summary>
    private sealed record Source(string Name, JsonObject Root, string[] Container, string RefPrefix);

    private static string OpenApiDir => Path.Combine(TestHelpers.SharedDir, "testsuites", "openapi", "readmeio-oas-examples");

    private static readonly Lazy<List<Source>> Sources = new(() =>
    {
        var list = new List<Source>();
        foreach (var rel in new[]
                 {
                     "3.0/json/discriminators.json", "3.0/json/schema-circular.json", "3.0/json/complex-nesting.json", "3.0/json/polymorphism.json",
                     "3.0/json/schema-deprecated.json", "3.0/json/readme.json", "3.1/json/petstore.json", "3.1/json/schema-types.json",
                 })
        {
            var root = Parse(File.ReadAllText(Path.Combine(OpenApiDir, rel)));
            root.Remove("paths");
            list.Add(new Source(rel, root, new[] { "components", "schemas" }, "#/components/schemas/"));
        }
        var swagger = Parse(File.ReadAllText(Path.Combine(OpenApiDir, "2.0/json/petstore.json")));
        swagger.Remove("paths");
        list.Add(new Source("2.0/json/petstore.json", swagger, new[] { "definitions" }, "#/definitions/"));

        // JSON-Schema-Test-Suite: the first object schemas of a few keyword files, each a document of its own.
        var suite = Path.Combine(TestHelpers.SharedDir, "testsuites", "JSON-Schema-Test-Suite", "tests", "draft2020-12");
        foreach (var file in new[] { "allOf.json", "anyOf.json", "oneOf.json", "ref.json", "enum.json", "properties.json", "items.json", "default.json" })
        {
            var cases = JsonNode.Parse(File.ReadAllText(Path.Combine(suite, file)))!.AsArray();
            var taken = 0;
            foreach (var c in cases)
            {
                if (c?["schema"] is not JsonObject schema || taken == 3) continue;
                var root = (JsonObject)schema.DeepClone();
                root["$schema"] ??= "https://json-schema.org/draft/2020-12/schema";
                root["type"] ??= "object";
                list.Add(new Source($"suite/{file}#{taken++}", root, new[] { "$defs" }, "#/$defs/"));
            }
        }

        // Talon.One: a closure (up to 25 schemas) from a few seeds; refs beyond it stay dangling (MD1021).
        var talon = Parse(File.ReadAllText(Path.Combine(TestHelpers.CorpusDir, "openapi.json")));
        var all = talon["components"]!["schemas"]!.AsObject();
        var picked = new JsonObject();
        var queue = new Queue<string>(new[] { "NewCustomerSessionV2", "CartItem", "Coupon", "Effect", "LoyaltyProgram" });
        while (queue.Count > 0 && picked.Count < 25)
        {
            var name = queue.Dequeue();
            if (picked.ContainsKey(name) || all[name] is not JsonNode schema) continue;
            picked[name] = schema.DeepClone();
            foreach (var r in Refs(schema)) if (r.StartsWith("#/components/schemas/", StringComparison.Ordinal)) queue.Enqueue(r.Substring("#/components/schemas/".Length));
        }
        list.Add(new Source("talon-one/openapi.json", new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Talon.One slice", ["version"] = "1" },
            ["components"] = new JsonObject { ["schemas"] = picked },
        }, new[] { "components", "schemas" }, "#/components/schemas/"));
        return list;
    });

    private static JsonObject Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })!.AsObject();

    private static IEnumerable<string> Refs(JsonNode node)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject o:
                    foreach (var kv in o)
                    {
                        if (kv.Key == "$ref" && kv.Value is JsonValue v && v.TryGetValue<string>(out var s)) yield return s;
                        else if (kv.Value is not null) stack.Push(kv.Value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a) if (item is not null) stack.Push(item);
                    break;
            }
        }
    }

    // ---------------------------------------------------------------- mutations

    private sealed class Doc
    {
        public Doc(Source source, Random rng)
        {
            Source = source;
            Root = (JsonObject)source.Root.DeepClone();
            Rng = rng;
        }

        public Source Source { get; }
        public JsonObject Root { get; }
        public Random Rng { get; }

        public JsonObject Schemas
        {
            get
            {
                var node = Root;
                foreach (var key in Source.Container)
                {
                    if (node[key] is not JsonObject next)
                    {
                        next = new JsonObject();
                        node[key] = next;
                    }
                    node = next;
                }
                return node;
            }
        }

        public string Ref(string name) => Source.RefPrefix + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

        /// <summary>A named object schema (the root of a bare JSON Schema when it has none), given properties if it had none.</summary>
        public (string Name, JsonObject Schema) Host()
        {
            var named = Schemas.Where(kv => kv.Value is JsonObject).ToList();
            JsonObject schema;
            string name;
            if (named.Count == 0 || (Source.RefPrefix == "#/$defs/" && Rng.Next(2) == 0))
            {
                (name, schema) = ("", Root);
            }
            else
            {
                var pick = named[Rng.Next(named.Count)];
                (name, schema) = (pick.Key, (JsonObject)pick.Value!);
            }
            if (schema["properties"] is not JsonObject)
            {
                schema["properties"] = new JsonObject();
                if (schema["type"] is null) schema["type"] = "object";
            }
            return (name, schema);
        }

        public JsonObject Properties(JsonObject host) => (JsonObject)host["properties"]!;

        /// <summary>An existing property's schema (removed from its host), or a fresh one.</summary>
        public (JsonObject Host, string Name, JsonNode Value) TakeProperty()
        {
            var (_, host) = Host();
            var props = Properties(host);
            if (props.Count > 0 && Rng.Next(3) > 0)
            {
                var pick = props.ElementAt(Rng.Next(props.Count));
                var value = pick.Value?.DeepClone() ?? new JsonObject();
                props.Remove(pick.Key);
                return (host, pick.Key, value);
            }
            return (host, "p" + Rng.Next(1000), Rng.Next(2) == 0 ? new JsonObject { ["type"] = "string" } : StringEnum("x", "y"));
        }
    }

    private static JsonObject StringEnum(params string[] values) => new() { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) };

    private static JsonObject AuditLevel() => new() { ["oneOf"] = new JsonArray(StringEnum("low", "moderate", "high", "critical")) };

    private static readonly (string Name, Action<Doc> Apply)[] Mutations =
    {
        ("union of unions", d =>
        {
            var (host, name, value) = d.TakeProperty();
            d.Properties(host)[name] = new JsonObject
            {
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["anyOf"] = new JsonArray(value, new JsonObject { ["type"] = "integer" }) },
                    new JsonObject { ["oneOf"] = new JsonArray(value.DeepClone()) }),
            };
        }),
        ("one-element oneOf", d =>
        {
            var (host, name, value) = d.TakeProperty();
            d.Properties(host)[name] = new JsonObject { [d.Rng.Next(2) == 0 ? "oneOf" : "anyOf"] = new JsonArray(value) };
        }),
        ("one-element oneOf of an inline enum (the crash)", d =>
        {
            var (_, host) = d.Host();
            d.Properties(host)["auditLevel"] = AuditLevel();
            d.Properties(host)["audit_level_list"] = new JsonObject { ["type"] = "array", ["items"] = AuditLevel() };
        }),
        ("allOf of itself", d =>
        {
            var named = d.Schemas.Where(kv => kv.Value is JsonObject).ToList();
            var self = named.Count == 0 ? "#" : d.Ref(named[d.Rng.Next(named.Count)].Key);
            var target = named.Count == 0 ? d.Root : (JsonObject)d.Schemas[self.Substring(d.Source.RefPrefix.Length).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]!;
            var parts = target["allOf"] as JsonArray ?? new JsonArray();
            target["allOf"] = null;
            parts.Insert(0, new JsonObject { ["$ref"] = self });
            target["allOf"] = parts;
        }),
        ("property names that collide after PascalCasing", d =>
        {
            var (_, host) = d.Host();
            var props = d.Properties(host);
            foreach (var n in new[] { "foo_bar", "fooBar", "FooBar", "foo-bar", "FOO_BAR", "foo bar" }) props[n] = StringEnum("a", n);
        }),
        ("enum values that collide after naming", d =>
        {
            var (_, host) = d.Host();
            d.Properties(host)["mode"] = StringEnum("a-b", "a_b", "A B", "a b", "", "-", "_", "1", "class", "Value", "a\u00e9b", "ToString");
        }),
        ("definitions whose names collide after naming", d =>
        {
            foreach (var n in new[] { "foo_bar", "fooBar", "FooBar", "foo-bar", "foo.bar", "FooBarMode" })
            {
                d.Schemas[n] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["mode"] = StringEnum("on", "off"), ["n"] = new JsonObject { ["type"] = "integer" } } };
            }
        }),
        ("enum names two docs both take", d =>
        {
            var stem = "Cfg" + d.Rng.Next(3);
            d.Schemas[stem] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["auditLevel"] = AuditLevel(), ["audit"] = StringEnum("x") } };
            d.Schemas[stem + "Audit"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["level"] = AuditLevel(), ["json_converter"] = StringEnum("z") } };
            d.Schemas[stem + "Auditlevel"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["extensions"] = StringEnum("e") } };
        }),
        ("names that differ only in case", d =>
        {
            foreach (var n in new[] { "PetKind", "Petkind", "petKind" }) d.Schemas[n] = StringEnum("cat", "dog");
            d.Schemas["Owner" + d.Rng.Next(3)] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["$ref"] = d.Ref("Petkind") } } };
        }),
        ("empty enums", d =>
        {
            var (_, host) = d.Host();
            d.Properties(host)["nothing"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray() };
            d.Properties(host)["nothing_else"] = new JsonObject { ["enum"] = new JsonArray() };
            d.Schemas["EmptyEnum"] = new JsonObject { ["enum"] = new JsonArray() };
        }),
        ("$ref to missing targets", d =>
        {
            var (_, host) = d.Host();
            var props = d.Properties(host);
            props["gone"] = new JsonObject { ["$ref"] = d.Ref("DoesNotExist") };
            props["elsewhere"] = new JsonObject { ["$ref"] = "missing.json#/components/schemas/X" };
            props["bad_pointer"] = new JsonObject { ["$ref"] = "#/nope/0/~2" };
            props["anchor"] = new JsonObject { ["$ref"] = "#anchor" };
            host["allOf"] = new JsonArray(new JsonObject { ["$ref"] = d.Ref("AlsoMissing") });
        }),
        ("alias cycles and self references", d =>
        {
            d.Schemas["LoopA"] = new JsonObject { ["$ref"] = d.Ref("LoopB") };
            d.Schemas["LoopB"] = new JsonObject { ["$ref"] = d.Ref("LoopA") };
            d.Schemas["LoopList"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = d.Ref("LoopList") } };
            var (name, host) = d.Host();
            var props = d.Properties(host);
            props["loop"] = new JsonObject { ["$ref"] = d.Ref("LoopA") };
            props["list_loop"] = new JsonObject { ["$ref"] = d.Ref("LoopList") };
            props["self"] = new JsonObject { ["$ref"] = name.Length == 0 ? "#" : d.Ref(name) };
        }),
        ("deep nesting", d =>
        {
            var (_, host) = d.Host();
            JsonNode arrays = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("deep") };
            for (var i = 0; i < 40; i++) arrays = new JsonObject { ["type"] = "array", ["items"] = arrays };
            JsonNode objects = new JsonObject { ["type"] = "integer" };
            for (var i = 0; i < 40; i++) objects = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["n"] = objects } };
            JsonNode unions = StringEnum("u");
            for (var i = 0; i < 40; i++) unions = new JsonObject { ["oneOf"] = new JsonArray(unions) };
            var props = d.Properties(host);
            props["arrays"] = arrays;
            props["objects"] = objects;
            props["unions"] = unions;
        }),
        ("null unions", d =>
        {
            var (_, host) = d.Host();
            var props = d.Properties(host);
            props["maybe"] = new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, StringEnum("a", "b")) };
            props["only_null"] = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }) };
            props["null_enum"] = new JsonObject { ["enum"] = new JsonArray(null, "x") };
        }),
        ("defaults that do not fit", d =>
        {
            var (_, host) = d.Host();
            var props = d.Properties(host);
            props["s0"] = new JsonObject { ["type"] = "string", ["default"] = 0 };
            props["i_empty"] = new JsonObject { ["type"] = "integer", ["default"] = "" };
            props["i5"] = new JsonObject { ["type"] = "integer", ["default"] = "5" };
            props["b_text"] = new JsonObject { ["type"] = "boolean", ["default"] = "true" };
            props["n_text"] = new JsonObject { ["type"] = "number", ["default"] = "1.5" };
            props["o"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = true, ["default"] = new JsonObject { ["a"] = "*/ </c> \"" } };
            props["a"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["default"] = new JsonArray("x", "*/") };
            props["e"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("on", "off"), ["default"] = 1 };
        }),
        ("hostile property names", d =>
        {
            var (name, host) = d.Host();
            var props = d.Properties(host);
            foreach (var n in new[] { "class", "EqualityContract", "UnknownProperties", "", "1x", "_", "@", "ToString", name.Length == 0 ? "root" : name })
            {
                props[n] = new JsonObject { ["type"] = "string" };
            }
        }),
    };

    // ---------------------------------------------------------------- the test

    [Fact]
    public void Mutated_schemas_never_throw_and_always_compile()
    {
        var sources = Sources.Value;
        var rng = new Random(Seed);
        var failures = new List<string>();
        var sw = Stopwatch.StartNew();
        var mutationCounts = new int[Mutations.Length];
        for (var run = 0; run < Runs; run++)
        {
            var files = new List<AdditionalText>();
            var described = new List<string>();
            for (var k = 0; k < DocsPerRun; k++)
            {
                var source = sources[(run * DocsPerRun + k) % sources.Count];
                var doc = new Doc(source, rng);
                var applied = new List<string>();
                var count = rng.Next(1, 5);
                for (var m = 0; m < count; m++)
                {
                    var i = rng.Next(Mutations.Length);
                    Mutations[i].Apply(doc);
                    mutationCounts[i]++;
                    applied.Add(Mutations[i].Name);
                }
                var path = $"/fuzz/run{run}/doc{k}.json";
                files.Add(new InMemoryAdditionalText(path, doc.Root.ToJsonString()));
                described.Add($"{path} = {source.Name} + [{string.Join(", ", applied)}]");
            }
            var t0 = sw.Elapsed;
            var problem = Check(files, run % 6 == 5 ? GeneratorBuilds.Standard : GeneratorBuilds.PreCompilation);
            _out.WriteLine($"run {run}: {(sw.Elapsed - t0).TotalSeconds:F1} s " + string.Join(" ", described.Select(x => x.Split(" = ")[1].Split(" + ")[0])));
            if (problem is not null) failures.Add($"run {run}: {problem}\n    " + string.Join("\n    ", described));
        }
        _out.WriteLine($"{Runs} runs of {DocsPerRun} documents from {sources.Count} sources in {sw.Elapsed.TotalSeconds:F1} s");
        for (var i = 0; i < Mutations.Length; i++) _out.WriteLine($"  {mutationCounts[i],3} × {Mutations[i].Name}");
        Assert.All(mutationCounts, c => Assert.True(c > 0, "a mutation was never applied: raise Runs"));
        Assert.True(failures.Count == 0, $"{failures.Count} of {Runs} runs failed:\n" + string.Join("\n", failures.Take(10)));
    }

    /// <summary>Runs the generator (either build) over one set of documents; what went wrong, or null.</summary>
    private static string? Check(List<AdditionalText> files, string build)
    {
        var compilation = SharedCompilation.Value;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { GeneratorBuilds.CreateSourceGenerator(build) },
            files,
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            new TestOptionsProvider(new() { ["build_property.ModelDocsNamespace"] = "Fuzz.Models" }));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        var problems = new List<string>();
        foreach (var r in result.Results)
        {
            if (r.Exception is not null) problems.Add($"{build} threw: " + r.Exception.Message.Split('\n')[0]);
        }
        var internalErrors = diagnostics.Where(d => d.Id == "MD9001").ToList();
        if (internalErrors.Count > 0) problems.Add("MD9001: " + internalErrors[0].GetMessage());
        var hints = result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();
        if (hints.Count != hints.Distinct(StringComparer.OrdinalIgnoreCase).Count()) problems.Add("two sources share a hint name");
        if (!hints.Any(h => h.StartsWith("Fuzz.Models.", StringComparison.Ordinal))) problems.Add("nothing was generated");
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            var tree = first.Location.SourceTree;
            var line = tree is null ? string.Empty : " | line: " + tree.GetText().Lines[first.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
            problems.Add($"{errors.Count} compile error(s), first: {first}{line}");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
