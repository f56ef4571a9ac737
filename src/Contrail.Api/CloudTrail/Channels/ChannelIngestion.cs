namespace Contrail.Api.CloudTrail.Channels;

/// <summary>
/// The model's <c>IngestionStatus</c> of a channel: the latest <c>PutAuditEvents</c> attempt, the latest
/// event taken (time and CloudTrail eventID) and the error code of the latest event refused.
/// </summary>
internal sealed record ChannelIngestion(
    DateTimeOffset? LatestIngestionSuccessTime,
    string? LatestIngestionSuccessEventId,
    string? LatestIngestionErrorCode,
    DateTimeOffset LatestIngestionAttemptTime,
    string? LatestIngestionAttemptEventId);
