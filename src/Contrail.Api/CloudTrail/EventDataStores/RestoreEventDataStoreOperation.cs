using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// <c>RestoreEventDataStore</c> (spec §4.8): a store pending deletion returns to the status it had
/// (<c>InvalidEventDataStoreStatusException</c> for any other), if the quota allows.
/// </summary>
internal sealed class RestoreEventDataStoreOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : EventDataStoreOperation(catalog, identity)
{
    public override string Name => "RestoreEventDataStore";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        if (FindStore(request, out var found) is { } error)
        {
            return TrailResult.Fail(error);
        }

        var (restored, restoreError) = Catalog.Restore(found!.Id, CreateEventDataStoreOperation.MaxEventDataStores);
        if (restored is null)
        {
            return TrailResult.Fail(EventDataStoreErrors.Unknown(found.EventDataStoreArn));
        }

        return restoreError is null ? Answer(restored) : TrailResult.Fail(restoreError, found.EventDataStoreArn);
    }
}
