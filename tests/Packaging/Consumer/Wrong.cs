// Deliberately wrong: each line marked "expect MDxxxx" must get that warning, at that line, from the
// analyzer in the packed nupkg (.ci/run reads the markers and the build log). Nothing here runs.
using Consumer.Generated;

internal static class Wrong
{
    internal static object[] Examples()
    {
        var parsed = NewCustomerSessionStateExtensions.Parse("canceled"); // expect MD2001
        var created = new NewCustomerSession { State = NewCustomerSessionState.PartiallyReturned }; // expect MD2002
        var open = new NewCustomerSession { State = NewCustomerSessionState.Open };
        var returned = open with { State = NewCustomerSessionState.PartiallyReturned }; // expect MD2003
        var odd = NewCustomerSessionState.Cancelled.CanTransitionTo(NewCustomerSessionState.Open); // expect MD2003
        return new object[] { parsed, created, returned, odd };
    }
}
