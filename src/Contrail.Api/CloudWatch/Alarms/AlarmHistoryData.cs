using System.Text.Encodings.Web;
using System.Text.Json;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// The <c>HistoryData</c> JSON of history entries, in CloudWatch's shapes:
/// <c>{"type":"Create","version":"1.0","createdAlarm":{…}}</c> (<c>Update</c>: <c>originalAlarm</c> and
/// <c>updatedAlarm</c>; <c>Delete</c>: <c>deletedAlarm</c>), and for a transition
/// <c>{"version":"1.0","oldState":{"stateValue","stateReason"},"newState":{"stateValue","stateReason","stateReasonData"}}</c>.
/// </summary>
internal static class AlarmHistoryData
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Configuration(string type, MetricAlarm? before, MetricAlarm? after) => Write(w =>
    {
        w.WriteString("type", type);
        w.WriteString("version", "1.0");
        switch (type)
        {
            case "Create":
                w.WritePropertyName("createdAlarm");
                Alarm(w, after!);
                break;
            case "Update":
                w.WritePropertyName("originalAlarm");
                Alarm(w, before!);
                w.WritePropertyName("updatedAlarm");
                Alarm(w, after!);
                break;
            default:
                w.WritePropertyName("deletedAlarm");
                Alarm(w, before!);
                break;
        }
    });

    public static string State(AlarmStateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Write(w =>
        {
            w.WriteString("version", "1.0");
            w.WriteStartObject("oldState");
            w.WriteString("stateValue", change.PreviousState);
            w.WriteString("stateReason", change.PreviousReason);
            w.WriteEndObject();
            w.WriteStartObject("newState");
            w.WriteString("stateValue", change.Alarm.StateValue);
            w.WriteString("stateReason", change.Alarm.StateReason);
            if (change.Alarm.StateReasonData is { } data)
            {
                w.WritePropertyName("stateReasonData");
                using var parsed = JsonDocument.Parse(data);
                parsed.RootElement.WriteTo(w);
            }

            w.WriteEndObject();
        });
    }

    private static void Alarm(Utf8JsonWriter w, MetricAlarm alarm)
    {
        w.WriteStartObject();
        w.WriteString("alarmName", alarm.AlarmName);
        w.WriteString("metricName", alarm.MetricName);
        w.WriteString("namespace", alarm.Namespace);
        w.WriteString("statistic", alarm.Statistic);
        w.WriteStartArray("dimensions");
        foreach (var dimension in alarm.Dimensions)
        {
            w.WriteStartObject();
            w.WriteString("name", dimension.Name);
            w.WriteString("value", dimension.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("period", alarm.Period);
        w.WriteNumber("evaluationPeriods", alarm.EvaluationPeriods);
        if (alarm.DatapointsToAlarm is { } m)
        {
            w.WriteNumber("datapointsToAlarm", m);
        }

        w.WriteNumber("threshold", alarm.Threshold);
        w.WriteString("comparisonOperator", alarm.ComparisonOperator);
        w.WriteString("treatMissingData", alarm.TreatMissingData ?? "missing");
        w.WriteBoolean("actionsEnabled", alarm.ActionsEnabled);
        w.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
