// A tour of what ModelDocs.Generators makes from the docs in ../schemas.
// Every type used below (NewCustomerSession, CartItem, Product, AdditionalCost,
// NewCustomerSessionState and its extensions) is generated at build time; none is written by hand.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Sample.Models;

internal static class Program
{
    private static void Main()
    {
        // CartItem.md lists `sku` and `quantity` without [optional], so they are `required`:
        // leaving either out is a compile error. Everything else is nullable and may be skipped.
        var mug = new CartItem
        {
            Sku = "MUG-001",
            Quantity = 2,
            Name = "Coffee mug",
            Price = 8.50m,
            Category = "kitchen",
            Product = new Product { Name = "Mugs" },
        };
        var teapot = new CartItem
        {
            Sku = "TEA-042",
            Quantity = 1,
            Name = "Teapot",
            Price = 24.00m,
            AdditionalCosts = new Dictionary<string, AdditionalCost>
            {
                ["shipping"] = new AdditionalCost { Price = 4.95m },
            },
        };

        // `state` is documented with a default of 'open', so it is non-nullable and starts as Open.
        var session = new NewCustomerSession
        {
            ProfileId = "guest-7f3a",
            CartItems = new[] { mug, teapot },
            Identifiers = new[] { "203.0.113.7" },
            Total = (mug.Price * mug.Quantity) + (teapot.Price * teapot.Quantity),
        };

        Console.WriteLine("== A new customer session ==");
        Console.WriteLine($"profile:     {session.ProfileId}");
        Console.WriteLine($"state:       {session.State} (wire value \"{session.State.ToWireValue()}\")");
        Console.WriteLine($"identifiers: {string.Join(", ", session.Identifiers)}");
        Console.WriteLine($"total:       {session.Total}");
        Console.WriteLine("cart items:");
        foreach (var item in session.CartItems)
        {
            Console.WriteLine($"  - {item.Quantity} x {item.Sku} ({item.Name}) at {item.Price} each");
            foreach (var cost in item.AdditionalCosts ?? new Dictionary<string, AdditionalCost>())
            {
                Console.WriteLine($"      additional cost '{cost.Key}': {cost.Value.Price}");
            }
        }

        // Generated types are records, so ToString() lists every property (unset ones print empty).
        Console.WriteLine();
        Console.WriteLine("The first item as a record:");
        Console.WriteLine($"  {mug}");

        // Records compare by value, and `with` makes a changed copy.
        var closed = session with { State = NewCustomerSessionState.Closed };
        Console.WriteLine();
        Console.WriteLine($"session == copy with State = Closed? {session == closed}");

        Console.WriteLine();
        Console.WriteLine("== NewCustomerSessionState: values and the documented state machine ==");
        Console.WriteLine($"wire values:     {string.Join(", ", NewCustomerSessionStateExtensions.WireValues)}");
        Console.WriteLine($"creatable as:    {Describe(NewCustomerSessionStateExtensions.CreatableStates)}");

        if (NewCustomerSessionStateExtensions.TryParse("closed", out var parsed))
        {
            Console.WriteLine($"TryParse(\"closed\") -> {parsed}");
        }
#pragma warning disable MD2001 // "Closed" is not a wire value: shown on purpose, to demonstrate case sensitivity.
        Console.WriteLine($"TryParse(\"Closed\") -> {NewCustomerSessionStateExtensions.TryParse("Closed", out _)} (wire values are case-sensitive)");
#pragma warning restore MD2001

        Console.WriteLine("allowed transitions:");
        foreach (NewCustomerSessionState state in Enum.GetValues<NewCustomerSessionState>())
        {
            var next = state.AllowedTransitions();
            Console.WriteLine($"  {state.ToWireValue(),-18} -> {(next.Count == 0 ? "(final)" : Describe(next))}");
        }

        var from = NewCustomerSessionState.Open;
        var to = NewCustomerSessionState.PartiallyReturned;
        Console.WriteLine($"open -> closed allowed?             {from.CanTransitionTo(NewCustomerSessionState.Closed)}");
        Console.WriteLine($"open -> partially_returned allowed? {from.CanTransitionTo(to)}");

        Json(session);
        Events();
    }

