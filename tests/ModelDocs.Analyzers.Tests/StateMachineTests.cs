using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Testing;
using ModelDocs.Generators.Analyzers;
using ModelDocs.Generators.Diagnostics;
using Xunit;

namespace ModelDocs.Analyzers.Tests;

/// <summary>
/// MD2002 (creation in a state the docs do not allow) and MD2003 (undocumented transitions), against
/// NewCustomerSession.md: created as open or closed; open→closed, open→cancelled, closed→cancelled,
/// closed→partially_returned, partially_returned→cancelled.
/// </summary>
public class StateMachineTests
{
    private static DiagnosticResult MD2002(int markup, string message)
        => new DiagnosticResult(AnalyzerDescriptors.NotCreatable).WithLocation(markup).WithMessage(message);

    private static DiagnosticResult MD2003(int markup, string message)
        => new DiagnosticResult(AnalyzerDescriptors.UndocumentedTransition).WithLocation(markup).WithMessage(message);

    [Fact]
    public async Task Object_initializer_with_a_state_that_is_not_creatable()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                void M()
                {
                    _ = new NewCustomerSession { ProfileId = "p", State = {|#0:NewCustomerSessionState.Cancelled|} };
                    _ = new NewCustomerSession { State = {|#1:(NewCustomerSessionState)3|} };

                    // Valid: the creatable states, the default, and values not known at compile time.
                    _ = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    _ = new NewCustomerSession { State = NewCustomerSessionState.Closed };
                    _ = new NewCustomerSession { ProfileId = "p" };
                }

                NewCustomerSession FromServer(NewCustomerSessionState state) => new NewCustomerSession { State = state };
            }
            """);
        test.ExpectedDiagnostics.Add(MD2002(0, "'cancelled' is not a creatable state of NewCustomerSessionState: a new NewCustomerSession may only be created as 'open' or 'closed'"));
        test.ExpectedDiagnostics.Add(MD2002(1, "'partially_returned' is not a creatable state of NewCustomerSessionState: a new NewCustomerSession may only be created as 'open' or 'closed'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Constructor_argument_with_a_state_that_is_not_creatable()
    {
        var test = new AnalyzerTest("""
            namespace Test.Models
            {
                public sealed partial record NewCustomerSession
                {
                    public NewCustomerSession() { }
                    public NewCustomerSession(string profileId, NewCustomerSessionState state)
                    {
                        ProfileId = profileId;
                        State = state;
                    }
                }
            }
            class C
            {
                void M()
                {
                    _ = new Test.Models.NewCustomerSession("p", {|#0:Test.Models.NewCustomerSessionState.PartiallyReturned|});
                    _ = new Test.Models.NewCustomerSession("p", Test.Models.NewCustomerSessionState.Closed);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(MD2002(0, "'partially_returned' is not a creatable state of NewCustomerSessionState: a new NewCustomerSession may only be created as 'open' or 'closed'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task With_expression_on_a_new_model_is_a_creation()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                NewCustomerSession M() => new NewCustomerSession { ProfileId = "p" } with { State = {|#0:NewCustomerSessionState.Cancelled|} };
                NewCustomerSession N() => new NewCustomerSession() with { State = NewCustomerSessionState.Closed };
            }
            """);
        test.ExpectedDiagnostics.Add(MD2002(0, "'cancelled' is not a creatable state of NewCustomerSessionState: a new NewCustomerSession may only be created as 'open' or 'closed'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Types_that_are_not_generated_models_may_hold_any_state()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            sealed record SessionRow { public NewCustomerSessionState State { get; init; } }
            class C
            {
                SessionRow M() => new SessionRow { State = NewCustomerSessionState.Cancelled };
                SessionRow N(SessionRow r) => r with { State = NewCustomerSessionState.Open };
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task CanTransitionTo_with_constant_states_off_the_graph()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                void M(NewCustomerSessionState current)
                {
                    _ = NewCustomerSessionState.Open.CanTransitionTo({|#0:NewCustomerSessionState.PartiallyReturned|});
                    _ = NewCustomerSessionStateExtensions.CanTransitionTo(NewCustomerSessionState.Cancelled, {|#1:NewCustomerSessionState.Open|});
                    _ = NewCustomerSessionState.Closed.CanTransitionTo({|#2:NewCustomerSessionState.Closed|});

                    // Valid: documented edges, and states not known at compile time.
                    _ = NewCustomerSessionState.Open.CanTransitionTo(NewCustomerSessionState.Closed);
                    _ = NewCustomerSessionState.Closed.CanTransitionTo(NewCustomerSessionState.PartiallyReturned);
                    _ = NewCustomerSessionState.PartiallyReturned.CanTransitionTo(NewCustomerSessionState.Cancelled);
                    _ = current.CanTransitionTo(NewCustomerSessionState.Open);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(MD2003(0, "The docs do not allow NewCustomerSessionState to move from 'open' to 'partially_returned'; from 'open' it may move to 'closed' or 'cancelled'"));
        test.ExpectedDiagnostics.Add(MD2003(1, "The docs do not allow NewCustomerSessionState to move from 'cancelled' to 'open'; from 'cancelled' it may move to nowhere (it is a final state)"));
        test.ExpectedDiagnostics.Add(MD2003(2, "The docs do not allow NewCustomerSessionState to move from 'closed' to 'closed'; from 'closed' it may move to 'cancelled' or 'partially_returned'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task With_on_a_local_whose_state_is_known_in_the_method()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                void M()
                {
                    var session = new NewCustomerSession { ProfileId = "p", State = NewCustomerSessionState.Open };
                    var returned = session with { State = {|#0:NewCustomerSessionState.PartiallyReturned|} };
                    var closed = session with { State = NewCustomerSessionState.Closed };
                    var reopened = closed with { State = {|#1:NewCustomerSessionState.Open|} };
                    var fine = closed with { State = NewCustomerSessionState.PartiallyReturned };
                    var same = session with { State = NewCustomerSessionState.Open };
                    var other = session with { ProfileId = "q" };
                }
            }
            """);
        test.ExpectedDiagnostics.Add(MD2003(0, "The docs do not allow NewCustomerSessionState to move from 'open' to 'partially_returned'; from 'open' it may move to 'closed' or 'cancelled'"));
        test.ExpectedDiagnostics.Add(MD2003(1, "The docs do not allow NewCustomerSessionState to move from 'closed' to 'open'; from 'closed' it may move to 'cancelled' or 'partially_returned'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task With_on_a_local_is_checked_when_its_name_appears_only_in_reads_comments_strings_and_other_methods()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                string session = "field";

                void M(NewCustomerSession other)
                {
                    // session = other;  (a comment, not a write)
                    var session = new NewCustomerSession { ProfileId = "session = other", State = NewCustomerSessionState.Open };
                    var name = nameof(session) + this.session + "\u00e9";
                    var copy = @session;
                    System.Func<NewCustomerSession, NewCustomerSession> same = session => session with { ProfileId = "q" };
                    _ = session with { State = {|#0:NewCustomerSessionState.PartiallyReturned|} };
                }

                void N(NewCustomerSession other)
                {
                    var session = other;
                    session = other;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(MD2003(0, "The docs do not allow NewCustomerSessionState to move from 'open' to 'partially_returned'; from 'open' it may move to 'closed' or 'cancelled'"));
        await test.RunAsync();
    }

    [Fact]
    public void A_short_body_is_searched_alone_after_a_long_body_used_the_same_buffer()
    {
        // LocalFacts searches a body's text in a per-thread buffer. A long body that writes `session` at every offset
        // is read first, on this thread; the short body's search must see only its own characters, not that tail.
        var filler = string.Concat(Enumerable.Repeat("        session = other;\n", 400));
        // Past the size a thread keeps (64K characters): searched in an array of its own.
        var huge = string.Concat(Enumerable.Repeat("        _ = other.ProfileId;\n", 3000)) + "        session = other;\n";
        var source = $$"""
            using Test.Models;
            class C
            {
                void Long(NewCustomerSession other)
                {
                    var session = new NewCustomerSession { ProfileId = "p", State = NewCustomerSessionState.Open };
            {{filler}}
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void Short()
                {
                    var session = new NewCustomerSession { ProfileId = "p", State = NewCustomerSessionState.Open };
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void Huge(NewCustomerSession other)
                {
                    var session = new NewCustomerSession { ProfileId = "p", State = NewCustomerSessionState.Open };
            {{huge}}
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions);
        var compilation = CSharpCompilation.Create("Buffer",
            GeneratedModels.Sources.Select(g => CSharpSyntaxTree.ParseText(g.Source, TestReferences.ParseOptions)).Append(tree),
            Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = compilation.GetSemanticModel(tree);

        bool KnownInitializer(string method)
        {
            var with = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method)
                .DescendantNodes().OfType<WithExpressionSyntax>().Single();
            var operation = (IWithOperation)model.GetOperation(with)!;
            var local = ((ILocalReferenceOperation)operation.Operand).Local;
            return LocalFacts.TryGetInitializer(AnalyzerOperations.Root(operation), local, out _);
        }

        Assert.False(KnownInitializer("Long"));
        Assert.True(KnownInitializer("Short"));
        Assert.False(KnownInitializer("Huge"));
        Assert.True(KnownInitializer("Short"));
    }

    [Fact]
    public async Task With_on_a_local_written_by_out_deconstruction_ref_alias_ref_argument_local_function_or_escaped_name_is_not_checked()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                static bool TryLoad(out NewCustomerSession s) { s = new NewCustomerSession(); return true; }

                void Out()
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    TryLoad(out session);
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void Deconstructed(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    int n;
                    (session, n) = (a, 1);
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void RefAlias(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    ref var alias = ref session;
                    alias = a;
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void LocalFunctionDeclaredLast(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    Reset();
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                    void Reset() => session = a;
                }

                void VerbatimName(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    @session = a;
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void EscapedName(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    sess\u0069on = a;
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void EscapedNameAfterNonAsciiComment(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    // café, C:\temp
                    sess\u0069on = a;
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void RefConditional(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    var other = a;
                    ref var r = ref (a is null ? ref session : ref other);
                    r = a;
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void RefConditionalArgument(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    var other = a;
                    Refresh(ref a is null ? ref session : ref other);
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                static void Refresh(ref NewCustomerSession s) { }

                void Dynamic(dynamic d)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    d.Refresh(ref session);
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void InArgumentMadeWritable(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    ref var r = ref System.Runtime.CompilerServices.Unsafe.AsRef(in session);
                    r = a;
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void MakeRef(NewCustomerSession a)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    var tr = __makeref(session);
                    __refvalue(tr, NewCustomerSession) = a;
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task With_on_a_local_whose_state_is_not_known_is_not_checked()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                static void Refresh(ref NewCustomerSession s) { }

                void Reassigned(NewCustomerSession fromServer)
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    session = fromServer;
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void PassedByRef()
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    Refresh(ref session);
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void DefaultState(NewCustomerSession parameter)
                {
                    // The state is the doc's default (open), which the generated symbols do not record.
                    var session = new NewCustomerSession { ProfileId = "p" };
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                    _ = parameter with { State = NewCustomerSessionState.PartiallyReturned };
                }

                void InLambda()
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    System.Action reset = () => session = new NewCustomerSession { State = NewCustomerSessionState.Closed };
                    _ = session with { State = NewCustomerSessionState.PartiallyReturned };
                }
            }
            """);
        await test.RunAsync();
    }
}
