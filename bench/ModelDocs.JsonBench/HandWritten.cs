// The peers' models: written by hand with the same shape (names, CLR types, nullability, wire
// names) as what ModelDocs generates from the same Talon.One docs (so catalogItemId, the
// generator's camelCase of catalog_item_id, where the live API says catalogItemID), as a team would write them for
// System.Text.Json's source generator and for Newtonsoft.Json.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NJ = Newtonsoft.Json;

namespace Bench.Hand;

[JsonConverter(typeof(JsonStringEnumConverter<SessionState>))]
[NJ.JsonConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
public enum SessionState
{
    [JsonStringEnumMemberName("open"), EnumMember(Value = "open")] Open,
    [JsonStringEnumMemberName("closed"), EnumMember(Value = "closed")] Closed,
    [JsonStringEnumMemberName("cancelled"), EnumMember(Value = "cancelled")] Cancelled,
    [JsonStringEnumMemberName("partially_returned"), EnumMember(Value = "partially_returned")] PartiallyReturned,
}

public sealed record NewCustomerSession
{
    [JsonPropertyName("profileId"), NJ.JsonProperty("profileId")] public string? ProfileId { get; init; }
    [JsonPropertyName("coupon"), NJ.JsonProperty("coupon")] public string? Coupon { get; init; }
    [JsonPropertyName("referral"), NJ.JsonProperty("referral")] public string? Referral { get; init; }
    [JsonPropertyName("state"), NJ.JsonProperty("state")] public SessionState State { get; init; } = SessionState.Open;
    [JsonPropertyName("cartItems"), NJ.JsonProperty("cartItems")] public IReadOnlyList<CartItem>? CartItems { get; init; }
    [JsonPropertyName("identifiers"), NJ.JsonProperty("identifiers")] public IReadOnlyList<string>? Identifiers { get; init; }
    [JsonPropertyName("total"), NJ.JsonProperty("total")] public decimal? Total { get; init; }
    [JsonPropertyName("attributes"), NJ.JsonProperty("attributes"), NJ.JsonConverter(typeof(NewtonsoftJsonElementConverter))] public JsonElement? Attributes { get; init; }
}

public sealed record CustomerSessionV2
{
    [JsonPropertyName("id"), NJ.JsonProperty("id")] public required long Id { get; init; }
    [JsonPropertyName("created"), NJ.JsonProperty("created")] public required DateTimeOffset Created { get; init; }
    [JsonPropertyName("integrationId"), NJ.JsonProperty("integrationId")] public required string IntegrationId { get; init; }
    [JsonPropertyName("applicationId"), NJ.JsonProperty("applicationId")] public required long ApplicationId { get; init; }
    [JsonPropertyName("profileId"), NJ.JsonProperty("profileId")] public string? ProfileId { get; init; }
    [JsonPropertyName("storeIntegrationId"), NJ.JsonProperty("storeIntegrationId")] public string? StoreIntegrationId { get; init; }
    [JsonPropertyName("evaluableCampaignIds"), NJ.JsonProperty("evaluableCampaignIds")] public IReadOnlyList<long>? EvaluableCampaignIds { get; init; }
    [JsonPropertyName("couponCodes"), NJ.JsonProperty("couponCodes")] public IReadOnlyList<string>? CouponCodes { get; init; }
    [JsonPropertyName("referralCode"), NJ.JsonProperty("referralCode")] public string? ReferralCode { get; init; }
    [JsonPropertyName("loyaltyCards"), NJ.JsonProperty("loyaltyCards")] public IReadOnlyList<string>? LoyaltyCards { get; init; }
    [JsonPropertyName("state"), NJ.JsonProperty("state")] public SessionState State { get; init; } = SessionState.Open;
    [JsonPropertyName("cartItems"), NJ.JsonProperty("cartItems")] public IReadOnlyList<CartItem>? CartItems { get; init; }
    [JsonPropertyName("experimentVariantAllocations"), NJ.JsonProperty("experimentVariantAllocations")] public IReadOnlyList<ExperimentVariantAllocation>? ExperimentVariantAllocations { get; init; }
    [JsonPropertyName("additionalCosts"), NJ.JsonProperty("additionalCosts")] public IReadOnlyDictionary<string, AdditionalCost>? AdditionalCosts { get; init; }
    [JsonPropertyName("identifiers"), NJ.JsonProperty("identifiers")] public IReadOnlyList<string>? Identifiers { get; init; }
    [JsonPropertyName("attributes"), NJ.JsonProperty("attributes", ItemConverterType = typeof(NewtonsoftJsonElementConverter))] public IReadOnlyDictionary<string, JsonElement>? Attributes { get; init; }
    [JsonPropertyName("firstSession"), NJ.JsonProperty("firstSession")] public required bool FirstSession { get; init; }
    [JsonPropertyName("updateCount"), NJ.JsonProperty("updateCount")] public required long UpdateCount { get; init; }
    [JsonPropertyName("total"), NJ.JsonProperty("total")] public required decimal Total { get; init; }
    [JsonPropertyName("cartItemTotal"), NJ.JsonProperty("cartItemTotal")] public required decimal CartItemTotal { get; init; }
    [JsonPropertyName("additionalCostTotal"), NJ.JsonProperty("additionalCostTotal")] public required decimal AdditionalCostTotal { get; init; }
    [JsonPropertyName("cartItemAdditionalCostTotal"), NJ.JsonProperty("cartItemAdditionalCostTotal")] public decimal CartItemAdditionalCostTotal { get; init; }
    [JsonPropertyName("updated"), NJ.JsonProperty("updated")] public required DateTimeOffset Updated { get; init; }
}

public sealed record CartItem
{
    [JsonPropertyName("name"), NJ.JsonProperty("name")] public string? Name { get; init; }
    [JsonPropertyName("sku"), NJ.JsonProperty("sku")] public required string Sku { get; init; }
    [JsonPropertyName("quantity"), NJ.JsonProperty("quantity")] public required long Quantity { get; init; }
    [JsonPropertyName("returnedQuantity"), NJ.JsonProperty("returnedQuantity")] public long? ReturnedQuantity { get; init; }
    [JsonPropertyName("remainingQuantity"), NJ.JsonProperty("remainingQuantity")] public long? RemainingQuantity { get; init; }
    [JsonPropertyName("price"), NJ.JsonProperty("price")] public decimal? Price { get; init; }
    [JsonPropertyName("category"), NJ.JsonProperty("category")] public string? Category { get; init; }
    [JsonPropertyName("product"), NJ.JsonProperty("product")] public Product? Product { get; init; }
    [JsonPropertyName("weight"), NJ.JsonProperty("weight")] public decimal? Weight { get; init; }
    [JsonPropertyName("height"), NJ.JsonProperty("height")] public decimal? Height { get; init; }
    [JsonPropertyName("width"), NJ.JsonProperty("width")] public decimal? Width { get; init; }
    [JsonPropertyName("length"), NJ.JsonProperty("length")] public decimal? Length { get; init; }
    [JsonPropertyName("position"), NJ.JsonProperty("position")] public decimal? Position { get; init; }
    [JsonPropertyName("attributes"), NJ.JsonProperty("attributes"), NJ.JsonConverter(typeof(NewtonsoftJsonElementConverter))] public JsonElement? Attributes { get; init; }
    [JsonPropertyName("additionalCosts"), NJ.JsonProperty("additionalCosts")] public IReadOnlyDictionary<string, AdditionalCost>? AdditionalCosts { get; init; }
    [JsonPropertyName("catalogItemId"), NJ.JsonProperty("catalogItemId")] public long? CatalogItemId { get; init; }
    [JsonPropertyName("selectedPriceType"), NJ.JsonProperty("selectedPriceType")] public string? SelectedPriceType { get; init; }
    [JsonPropertyName("adjustmentReferenceId"), NJ.JsonProperty("adjustmentReferenceId")] public Guid? AdjustmentReferenceId { get; init; }
    [JsonPropertyName("adjustmentEffectiveFrom"), NJ.JsonProperty("adjustmentEffectiveFrom")] public DateTimeOffset? AdjustmentEffectiveFrom { get; init; }
    [JsonPropertyName("adjustmentEffectiveUntil"), NJ.JsonProperty("adjustmentEffectiveUntil")] public DateTimeOffset? AdjustmentEffectiveUntil { get; init; }
    [JsonPropertyName("prices"), NJ.JsonProperty("prices")] public IReadOnlyDictionary<string, PriceDetail>? Prices { get; init; }
}

public sealed record Product
{
    [JsonPropertyName("name"), NJ.JsonProperty("name")] public required string Name { get; init; }
}

public sealed record AdditionalCost
{
    [JsonPropertyName("price"), NJ.JsonProperty("price")] public required decimal Price { get; init; }
}

public sealed record PriceDetail
{
    [JsonPropertyName("price"), NJ.JsonProperty("price")] public decimal? Price { get; init; }
    [JsonPropertyName("adjustmentContextId"), NJ.JsonProperty("adjustmentContextId")] public string? AdjustmentContextId { get; init; }
    [JsonPropertyName("adjustmentReferenceId"), NJ.JsonProperty("adjustmentReferenceId")] public Guid? AdjustmentReferenceId { get; init; }
    [JsonPropertyName("adjustmentEffectiveFrom"), NJ.JsonProperty("adjustmentEffectiveFrom")] public DateTimeOffset? AdjustmentEffectiveFrom { get; init; }
    [JsonPropertyName("adjustmentEffectiveUntil"), NJ.JsonProperty("adjustmentEffectiveUntil")] public DateTimeOffset? AdjustmentEffectiveUntil { get; init; }
}

public sealed record ExperimentVariantAllocation
{
    [JsonPropertyName("experimentId"), NJ.JsonProperty("experimentId")] public required long ExperimentId { get; init; }
    [JsonPropertyName("variantId"), NJ.JsonProperty("variantId")] public required long VariantId { get; init; }
}

/// <summary>System.Text.Json's own source generator over the hand-written records (fast-path serialization on).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NewCustomerSession))]
[JsonSerializable(typeof(CustomerSessionV2))]
public sealed partial class StjContext : JsonSerializerContext;

/// <summary>Newtonsoft has no JsonElement support; "any" values go through this small converter.</summary>
public sealed class NewtonsoftJsonElementConverter : NJ.JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(JsonElement) || objectType == typeof(JsonElement?);

    public override object? ReadJson(NJ.JsonReader reader, Type objectType, object? existingValue, NJ.JsonSerializer serializer)
    {
        if (reader.TokenType == NJ.JsonToken.Null) return null;
        var token = Newtonsoft.Json.Linq.JToken.ReadFrom(reader);
        using var doc = JsonDocument.Parse(token.ToString(NJ.Formatting.None));
        return doc.RootElement.Clone();
    }

    public override void WriteJson(NJ.JsonWriter writer, object? value, NJ.JsonSerializer serializer)
    {
        if (value is JsonElement e) writer.WriteRawValue(e.GetRawText());
        else writer.WriteNull();
    }
}
