using System;
using System.Text.Json;
using Consumer.Generated;

internal static class Program
{
    private static void Main()
    {
        var session = new NewCustomerSession
        {
            ProfileId = "p-1",
            CartItems = new[] { new CartItem { Sku = "SKU-1", Quantity = 3 } },
        };
        NewCustomerSessionState state = session.State;
        Console.WriteLine("consumer ok: state=" + state.ToWireValue()
            + " items=" + (session.CartItems?.Count ?? 0)
            + " sku=" + session.CartItems![0].Sku
            + " open->closed=" + state.CanTransitionTo(NewCustomerSessionState.Closed));

        // JSON through the generated context, with reflection-based serialization disabled.
        const string json = "{\"profileId\":\"p-2\",\"state\":\"suspended\",\"cartItems\":[{\"sku\":\"A\",\"quantity\":1}],\"extra\":[1]}";
        var read = JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.NewCustomerSession)!;
        var written = JsonSerializer.Serialize(read, ModelDocsJsonContext.Default.NewCustomerSession);
        Console.WriteLine("consumer json: same=" + (written == json) + " state=" + read.State.ToWireValue() + " documented=" + read.State.IsDocumented());

        // Polymorphic JSON (schemas/SessionEvents.json): the discriminator selects the derived record.
        const string ev = "{\"type\":\"item_added\",\"sessionId\":\"s\",\"occurredAt\":\"2026-11-26T09:01:00+00:00\",\"sku\":\"A\",\"quantity\":2}";
        SessionEvent e = JsonSerializer.Deserialize(ev, ModelDocsJsonContext.Default.SessionEvent)!;
        var again = JsonSerializer.Serialize(e, ModelDocsJsonContext.Default.SessionEvent);
        Console.WriteLine("consumer polymorphic: type=" + e.GetType().Name + " same=" + (again == ev) + " tagged=" + new SessionClosed { SessionId = "s", OccurredAt = default }.Type);
        // A YAML OpenAPI document (api/inventory.yaml): read at compile time through the bundled YamlDotNet.
        const string stock = "{\"id\":\"WH-1\",\"entries\":[{\"sku\":\"A\",\"quantity\":2,\"status\":\"in_stock\"}]}";
        Warehouse warehouse = JsonSerializer.Deserialize(stock, ModelDocsJsonContext.Default.Warehouse)!;
        Console.WriteLine("consumer yaml: warehouse=" + warehouse.Id + " quantity=" + warehouse.Entries[0].Quantity
            + " status=" + warehouse.Entries[0].Status.ToWireValue()
            + " same=" + (JsonSerializer.Serialize(warehouse, ModelDocsJsonContext.Default.Warehouse) == stock));
#if MODELDOCS_INTEROP
        // Generated types seen by other source generators (Interop.cs; only with a compiler that runs
        // ModelDocs before them, see Consumer.csproj).
        Interop.Run(json);
#endif
    }
}
