using Contrail.Api.CloudWatch.Alarms;
using Contrail.Api.Logs.MetricFilters;
using Contrail.Monitoring.Alarms;
using Contrail.Monitoring.MetricFilters;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Monitoring;

/// <summary>
/// Evaluates every alarm once a minute, at each UTC minute boundary of the injected clock (so a test's clock
/// drives it), against the metric filters' points (<see cref="MetricFilterConsumer.Points"/>); a changed
/// state is committed by the catalog (history, <c>alarm-state-changes.jsonl</c>, <see cref="AlarmCatalog.StateChanged"/>).
/// A minute in which a filter published nothing counts as the filters' default value, when they have one.
/// A fault evaluating one alarm is logged and the others still run; the loop goes on.
/// </summary>
internal sealed partial class AlarmEvaluationService(
    AlarmCatalog alarms,
    MetricFilterConsumer consumer,
    MetricFilterCatalog filters,
    TimeProvider time,
    ILogger<AlarmEvaluationService> logger) : BackgroundService
{
    /// <summary>Evaluations run so far (for tests and diagnostics).</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    private long _evaluations;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The next boundary follows the last evaluation, not the time the delay was asked for: a clock that
        // jumped past it (a test's, or a paused machine's) evaluates at once instead of skipping a minute.
        var next = FloorMinute(time.GetUtcNow()).AddMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (now < next)
            {
                try
                {
                    await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            EvaluateAll(now);
            next = FloorMinute(now).AddMinutes(1);
        }
    }

    private static DateTimeOffset FloorMinute(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    /// <summary>Evaluates every alarm at <paramref name="now"/> and commits the state changes.</summary>
    public void EvaluateAll(DateTimeOffset now)
    {
        var points = consumer.Points;
        foreach (var alarm in alarms.List())
        {
            try
            {
                var rule = alarm.Rule;
                var series = alarm.Series;
                var minutes = WithDefaults(points.Range(series, AlarmEvaluator.RangeStart(rule, now), AlarmEvaluator.RangeEnd(rule, now)),
                    series, AlarmEvaluator.RangeStart(rule, now), AlarmEvaluator.RangeEnd(rule, now));
                var evaluation = AlarmEvaluator.Evaluate(rule, minutes, now, alarm.State);
                if (!evaluation.Retain && evaluation.State != alarm.State)
                {
                    alarms.SetState(alarm.AlarmName, AlarmEvaluator.StateName(evaluation.State), evaluation.Reason, evaluation.ReasonData, now, out _);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                LogEvaluationFailed(logger, e, alarm.AlarmName);
            }
        }

        Interlocked.Increment(ref _evaluations);
    }

    // Filters without dimensions that publish to the series with a default value publish it for every minute
    // with no value (as /metrics shows it): those minutes get one sample of the defaults' sum.
    private List<MetricMinute> WithDefaults(IReadOnlyList<MetricMinute> minutes, MetricSeriesKey series, DateTimeOffset from, DateTimeOffset to)
    {
        double? defaults = null;
        if (series.Dimensions.Count == 0)
        {
            foreach (var filter in filters.List())
            {
                var t = filter.Transformation;
                if (t.DefaultValue is { } value && t.MetricName == series.Name && t.MetricNamespace == series.Namespace)
                {
                    defaults = (defaults ?? 0) + value;
                }
            }
        }

        var result = new List<MetricMinute>(minutes);
        if (defaults is { } sum)
        {
            var seen = minutes.Select(m => m.Minute).ToHashSet();
            for (var minute = from; minute < to; minute = minute.AddMinutes(1))
            {
                if (!seen.Contains(minute))
                {
                    result.Add(new MetricMinute(minute, sum, 1, sum, sum));
                }
            }
        }

        return result;
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "Alarm {Alarm} could not be evaluated; the others were")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, string alarm);
}
