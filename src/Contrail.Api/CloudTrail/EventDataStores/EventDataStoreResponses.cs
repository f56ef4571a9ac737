using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>Response members of the event data store operations, as the service model's output shapes name them.</summary>
internal static class EventDataStoreResponses
{
    /// <summary>
    /// The members of Create/Get/Update/RestoreEventDataStoreResponse. <paramref name="status"/> overrides
    /// the stored status (CreateEventDataStore answers <c>CREATED</c>); <paramref name="tags"/> adds
    /// <c>TagsList</c> (CreateEventDataStore only); <paramref name="get"/> adds GetEventDataStore's members.
    /// </summary>
    public static void WriteStore(Utf8JsonWriter writer, EventDataStore store, string? status = null, bool tags = false, bool get = false)
    {
        writer.WriteString("EventDataStoreArn", store.EventDataStoreArn);
        writer.WriteString("Name", store.Name);
        writer.WriteString("Status", status ?? store.Status);
        writer.WritePropertyName("AdvancedEventSelectors");
        JsonSerializer.Serialize(writer, store.AdvancedEventSelectors, TrailJsonContext.Default.IReadOnlyListAdvancedEventSelector);
        writer.WriteBoolean("MultiRegionEnabled", store.MultiRegionEnabled);
        writer.WriteBoolean("OrganizationEnabled", store.OrganizationEnabled);
        writer.WriteString("BillingMode", store.BillingMode);
        writer.WriteNumber("RetentionPeriod", store.RetentionPeriod);
        writer.WriteBoolean("TerminationProtectionEnabled", store.TerminationProtectionEnabled);
        if (tags)
        {
            TrailResponses.WriteTags(writer, store.Tags);
        }

        TrailResponses.WriteTime(writer, "CreatedTimestamp", store.CreatedTimestamp);
        TrailResponses.WriteTime(writer, "UpdatedTimestamp", store.UpdatedTimestamp);
        if (store.KmsKeyId is { } kms)
        {
            writer.WriteString("KmsKeyId", kms);
        }

        if (get)
        {
            writer.WriteString("FederationStatus", "DISABLED");
            writer.WriteStartArray("PartitionKeys");
            writer.WriteEndArray();
        }
    }
}
