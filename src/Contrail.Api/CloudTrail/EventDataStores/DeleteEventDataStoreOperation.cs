using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// <c>DeleteEventDataStore</c> (spec §4.8): the store goes to <c>PENDING_DELETION</c> for
/// <see cref="EventDataStoreCatalog.PendingDeletionPeriod"/> (restorable, not counted in the quota), then
/// <see cref="EventDataStorePurge"/> drops it. Refused while termination protection is on or a channel
/// sends events to it. Answers <c>{}</c>.
/// </summary>
internal sealed class DeleteEventDataStoreOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : EventDataStoreOperation(catalog, identity)
{
    public override string Name => "DeleteEventDataStore";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        if (FindStore(request, out var found) is { } error)
        {
            return TrailResult.Fail(error);
        }

        var (deleted, deleteError) = Catalog.Delete(found!.Id);
        if (deleted is null)
        {
            return TrailResult.Fail(EventDataStoreErrors.Unknown(found.EventDataStoreArn));
        }

        return deleteError is null ? TrailResult.Ok(TrailResponses.Empty, deleted.EventDataStoreArn) : TrailResult.Fail(deleteError, found.EventDataStoreArn);
    }
}
