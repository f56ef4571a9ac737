using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Contrail.Monitoring.Insights;

/// <summary>
/// Finds Insights in a stream of calls (docs/dev/insights.md). Calls are counted per series and per
/// minute of their eventTime; <see cref="CloseBefore"/> closes minutes in order. A closed minute of
/// a series is compared with that series' baseline: the mean and standard deviation of its counts per
/// minute over <see cref="InsightOptions.Baseline"/> before it (minutes without calls count as 0,
/// back to the first minute the detector saw). An anomalous minute (see <see cref="InsightOptions"/>)
/// starts an Insight, once <see cref="InsightOptions.WarmUp"/> of history exists; the Insight ends at
/// the first later minute that is not anomalous against the baseline frozen at its start. The clock
/// is the callers': nothing here reads the time. Not thread-safe (one consumer owns it).
/// </summary>
public sealed class InsightDetector
{
    private readonly InsightOptions _options;
    private readonly InsightDetectorState _state;
    private readonly Dictionary<InsightSeriesKey, InsightSeries> _series = [];
    private readonly long _baselineMinutes;
    private readonly long _warmUpMinutes;

    public InsightDetector(InsightOptions options, InsightDetectorState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _state = state ?? new InsightDetectorState();
        _baselineMinutes = (long)options.Baseline.TotalMinutes;
        _warmUpMinutes = (long)options.WarmUp.TotalMinutes;
        foreach (var series in _state.Series)
        {
            _series[series.Key] = series;
        }
    }

    /// <summary>The state, to persist (<see cref="Serialize"/>); live, not a copy.</summary>
    public InsightDetectorState State => _state;

    /// <summary>The journal position the state covers; the consumer sets it after each batch.</summary>
    public long Position
    {
        get => _state.Position;
        set => _state.Position = value;
    }

    /// <summary>Counts one call; false when it does not count (not Management or Data, or its minute is closed).</summary>
    public bool Observe(in InsightCall call)
    {
        var rate = call.Category == "Data" || (call.Category == "Management" && !call.ReadOnly);
        var error = call.ErrorCode is not null && call.Category is "Management" or "Data";
        if (!rate && !error)
        {
            return false;
        }

        var minute = MinuteOf(call.EventTime);
        if (minute < _state.ClosedBefore)
        {
            _state.Late++;
            return false;
        }

        _state.HistoryStart = Math.Min(_state.HistoryStart ?? minute, minute);
        if (rate)
        {
            Count(new InsightSeriesKey(InsightType.ApiCallRateInsight, call.Region, call.EventSource, call.EventName, null), call, minute);
        }

        if (error)
        {
            Count(new InsightSeriesKey(InsightType.ApiErrorRateInsight, call.Region, call.EventSource, call.EventName, call.ErrorCode), call, minute);
        }

        return true;
    }

    /// <summary>
    /// Closes every minute before the one <paramref name="time"/> falls in and returns the Insights
    /// that started or ended in them, in time order. Closing is final: later calls for those minutes are late.
    /// </summary>
    public IReadOnlyList<InsightOccurrence> CloseBefore(DateTimeOffset time)
    {
        var target = MinuteOf(time);
        if (_state.HistoryStart is not { } start)
        {
            return [];
        }

        var from = _state.ClosedBefore ?? start;
        if (target <= from)
        {
            return [];
        }

        var found = new List<InsightOccurrence>();
        var minutes = new List<long>();
        foreach (var series in _state.Series)
        {
            minutes.Clear();
            foreach (var minute in series.Open.Keys)
            {
                if (minute < target)
                {
                    minutes.Add(minute);
                }
            }

            minutes.Sort();
            foreach (var minute in minutes)
            {
                if (series.Active is { } active && minute > active.NextMinute)
                {
                    // The minute after the last anomalous one had no calls: that is not anomalous.
                    found.Add(End(series, active.NextMinute));
                }

                var bucket = series.Open[minute];
                Decide(series, minute, bucket, found);
                AddToHistory(series, minute, bucket);
                series.Open.Remove(minute);
            }

            if (series.Active is { } still && still.NextMinute < target)
            {
                found.Add(End(series, still.NextMinute));
            }

            Prune(series, target);
        }

        _state.ClosedBefore = target;
        _state.Series.RemoveAll(s => s.Hours.Count == 0 && s.Open.Count == 0 && s.Active is null && _series.Remove(s.Key));
        found.Sort(static (a, b) => a.EventTime.CompareTo(b.EventTime));
        return found;
    }

