// Valid usage: a service that opens, closes and returns customer sessions as the docs allow.
using System;
using System.Collections.Generic;
using Test.Models;

namespace Shop.Sessions;

public sealed class SessionService
{
    private readonly Dictionary<string, NewCustomerSession> _sessions = new();

    public NewCustomerSession Open(string profileId, IReadOnlyList<string>? identifiers = null)
    {
        var session = new NewCustomerSession
        {
            ProfileId = profileId,
            State = NewCustomerSessionState.Open,
            Identifiers = identifiers,
        };
        _sessions[profileId] = session;
        return session;
    }

    public NewCustomerSession CreateClosed(string profileId, decimal total)
        => new NewCustomerSession { ProfileId = profileId, State = NewCustomerSessionState.Closed, Total = total };

    public NewCustomerSession Close(string profileId)
    {
        var session = new NewCustomerSession { ProfileId = profileId, State = NewCustomerSessionState.Open };
        var closed = session with { State = NewCustomerSessionState.Closed };
        var returned = closed with { State = NewCustomerSessionState.PartiallyReturned };
        var cancelled = returned with { State = NewCustomerSessionState.Cancelled };
        _ = cancelled;
        return closed;
    }

    public NewCustomerSession MoveTo(NewCustomerSession session, NewCustomerSessionState target)
    {
        if (!session.State.CanTransitionTo(target))
        {
            throw new InvalidOperationException(
                $"A session cannot move from {session.State.ToWireValue()} to {target.ToWireValue()}; allowed: " +
                string.Join(", ", session.State.AllowedTransitions()));
        }
        return session with { State = target };
    }

    public bool CanCancelOpenSessions() => NewCustomerSessionState.Open.CanTransitionTo(NewCustomerSessionState.Cancelled);

    public bool IsFinal(NewCustomerSessionState state) => state.AllowedTransitions().Count == 0;
}
