using System.Text.Json;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>Writes alarms and history entries in CloudWatch's JSON shapes (<c>MetricAlarm</c>, <c>AlarmHistoryItem</c>; timestamps as epoch seconds).</summary>
internal static class AlarmJson
{
    public static void Write(Utf8JsonWriter w, MetricAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(alarm);
        w.WriteStartObject();
        w.WriteString("AlarmName", alarm.AlarmName);
        w.WriteString("AlarmArn", alarm.AlarmArn);
        if (alarm.AlarmDescription is { } description)
        {
            w.WriteString("AlarmDescription", description);
        }

        w.WriteNumber("AlarmConfigurationUpdatedTimestamp", Seconds(alarm.AlarmConfigurationUpdatedTimestamp));
        w.WriteBoolean("ActionsEnabled", alarm.ActionsEnabled);
        Strings(w, "OKActions", alarm.OKActions);
        Strings(w, "AlarmActions", alarm.AlarmActions);
        Strings(w, "InsufficientDataActions", alarm.InsufficientDataActions);
        w.WriteString("StateValue", alarm.StateValue);
        w.WriteString("StateReason", alarm.StateReason);
        if (alarm.StateReasonData is { } data)
        {
            w.WriteString("StateReasonData", data);
        }

        w.WriteNumber("StateUpdatedTimestamp", Seconds(alarm.StateUpdatedTimestamp));
        w.WriteString("MetricName", alarm.MetricName);
        w.WriteString("Namespace", alarm.Namespace);
        w.WriteString("Statistic", alarm.Statistic);
        w.WriteStartArray("Dimensions");
        foreach (var dimension in alarm.Dimensions)
        {
            w.WriteStartObject();
            w.WriteString("Name", dimension.Name);
            w.WriteString("Value", dimension.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("Period", alarm.Period);
        if (alarm.Unit is { } unit)
        {
            w.WriteString("Unit", unit);
        }

        w.WriteNumber("EvaluationPeriods", alarm.EvaluationPeriods);
        if (alarm.DatapointsToAlarm is { } m)
        {
            w.WriteNumber("DatapointsToAlarm", m);
        }

        w.WriteNumber("Threshold", alarm.Threshold);
        w.WriteString("ComparisonOperator", alarm.ComparisonOperator);
        if (alarm.TreatMissingData is { } missing)
        {
            w.WriteString("TreatMissingData", missing);
        }

        w.WriteNumber("StateTransitionedTimestamp", Seconds(alarm.StateTransitionedTimestamp));
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, AlarmHistoryItem item)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(item);
        w.WriteStartObject();
        w.WriteString("AlarmName", item.AlarmName);
        w.WriteString("AlarmType", "MetricAlarm");
        w.WriteNumber("Timestamp", Seconds(item.Timestamp));
        w.WriteString("HistoryItemType", item.HistoryItemType);
        w.WriteString("HistorySummary", item.HistorySummary);
        w.WriteString("HistoryData", item.HistoryData);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static double Seconds(long ms) => ms / 1000.0;
}
