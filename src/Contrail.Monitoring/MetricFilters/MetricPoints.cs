using System.Text.Json;

namespace Contrail.Monitoring.MetricFilters;

/// <summary>
/// The metric filters' points: per series a running total and per-minute sums for a bounded window,
/// plus the journal position they cover and a few counters. One writer (the consumer) and any
/// number of readers (the exposition); every member takes one lock.
/// A minute is the record's <c>eventTime</c> truncated to the minute (as CloudWatch uses a log event's
/// timestamp); minutes older than <see cref="Window"/> are dropped, totals never are.
/// </summary>
public sealed class MetricPoints
{
    /// <summary>How long per-minute points are kept by default: 24 hours.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    // Points for minutes this far past the clock are kept too (skewed producers), but no further.
    private static readonly TimeSpan FutureSlack = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<MetricSeriesKey, Series> _series = [];
    private Dictionary<string, bool> _logging = new(StringComparer.Ordinal);
    private long _position;
    private long _records;
    private long _matches;
    private long _unpublishable;

    /// <summary>An empty set at journal position 0, keeping <paramref name="window"/> (default 24 h) of minutes.</summary>
    public MetricPoints(TimeSpan? window = null) => Window = window ?? DefaultWindow;

    /// <summary>How long per-minute points are kept.</summary>
    public TimeSpan Window { get; }

    /// <summary>The journal position up to which every record has been applied.</summary>
    public long Position
    {
        get
        {
            lock (_lock)
            {
                return _position;
            }
        }
    }

    /// <summary>Records read, filter matches, and matches that could publish nothing (since the file was created).</summary>
    public (long Records, long Matches, long Unpublishable) Counters
    {
        get
        {
            lock (_lock)
            {
                return (_records, _matches, _unpublishable);
            }
        }
    }

