using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>The error codes of the trail operations (spec §4.11) and the messages AWS answers them with.</summary>
internal static class TrailErrors
{
    public const string TrailAlreadyExists = "TrailAlreadyExistsException";
    public const string TrailNotFound = "TrailNotFoundException";
    public const string InvalidTrailName = "InvalidTrailNameException";
    public const string CloudTrailArnInvalid = "CloudTrailARNInvalidException";
    public const string InvalidS3BucketName = "InvalidS3BucketNameException";
    public const string InvalidS3Prefix = "InvalidS3PrefixException";
    public const string InvalidSnsTopicName = "InvalidSnsTopicNameException";
    public const string InvalidParameterCombination = "InvalidParameterCombinationException";
    public const string InvalidParameter = "InvalidParameterException";
    public const string InvalidEventSelectors = "InvalidEventSelectorsException";
    public const string InvalidTagParameter = "InvalidTagParameterException";
    public const string TagsLimitExceeded = "TagsLimitExceededException";
    public const string InvalidNextToken = "InvalidNextTokenException";

    public static ApiError NotFound(string nameOrArn, string accountId) =>
        new(TrailNotFound, $"Unknown trail: {nameOrArn} for the user: {accountId}");

    public static ApiError AlreadyExists(string name, string accountId) =>
        new(TrailAlreadyExists, $"Trail {name} already exists for customer: {accountId}");

    /// <summary>A required member is missing: the message AWS's request validation writes.</summary>
    public static ApiError Missing(string member) =>
        ApiError.Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must not be null");

    public static ApiError Selectors(string message) => new(InvalidEventSelectors, message);
}
