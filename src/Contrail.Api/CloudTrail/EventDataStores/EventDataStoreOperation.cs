using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// What every event data store operation shares: the JSON 1.1 body, the self-audit record's
/// <c>requestParameters</c> (the request, camelCased) and <c>resources</c> (the store), and the lookup
/// of a store by ARN or id.
/// </summary>
internal abstract class EventDataStoreOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : CloudTrailOperation(ResourceType)
{
    public const string ResourceType = "AWS::CloudTrail::EventDataStore";

    protected EventDataStoreCatalog Catalog => catalog;

    protected ServiceIdentity Identity => identity;

    /// <summary>
    /// Reads the required member <c>EventDataStore</c> (an ARN or an id) and finds the store: a value that
    /// is neither is <c>EventDataStoreARNInvalidException</c>, a store not here <c>EventDataStoreNotFoundException</c>.
    /// </summary>
    protected ApiError? FindStore(JsonElement request, out EventDataStore? store)
    {
        store = null;
        var error = TrailInput.RequiredString(request, "EventDataStore", out var given);
        if (error is not null)
        {
            return error;
        }

        if (!LakeNames.TryResolve(given, LakeNames.EventDataStoreKind, identity.Region, identity.AccountId, out _))
        {
            return EventDataStoreErrors.InvalidArn(given);
        }

        store = catalog.Find(given);
        return store is null ? EventDataStoreErrors.Unknown(given) : null;
    }

    /// <summary>A response object holding the store's members (see <see cref="EventDataStoreResponses.WriteStore"/>).</summary>
    protected static TrailResult Answer(EventDataStore store, string? status = null, bool tags = false, bool get = false) =>
        TrailResult.Ok(TrailResponses.Object(w => EventDataStoreResponses.WriteStore(w, store, status, tags, get)), store.EventDataStoreArn);
}
