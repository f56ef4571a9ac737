using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary><c>StopEventDataStoreIngestion</c>: <c>ENABLED</c> → <c>STOPPED_INGESTION</c> (see <see cref="EventDataStoreIngestionOperation"/>).</summary>
internal sealed class StopEventDataStoreIngestionOperation(EventDataStoreCatalog catalog, ServiceIdentity identity)
    : EventDataStoreIngestionOperation(catalog, identity, EventDataStoreStatus.Enabled, EventDataStoreStatus.StoppedIngestion)
{
    public override string Name => "StopEventDataStoreIngestion";
}
