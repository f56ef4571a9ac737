namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// A trail as the catalog keeps it (and persists it in <c>config/trails.json</c>): the settings of
/// CreateTrail/UpdateTrail, its event selectors and whether it is logging. Immutable; the catalog
/// swaps whole values. Exactly one of <see cref="EventSelectors"/> and
/// <see cref="AdvancedEventSelectors"/> is non-null.
/// </summary>
internal sealed record Trail
{
    private readonly IReadOnlyList<TrailTag> _tags = [];

    public required string Name { get; init; }

    /// <summary><c>arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME</c>.</summary>
    public required string TrailArn { get; init; }

    public required string HomeRegion { get; init; }

    public required string S3BucketName { get; init; }

    public string? S3KeyPrefix { get; init; }

    public string? SnsTopicName { get; init; }

    public bool IncludeGlobalServiceEvents { get; init; }

    public bool IsMultiRegionTrail { get; init; }

    public bool LogFileValidationEnabled { get; init; }

    public string? CloudWatchLogsLogGroupArn { get; init; }

    public string? CloudWatchLogsRoleArn { get; init; }

    public string? KmsKeyId { get; init; }

    public bool IsOrganizationTrail { get; init; }

    /// <summary>
    /// The organization an organization trail delivers for (<c>AWSLogs/ORG/ACCOUNT/…</c>): the
    /// service's <c>CONTRAIL_ORGANIZATION_ID</c> when the trail became one. Null for other trails, and
    /// for organization trails written before this member existed (delivered as account trails).
    /// </summary>
    public string? OrganizationId { get; init; }

    /// <summary>
    /// At most <see cref="TrailTags.MaxPerTrail"/>, in the order they were first added; a null value is
    /// a key without value. Never null: the source-generated reader sets an absent member to null
    /// (it does not run the initializer), so a file without <c>Tags</c> reads as no tags here.
    /// </summary>
    public IReadOnlyList<TrailTag> Tags
    {
        get => _tags;
        init => _tags = value ?? [];
    }

    /// <summary>Basic selectors; the default is <see cref="EventSelector.Default"/>.</summary>
    public IReadOnlyList<EventSelector>? EventSelectors { get; init; }

    public IReadOnlyList<AdvancedEventSelector>? AdvancedEventSelectors { get; init; }

    /// <summary>True once PutEventSelectors replaced the default selectors.</summary>
    public bool HasCustomEventSelectors { get; init; }

    /// <summary>The Insights types turned on (PutInsightSelectors); null when none.</summary>
    public IReadOnlyList<InsightSelector>? InsightSelectors { get; init; }

    /// <summary>A new trail is not logging until StartLogging (as AWS).</summary>
    public bool IsLogging { get; init; }

    public DateTimeOffset? StartLoggingTime { get; init; }

    public DateTimeOffset? StopLoggingTime { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
