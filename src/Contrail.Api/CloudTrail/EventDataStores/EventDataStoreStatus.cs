namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// The statuses of the model's <c>EventDataStoreStatus</c>. Changes here are synchronous, so a store
/// is only ever persisted as <see cref="Enabled"/>, <see cref="StoppedIngestion"/> or
/// <see cref="PendingDeletion"/>; <see cref="Created"/> is what CreateEventDataStore answers.
/// </summary>
internal static class EventDataStoreStatus
{
    public const string Created = "CREATED";
    public const string Enabled = "ENABLED";
    public const string PendingDeletion = "PENDING_DELETION";
    public const string StartingIngestion = "STARTING_INGESTION";
    public const string StoppingIngestion = "STOPPING_INGESTION";
    public const string StoppedIngestion = "STOPPED_INGESTION";
}
