using System.Text;
using System.Text.Json;
using Contrail.Api.Delivery;
using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>Reads and checks PutInsightSelectors' <c>InsightSelectors</c> against the trail (spec §4.5).</summary>
internal static class InsightSelectorParser
{
    public const string InvalidInsightSelectors = "InvalidInsightSelectorsException";

    private static readonly string[] Types = ["ApiCallRateInsight", "ApiErrorRateInsight"];
    private static readonly string[] Categories = ["Management", "Data"];

    // What the trail's event selectors must take for each type: a write management call, and a read one.
    private static readonly byte[] WriteManagementCall = Encoding.UTF8.GetBytes(
        """{"eventVersion":"1.08","eventTime":"2026-01-01T00:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","readOnly":false,"eventCategory":"Management","managementEvent":true,"eventType":"AwsApiCall"}""");

    private static readonly byte[] ReadManagementCall = Encoding.UTF8.GetBytes(
        """{"eventVersion":"1.08","eventTime":"2026-01-01T00:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","readOnly":true,"eventCategory":"Management","managementEvent":true,"eventType":"AwsApiCall"}""");

    /// <summary>The selectors (empty turns Insights off), or the error to answer.</summary>
    public static ApiError? Parse(JsonElement request, Trail trail, out List<InsightSelector> selectors)
    {
        selectors = [];
        var error = JsonInput.Array(request, "InsightSelectors", out var array);
        if (error is not null)
        {
            return error;
        }

        if (array is not { } items)
        {
            return TrailErrors.Missing("InsightSelectors");
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return ApiError.Serialization($"InsightSelectors must be a list of objects; got {JsonInput.Kind(item)} in it.");
            }

            List<string>? categories = null;
            error = JsonInput.String(item, "InsightType", out var type) ?? TrailInput.Strings(item, "EventCategories", out categories);
            if (error is not null)
            {
                return error;
            }

            if (type is null || Array.IndexOf(Types, type) < 0)
            {
                return new ApiError(InvalidInsightSelectors, $"InsightType must be ApiCallRateInsight or ApiErrorRateInsight; got '{Clip(type)}'.");
            }

            if (selectors.Exists(s => s.InsightType == type))
            {
                return new ApiError(InvalidInsightSelectors, $"InsightType {type} appears more than once in InsightSelectors.");
            }

            if (categories is not null)
            {
                if (categories.Find(c => Array.IndexOf(Categories, c) < 0) is { } unknown)
                {
                    return new ApiError(InvalidInsightSelectors, $"EventCategories may hold Management and Data; got '{Clip(unknown)}'.");
                }

                if (categories.Distinct(StringComparer.Ordinal).Count() != categories.Count)
                {
                    return new ApiError(InvalidInsightSelectors, "EventCategories holds the same category twice.");
                }
            }

            selectors.Add(new InsightSelector(type, categories is { Count: > 0 } ? categories : null));
        }

        // What CloudTrail requires of the trail's own event selectors.
        foreach (var selector in selectors)
        {
            var logsWrites = TrailDelivery.Selects(trail, WriteManagementCall);
            var logsReads = TrailDelivery.Selects(trail, ReadManagementCall);
            if (selector.InsightType == "ApiCallRateInsight" && !logsWrites)
            {
                return new ApiError(InvalidInsightSelectors, $"ApiCallRateInsight needs the trail {trail.Name} to log write management events; its event selectors exclude them.");
            }

            if (selector.InsightType == "ApiErrorRateInsight" && !logsWrites && !logsReads)
            {
                return new ApiError(InvalidInsightSelectors, $"ApiErrorRateInsight needs the trail {trail.Name} to log read or write management events; its event selectors exclude them.");
            }
        }

        return null;
    }

    private static string Clip(string? text) => text is null ? "" : text.Length <= 64 ? text : text[..64] + "…";
}
