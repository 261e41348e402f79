using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ModelDocs.Generators.Diagnostics;
using Xunit;

namespace ModelDocs.Analyzers.Tests;

/// <summary>MD2001: constant strings that are not documented values of a generated enum.</summary>
public class UnknownWireValueTests
{
    private static DiagnosticResult MD2001(int markup, string message)
        => new DiagnosticResult(AnalyzerDescriptors.UnknownWireValue).WithLocation(markup).WithMessage(message);

    [Fact]
    public async Task Parse_with_a_misspelled_state_suggests_the_closest_documented_value()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                NewCustomerSessionState M() => NewCustomerSessionStateExtensions.Parse({|#0:"canceled"|});
            }
            """);
        test.ExpectedDiagnostics.Add(MD2001(0, "'canceled' is not a documented value of NewCustomerSessionState; did you mean 'cancelled'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TryParse_is_case_sensitive_so_a_capitalised_value_is_flagged()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                bool M() => NewCustomerSessionStateExtensions.TryParse({|#0:"Closed"|}, out _)
                    && NewCustomerSessionStateExtensions.TryParse("closed", out _);
            }
            """);
        test.ExpectedDiagnostics.Add(MD2001(0, "'Closed' is not a documented value of NewCustomerSessionState; did you mean 'closed'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_value_far_from_every_documented_value_lists_them_all()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                ShipmentCarrier M() => ShipmentCarrierExtensions.Parse({|#0:"fedex"|});
            }
            """);
        test.ExpectedDiagnostics.Add(MD2001(0, "'fedex' is not a documented value of ShipmentCarrier; documented values: 'dhl', 'ups', 'post_nl'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FromWireValue_is_checked_like_Parse()
    {
        // FromWireValue is the serializer's lenient parse (it keeps undocumented values), generated
        // beside Parse: a constant that the docs do not list is still a mistake in code.
        var test = new AnalyzerTest("""
            class C
            {
                Test.Models.NewCustomerSessionState M() => Test.Models.NewCustomerSessionStateExtensions.FromWireValue({|#0:"partialy_returned"|});
                Test.Models.NewCustomerSessionState Ok() => Test.Models.NewCustomerSessionStateExtensions.FromWireValue("partially_returned");
            }
            """);
        test.ExpectedDiagnostics.Add(MD2001(0, "'partialy_returned' is not a documented value of NewCustomerSessionState; did you mean 'partially_returned'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_const_string_is_a_constant_too()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                const string Cancelled = "canceled";
                NewCustomerSessionState M() => NewCustomerSessionStateExtensions.Parse({|MD2001:Cancelled|});
                NewCustomerSessionState Concat() => NewCustomerSessionStateExtensions.Parse({|MD2001:"can" + "celed"|});
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Strings_that_are_not_constant_are_not_checked()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                NewCustomerSessionState M(string fromServer) => NewCustomerSessionStateExtensions.Parse(fromServer);
                bool N(string? s) => NewCustomerSessionStateExtensions.TryParse(s, out _) || NewCustomerSessionStateExtensions.TryParse(null, out _);
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Enum_Parse_checks_the_member_name_not_the_wire_value()
    {
        var test = new AnalyzerTest("""
            using System;
            using Test.Models;
            class C
            {
                void M()
                {
                    _ = Enum.Parse<NewCustomerSessionState>({|#0:"partially_returned"|});
                    _ = Enum.TryParse<NewCustomerSessionState>({|#1:"Canceled"|}, out _);
                    _ = Enum.Parse(typeof(ShipmentCarrier), {|#2:"Fedex"|});
                    _ = Enum.Parse<NewCustomerSessionState>({|#3:"closed"|}, ignoreCase: false);

                    // Valid: member names, ignoreCase, numbers and flag lists (Enum.Parse accepts them by design).
                    _ = Enum.Parse<NewCustomerSessionState>("PartiallyReturned");
                    _ = Enum.Parse<NewCustomerSessionState>("closed", ignoreCase: true);
                    _ = Enum.Parse<NewCustomerSessionState>("2");
                    _ = Enum.Parse<NewCustomerSessionState>("Open, Closed");
                    _ = Enum.TryParse(typeof(ShipmentCarrier), "PostNl", out _);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(MD2001(0, "'partially_returned' is not a documented member name of NewCustomerSessionState; did you mean 'PartiallyReturned'? (Enum.Parse reads C# member names; wire values go through NewCustomerSessionStateExtensions.Parse)"));
        test.ExpectedDiagnostics.Add(MD2001(1, "'Canceled' is not a documented member name of NewCustomerSessionState; did you mean 'Cancelled'? (Enum.TryParse reads C# member names; wire values go through NewCustomerSessionStateExtensions.TryParse)"));
        test.ExpectedDiagnostics.Add(MD2001(2, "'Fedex' is not a documented member name of ShipmentCarrier; member names: 'Dhl', 'Ups', 'PostNl' (Enum.Parse reads C# member names; wire values go through ShipmentCarrierExtensions.Parse)"));
        test.ExpectedDiagnostics.Add(MD2001(3, "'closed' is not a documented member name of NewCustomerSessionState; did you mean 'Closed'? (Enum.Parse reads C# member names; wire values go through NewCustomerSessionStateExtensions.Parse)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Comparisons_of_ToWireValue_with_a_constant()
    {
        var test = new AnalyzerTest("""
            using System;
            using Test.Models;
            class C
            {
                void M(NewCustomerSession session, NewCustomerSessionState state)
                {
                    _ = session.State.ToWireValue() == {|#0:"canceled"|};
                    _ = {|#1:"Open"|} != state.ToWireValue();
                    _ = state.ToWireValue().Equals({|#2:"opened"|});
                    _ = string.Equals(NewCustomerSessionStateExtensions.ToWireValue(state), {|#3:"clossed"|});
                    _ = string.Equals(state.ToWireValue(), {|#4:"OPEN"|}, StringComparison.Ordinal);

                    // Valid.
                    _ = state.ToWireValue() == "cancelled";
                    _ = string.Equals(state.ToWireValue(), "OPEN", StringComparison.OrdinalIgnoreCase);
                    _ = state.ToWireValue().Equals("partially_returned");
                    _ = state.ToString() == "Whatever";
                }
            }
            """);
        test.ExpectedDiagnostics.Add(MD2001(0, "'canceled' is not a documented value of NewCustomerSessionState; did you mean 'cancelled'?"));
        test.ExpectedDiagnostics.Add(MD2001(1, "'Open' is not a documented value of NewCustomerSessionState; did you mean 'open'?"));
        test.ExpectedDiagnostics.Add(MD2001(2, "'opened' is not a documented value of NewCustomerSessionState; did you mean 'open'?"));
        test.ExpectedDiagnostics.Add(MD2001(3, "'clossed' is not a documented value of NewCustomerSessionState; did you mean 'closed'?"));
        test.ExpectedDiagnostics.Add(MD2001(4, "'OPEN' is not a documented value of NewCustomerSessionState; did you mean 'open'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Case_labels_switch_arms_and_patterns_over_a_wire_value()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            class C
            {
                int M(NewCustomerSessionState state)
                {
                    switch (state.ToWireValue())
                    {
                        case "open": return 1;
                        case {|#0:"closd"|}: return 2;
                        case "cancelled" or {|#1:"partially-returned"|}: return 3;
                        default: return 0;
                    }
                }

                string N(ShipmentCarrier carrier) => carrier.ToWireValue() switch
                {
                    "dhl" => "DHL",
                    {|#2:"UPS"|} => "UPS",
                    not {|#3:"postnl"|} => "other",
                    _ => "PostNL",
                };

                bool P(ShipmentCarrier carrier) => carrier.ToWireValue() is "ups" or {|#4:"dhll"|};
            }
            """);
        test.ExpectedDiagnostics.Add(MD2001(0, "'closd' is not a documented value of NewCustomerSessionState; did you mean 'closed'?"));
        test.ExpectedDiagnostics.Add(MD2001(1, "'partially-returned' is not a documented value of NewCustomerSessionState; did you mean 'partially_returned'?"));
        test.ExpectedDiagnostics.Add(MD2001(2, "'UPS' is not a documented value of ShipmentCarrier; did you mean 'ups'?"));
        test.ExpectedDiagnostics.Add(MD2001(3, "'postnl' is not a documented value of ShipmentCarrier; did you mean 'post_nl'?"));
        test.ExpectedDiagnostics.Add(MD2001(4, "'dhll' is not a documented value of ShipmentCarrier; did you mean 'dhl'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Methods_of_the_same_names_on_other_types_are_ignored()
    {
        var test = new AnalyzerTest("""
            using Test.Models;
            static class OtherExtensions
            {
                public static NewCustomerSessionState Parse(string s) => NewCustomerSessionState.Open;
                public static string ToWireValue(this NewCustomerSessionState s) => "x";
            }
            class C
            {
                void M(NewCustomerSessionState s)
                {
                    _ = OtherExtensions.Parse("canceled");
                    _ = OtherExtensions.ToWireValue(s) == "canceled";
                    _ = int.Parse("12");
                    _ = System.DayOfWeek.Monday.ToString() == "monday";
                    _ = System.Enum.Parse<System.DayOfWeek>("Mondey");
                }
            }
            """);
        await test.RunAsync();
    }
}