    /// <summary>Every series' baseline as of the minute <paramref name="time"/> falls in: what a minute must exceed now.</summary>
    public IReadOnlyList<InsightBaseline> Baselines(DateTimeOffset time)
    {
        var minute = MinuteOf(time);
        var list = new List<InsightBaseline>(_state.Series.Count);
        foreach (var series in _state.Series)
        {
            var (mean, deviation, minutes) = BaselineAt(series, minute);
            list.Add(new InsightBaseline(series.Key, mean, deviation, ThresholdOf(mean, deviation), minutes, series.Active is not null));
        }

        return list;
    }

    /// <summary>The state as JSON (<see cref="InsightDetectorState"/>).</summary>
    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(_state, InsightJsonContext.Default.InsightDetectorState);

    /// <summary>Reads a state <see cref="Serialize"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a state of this version.</exception>
    public static InsightDetectorState Deserialize(ReadOnlySpan<byte> json)
    {
        InsightDetectorState? state;
        try
        {
            state = JsonSerializer.Deserialize(json, InsightJsonContext.Default.InsightDetectorState);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The Insights state is not valid JSON: {e.Message}", e);
        }

        if (state is null || state.Version != InsightDetectorState.CurrentVersion || state.Series is null)
        {
            throw new InvalidDataException($"The Insights state has version {state?.Version}; this build reads version {InsightDetectorState.CurrentVersion}.");
        }

        return state;
    }

    private void Count(InsightSeriesKey key, in InsightCall call, long minute)
    {
        if (!_series.TryGetValue(key, out var series))
        {
            series = new InsightSeries
            {
                Type = key.Type,
                Region = key.Region,
                EventSource = key.EventSource,
                EventName = key.EventName,
                ErrorCode = key.ErrorCode,
                Category = call.Category,
            };
            _series[key] = series;
            _state.Series.Add(series);
        }

        if (!series.Open.TryGetValue(minute, out var bucket))
        {
            series.Open[minute] = bucket = new InsightMinute();
        }

        bucket.Count++;
        bucket.Values.Add(call.UserIdentityArn, call.UserAgent, call.ErrorCode, _options.TrackedValues);
    }

    private void Decide(InsightSeries series, long minute, InsightMinute bucket, List<InsightOccurrence> found)
    {
        if (series.Active is { } active)
        {
            if (Anomalous(bucket.Count, active.BaselineAverage, active.BaselineDeviation))
            {
                active.Minutes++;
                active.Count += bucket.Count;
                active.Values.Merge(bucket.Values, _options.TrackedValues);
                active.NextMinute = minute + 1;
            }
            else
            {
                found.Add(End(series, minute));
            }

            return;
        }

        if (minute - _state.HistoryStart!.Value < _warmUpMinutes)
        {
            return;
        }

        var (mean, deviation, baselineMinutes) = BaselineAt(series, minute);
        if (!Anomalous(bucket.Count, mean, deviation))
        {
            return;
        }

        var shared = IdOf(series, minute, null);
        series.Active = new InsightActive
        {
            SharedEventId = shared,
            StartMinute = minute,
            NextMinute = minute + 1,
            BaselineAverage = mean,
            BaselineDeviation = deviation,
            Threshold = ThresholdOf(mean, deviation),
            BaselineMinutes = baselineMinutes,
            Minutes = 1,
            Count = bucket.Count,
            BaselineAttributions = BaselineAttributions(series, minute, baselineMinutes),
        };
        series.Active.Values.Merge(bucket.Values, _options.TrackedValues);
        found.Add(Occurrence(series, series.Active, InsightState.Start, minute, bucket.Count, 1, bucket.Values));
    }

    private InsightOccurrence End(InsightSeries series, long minute)
    {
        var active = series.Active!;
        series.Active = null;
        return Occurrence(series, active, InsightState.End, minute, (double)active.Count / active.Minutes, active.Minutes, active.Values);
    }

    private InsightOccurrence Occurrence(InsightSeries series, InsightActive active, InsightState state, long minute, double average, long duration, AttributeCounts values)
    {
        var attributions = new List<InsightAttribution>(AttributeCounts.Names.Length);
        for (var i = 0; i < AttributeCounts.Names.Length; i++)
        {
            var top = Top(values.Of(i), duration);
            var baseline = active.BaselineAttributions.Count > i ? active.BaselineAttributions[i].Baseline : [];
            attributions.Add(new InsightAttribution(AttributeCounts.Names[i], top, baseline));
        }

        return new InsightOccurrence(
            series.Key,
            series.Category,
            state,
            IdOf(series, active.StartMinute, state),
            active.SharedEventId,
            DateTimeOffset.FromUnixTimeSeconds(minute * 60),
            active.BaselineAverage,
            active.BaselineDeviation,
            active.Threshold,
            average,
            duration,
            active.BaselineMinutes,
            attributions);
    }

