using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Delivery;
using Contrail.Api.Logs.LogGroups;
using Contrail.Api.Logs.MetricFilters;
using Contrail.Api.Service;
using Contrail.Events.Records;
using Contrail.Journal;
using Contrail.Journal.Segments;
using Contrail.Monitoring.MetricFilters;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Monitoring;

/// <summary>
/// Applies the metric filters to the event stream (docs/dev/metric-filters.md). Reads every journaled
/// record from its position; for each trail that sends to a log group with filters and logs the
/// record (its logging state, region and event selectors, as delivery decides), evaluates that log
/// group's filters and adds what they publish to <see cref="Points"/>.
/// The points and the journal position they cover are saved together, atomically, in
/// <c>DATA_DIR/monitoring/metric-points.json</c> (at most once a second while records arrive, at once
/// when caught up and at shutdown); the journal keeps everything from that saved position, so a crash
/// replays exactly the records whose effect was not saved: nothing lost, nothing counted twice.
/// Follows the journal's commits (no polling interval). Fail-stop on a fault, as the indexer.
/// </summary>
internal sealed partial class MetricFilterConsumer(
    Contrail.Journal.Journal journal,
    TrailCatalog trails,
    MetricFilterCatalog filters,
    LogGroupDirectory logGroups,
    ContrailSettings settings,
    TimeProvider time,
    ILogger<MetricFilterConsumer> logger) : BackgroundService
{
    /// <summary>The journal consumer name (holds journal segments back until the points are saved).</summary>
    public const string ConsumerName = "metric-filters";

    /// <summary>Points and position are saved at most this often while records keep arriving.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan IdleWake = TimeSpan.FromMinutes(1);

    private const int MaxBatchRecords = 4096;
    private const int MaxBatchBytes = 8 << 20;

    private readonly string _path = Path.Combine(settings.DataDirectory, "monitoring", "metric-points.json");
    private readonly MetricPoints _points = Load(Path.Combine(settings.DataDirectory, "monitoring", "metric-points.json"));

    // Region names seen in records, for routing as delivery does (the consumer's loop is its only user).
    private readonly TextCache _regionTexts = new();
    private long _savedPosition = -1;
    private DateTimeOffset _lastSave;

    /// <summary>The points, loaded from the file when the consumer is made (a damaged file stops the start).</summary>
    public MetricPoints Points => _points;

    /// <summary>The file the points are saved to.</summary>
    public string FilePath => _path;

    /// <summary>Set when the consumer stopped on a fault.</summary>
    public Exception? Fault { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken ct)
    {
        var points = Points;
        try
        {
            var position = points.Position;
            if (position > journal.CommittedPosition)
            {
                // The journal was repaired (its tail dropped) after those records were counted: they stay
                // counted, and new records are read from the journal's end.
                LogCursorAhead(logger, position, journal.CommittedPosition);
                position = journal.CommittedPosition;
                points.Rewind(position);
            }

            _savedPosition = position;
            _lastSave = time.GetUtcNow();
            journal.SetConsumerPosition(ConsumerName, position);
            using var reader = journal.OpenReader(position);
            var batch = new List<JournalRecord>(MaxBatchRecords);
            while (!ct.IsCancellationRequested)
            {
                batch.Clear();
                if (reader.ReadBatch(batch, MaxBatchRecords, MaxBatchBytes, reuseBuffer: true) == 0)
                {
                    // Caught up: save what is unsaved now, then sleep until the next commit.
                    if (points.Position != _savedPosition)
                    {
                        Save(points);
                    }

                    try
                    {
                        await journal.WaitForCommitAsync(position, ct).WaitAsync(IdleWake, time, ct).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        points.Prune(time.GetUtcNow());
                    }

                    continue;
                }

                Apply(batch, points);
                position = batch[^1].NextPosition;
                if (time.GetUtcNow() - _lastSave >= SaveInterval)
                {
                    Save(points);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Fault = e;
            LogStopped(logger, e, points.Position);
        }
        finally
        {
            if (Fault is null && _savedPosition >= 0 && points.Position != _savedPosition)
            {
                try
                {
                    Save(points);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    LogSaveFailed(logger, e);
                }
            }
        }
    }

    private void Apply(List<JournalRecord> batch, MetricPoints points)
    {
        var now = time.GetUtcNow();
        var compiled = filters.Compiled;

        // Every trail that sends to a log group, with that group's filters (maybe none: its
        // StartLogging/StopLogging records are still followed). A trail first seen starts from the
        // catalog's logging state; after that its own records in the journal switch it, as for delivery.
        var targets = new List<(Trail Trail, CompiledMetricFilter[] Filters)>();
        var previous = points.Logging;
        var logging = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var trail in trails.List())
        {
            if (logGroups.LogGroupOf(trail) is { } group)
            {
                targets.Add((trail, compiled.TryGetValue(group, out var groupFilters) ? groupFilters : []));
                logging[trail.TrailArn] = previous.TryGetValue(trail.TrailArn, out var was) ? was : trail.IsLogging;
            }
        }

        long matches = 0, unpublishable = 0;
        foreach (var record in batch)
        {
            if (targets.Count == 0)
            {
                break;
            }

            var json = JournalEnvelope.Decode(record.Payload).Json.Span;
            DateTimeOffset? eventTime = null;
            foreach (var (trail, groupFilters) in targets)
            {
                var on = logging[trail.TrailArn];
                var logged = TrailDelivery.IsLogged(trail, json, ref on);
                logging[trail.TrailArn] = on;
                if (!logged || groupFilters.Length == 0
                    || TrailDelivery.RegionOf(trail, settings.Identity.Region, json, _regionTexts) is null || !TrailDelivery.Selects(trail, json))
                {
                    continue;
                }

                foreach (var filter in groupFilters)
                {
                    switch (filter.Evaluate(json, out var key, out var value))
                    {
                        case MetricFilterOutcome.Published:
                            matches++;
                            eventTime ??= EventTimeOf(json) ?? now;
                            points.Add(key!, eventTime.Value, value, now);
                            break;
                        case MetricFilterOutcome.Unpublishable:
                            matches++;
                            unpublishable++;
                            break;
                    }
                }
            }
        }

        points.Advance(batch[^1].NextPosition, batch.Count, matches, unpublishable, logging);
    }

    private void Save(MetricPoints points)
    {
        var now = time.GetUtcNow();
        points.Prune(now);
        var bytes = points.Serialize();
        var position = points.Position;
        DiskSync.ReplaceFile(_path, bytes);
        _savedPosition = position;
        _lastSave = now;
        // Only now may the journal drop what the saved points cover.
        journal.SetConsumerPosition(ConsumerName, position);
    }

    private static MetricPoints Load(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return File.Exists(path) ? MetricPoints.Deserialize(File.ReadAllBytes(path)) : new MetricPoints();
    }

    /// <summary>The record's top-level <c>eventTime</c>, or null when it has none that parses.</summary>
    internal static DateTimeOffset? EventTimeOf(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTime = reader.ValueTextEquals("eventTime"u8);
                reader.Read();
                if (isTime)
                {
                    return reader.TokenType == JsonTokenType.String && EventTime.TryParse(reader.GetString(), out var value) ? value : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Critical, Message = "Metric filters stopped at journal position {Position}; metrics will not count newer events until this is fixed")]
    private static partial void LogStopped(ILogger logger, Exception exception, long position);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "The metric points covered journal position {Saved}, past the journal's end {End} (the journal was repaired); counting resumes at the journal's end")]
    private static partial void LogCursorAhead(ILogger logger, long saved, long end);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "The metric points could not be saved at shutdown; the records since the last save will be applied again from the journal at the next start")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);
}
