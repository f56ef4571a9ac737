using System.Globalization;
using System.Text.Json;
using Contrail.Api.Protocol;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>Reads and checks CloudWatch alarm request members (bounds from botocore's <c>cloudwatch</c> 2010-08-01 model).</summary>
internal static class AlarmInput
{
    public static readonly string[] Statistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

    public static readonly string[] ComparisonOperators =
    [
        "GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold",
        "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold",
    ];

    public static readonly string[] StateValues = ["OK", "ALARM", "INSUFFICIENT_DATA"];

    public static readonly string[] TreatMissingDataValues = ["breaching", "notBreaching", "ignore", "missing"];

    public static readonly string[] StandardUnits =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits",
        "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
        "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
        "Terabits/Second", "Count/Second", "None",
    ];

    public static ApiError? First(params ApiError?[] errors) => errors.FirstOrDefault(e => e is not null);

    /// <summary>A required string of <paramref name="min"/>–<paramref name="max"/> characters.</summary>
    public static ApiError? Name(JsonElement request, string member, out string value, int max = 255, int min = 1)
    {
        var error = JsonInput.String(request, member, out var text);
        value = text ?? "";
        return error
            ?? (text is null ? CloudWatchErrors.Missing(Camel(member)) : null)
            ?? Length(member, value, min, max);
    }

    public static ApiError? Length(string member, string value, int min, int max) =>
        value.Length < min ? CloudWatchErrors.TooShort(Camel(member), min)
        : value.Length > max ? CloudWatchErrors.TooLong(Camel(member), max)
        : null;

    public static ApiError? OneOf(string member, string? value, string[] values) =>
        value is null || values.Contains(value, StringComparer.Ordinal) ? null : CloudWatchErrors.NotInSet(Camel(member), value, values);

    public static ApiError? Number(JsonElement parent, string name, out double? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var number))
        {
            value = number;
            return null;
        }

        // botocore sends doubles as numbers; a string holding one is also read ("NaN" and infinities are refused below).
        if (element.ValueKind == JsonValueKind.String && double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            value = number;
            return null;
        }

        return ApiError.Serialization($"{name} must be a number; got {JsonInput.Kind(element)}.");
    }

    public static ApiError? Boolean(JsonElement parent, string name, out bool? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = element.GetBoolean();
            return null;
        }

        return ApiError.Serialization($"{name} must be a boolean; got {JsonInput.Kind(element)}.");
    }

    /// <summary>A list of strings, each 1–<paramref name="maxLength"/> characters, at most <paramref name="maxCount"/> of them.</summary>
    public static ApiError? Strings(JsonElement parent, string name, int maxCount, int maxLength, out List<string>? values)
    {
        values = null;
        var error = JsonInput.Array(parent, name, out var array);
        if (error is not null || array is null)
        {
            return error;
        }

        values = [];
        foreach (var item in array.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return ApiError.Serialization($"{name} must be a list of strings; got {JsonInput.Kind(item)} in it.");
            }

            var text = item.GetString()!;
            if (Length($"{name}.member.{values.Count + 1}", text, 1, maxLength) is { } bad)
            {
                return bad;
            }

            values.Add(text);
        }

        return values.Count > maxCount ? CloudWatchErrors.TooLong(Camel(name), maxCount) : null;
    }

    public static ApiError? Dimensions(JsonElement parent, out List<AlarmDimension> dimensions)
    {
        dimensions = [];
        var error = JsonInput.Array(parent, "Dimensions", out var array);
        if (error is not null || array is null)
        {
            return error;
        }

        foreach (var item in array.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return ApiError.Serialization($"Dimensions must be a list of objects; got {JsonInput.Kind(item)} in it.");
            }

            var index = dimensions.Count + 1;
            error = First(Name(item, "Name", out var name), Name(item, "Value", out var value, 1024));
            if (error is not null)
            {
                return CloudWatchErrors.Validation(error.Message.Replace("at '", $"at 'dimensions.{index}.member.", StringComparison.Ordinal));
            }

            if (dimensions.Any(d => d.Name == name))
            {
                return new ApiError(CloudWatchErrors.InvalidParameterValue, $"The collection Dimensions must not contain duplicates, but it contains the dimension '{name}' twice.");
            }

            dimensions.Add(new AlarmDimension(name, value));
        }

        return dimensions.Count > 30 ? CloudWatchErrors.TooLong("dimensions", 30) : null;
    }

    /// <summary>The member name as AWS's validation messages write it (<c>AlarmName</c> → <c>alarmName</c>).</summary>
    public static string Camel(string member) => JsonNamingPolicy.CamelCase.ConvertName(member);
}
