// Valid usage: a checkout that builds sessions with carts and shipments.
using System.Collections.Generic;
using System.Linq;
using Test.Models;

namespace Shop.Checkout;

public sealed class Checkout
{
    public NewCustomerSession Start(string profileId, IEnumerable<CartItem> items)
    {
        var list = items.ToList();
        return new NewCustomerSession
        {
            ProfileId = profileId,
            Total = list.Sum(i => (i.Price ?? 0m) * i.Quantity),
        };
    }

    public Shipment Ship(string id, ShipmentCarrier carrier) => new Shipment { Id = id, Carrier = carrier, Weight = 1.5m };

    public Shipment Reroute(Shipment shipment) => shipment with { Carrier = ShipmentCarrier.PostNl };

    public NewCustomerSession Template { get; } = new NewCustomerSession { State = NewCustomerSessionState.Closed } with { ProfileId = "template" };

    public bool Creatable(NewCustomerSessionState state) => state.IsCreatable() && NewCustomerSessionStateExtensions.CreatableStates.Contains(state);

    public NewCustomerSession Finish(NewCustomerSession session, bool refund)
    {
        var closed = session.State == NewCustomerSessionState.Open
            ? session with { State = NewCustomerSessionState.Closed }
            : session;
        return refund ? closed with { State = NewCustomerSessionState.PartiallyReturned } : closed;
    }
}
