using Contrail.Api.Protocol;

namespace Contrail.Api.Rules;

/// <summary>The error codes and messages of the EventBridge rule operations (botocore <c>events</c> 2015-10-07).</summary>
internal static class RulesErrors
{
    public const string Validation = "ValidationException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string InvalidEventPattern = "InvalidEventPatternException";
    public const string LimitExceeded = "LimitExceededException";
    public const string DefaultBus = "default";

    public static ApiError RuleNotFound(string name) => new(ResourceNotFound, $"Rule {name} does not exist on EventBus {DefaultBus}.");

    public static ApiError BusNotFound(string name) => new(ResourceNotFound, $"Event bus {name} does not exist.");

    public static ApiError TooManyRules() => new(LimitExceeded, $"The requested resource exceeds the maximum number allowed.");

    public static ApiError Invalid(string message) => new(Validation, message);

    public static ApiError Missing(string member) =>
        Invalid($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static ApiError TooLong(string member, int max) =>
        Invalid($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}");

    public static ApiError NotMatching(string member, string value, string pattern) =>
        Invalid($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");
}
