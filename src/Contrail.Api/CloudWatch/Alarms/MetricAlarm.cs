using System.Text.Json.Serialization;
using Contrail.Monitoring.Alarms;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// A metric alarm as stored and described: its configuration (PutMetricAlarm's members, already validated),
/// its state, and times in Unix milliseconds. Immutable; the catalog replaces it on every change.
/// </summary>
internal sealed record MetricAlarm(
    string AlarmName,
    string AlarmArn,
    string? AlarmDescription,
    bool ActionsEnabled,
    IReadOnlyList<string> OKActions,
    IReadOnlyList<string> AlarmActions,
    IReadOnlyList<string> InsufficientDataActions,
    string MetricName,
    string Namespace,
    string Statistic,
    IReadOnlyList<AlarmDimension> Dimensions,
    int Period,
    string? Unit,
    int EvaluationPeriods,
    int? DatapointsToAlarm,
    double Threshold,
    string ComparisonOperator,
    string? TreatMissingData,
    long AlarmConfigurationUpdatedTimestamp,
    string StateValue,
    string StateReason,
    string? StateReasonData,
    long StateUpdatedTimestamp,
    long StateTransitionedTimestamp)
{
    /// <summary>The state as the evaluator names it.</summary>
    [JsonIgnore]
    public AlarmState State => StateValue switch
    {
        "OK" => AlarmState.Ok,
        "ALARM" => AlarmState.Alarm,
        _ => AlarmState.InsufficientData,
    };

    /// <summary>What the evaluator tests (the names were validated when the alarm was put).</summary>
    [JsonIgnore]
    public AlarmRule Rule => new(
        Enum.Parse<AlarmStatistic>(Statistic),
        Period,
        EvaluationPeriods,
        DatapointsToAlarm ?? EvaluationPeriods,
        Threshold,
        Enum.Parse<AlarmComparison>(ComparisonOperator),
        TreatMissingData switch
        {
            "breaching" => MissingDataTreatment.Breaching,
            "notBreaching" => MissingDataTreatment.NotBreaching,
            "ignore" => MissingDataTreatment.Ignore,
            _ => MissingDataTreatment.Missing,
        });

    /// <summary>The metric series the alarm watches (dimensions sorted by name, as the metric filters key them).</summary>
    [JsonIgnore]
    public MetricSeriesKey Series => new(Namespace, MetricName,
        [.. Dimensions.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new KeyValuePair<string, string>(d.Name, d.Value))]);
}
