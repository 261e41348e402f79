// DELIBERATELY WRONG. This file is here to show the ModelDocs analyzer at work: building the sample
// prints one MD2001, one MD2002 and one MD2003 warning for the marked lines below. Sample.csproj keeps
// these IDs warnings (WarningsNotAsErrors), so the sample still builds and runs; nothing here is
// called at run time. Delete this file in a real project.
using Sample.Models;

internal static class WrongState
{
    internal static NewCustomerSession[] Examples()
    {
        // MD2001: 'canceled' is not a documented value of NewCustomerSessionState; did you mean 'cancelled'?
        var parsed = NewCustomerSessionStateExtensions.Parse("canceled");

        // MD2002: 'cancelled' is not a creatable state: a new NewCustomerSession may only be created as 'open' or 'closed'.
        var created = new NewCustomerSession { ProfileId = "guest-1", State = NewCustomerSessionState.Cancelled };

        // MD2003: the docs do not allow a session to move from 'open' to 'partially_returned'.
        var open = new NewCustomerSession { ProfileId = "guest-2", State = NewCustomerSessionState.Open };
        var returned = open with { State = NewCustomerSessionState.PartiallyReturned };

        return new[] { created with { State = parsed }, returned };
    }
}
