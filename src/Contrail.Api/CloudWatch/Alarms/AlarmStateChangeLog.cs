using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// Appends each alarm state change to <c>DATA_DIR/monitoring/alarm-state-changes.jsonl</c>, one EventBridge
/// "CloudWatch Alarm State Change" event a line (docs/dev/alarms.md), for a rules engine to route. Each line
/// is written whole and flushed to disk before <see cref="Append"/> returns. Not thread-safe: the catalog
/// calls it under its lock.
/// </summary>
internal sealed class AlarmStateChangeLog(string path, ServiceIdentity identity)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string FilePath => path;

    public void Append(AlarmStateChange change)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        stream.Write(Line(change, identity));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>One event and its newline.</summary>
    public static byte[] Line(AlarmStateChange change, ServiceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(identity);
        var alarm = change.Alarm;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("version", "0");
            w.WriteString("id", EventId(alarm.AlarmArn, alarm.StateUpdatedTimestamp));
            w.WriteString("detail-type", "CloudWatch Alarm State Change");
            w.WriteString("source", "aws.cloudwatch");
            w.WriteString("account", identity.AccountId);
            w.WriteString("time", DateTimeOffset.FromUnixTimeMilliseconds(alarm.StateUpdatedTimestamp).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("region", identity.Region);
            w.WriteStartArray("resources");
            w.WriteStringValue(alarm.AlarmArn);
            w.WriteEndArray();
            w.WriteStartObject("detail");
            w.WriteString("alarmName", alarm.AlarmName);
            w.WriteStartObject("state");
            w.WriteString("value", alarm.StateValue);
            w.WriteString("reason", alarm.StateReason);
            if (alarm.StateReasonData is { } data)
            {
                w.WriteString("reasonData", data);
            }

            w.WriteString("timestamp", Time(alarm.StateUpdatedTimestamp));
            w.WriteEndObject();
            w.WriteStartObject("previousState");
            w.WriteString("value", change.PreviousState);
            w.WriteString("reason", change.PreviousReason);
            w.WriteString("timestamp", Time(change.PreviousTimestamp));
            w.WriteEndObject();
            w.WriteStartObject("configuration");
            if (alarm.AlarmDescription is { } description)
            {
                w.WriteString("description", description);
            }

            w.WriteStartArray("metrics");
            w.WriteStartObject();
            w.WriteString("id", "m1");
            w.WriteStartObject("metricStat");
            w.WriteStartObject("metric");
            w.WriteString("namespace", alarm.Namespace);
            w.WriteString("name", alarm.MetricName);
            w.WriteStartObject("dimensions");
            foreach (var dimension in alarm.Dimensions)
            {
                w.WriteString(dimension.Name, dimension.Value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteNumber("period", alarm.Period);
            w.WriteString("stat", alarm.Statistic);
            w.WriteEndObject();
            w.WriteBoolean("returnData", true);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static string Time(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    // Deterministic per transition (alarm and time), so a consumer can drop a line it already routed.
    private static string EventId(string arn, long ms)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{arn}\n{ms}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