    // JSON through the generated ModelDocsJsonContext: no reflection (this sample is built with
    // JsonSerializerIsReflectionEnabledByDefault=false and IsAotCompatible=true).
    private static void Json(NewCustomerSession session)
    {
        Console.WriteLine();
        Console.WriteLine("== JSON through ModelDocsJsonContext ==");
        // A context over your own options: their indentation, encoder and depth limit apply.
        var context = new ModelDocsJsonContext(new JsonSerializerOptions { WriteIndented = false });
        var json = JsonSerializer.Serialize(session, ModelDocsJsonContext.Default.NewCustomerSession);
        Console.WriteLine(json);
        var back = JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.NewCustomerSession)!;
        Console.WriteLine($"round trip equal (lists compared by content): {back == session}");

        // A newer API may send a state and a property the docs do not list: both are kept and written back.
        const string fromServer = """{"profileId":"p1","state":"suspended","loyaltyTier":"gold"}""";
        var newer = JsonSerializer.Deserialize(fromServer, context.NewCustomerSession)!;
        Console.WriteLine($"undocumented state kept: {newer.State.ToWireValue()} (documented: {newer.State.IsDocumented()}); unknown properties: {string.Join(", ", newer.UnknownProperties!.Keys)}");
        Console.WriteLine($"written back: {JsonSerializer.Serialize(newer, context.NewCustomerSession)}");

        // Bad input: a JsonException that names the model, the property and the path.
        try
        {
            JsonSerializer.Deserialize("""{"profileId":"p1","cartItems":[{"sku":"A","quantity":"two"}]}""", ModelDocsJsonContext.Default.NewCustomerSession);
        }
        catch (JsonException ex)
        {
            Console.WriteLine($"bad input: {ex.Message}");
        }
    }

    // SessionEvents.json (OpenAPI): SessionEvent has a discriminator, `type`; SessionOpened, CartItemAdded
    // and SessionClosed extend it with allOf, so they derive from it. The generated converter looks at
    // `type` and reads the record it names; a value the docs do not map reads as SessionEvent itself.
    private static void Events()
    {
        Console.WriteLine();
        Console.WriteLine("== Polymorphic JSON: SessionEvent and the records derived from it ==");
        const string webhook = """
            [
              {"type":"session_opened","sessionId":"s-1","occurredAt":"2026-11-26T09:00:00+00:00","profileId":"guest-7f3a"},
              {"sessionId":"s-1","type":"item_added","occurredAt":"2026-11-26T09:01:00+00:00","sku":"MUG-001","quantity":2},
              {"type":"session_closed","sessionId":"s-1","occurredAt":"2026-11-26T09:05:00+00:00","total":41.95},
              {"type":"session_paused","sessionId":"s-1","occurredAt":"2026-11-26T09:06:00+00:00","reason":"idle"}
            ]
            """;
        using var document = JsonDocument.Parse(webhook);
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var e = element.Deserialize(ModelDocsJsonContext.Default.SessionEvent)!;
            var what = e switch
            {
                SessionOpened opened => $"opened for {opened.ProfileId}",
                CartItemAdded added => $"{added.Quantity} x {added.Sku} added",
                SessionClosed closed => $"closed, total {closed.Total}",
                _ => $"'{e.Type}' is not in the docs: read as SessionEvent, keeping {string.Join(", ", e.UnknownProperties!.Keys)}",
            };
            Console.WriteLine($"{e.GetType().Name,-14} {e.OccurredAt:HH:mm}  {what}");
        }

        // A new derived record starts with its discriminator value; written as a SessionEvent, it dispatches by runtime type.
        SessionEvent item = new CartItemAdded { SessionId = "s-2", OccurredAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), Sku = "TEA-042", Quantity = 1 };
        var json = JsonSerializer.Serialize(item, ModelDocsJsonContext.Default.SessionEvent);
        Console.WriteLine($"new event: {json}");
        var back = JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.SessionEvent);
        Console.WriteLine($"polymorphic round trip: {back?.GetType().Name} equal={back == item}");
    }

    private static string Describe(IEnumerable<NewCustomerSessionState> states)
        => string.Join(", ", states.Select(s => s.ToWireValue()));
}
