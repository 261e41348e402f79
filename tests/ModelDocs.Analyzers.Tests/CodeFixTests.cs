using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ModelDocs.Generators.CodeFixes;
using Xunit;

namespace ModelDocs.Analyzers.Tests;

/// <summary>Every code fix, applied and compiled; FixAll through the batch fixer.</summary>
public class CodeFixTests
{
    [Fact]
    public async Task MD2001_replace_the_literal_with_the_closest_value()
    {
        await new CodeFixTest("""
            using Test.Models;
            class C
            {
                NewCustomerSessionState M() => NewCustomerSessionStateExtensions.Parse({|MD2001:"canceled"|});
            }
            """, """
            using Test.Models;
            class C
            {
                NewCustomerSessionState M() => NewCustomerSessionStateExtensions.Parse("cancelled");
            }
            """, ModelDocsUsageCodeFixProvider.ReplaceWithClosestKey).RunAsync();
    }

    [Fact]
    public async Task MD2001_Parse_becomes_the_member()
    {
        await new CodeFixTest("""
            using Test.Models;
            class C
            {
                NewCustomerSessionState M() => NewCustomerSessionStateExtensions.Parse({|MD2001:"canceled"|});
            }
            """, """
            using Test.Models;
            class C
            {
                NewCustomerSessionState M() => NewCustomerSessionState.Cancelled;
            }
            """, ModelDocsUsageCodeFixProvider.UseMemberKey).RunAsync();
    }

    [Fact]
    public async Task MD2001_Parse_becomes_the_fully_qualified_member_without_a_using()
    {
        await new CodeFixTest("""
            class C
            {
                object M() => Test.Models.NewCustomerSessionStateExtensions.Parse({|MD2001:"partially returned"|});
            }
            """, """
            class C
            {
                object M() => Test.Models.NewCustomerSessionState.PartiallyReturned;
            }
            """, ModelDocsUsageCodeFixProvider.UseMemberKey).RunAsync();
    }

    [Fact]
    public async Task MD2001_Enum_Parse_gets_the_member_name_or_the_member()
    {
        const string source = """
            using System;
            using Test.Models;
            class C
            {
                NewCustomerSessionState M() => Enum.Parse<NewCustomerSessionState>({|MD2001:"partially_returned"|});
            }
            """;
        await new CodeFixTest(source, """
            using System;
            using Test.Models;
            class C
            {
                NewCustomerSessionState M() => Enum.Parse<NewCustomerSessionState>("PartiallyReturned");
            }
            """, ModelDocsUsageCodeFixProvider.ReplaceWithClosestKey).RunAsync();
        await new CodeFixTest(source, """
            using System;
            using Test.Models;
            class C
            {
                NewCustomerSessionState M() => NewCustomerSessionState.PartiallyReturned;
            }
            """, ModelDocsUsageCodeFixProvider.UseMemberKey).RunAsync();
    }

    [Fact]
    public async Task MD2001_comparison_becomes_an_enum_comparison()
    {
        await new CodeFixTest("""
            using Test.Models;
            class C
            {
                bool M(NewCustomerSession s) => s.State.ToWireValue() == {|MD2001:"canceled"|};
                bool N(ShipmentCarrier c) => {|MD2001:"UPS"|} != ShipmentCarrierExtensions.ToWireValue(c);
            }
            """, """
            using Test.Models;
            class C
            {
                bool M(NewCustomerSession s) => s.State == NewCustomerSessionState.Cancelled;
                bool N(ShipmentCarrier c) => ShipmentCarrier.Ups != c;
            }
            """, ModelDocsUsageCodeFixProvider.UseMemberKey).RunAsync();
    }

    [Fact]
    public async Task MD2001_case_label_gets_the_closest_value()
    {
        await new CodeFixTest("""
            using Test.Models;
            class C
            {
                int M(ShipmentCarrier c) => c.ToWireValue() switch
                {
                    {|MD2001:"postnl"|} => 1,
                    _ => 0,
                };
            }
            """, """
            using Test.Models;
            class C
            {
                int M(ShipmentCarrier c) => c.ToWireValue() switch
                {
                    "post_nl" => 1,
                    _ => 0,
                };
            }
            """, ModelDocsUsageCodeFixProvider.ReplaceWithClosestKey).RunAsync();
    }

    [Fact]
    public async Task MD2001_without_a_close_value_offers_each_documented_value()
    {
        const string source = """
            using Test.Models;
            class C
            {
                ShipmentCarrier M() => ShipmentCarrierExtensions.Parse({|MD2001:"fedex"|});
            }
            """;
        foreach (var value in new[] { "dhl", "ups", "post_nl" })
        {
            await new CodeFixTest(source, $$"""
                using Test.Models;
                class C
                {
                    ShipmentCarrier M() => ShipmentCarrierExtensions.Parse("{{value}}");
                }
                """, ModelDocsUsageCodeFixProvider.ReplaceWithValueKeyPrefix + value).RunAsync();
        }
    }

