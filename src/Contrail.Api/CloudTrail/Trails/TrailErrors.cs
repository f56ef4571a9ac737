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
    public const string InvalidToken = "InvalidTokenException";
    public const string MaximumNumberOfTrailsExceeded = "MaximumNumberOfTrailsExceededException";
    public const string InvalidKmsKeyId = "InvalidKmsKeyIdException";
    public const string OrganizationsNotInUse = "OrganizationsNotInUseException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceTypeNotSupported = "ResourceTypeNotSupportedException";

    public static ApiError NotFound(string nameOrArn, string accountId) =>
        new(TrailNotFound, $"Unknown trail: {nameOrArn} for the user: {accountId}");

    /// <summary>A tag call's ResourceId that is a well-formed trail ARN of no trail here.</summary>
    public static ApiError UnknownResource(string arn, string accountId) =>
        new(ResourceNotFound, $"Unknown trail: {arn} for the user: {accountId}");

    public static ApiError AlreadyExists(string name, string accountId) =>
        new(TrailAlreadyExists, $"Trail {name} already exists for customer: {accountId}");

    /// <summary>The 6th trail of a region. The text is AWS's as remembered, not confirmed by a captured response.</summary>
    public static ApiError TooManyTrails(string accountId, string region, int limit) =>
        new(MaximumNumberOfTrailsExceeded, $"User: {accountId} already has {limit} trails in {region}.");

    /// <summary>The text of the model's <c>TagsLimitExceededException</c> documentation.</summary>
    public static ApiError TooManyTags(int limit) =>
        new(TagsLimitExceeded, $"The number of tags per trail has exceeded the permitted amount. Currently, the limit is {limit}.");

    /// <summary>A list member longer (or shorter) than the model allows: the message AWS's request validation writes.</summary>
    public static ApiError ListLength(string member, int count, int min, int max) =>
        ApiError.Validation(count < min
            ? $"1 validation error detected: Value at '{CamelCase(member)}' failed to satisfy constraint: Member must have length greater than or equal to {min}"
            : $"1 validation error detected: Value at '{CamelCase(member)}' failed to satisfy constraint: Member must have length less than or equal to {max}");

    /// <summary>A required member is missing: the message AWS's request validation writes.</summary>
    public static ApiError Missing(string member) =>
        ApiError.Validation($"1 validation error detected: Value null at '{CamelCase(member)}' failed to satisfy constraint: Member must not be null");

    public static ApiError Selectors(string message) => new(InvalidEventSelectors, message);

    private static string CamelCase(string member) => $"{char.ToLowerInvariant(member[0])}{member[1..]}";
}
