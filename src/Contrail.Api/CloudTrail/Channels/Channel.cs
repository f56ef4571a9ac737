using Contrail.Api.CloudTrail.Trails;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary>
/// A channel created by CreateChannel (spec §4.10), as the Lake catalog keeps it: events put on it with
/// <c>PutAuditEvents</c> are meant for the event data stores of <see cref="Destinations"/>. The default
/// channel (<c>channel/default</c>) is built in and not one of these.
/// </summary>
internal sealed record Channel
{
    private readonly IReadOnlyList<TrailTag> _tags = [];

    /// <summary>The id: a lower-case UUID, the last part of the ARN.</summary>
    public required string Id { get; init; }

    /// <summary><c>arn:aws:cloudtrail:REGION:ACCOUNT:channel/ID</c>.</summary>
    public required string ChannelArn { get; init; }

    /// <summary>Unique among channels.</summary>
    public required string Name { get; init; }

    /// <summary><c>Custom</c>, or a partner's source name.</summary>
    public required string Source { get; init; }

    /// <summary>1 to 200 event data stores, each an existing store's ARN.</summary>
    public required IReadOnlyList<ChannelDestination> Destinations { get; init; }

    /// <summary>At most 50; never null.</summary>
    public IReadOnlyList<TrailTag> Tags
    {
        get => _tags;
        init => _tags = value ?? [];
    }

    public DateTimeOffset CreatedTimestamp { get; init; }
}
