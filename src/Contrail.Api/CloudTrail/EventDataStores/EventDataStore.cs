using System.Text.Json.Serialization;
using Contrail.Api.CloudTrail.Trails;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// An event data store as the catalog keeps it (and persists it in <c>config/event-data-stores.json</c>):
/// the settings of CreateEventDataStore/UpdateEventDataStore, its status and tags. Immutable; the
/// catalog swaps whole values. This is also what the query side reads (<see cref="EventDataStoreCatalog.Find"/>).
/// </summary>
internal sealed record EventDataStore
{
    private readonly IReadOnlyList<TrailTag> _tags = [];

    /// <summary>The id: a lower-case UUID, the last part of the ARN and the table name in Lake SQL.</summary>
    public required string Id { get; init; }

    /// <summary><c>arn:aws:cloudtrail:REGION:ACCOUNT:eventdatastore/ID</c>.</summary>
    public required string EventDataStoreArn { get; init; }

    /// <summary>Unique among the stores of the catalog (those pending deletion included).</summary>
    public required string Name { get; init; }

    /// <summary>One of <see cref="EventDataStoreStatus"/>'s values; only <c>ENABLED</c> ingests live events.</summary>
    public required string Status { get; init; }

    /// <summary>The selectors (never null nor empty): when CreateEventDataStore gives none, <see cref="EventDataStoreSettings.DefaultSelectors"/>.</summary>
    public required IReadOnlyList<AdvancedEventSelector> AdvancedEventSelectors { get; init; }

    public bool MultiRegionEnabled { get; init; }

    public bool OrganizationEnabled { get; init; }

    /// <summary>Days an event is kept, counted from its <c>eventTime</c> (spec §6.3).</summary>
    public int RetentionPeriod { get; init; }

    public bool TerminationProtectionEnabled { get; init; }

    /// <summary><c>EXTENDABLE_RETENTION_PRICING</c> or <c>FIXED_RETENTION_PRICING</c>.</summary>
    public required string BillingMode { get; init; }

    /// <summary>A KMS key or alias ARN (see <see cref="TrailKmsKeys"/>); null when none was given.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>At most 50, in the order first added; never null (an absent member reads as none).</summary>
    public IReadOnlyList<TrailTag> Tags
    {
        get => _tags;
        init => _tags = value ?? [];
    }

    public DateTimeOffset CreatedTimestamp { get; init; }

    public DateTimeOffset UpdatedTimestamp { get; init; }

    /// <summary>When DeleteEventDataStore moved the store to <c>PENDING_DELETION</c>; null otherwise.</summary>
    public DateTimeOffset? DeletionTime { get; init; }

    /// <summary>The status RestoreEventDataStore returns to (<c>ENABLED</c> or <c>STOPPED_INGESTION</c>); null unless pending deletion.</summary>
    public string? StatusBeforeDeletion { get; init; }

    /// <summary>True when the store takes live events now (status <c>ENABLED</c>).</summary>
    [JsonIgnore]
    public bool IsIngesting => Status == EventDataStoreStatus.Enabled;

    /// <summary>True when the selectors take events of category <c>ActivityAuditLog</c> (events from channels).</summary>
    [JsonIgnore]
    public bool TakesActivityAuditLog =>
        AdvancedEventSelectors.Any(s => s.FieldSelectors.Any(f => f.Field == "eventCategory" && f.EqualTo is { } values && values.Contains("ActivityAuditLog")));
}
