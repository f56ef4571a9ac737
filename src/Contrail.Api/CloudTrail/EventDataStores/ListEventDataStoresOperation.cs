using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// <c>ListEventDataStores</c> (spec §4.8): every store (pending deletion included) ordered by name,
/// <c>MaxResults</c> (1–1000, default <see cref="DefaultPageSize"/>) a page, with the model's
/// <c>EventDataStore</c> item members (most deprecated in the model, still filled here).
/// </summary>
internal sealed class ListEventDataStoresOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : EventDataStoreOperation(catalog, identity)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public override string Name => "ListEventDataStores";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(JsonInput.String(request, "NextToken", out var token), JsonInput.Integer(request, "MaxResults", out var maxResults));
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        if (maxResults is < 1 or > MaxPageSize)
        {
            return TrailResult.Fail(new ApiError(EventDataStoreErrors.InvalidMaxResults, $"MaxResults must be 1 to {MaxPageSize}; got {maxResults}."));
        }

        string? after = null;
        if (token is not null && !LakePageToken.TryDecode(token, out after))
        {
            return TrailResult.Fail(new ApiError(TrailErrors.InvalidNextToken, "The NextToken is not valid."));
        }

        var stores = Catalog.List();
        var start = LakePageToken.Start(stores, s => s.Name, after);
        var end = Math.Min(stores.Count, start + (maxResults ?? DefaultPageSize));
        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteStartArray("EventDataStores");
            for (var i = start; i < end; i++)
            {
                var store = stores[i];
                w.WriteStartObject();
                w.WriteString("EventDataStoreArn", store.EventDataStoreArn);
                w.WriteString("Name", store.Name);
                w.WriteBoolean("TerminationProtectionEnabled", store.TerminationProtectionEnabled);
                w.WriteString("Status", store.Status);
                w.WritePropertyName("AdvancedEventSelectors");
                JsonSerializer.Serialize(w, store.AdvancedEventSelectors, TrailJsonContext.Default.IReadOnlyListAdvancedEventSelector);
                w.WriteBoolean("MultiRegionEnabled", store.MultiRegionEnabled);
                w.WriteBoolean("OrganizationEnabled", store.OrganizationEnabled);
                w.WriteNumber("RetentionPeriod", store.RetentionPeriod);
                TrailResponses.WriteTime(w, "CreatedTimestamp", store.CreatedTimestamp);
                TrailResponses.WriteTime(w, "UpdatedTimestamp", store.UpdatedTimestamp);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (end < stores.Count)
            {
                w.WriteString("NextToken", LakePageToken.Encode(stores[end - 1].Name));
            }
        }), null);
    }
}
