namespace Contrail.Api.Protocol;

/// <summary>
/// Every error code the API answers with, in one place (spec §4.11, §5). All are answered with
/// HTTP 400 unless <see cref="ApiError"/> says otherwise, as CloudTrail does for modeled exceptions.
/// </summary>
internal static class ErrorCodes
{
    // Generic AWS protocol errors.
    public const string SerializationException = "SerializationException";
    public const string ValidationException = "ValidationException";
    public const string UnknownOperationException = "UnknownOperationException";
    public const string InternalFailure = "InternalFailure";
    public const string ServiceUnavailable = "ServiceUnavailableException";
    public const string RequestEntityTooLarge = "RequestEntityTooLargeException";

    // CloudTrail (spec §4.11).
    public const string InvalidLookupAttributes = "InvalidLookupAttributesException";
    public const string InvalidTimeRange = "InvalidTimeRangeException";
    public const string InvalidMaxResults = "InvalidMaxResultsException";
    public const string InvalidNextToken = "InvalidNextTokenException";
    public const string InvalidToken = "InvalidTokenException";
    public const string InvalidEventCategory = "InvalidEventCategoryException";

    // CloudTrail Data (spec §5).
    public const string ChannelNotFound = "ChannelNotFound";
    public const string InvalidChannelArn = "InvalidChannelARN";
    public const string DuplicatedAuditEventId = "DuplicatedAuditEventId";
    public const string ChannelInsufficientPermission = "ChannelInsufficientPermission";
}
