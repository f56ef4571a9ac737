using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary><c>GetEventDataStore</c> (spec §4.8): the store named by ARN or id, pending deletion included; federation is never enabled here.</summary>
internal sealed class GetEventDataStoreOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : EventDataStoreOperation(catalog, identity)
{
    public override string Name => "GetEventDataStore";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call) =>
        FindStore(request, out var store) is { } error ? TrailResult.Fail(error) : Answer(store!, get: true);
}
