// Valid usage: reading and writing wire values from a JSON-ish payload.
using System;
using System.Collections.Generic;
using Test.Models;

namespace Shop.Wire;

public static class WireMapping
{
    public static NewCustomerSessionState ParseState(string? wire)
        => NewCustomerSessionStateExtensions.TryParse(wire, out var state) ? state : NewCustomerSessionState.Open;

    public static NewCustomerSessionState Cancelled() => NewCustomerSessionStateExtensions.Parse("cancelled");

    public static string Label(NewCustomerSessionState state)
    {
        switch (state.ToWireValue())
        {
            case "open": return "Open";
            case "closed": return "Closed";
            case "cancelled":
            case "partially_returned":
                return "Finished";
            default: return state.ToString();
        }
    }

    public static string CarrierName(ShipmentCarrier carrier) => carrier.ToWireValue() switch
    {
        "dhl" => "DHL Express",
        "ups" => "United Parcel Service",
        "post_nl" => "PostNL",
        var other => other,
    };

    public static bool IsReturn(NewCustomerSession session)
        => session.State.ToWireValue() == "partially_returned"
            || string.Equals(session.State.ToWireValue(), "CANCELLED", StringComparison.OrdinalIgnoreCase);

    public static bool IsDutch(Shipment shipment)
        => shipment.Carrier is { } carrier && carrier.ToWireValue() is "post_nl";

    public static IEnumerable<string> AllStates()
    {
        foreach (var wire in NewCustomerSessionStateExtensions.WireValues)
        {
            yield return wire;
        }
    }

    public static NewCustomerSessionState FromName(string name)
        => Enum.Parse<NewCustomerSessionState>(name, ignoreCase: true);

    public static NewCustomerSessionState Known() => Enum.Parse<NewCustomerSessionState>("PartiallyReturned");
}
