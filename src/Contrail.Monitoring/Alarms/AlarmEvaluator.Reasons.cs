using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Contrail.Monitoring.Alarms;

/// <summary>The state reason texts and reason data, in CloudWatch's forms.</summary>
public static partial class AlarmEvaluator
{
    // "Threshold Crossed: 1 datapoint [5.0 (21/11/26 10:00:00)] was greater than or equal to the threshold (1.0)."
    // With M < N: "Threshold Crossed: 2 out of the last 3 datapoints [...] were greater than the threshold (1.0)
    // (minimum 2 datapoints for OK -> ALARM transition)." The list is the datapoints on the decided side, most recent first.
    private static AlarmEvaluation Threshold(AlarmState state, AlarmRule rule, IReadOnlyList<PeriodDatapoint> range, List<PeriodDatapoint> evaluated,
        AlarmState current, DateTimeOffset now, int fills, string? fillName, string? suffix)
    {
        var alarm = state == AlarmState.Alarm;
        var listed = evaluated.Where(d => rule.Breaches(d.Value!.Value) == alarm).ToList();
        var text = new StringBuilder("Threshold Crossed: ");
        if (listed.Count > 0)
        {
            var n = rule.EvaluationPeriods;
            text.Append(rule.DatapointsToAlarm == n
                    ? Plural(listed.Count, "datapoint")
                    : $"{listed.Count} out of the last {n} datapoints")
                .Append(" [")
                .AppendJoin(", ", listed.Select(d => $"{FormatValue(d.Value!.Value)} ({FormatTime(d.Start)})"))
                .Append("] ").Append(WasWere(listed.Count)).Append(alarm ? " " : " not ")
                .Append(OperatorText(rule.Comparison)).Append(" the threshold (").Append(FormatValue(rule.Threshold)).Append(')');
            if (rule.DatapointsToAlarm != n)
            {
                var minimum = alarm ? rule.DatapointsToAlarm : n - rule.DatapointsToAlarm + 1;
                text.Append(" (minimum ").Append(Plural(minimum, "datapoint")).Append(" for ")
                    .Append(StateName(current)).Append(" -> ").Append(StateName(state)).Append(" transition)");
            }

            if (fills > 0)
            {
                text.Append(" and ");
            }
        }

        if (fills > 0)
        {
            text.Append(Plural(fills, "missing datapoint")).Append(' ').Append(WasWere(fills)).Append(" treated as [").Append(fillName).Append(']');
        }

        text.Append(suffix).Append('.');
        return new AlarmEvaluation(state, text.ToString(), ReasonData(rule, range, evaluated, now), false, range);
    }

    private static string OperatorText(AlarmComparison comparison) => comparison switch
    {
        AlarmComparison.GreaterThanOrEqualToThreshold => "greater than or equal to",
        AlarmComparison.GreaterThanThreshold => "greater than",
        AlarmComparison.LessThanThreshold => "less than",
        _ => "less than or equal to",
    };

    /// <summary>
    /// CloudWatch's <c>StateReasonData</c>: <c>{"version":"1.0","queryDate","startDate","statistic","period",
    /// "recentDatapoints":[oldest first],"threshold","evaluatedDatapoints":[{"timestamp","sampleCount","value"}, most recent first]}</c>.
    /// </summary>
    private static string ReasonData(AlarmRule rule, IReadOnlyList<PeriodDatapoint> range, IReadOnlyList<PeriodDatapoint> evaluated, DateTimeOffset now)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping: the times keep their '+' as CloudWatch writes them (the text is JSON inside JSON, never HTML).
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "1.0");
            writer.WriteString("queryDate", ReasonTime(now));
            writer.WriteString("startDate", ReasonTime(RangeEnd(rule, now).AddSeconds(-(long)rule.PeriodSeconds * rule.EvaluationPeriods)));
            writer.WriteString("statistic", rule.Statistic.ToString());
            writer.WriteNumber("period", rule.PeriodSeconds);
            writer.WriteStartArray("recentDatapoints");
            foreach (var datapoint in range)
            {
                if (datapoint.Value is { } value)
                {
                    writer.WriteNumberValue(value);
                }
            }

            writer.WriteEndArray();
            writer.WriteNumber("threshold", rule.Threshold);
            writer.WriteStartArray("evaluatedDatapoints");
            foreach (var datapoint in evaluated)
            {
                writer.WriteStartObject();
                writer.WriteString("timestamp", ReasonTime(datapoint.Start));
                writer.WriteNumber("sampleCount", datapoint.SampleCount);
                writer.WriteNumber("value", datapoint.Value!.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string ReasonTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
