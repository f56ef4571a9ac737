using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// <c>UpdateEventDataStore</c> (spec §4.8): only the members given change, under the rules of
/// <see cref="EventDataStoreSettings"/>; a store pending deletion is <c>InactiveEventDataStoreException</c>.
/// </summary>
internal sealed class UpdateEventDataStoreOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : EventDataStoreOperation(catalog, identity)
{
    public override string Name => "UpdateEventDataStore";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        if (FindStore(request, out var found) is { } error)
        {
            return TrailResult.Fail(error);
        }

        var (settings, settingsError) = EventDataStoreSettings.Parse(request, Identity);
        if (settingsError is not null)
        {
            return TrailResult.Fail(settingsError, found!.EventDataStoreArn);
        }

        var (updated, updateError) = Catalog.Update(found!.Id, current => current.Status == EventDataStoreStatus.PendingDeletion
            ? (null, EventDataStoreErrors.Pending(current.EventDataStoreArn))
            : settings!.ApplyTo(current));
        if (updated is null)
        {
            return TrailResult.Fail(EventDataStoreErrors.Unknown(found.EventDataStoreArn));
        }

        return updateError is null ? Answer(updated) : TrailResult.Fail(updateError, found.EventDataStoreArn);
    }
}