    [Theory]
    [InlineData("Open")]
    [InlineData("Closed")]
    public async Task MD2002_one_action_per_creatable_state(string state)
    {
        await new CodeFixTest("""
            using Test.Models;
            class C
            {
                NewCustomerSession M() => new NewCustomerSession { ProfileId = "p", State = {|MD2002:NewCustomerSessionState.Cancelled|} };
            }
            """, $$"""
            using Test.Models;
            class C
            {
                NewCustomerSession M() => new NewCustomerSession { ProfileId = "p", State = NewCustomerSessionState.{{state}} };
            }
            """, "MD2002." + ModelDocsUsageCodeFixProvider.UseStateKeyPrefix + state).RunAsync();
    }

    [Fact]
    public async Task MD2002_offers_only_creatable_states()
    {
        var test = new CodeFixTest("""
            using Test.Models;
            class C
            {
                NewCustomerSession M() => new NewCustomerSession { State = {|MD2002:NewCustomerSessionState.Cancelled|} };
            }
            """, """
            using Test.Models;
            class C
            {
                NewCustomerSession M() => new NewCustomerSession { State = NewCustomerSessionState.Closed };
            }
            """);
        // One action per creatable state, in the order of the docs: Open, then Closed.
        test.CodeActionIndex = 1;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Use NewCustomerSessionState.Closed", action.Title);
        await test.RunAsync();
    }

    [Fact]
    public async Task MD2003_replace_the_target_with_an_allowed_state()
    {
        await new CodeFixTest("""
            using Test.Models;
            class C
            {
                void M()
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    var next = session with { State = {|MD2003:NewCustomerSessionState.PartiallyReturned|} };
                    _ = NewCustomerSessionState.Open.CanTransitionTo({|MD2003:NewCustomerSessionState.PartiallyReturned|});
                }
            }
            """, """
            using Test.Models;
            class C
            {
                void M()
                {
                    var session = new NewCustomerSession { State = NewCustomerSessionState.Open };
                    var next = session with { State = NewCustomerSessionState.Closed };
                    _ = NewCustomerSessionState.Open.CanTransitionTo(NewCustomerSessionState.Closed);
                }
            }
            """, "MD2003." + ModelDocsUsageCodeFixProvider.UseStateKeyPrefix + "Closed").RunAsync();
    }

    [Fact]
    public async Task FixAll_replaces_every_literal_in_one_pass()
    {
        var test = new CodeFixTest("""
            using Test.Models;
            class C
            {
                void M(NewCustomerSessionState s, ShipmentCarrier c)
                {
                    _ = NewCustomerSessionStateExtensions.Parse({|MD2001:"canceled"|});
                    _ = NewCustomerSessionStateExtensions.TryParse({|MD2001:"Closed"|}, out _);
                    _ = s.ToWireValue() == {|MD2001:"partially-returned"|};
                    _ = c.ToWireValue() is {|MD2001:"dhll"|} or {|MD2001:"UPS"|};
                }
            }
            """, """
            using Test.Models;
            class C
            {
                void M(NewCustomerSessionState s, ShipmentCarrier c)
                {
                    _ = NewCustomerSessionStateExtensions.Parse("cancelled");
                    _ = NewCustomerSessionStateExtensions.TryParse("closed", out _);
                    _ = s.ToWireValue() == "partially_returned";
                    _ = c.ToWireValue() is "dhl" or "ups";
                }
            }
            """, ModelDocsUsageCodeFixProvider.ReplaceWithClosestKey);
        // FixAll in document, project and solution scope must each reach the fixed code in one iteration.
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_uses_the_member_everywhere()
    {
        var test = new CodeFixTest("""
            using Test.Models;
            class C
            {
                void M(NewCustomerSessionState s)
                {
                    var a = NewCustomerSessionStateExtensions.Parse({|MD2001:"opne"|});
                    var b = NewCustomerSessionStateExtensions.Parse({|MD2001:"Cancelled"|});
                    var c = s.ToWireValue() == {|MD2001:"closd"|};
                }
            }
            """, """
            using Test.Models;
            class C
            {
                void M(NewCustomerSessionState s)
                {
                    var a = NewCustomerSessionState.Open;
                    var b = NewCustomerSessionState.Cancelled;
                    var c = s == NewCustomerSessionState.Closed;
                }
            }
            """, ModelDocsUsageCodeFixProvider.UseMemberKey);
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }
}
