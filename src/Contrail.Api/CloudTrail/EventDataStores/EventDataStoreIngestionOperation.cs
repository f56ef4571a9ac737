using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// Start/StopEventDataStoreIngestion (spec §4.8): <c>STOPPED_INGESTION</c> → <c>ENABLED</c> and back.
/// The change is immediate here, so the transient <c>STARTING_INGESTION</c>/<c>STOPPING_INGESTION</c>
/// are never seen. A store in another status is <c>InvalidEventDataStoreStatusException</c>; a store of
/// events from channels (<c>ActivityAuditLog</c>) has no live ingestion to start or stop
/// (<c>InvalidEventDataStoreCategoryException</c>). Answers <c>{}</c>.
/// </summary>
internal abstract class EventDataStoreIngestionOperation(EventDataStoreCatalog catalog, ServiceIdentity identity, string from, string to)
    : EventDataStoreOperation(catalog, identity)
{
    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        if (FindStore(request, out var found) is { } error)
        {
            return TrailResult.Fail(error);
        }

        var (updated, changeError) = Catalog.Update(found!.Id, current =>
        {
            if (current.TakesActivityAuditLog)
            {
                return (null, new ApiError(EventDataStoreErrors.InvalidCategory,
                    $"Event data store {current.EventDataStoreArn} takes events from channels (ActivityAuditLog); {Name} applies to stores of Management, Data, NetworkActivity or ConfigurationItem events."));
            }

            return current.Status == from
                ? (current with { Status = to }, null)
                : (null, new ApiError(EventDataStoreErrors.InvalidStatus,
                    $"Event data store {current.EventDataStoreArn} is {current.Status}; {Name} needs status {from}."));
        });
        if (updated is null)
        {
            return TrailResult.Fail(EventDataStoreErrors.Unknown(found.EventDataStoreArn));
        }

        return changeError is null ? TrailResult.Ok(TrailResponses.Empty, updated.EventDataStoreArn) : TrailResult.Fail(changeError, found.EventDataStoreArn);
    }
}
