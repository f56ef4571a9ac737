using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary><c>StartEventDataStoreIngestion</c>: <c>STOPPED_INGESTION</c> → <c>ENABLED</c> (see <see cref="EventDataStoreIngestionOperation"/>).</summary>
internal sealed class StartEventDataStoreIngestionOperation(EventDataStoreCatalog catalog, ServiceIdentity identity)
    : EventDataStoreIngestionOperation(catalog, identity, EventDataStoreStatus.StoppedIngestion, EventDataStoreStatus.Enabled)
{
    public override string Name => "StartEventDataStoreIngestion";
}