    /// <summary>
    /// Whether each source (a trail, by ARN) was logging at <see cref="Position"/>: state the consumer
    /// keeps with the points so that a replay from the saved position decides as the first pass did.
    /// </summary>
    public IReadOnlyDictionary<string, bool> Logging
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, bool>(_logging, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Adds <paramref name="value"/> to the series at <paramref name="eventTime"/>'s minute (its total even when the minute is outside the window).</summary>
    public void Add(MetricSeriesKey key, DateTimeOffset eventTime, double value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                _series[key] = series = new Series();
            }

            series.Total += value;
            series.Count++;
            var minute = MinuteOf(eventTime);
            if (minute >= MinuteOf(now - Window) && minute <= MinuteOf(now + FutureSlack))
            {
                series.Minutes[minute] = series.Minutes.TryGetValue(minute, out var point)
                    ? new MinutePoint(point.Sum + value, point.Count + 1, Math.Min(point.Min, value), Math.Max(point.Max, value))
                    : new MinutePoint(value, 1, value, value);
            }
        }
    }

    /// <summary>
    /// Records that everything below <paramref name="position"/> is applied, with what it counted and, when
    /// given, the sources' logging state there.
    /// </summary>
    public void Advance(long position, long records, long matches, long unpublishable, IReadOnlyDictionary<string, bool>? logging = null)
    {
        lock (_lock)
        {
            _position = position;
            if (logging is not null)
            {
                _logging = new Dictionary<string, bool>(logging, StringComparer.Ordinal);
            }

            _records += records;
            _matches += matches;
            _unpublishable += unpublishable;
        }
    }

    /// <summary>Moves the position without counting (the journal was repaired behind it).</summary>
    public void Rewind(long position)
    {
        lock (_lock)
        {
            _position = position;
        }
    }

    /// <summary>Every series, with the sum of the latest complete minute before <paramref name="now"/>.</summary>
    public IReadOnlyList<MetricSample> Samples(DateTimeOffset now)
    {
        var last = MinuteOf(now) - 1;
        lock (_lock)
        {
            return [.. _series.Select(s => new MetricSample(s.Key, s.Value.Total, s.Value.Count,
                s.Value.Minutes.TryGetValue(last, out var point) ? point.Sum : null))];
        }
    }

    /// <summary>The per-minute sums of one series (minute start, sum), oldest first; empty when unknown.</summary>
    public IReadOnlyList<(DateTimeOffset Minute, double Sum)> Minutes(MetricSeriesKey key)
    {
        lock (_lock)
        {
            return _series.TryGetValue(key, out var series)
                ? [.. series.Minutes.OrderBy(m => m.Key).Select(m => (DateTimeOffset.UnixEpoch.AddMinutes(m.Key), m.Value.Sum))]
                : [];
        }
    }

    /// <summary>
    /// The per-minute statistics of one series for the minutes in [<paramref name="from"/>, <paramref name="to"/>),
    /// oldest first; minutes in which nothing was published are left out. Empty when the series is unknown.
    /// </summary>
    public IReadOnlyList<MetricMinute> Range(MetricSeriesKey key, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(key);
        long first = MinuteOf(from), end = MinuteOf(to);
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                return [];
            }

            var minutes = new List<MetricMinute>();
            foreach (var (minute, point) in series.Minutes)
            {
                if (minute >= first && minute < end)
                {
                    minutes.Add(new MetricMinute(DateTimeOffset.UnixEpoch.AddMinutes(minute), point.Sum, point.Count, point.Min, point.Max));
                }
            }

            minutes.Sort((a, b) => a.Minute.CompareTo(b.Minute));
            return minutes;
        }
    }

    /// <summary>Drops minutes older than the window.</summary>
    public void Prune(DateTimeOffset now)
    {
        var oldest = MinuteOf(now - Window);
        lock (_lock)
        {
            foreach (var series in _series.Values)
            {
                foreach (var minute in series.Minutes.Keys.Where(m => m < oldest).ToList())
                {
                    series.Minutes.Remove(minute);
                }
            }
        }
    }

    /// <summary>The persisted form, UTF-8 JSON (<see cref="MetricPointsDocument"/>); series and minutes in a stable order.</summary>
    public byte[] Serialize()
    {
        MetricPointsDocument document;
        lock (_lock)
        {
            document = new MetricPointsDocument(MetricPointsDocument.CurrentVersion, _position, _records, _matches, _unpublishable,
                [.. _series
                    .Select(s => new MetricSeriesDocument(s.Key.Namespace, s.Key.Name,
                        [.. s.Key.Dimensions.Select(d => new MetricDimensionDocument(d.Key, d.Value))],
                        s.Value.Total, s.Value.Count,
                        [.. s.Value.Minutes.OrderBy(m => m.Key).Select(m => new MetricMinuteDocument(m.Key, m.Value.Sum, m.Value.Count, m.Value.Min, m.Value.Max))]))
                    .OrderBy(s => s.Namespace, StringComparer.Ordinal)
                    .ThenBy(s => s.Name, StringComparer.Ordinal)
                    .ThenBy(s => string.Join('\0', s.Dimensions.Select(d => d.Name + '\0' + d.Value)), StringComparer.Ordinal)],
                new SortedDictionary<string, bool>(_logging, StringComparer.Ordinal));
        }

        return JsonSerializer.SerializeToUtf8Bytes(document, MetricPointsJsonContext.Default.MetricPointsDocument);
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote; throws <see cref="InvalidDataException"/> for another version or no content.</summary>
    public static MetricPoints Deserialize(ReadOnlySpan<byte> utf8, TimeSpan? window = null)
    {
        var document = JsonSerializer.Deserialize(utf8, MetricPointsJsonContext.Default.MetricPointsDocument)
            ?? throw new InvalidDataException("The metric points file is empty.");
        if (document.Version != MetricPointsDocument.CurrentVersion)
        {
            throw new InvalidDataException($"The metric points file has version {document.Version}; this build reads version {MetricPointsDocument.CurrentVersion}.");
        }

        var points = new MetricPoints(window)
        {
            _position = document.Position,
            _records = document.Records,
            _matches = document.Matches,
            _unpublishable = document.Unpublishable,
            _logging = new Dictionary<string, bool>(document.Logging ?? new Dictionary<string, bool>(), StringComparer.Ordinal),
        };
        foreach (var s in document.Series ?? [])
        {
            var series = new Series { Total = s.Total, Count = s.Count };
            foreach (var m in s.Minutes ?? [])
            {
                // Files written before Min/Max were kept (version 1 without them): the minute's mean stands in for both.
                var mean = m.Count > 0 ? m.Sum / m.Count : m.Sum;
                series.Minutes[m.Minute] = new MinutePoint(m.Sum, m.Count, m.Min ?? mean, m.Max ?? mean);
            }

            points._series[new MetricSeriesKey(s.Namespace, s.Name, [.. (s.Dimensions ?? []).Select(d => new KeyValuePair<string, string>(d.Name, d.Value))])] = series;
        }

        return points;
    }

    private static long MinuteOf(DateTimeOffset time) => (long)Math.Floor((time - DateTimeOffset.UnixEpoch).TotalMinutes);

    private sealed class Series
    {
        public double Total { get; set; }

        public long Count { get; set; }

        public Dictionary<long, MinutePoint> Minutes { get; } = [];
    }

    private readonly record struct MinutePoint(double Sum, long Count, double Min, double Max);
}
