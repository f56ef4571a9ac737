using System.Text.Json.Serialization;

namespace Contrail.Monitoring.Insights;

/// <summary>The kinds of Insights (spec §7), as <c>InsightSelector.InsightType</c> names them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InsightType>))]
public enum InsightType
{
    /// <summary>Unusual volume of write management calls (and data calls) per eventSource and eventName.</summary>
    ApiCallRateInsight,

    /// <summary>Unusual volume of calls that failed, per eventSource, eventName and errorCode.</summary>
    ApiErrorRateInsight,
}