    private List<InsightAttribution> BaselineAttributions(InsightSeries series, long minute, long baselineMinutes)
    {
        var windowStart = WindowStart(minute);
        var sums = new AttributeCounts();
        foreach (var hour in series.Hours)
        {
            if ((hour.Hour * 60) + 59 >= windowStart && hour.Hour * 60 < minute)
            {
                sums.Merge(hour.Values, int.MaxValue);
            }
        }

        var list = new List<InsightAttribution>(AttributeCounts.Names.Length);
        for (var i = 0; i < AttributeCounts.Names.Length; i++)
        {
            list.Add(new InsightAttribution(AttributeCounts.Names[i], [], Top(sums.Of(i), baselineMinutes)));
        }

        return list;
    }

    private List<InsightAttributionValue> Top(Dictionary<string, long> counts, long minutes)
    {
        if (minutes <= 0 || counts.Count == 0)
        {
            return [];
        }

        return [.. counts
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(_options.AttributionValues)
            .Select(p => new InsightAttributionValue(p.Key, (double)p.Value / minutes))];
    }

    private bool Anomalous(long count, double mean, double deviation) =>
        count >= _options.MinimumCount
        && count > mean + (_options.Sigma * deviation)
        && count >= _options.MinimumRatio * mean;

    private double ThresholdOf(double mean, double deviation) =>
        Math.Max(_options.MinimumCount, Math.Max(mean + (_options.Sigma * deviation), _options.MinimumRatio * mean));

    /// <summary>The first minute of the baseline window of <paramref name="minute"/>: whole hours, never before history.</summary>
    private long WindowStart(long minute)
    {
        var start = minute - _baselineMinutes;
        start -= ((start % 60) + 60) % 60;
        return Math.Max(start, _state.HistoryStart ?? minute);
    }

    private (double Mean, double Deviation, long Minutes) BaselineAt(InsightSeries series, long minute)
    {
        var windowStart = WindowStart(minute);
        var minutes = minute - windowStart;
        if (minutes <= 0)
        {
            return (0, 0, 0);
        }

        double sum = 0, squares = 0;
        foreach (var hour in series.Hours)
        {
            // An hour holds only closed minutes, all before the one being decided.
            if ((hour.Hour * 60) + 59 >= windowStart && hour.Hour * 60 < minute)
            {
                sum += hour.Sum;
                squares += hour.SumOfSquares;
            }
        }

        var mean = sum / minutes;
        var variance = Math.Max(0, (squares / minutes) - (mean * mean));
        return (mean, Math.Sqrt(variance), minutes);
    }

    private void AddToHistory(InsightSeries series, long minute, InsightMinute bucket)
    {
        var hourNumber = Math.DivRem(minute, 60, out var remainder);
        if (remainder < 0)
        {
            hourNumber--;
        }

        InsightHour? hour = series.Hours.Count > 0 && series.Hours[^1].Hour == hourNumber ? series.Hours[^1] : null;
        if (hour is null)
        {
            hour = new InsightHour { Hour = hourNumber };
            series.Hours.Add(hour);
        }

        hour.Sum += bucket.Count;
        hour.SumOfSquares += (double)bucket.Count * bucket.Count;
        hour.Values.Merge(bucket.Values, _options.TrackedValues);
    }

    private void Prune(InsightSeries series, long target)
    {
        var oldest = target - _baselineMinutes - 60;
        series.Hours.RemoveAll(h => ((h.Hour + 1) * 60) <= oldest);
    }

    private static long MinuteOf(DateTimeOffset time) => Math.DivRem(time.ToUnixTimeSeconds(), 60, out var r) - (r < 0 ? 1 : 0);

    /// <summary>A GUID-shaped id from the series, the start minute and the state (null: the shared id).</summary>
    private static string IdOf(InsightSeries series, long startMinute, InsightState? state)
    {
        var text = $"contrail-insight\n{series.Type}\n{series.Region}\n{series.EventSource}\n{series.EventName}\n{series.ErrorCode}\n{startMinute}\n{state}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom (RFC 9562)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
