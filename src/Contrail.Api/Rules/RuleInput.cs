using System.Text.Json;
using System.Text.RegularExpressions;
using Contrail.Api.Protocol;

namespace Contrail.Api.Rules;

/// <summary>
/// Reads and checks the members of the rule operations against the EventBridge model (botocore
/// <c>events</c> 2015-10-07). Each returns an error value.
/// </summary>
internal static partial class RuleInput
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 512;
    public const int MaxPatternLength = 4096;
    public const int MaxTargetIdLength = 64;
    public const int MaxArnLength = 1600;
    public const int MaxInputLength = 8192;

    private const string NamePattern = "[\\.\\-_A-Za-z0-9]+";

    /// <summary>The first error of members read in order (all are read, so every out value is set).</summary>
    public static ApiError? First(params ApiError?[] errors) => errors.FirstOrDefault(e => e is not null);

    /// <summary>A string member that must be there.</summary>
    public static ApiError? Required(JsonElement request, string member, out string value)
    {
        value = "";
        var error = JsonInput.String(request, member, out var text);
        if (error is not null)
        {
            return error;
        }

        if (text is null)
        {
            return RulesErrors.Missing(member);
        }

        value = text;
        return null;
    }

    /// <summary>A rule name (or target id): 1–64 of <c>[.\-_A-Za-z0-9]</c>.</summary>
    public static ApiError? Name(string value, string member = "name")
    {
        if (value.Length > MaxNameLength)
        {
            return RulesErrors.TooLong(member, MaxNameLength);
        }

        return NameRegex().IsMatch(value) ? null : RulesErrors.NotMatching(member, value, NamePattern);
    }

    /// <summary><c>EventBusName</c>: only the default bus (by name or ARN) exists here.</summary>
    public static ApiError? Bus(JsonElement request, string accountId, string region)
    {
        var error = JsonInput.String(request, "EventBusName", out var bus);
        if (error is not null || bus is null || bus == RulesErrors.DefaultBus || bus == $"arn:aws:events:{region}:{accountId}:event-bus/default")
        {
            return error;
        }

        return RulesErrors.BusNotFound(bus);
    }

    [GeneratedRegex("^[\\.\\-_A-Za-z0-9]+$")]
    private static partial Regex NameRegex();
}
