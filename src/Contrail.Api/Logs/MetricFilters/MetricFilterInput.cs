using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Monitoring.FilterPatterns;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.Logs.MetricFilters;

/// <summary>
/// Reads and checks the members of the metric filter operations against the CloudWatch Logs model
/// (botocore <c>logs</c> 2014-03-28) and CloudWatch's documented limits. Each returns an error value.
/// </summary>
internal static class MetricFilterInput
{
    public const int MaxPatternLength = 1024;
    public const int MaxNameLength = 512;
    public const int MaxMetricNameLength = 255;
    public const int MaxMetricValueLength = 100;
    public const int MaxDimensions = 3;
    public const int MaxDimensionLength = 255;

    private static readonly string[] Units =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits",
        "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
        "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    ];

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
            return LogsErrors.Missing(member);
        }

        value = text;
        return null;
    }

    /// <summary><c>logGroupName</c>: 1–512 of <c>[.\-_/#A-Za-z0-9]</c>.</summary>
    public static ApiError? LogGroupName(string value, string member = "logGroupName")
    {
        if (value.Length == 0)
        {
            return LogsErrors.TooShort(member, 1);
        }

        if (value.Length > MaxNameLength)
        {
            return LogsErrors.TooLong(member, MaxNameLength);
        }

        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#')
            ? null
            : LogsErrors.NotMatching(member, value, @"[\.\-_/#A-Za-z0-9]+");
    }

    /// <summary><c>filterName</c> (or <c>filterNamePrefix</c>): 1–512 characters, none of <c>:*</c>.</summary>
    public static ApiError? FilterName(string value, string member = "filterName")
    {
        if (value.Length == 0)
        {
            return LogsErrors.TooShort(member, 1);
        }

        if (value.Length > MaxNameLength)
        {
            return LogsErrors.TooLong(member, MaxNameLength);
        }

        return value.AsSpan().IndexOfAny(':', '*') < 0 ? null : LogsErrors.NotMatching(member, value, "[^:*]*");
    }

    /// <summary><c>filterPattern</c>: at most 1024 characters, and a pattern the parser accepts.</summary>
    public static ApiError? Pattern(string value, out FilterPattern? pattern)
    {
        pattern = null;
        if (value.Length > MaxPatternLength)
        {
            return LogsErrors.TooLong("filterPattern", MaxPatternLength);
        }

        (pattern, var error) = FilterPattern.Parse(value);
        return error is null ? null : LogsErrors.Invalid($"Invalid metric filter pattern: {error.Message} (0-based character position).");
    }

    /// <summary><c>metricName</c> / <c>metricNamespace</c>: 1–255 characters, none of <c>:*$</c>.</summary>
    public static ApiError? MetricName(string value, string member)
    {
        if (value.Length == 0)
        {
            return LogsErrors.TooShort(member, 1);
        }

        if (value.Length > MaxMetricNameLength)
        {
            return LogsErrors.TooLong(member, MaxMetricNameLength);
        }

        return value.AsSpan().IndexOfAny(':', '*', '$') < 0 ? null : LogsErrors.NotMatching(member, value, "[^:*$]*");
    }

    /// <summary>The one metric transformation of PutMetricFilter.</summary>
    public static ApiError? Transformation(JsonElement request, out MetricTransformation? transformation)
    {
        transformation = null;
        const string List = "metricTransformations";
        var error = JsonInput.Array(request, List, out var list);
        if (error is not null)
        {
            return error;
        }

        if (list is null)
        {
            return LogsErrors.Missing(List);
        }

        var count = list.Value.GetArrayLength();
        if (count != 1)
        {
            return count == 0 ? LogsErrors.TooShort(List, 1) : LogsErrors.TooLong(List, 1);
        }

        var item = list.Value[0];
        if (item.ValueKind != JsonValueKind.Object)
        {
            return ApiError.Serialization($"{List} must hold objects; got {JsonInput.Kind(item)}.");
        }

        const string Prefix = List + ".1.member.";
        var unitError = JsonInput.String(item, "unit", out var unit);
        var missing = TrailingRequired(item, Prefix, out var name, out var space, out var value);
        error = missing ?? MetricName(name, Prefix + "metricName") ?? MetricName(space, Prefix + "metricNamespace") ?? unitError;
        if (error is not null)
        {
            return error;
        }

        if (value.Length > MaxMetricValueLength)
        {
            return LogsErrors.TooLong(Prefix + "metricValue", MaxMetricValueLength);
        }

        if (FieldSelector.TryParse(value) is null && !CompiledMetricFilter.TryParseConstant(value, out _))
        {
            return LogsErrors.Invalid($"Invalid metric value '{value}': a metric value is a number or a field selector such as $.bytes.");
        }

        if (unit is not null && !Units.Contains(unit, StringComparer.Ordinal))
        {
            return LogsErrors.Invalid($"1 validation error detected: Value '{unit}' at '{Prefix}unit' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Units)}]");
        }

        double? defaultValue = null;
        if (item.TryGetProperty("defaultValue", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.Number || !given.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                return ApiError.Serialization($"defaultValue must be a number; got {JsonInput.Kind(given)}.");
            }

            defaultValue = number;
        }

        error = Dimensions(item, Prefix + "dimensions", out var dimensions);
        if (error is not null)
        {
            return error;
        }

        if (defaultValue is not null && dimensions.Count > 0)
        {
            return LogsErrors.Invalid("A metric transformation with dimensions cannot have a default value.");
        }

        transformation = new MetricTransformation(name, space, value, defaultValue, dimensions, unit);
        return null;
    }

    private static ApiError? Dimensions(JsonElement item, string member, out Dictionary<string, string> dimensions)
    {
        dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!item.TryGetProperty("dimensions", out var map) || map.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            return ApiError.Serialization($"dimensions must be a map; got {JsonInput.Kind(map)}.");
        }

        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                return ApiError.Serialization($"dimensions values must be strings; got {JsonInput.Kind(property.Value)}.");
            }

            var value = property.Value.GetString()!;
            if (property.Name.Length > MaxDimensionLength || value.Length > MaxDimensionLength)
            {
                return LogsErrors.TooLong(member, MaxDimensionLength);
            }

            if (FieldSelector.TryParse(value) is null)
            {
                return LogsErrors.Invalid($"Invalid dimension value '{value}' for dimension '{property.Name}': a dimension value is a field selector such as $.eventSource.");
            }

            dimensions[property.Name] = value;
        }

        return dimensions.Count <= MaxDimensions
            ? null
            : LogsErrors.Invalid($"A metric transformation can have at most {MaxDimensions} dimensions; got {dimensions.Count}.");
    }

    private static ApiError? TrailingRequired(JsonElement item, string prefix, out string name, out string space, out string value)
    {
        space = value = "";
        var error = Required(item, "metricName", out name);
        if (error is null)
        {
            error = Required(item, "metricNamespace", out space);
        }

        if (error is null)
        {
            error = Required(item, "metricValue", out value);
        }

        return error is null ? null : Renamed(error, prefix);
    }

    private static ApiError Renamed(ApiError error, string prefix) =>
        error.Code == LogsErrors.InvalidParameter ? error with { Message = error.Message.Replace("at '", $"at '{prefix}", StringComparison.Ordinal) } : error;
}
