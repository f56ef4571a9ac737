using System.Collections.Concurrent;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary>
/// The ingestion status of each channel, by channel ARN, as GetChannel answers it. In memory only: it
/// changes on every PutAuditEvents call (up to 100 a second), so it is not written to the catalog file,
/// and a restarted service shows no status until the next call (docs/dev/event-data-stores.md).
/// Thread-safe.
/// </summary>
internal sealed class ChannelIngestionBoard
{
    private readonly ConcurrentDictionary<string, ChannelIngestion> _status = new(StringComparer.Ordinal);

    /// <summary>The status of <paramref name="channelArn"/>; null before its first PutAuditEvents.</summary>
    public ChannelIngestion? Find(string channelArn) => _status.GetValueOrDefault(channelArn);

    /// <summary>
    /// Records one PutAuditEvents call at <paramref name="time"/>: <paramref name="lastTakenEventId"/> is the
    /// CloudTrail eventID of the last event taken (null when none was), <paramref name="lastErrorCode"/> the
    /// code of the last event refused (null when none was). Earlier success and error values stay until replaced.
    /// </summary>
    public void Record(string channelArn, DateTimeOffset time, string? lastTakenEventId, string? lastErrorCode)
    {
        ArgumentNullException.ThrowIfNull(channelArn);
        _status.AddOrUpdate(
            channelArn,
            _ => new ChannelIngestion(lastTakenEventId is null ? null : time, lastTakenEventId, lastErrorCode, time, lastTakenEventId),
            (_, previous) => new ChannelIngestion(
                lastTakenEventId is null ? previous.LatestIngestionSuccessTime : time,
                lastTakenEventId ?? previous.LatestIngestionSuccessEventId,
                lastErrorCode ?? previous.LatestIngestionErrorCode,
                time,
                lastTakenEventId));
    }
}
