using Contrail.Api.Protocol;

namespace Contrail.Api.Logs;

/// <summary>
/// The error codes of the CloudWatch Logs operations and the messages they are answered with. CloudWatch
/// Logs answers request validation failures with <c>InvalidParameterException</c> and AWS's
/// "1 validation error detected" text.
/// </summary>
internal static class LogsErrors
{
    public const string InvalidParameter = "InvalidParameterException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string LimitExceeded = "LimitExceededException";

    public static ApiError LogGroupNotFound() => new(ResourceNotFound, "The specified log group does not exist.");

    public static ApiError FilterNotFound() => new(ResourceNotFound, "The specified metric filter does not exist.");

    public static ApiError TooManyFilters() => new(LimitExceeded, "Resource limit exceeded.");

    public static ApiError Invalid(string message) => new(InvalidParameter, message);

    public static ApiError Missing(string member) =>
        Invalid($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static ApiError TooShort(string member, int min) =>
        Invalid($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must have length greater than or equal to {min}");

    public static ApiError TooLong(string member, int max) =>
        Invalid($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}");

    public static ApiError NotMatching(string member, string value, string pattern) =>
        Invalid($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");

    public static ApiError NotInRange(string member, int value, int min, int max) =>
        Invalid(value < min
            ? $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have value greater than or equal to {min}"
            : $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have value less than or equal to {max}");
}
