using System.Globalization;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Monitoring.Alarms;

/// <summary>
/// CloudWatch's metric alarm evaluation, without I/O: given "now" and a metric's per-minute statistics,
/// decides the state (docs/dev/alarms.md, "Semantics"). Periods are aligned to the Unix epoch; the
/// evaluated periods are the complete ones before "now" (the current, partial period never counts).
/// Pure and thread-safe.
/// </summary>
public static partial class AlarmEvaluator
{
    /// <summary>Evaluates <paramref name="rule"/> at <paramref name="now"/> over <paramref name="minutes"/> (any order, any span).</summary>
    public static AlarmEvaluation Evaluate(AlarmRule rule, IReadOnlyList<MetricMinute> minutes, DateTimeOffset now, AlarmState current) =>
        Evaluate(rule, Datapoints(rule, minutes, now), current, now);

    /// <summary>The first instant of the evaluation range at <paramref name="now"/> (what to read from the points).</summary>
    public static DateTimeOffset RangeStart(AlarmRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return RangeEnd(rule, now).AddSeconds(-(long)rule.PeriodSeconds * rule.EvaluationRange);
    }

    /// <summary>The end (exclusive) of the evaluation range: the latest period boundary at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset RangeEnd(AlarmRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var seconds = (long)Math.Floor((now - DateTimeOffset.UnixEpoch).TotalSeconds);
        return DateTimeOffset.UnixEpoch.AddSeconds(seconds - ((seconds % rule.PeriodSeconds) + rule.PeriodSeconds) % rule.PeriodSeconds);
    }

    /// <summary>
    /// The evaluation range's datapoints, oldest first: one per period, the statistic of the minutes
    /// that fall in it, or no value when none does.
    /// </summary>
    public static IReadOnlyList<PeriodDatapoint> Datapoints(AlarmRule rule, IReadOnlyList<MetricMinute> minutes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(minutes);
        var start = RangeStart(rule, now);
        var range = rule.EvaluationRange;
        var sums = new double[range];
        var counts = new long[range];
        var mins = new double[range];
        var maxes = new double[range];
        foreach (var minute in minutes)
        {
            var offset = (minute.Minute - start).TotalSeconds;
            if (offset < 0 || minute.Count <= 0)
            {
                continue;
            }

            var index = (long)(offset / rule.PeriodSeconds);
            if (index >= range)
            {
                continue;
            }

            var i = (int)index;
            mins[i] = counts[i] == 0 ? minute.Min : Math.Min(mins[i], minute.Min);
            maxes[i] = counts[i] == 0 ? minute.Max : Math.Max(maxes[i], minute.Max);
            sums[i] += minute.Sum;
            counts[i] += minute.Count;
        }

        var datapoints = new PeriodDatapoint[range];
        for (var i = 0; i < range; i++)
        {
            double? value = counts[i] == 0 ? null : rule.Statistic switch
            {
                AlarmStatistic.SampleCount => counts[i],
                AlarmStatistic.Average => sums[i] / counts[i],
                AlarmStatistic.Sum => sums[i],
                AlarmStatistic.Minimum => mins[i],
                _ => maxes[i],
            };
            datapoints[i] = new PeriodDatapoint(start.AddSeconds((long)i * rule.PeriodSeconds), value, counts[i]);
        }

        return datapoints;
    }

    /// <summary>
    /// Decides the state from the evaluation range (<paramref name="range"/>, oldest first, as
    /// <see cref="Datapoints"/> makes it):
    /// <list type="number">
    /// <item>every period missing: <c>missing</c> → INSUFFICIENT_DATA, <c>ignore</c> → keep the state, <c>breaching</c> → ALARM, <c>notBreaching</c> → OK;</item>
    /// <item>at least N real datapoints: the most recent N decide (ALARM when at least M breach), the treatment is not used;</item>
    /// <item>fewer: <c>breaching</c>/<c>notBreaching</c> fill the missing N − k as breaching/not; <c>missing</c>/<c>ignore</c>
    /// decide on the real ones, except that when the oldest breaching datapoint of the last N periods is at least M periods old
    /// and every more recent real one breaches, <c>missing</c> goes to ALARM and <c>ignore</c> keeps the state
    /// (CloudWatch's "avoiding premature transitions").</item>
    /// </list>
    /// </summary>
    public static AlarmEvaluation Evaluate(AlarmRule rule, IReadOnlyList<PeriodDatapoint> range, AlarmState current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(range);
        int n = rule.EvaluationPeriods, m = rule.DatapointsToAlarm;
        var real = new List<PeriodDatapoint>(range.Count);
        foreach (var datapoint in range)
        {
            if (datapoint.Value is not null)
            {
                real.Add(datapoint);
            }
        }

        if (real.Count == 0)
        {
            var detail = $"no datapoints were received for {Plural(n, "period")} and {Plural(n, "missing datapoint")} {WasWere(n)} treated as";
            return rule.TreatMissingData switch
            {
                MissingDataTreatment.Missing => Decided(AlarmState.InsufficientData, $"Insufficient Data: {detail} [Missing].", rule, range, [], now),
                MissingDataTreatment.Breaching => Decided(AlarmState.Alarm, $"Threshold Crossed: {detail} [Breaching].", rule, range, [], now),
                MissingDataTreatment.NotBreaching => Decided(AlarmState.Ok, $"Threshold Crossed: {detail} [NonBreaching].", rule, range, [], now),
                _ => Retained(current, range),
            };
        }

        // The datapoints that decide, most recent first: the last N real ones, or every real one when fewer.
        var evaluated = real.Skip(Math.Max(0, real.Count - n)).Reverse().ToList();
        var breaching = evaluated.Count(d => rule.Breaches(d.Value!.Value));
        var fills = n - evaluated.Count;
        if (fills == 0)
        {
            return Threshold(breaching >= m ? AlarmState.Alarm : AlarmState.Ok, rule, range, evaluated, current, now, fills: 0, fillName: null, suffix: null);
        }

        switch (rule.TreatMissingData)
        {
            case MissingDataTreatment.Breaching:
                return Threshold(breaching + fills >= m ? AlarmState.Alarm : AlarmState.Ok, rule, range, evaluated, current, now, fills, "Breaching", null);
            case MissingDataTreatment.NotBreaching:
                return Threshold(breaching >= m ? AlarmState.Alarm : AlarmState.Ok, rule, range, evaluated, current, now, fills, "NonBreaching", null);
            default:
                if (breaching >= m)
                {
                    return Threshold(AlarmState.Alarm, rule, range, evaluated, current, now, 0, null, null);
                }

                if (IsPrematureAlarm(rule, range))
                {
                    return rule.TreatMissingData == MissingDataTreatment.Ignore
                        ? Retained(current, range)
                        : Threshold(AlarmState.Alarm, rule, range, evaluated, current, now, 0, null, " (the more recent datapoints were missing)");
                }

                return Threshold(AlarmState.Ok, rule, range, evaluated, current, now, 0, null, null);
        }
    }

    // The oldest breaching real datapoint of the last N periods is at least M periods old, and every more
    // recent real datapoint breaches too (the rest are missing).
    private static bool IsPrematureAlarm(AlarmRule rule, IReadOnlyList<PeriodDatapoint> range)
    {
        var n = Math.Min(rule.EvaluationPeriods, range.Count);
        var first = range.Count - n;
        for (var i = first; i < range.Count; i++)
        {
            if (range[i].Value is not { } value || !rule.Breaches(value))
            {
                continue;
            }

            var age = range.Count - i;
            if (age < rule.DatapointsToAlarm)
            {
                return false;
            }

            for (var j = i + 1; j < range.Count; j++)
            {
                if (range[j].Value is { } later && !rule.Breaches(later))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static AlarmEvaluation Retained(AlarmState current, IReadOnlyList<PeriodDatapoint> range) => new(current, "", "", true, range);

    private static AlarmEvaluation Decided(AlarmState state, string reason, AlarmRule rule, IReadOnlyList<PeriodDatapoint> range,
        IReadOnlyList<PeriodDatapoint> evaluated, DateTimeOffset now) =>
        new(state, reason, ReasonData(rule, range, evaluated, now), false, range);

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string WasWere(int count) => count == 1 ? "was" : "were";

    /// <summary>A datapoint's value as CloudWatch writes it in reasons: <c>5.0</c>, <c>0.25</c>, <c>1.0E20</c>.</summary>
    public static string FormatValue(double value)
    {
        if (double.IsInteger(value) && Math.Abs(value) < 1e7)
        {
            return value.ToString("0.0", CultureInfo.InvariantCulture);
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal)
            ? text.Replace("E+", ".0E", StringComparison.Ordinal).Replace("E-", ".0E-", StringComparison.Ordinal)
            : text.Replace("E+", "E", StringComparison.Ordinal);
    }

    /// <summary>A period start as CloudWatch writes it in reasons: <c>21/11/26 10:00:00</c> (UTC, dd/MM/yy).</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("dd/MM/yy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The state's name on the wire: <c>OK</c>, <c>ALARM</c>, <c>INSUFFICIENT_DATA</c>.</summary>
    public static string StateName(AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };
}
