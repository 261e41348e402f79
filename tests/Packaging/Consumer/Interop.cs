// Generated types used by other source generators in the same compilation: System.Text.Json's generator over the
// user's own JsonSerializerContext, and Mapperly. That works only when ModelDocs adds its sources before those
// generators run (Roslyn 5.9's pre-compilation outputs: the package's roslyn5.9 build), so Consumer.csproj
// compiles this file only with a compiler that loads that build.
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Consumer.Generated;
using Riok.Mapperly.Abstractions;

internal static class Interop
{
    // json: a NewCustomerSession with an undocumented state ("suspended") and an unknown property.
    internal static void Run(string json)
    {
        var read = JsonSerializer.Deserialize(json, ModelDocsJsonContext.Default.NewCustomerSession)!;
        var expected = JsonSerializer.Serialize(read, ModelDocsJsonContext.Default.NewCustomerSession);

        // A user context over a generated record: System.Text.Json's generator uses the record's own converter.
        var viaUser = JsonSerializer.Serialize(read, UserJsonContext.Default.NewCustomerSession);
        var readViaUser = JsonSerializer.Deserialize(json, UserJsonContext.Default.NewCustomerSession);
        Console.WriteLine("interop user context: same=" + (viaUser == expected) + " equal=" + read.Equals(readViaUser));

        // A user type that holds a generated record, in a user context: the embedded JSON is the generated serializer's.
        var envelope = new UserEnvelope { RequestId = "r-1", Session = read };
        var envelopeJson = JsonSerializer.Serialize(envelope, MixedJsonContext.Default.UserEnvelope);
        string embedded;
        using (var doc = JsonDocument.Parse(envelopeJson))
        {
            embedded = doc.RootElement.GetProperty("session").GetRawText();
        }
        var envelopeBack = JsonSerializer.Deserialize(envelopeJson, MixedJsonContext.Default.UserEnvelope)!;
        var sessionViaMixed = JsonSerializer.Serialize(read, MixedJsonContext.Default.NewCustomerSession);
        Console.WriteLine("interop mixed context: same=" + (embedded == expected && sessionViaMixed == expected)
            + " equal=" + (envelopeBack.RequestId == "r-1" && read.Equals(envelopeBack.Session)));

        // Mapperly, both ways, over every documented member; the state is undocumented and must survive.
        const string full = "{\"profileId\":\"p-3\",\"coupon\":\"c\",\"referral\":\"r\",\"state\":\"suspended\","
            + "\"cartItems\":[{\"sku\":\"A\",\"quantity\":1},{\"sku\":\"B\",\"quantity\":2}],\"identifiers\":[\"i-1\"],"
            + "\"total\":12.5,\"attributes\":{\"k\":[1,2]}}";
        var session = JsonSerializer.Deserialize(full, ModelDocsJsonContext.Default.NewCustomerSession)!;
        var form = SessionMapper.ToForm(session);
        var back = SessionMapper.FromForm(form);
        Console.WriteLine("interop mapperly: equal=" + back.Equals(session) + " state=" + back.State.ToWireValue()
            + " form.state=" + form.State.ToWireValue());
    }
}

public sealed class UserEnvelope
{
    public string RequestId { get; set; } = "";
    public NewCustomerSession? Session { get; set; }
}

[JsonSerializable(typeof(NewCustomerSession))]
internal partial class UserJsonContext : JsonSerializerContext
{
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(UserEnvelope))]
[JsonSerializable(typeof(NewCustomerSession))]
internal partial class MixedJsonContext : JsonSerializerContext
{
}

public sealed class SessionForm
{
    public string? ProfileId { get; set; }
    public string? Coupon { get; set; }
    public string? Referral { get; set; }
    public NewCustomerSessionState State { get; set; }
    public IReadOnlyList<CartItem>? CartItems { get; set; }
    public IReadOnlyList<string>? Identifiers { get; set; }
    public decimal? Total { get; set; }
    public JsonElement? Attributes { get; set; }
}

[Mapper]
internal static partial class SessionMapper
{
    // The form does not carry properties that the docs do not describe.
    [MapperIgnoreSource(nameof(NewCustomerSession.UnknownProperties))]
    internal static partial SessionForm ToForm(NewCustomerSession session);

    [MapperIgnoreTarget(nameof(NewCustomerSession.UnknownProperties))]
    internal static partial NewCustomerSession FromForm(SessionForm form);
}
