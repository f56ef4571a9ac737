using Contrail.Api.Protocol;

namespace Contrail.Api.CloudWatch;

/// <summary>
/// The error codes of the CloudWatch operations, as CloudWatch's clients see them: CloudWatch is
/// "query compatible", so the code is its Query API's (<c>ValidationError</c>, <c>ResourceNotFound</c>), sent
/// both in <c>__type</c> and in the <c>x-amzn-query-error</c> header (<see cref="ResponseWriter"/>).
/// </summary>
internal static class CloudWatchErrors
{
    public const string ValidationError = "ValidationError";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string InvalidParameterCombination = "InvalidParameterCombination";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string InvalidNextToken = "InvalidNextToken";
    public const string InvalidFormat = "InvalidFormat";
    public const string LimitExceeded = "LimitExceeded";

    public static ApiError Validation(string message) => new(ValidationError, message);

    public static ApiError Missing(string member) =>
        Validation($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static ApiError TooShort(string member, int min) =>
        Validation($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must have length greater than or equal to {min}");

    public static ApiError TooLong(string member, int max) =>
        Validation($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}");

    public static ApiError NotInRange(string member, long value, long min, long max) =>
        Validation(value < min
            ? $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have value greater than or equal to {min}"
            : $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have value less than or equal to {max}");

    public static ApiError NotInSet(string member, string value, IEnumerable<string> values) =>
        Validation($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", values)}]");

    public static ApiError NotFound(IEnumerable<string> names) => new(ResourceNotFound, $"Alarm(s) not found: {string.Join(", ", names)}.", 404);

    public static ApiError BadNextToken() => new(InvalidNextToken, "The specified NextToken is not valid.");
}
