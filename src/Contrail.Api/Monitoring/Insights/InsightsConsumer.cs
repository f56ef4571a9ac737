using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Service;
using Contrail.Api.Writing;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Objects;
using Contrail.Events.Records;
using Contrail.Journal;
using Contrail.Journal.Segments;
using Contrail.Monitoring.Insights;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Monitoring.Insights;

/// <summary>
/// Runs the Insights detector over the journal (docs/dev/insights.md). Every journaled call is
/// counted by its eventTime's minute; minutes close once a record at least
/// <see cref="InsightOptions.Lateness"/> newer has been read (the clock caps how far ahead that
/// can be), or, when the journal is idle, once the clock has passed them by that much. Each Insight
/// that starts or ends, when a logging trail has its type on (PutInsightSelectors) for that region
/// and event category, is journaled as an Insights record (event history shows it with
/// <c>EventCategory=insight</c>) and written to every such trail's <c>CloudTrail-Insight</c> prefix
/// as a log file of its own. Ids and keys derive from the Insight, so a replay after a crash
/// rewrites the same objects and the same eventIDs. The detector's state and the journal position
/// it covers are saved together in <c>DATA_DIR/monitoring/insights.json</c> after the effects.
/// </summary>
internal sealed partial class InsightsConsumer : BackgroundService
{
    /// <summary>The journal consumer name.</summary>
    public const string ConsumerName = "insights";

    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleWake = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);
    private static readonly Dictionary<string, string> NoMetadata = [];

    private const int MaxBatchRecords = 4096;
    private const int MaxBatchBytes = 8 << 20;

    private readonly Contrail.Journal.Journal _journal;
    private readonly TrailCatalog _trails;
    private readonly EventJournalWriter _writer;
    private readonly IObjectStore _objects;
    private readonly ContrailSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<InsightsConsumer> _logger;
    private readonly InsightOptions _options;
    private readonly InsightDetector _detector;
    private readonly string _path;
    private readonly Lock _gate = new();
    private long _savedPosition = -1;
    private bool _dirty;
    private DateTimeOffset _lastSave;

    public InsightsConsumer(Contrail.Journal.Journal journal, TrailCatalog trails, EventJournalWriter writer, IObjectStore objects,
        ContrailSettings settings, TimeProvider time, ILogger<InsightsConsumer> logger)
    {
        _journal = journal;
        _trails = trails;
        _writer = writer;
        _objects = objects;
        _settings = settings;
        _time = time;
        _logger = logger;
        _options = settings.Insights ?? new InsightOptions();
        _path = Path.Combine(settings.DataDirectory, "monitoring", "insights.json");
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _detector = new InsightDetector(_options, File.Exists(_path) ? InsightDetector.Deserialize(File.ReadAllBytes(_path)) : null);
    }

    /// <summary>The options in force.</summary>
    public InsightOptions Options => _options;

    /// <summary>The file the state is saved to.</summary>
    public string FilePath => _path;

    /// <summary>Set when the consumer stopped on a fault.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Insights records journaled since the start (Start and End).</summary>
    public long Emitted { get; private set; }

    /// <summary>Every series' baseline now (thread-safe).</summary>
    public IReadOnlyList<InsightBaseline> Baselines()
    {
        lock (_gate)
        {
            return _detector.Baselines(_time.GetUtcNow());
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken ct)
    {
        var clean = true;
        try
        {
            var position = _detector.Position;
            if (position > _journal.CommittedPosition)
            {
                LogCursorAhead(_logger, position, _journal.CommittedPosition);
                position = _journal.CommittedPosition;
                _detector.Position = position;
            }

            _savedPosition = position;
            _lastSave = _time.GetUtcNow();
            _journal.SetConsumerPosition(ConsumerName, position);
            using var reader = _journal.OpenReader(position);
            var batch = new List<JournalRecord>(MaxBatchRecords);
            DateTimeOffset? newest = null;
            while (!ct.IsCancellationRequested)
            {
                batch.Clear();
                if (reader.ReadBatch(batch, MaxBatchRecords, MaxBatchBytes, reuseBuffer: true) == 0)
                {
                    // Idle: minutes the clock has passed by the lateness close now.
                    clean = false;
                    await CloseAsync(_time.GetUtcNow() - _options.Lateness, ct).ConfigureAwait(false);
                    clean = true;
                    if (_dirty)
                    {
                        Save();
                    }

                    try
                    {
                        await _journal.WaitForCommitAsync(position, ct).WaitAsync(IdleWake, _time, ct).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                    }

                    continue;
                }

                var now = _time.GetUtcNow();
                lock (_gate)
                {
                    foreach (var record in batch)
                    {
                        var json = JournalEnvelope.Decode(record.Payload).Json.Span;
                        if (InsightCallReader.TryRead(json, _settings.Identity.Region, out var call) && call.EventTime <= now + MaxAhead)
                        {
                            _detector.Observe(call);
                            newest = newest is { } n && n >= call.EventTime ? n : call.EventTime;
                        }
                    }

                    position = batch[^1].NextPosition;
                    _detector.Position = position;
                    _dirty = true;
                }

                if (newest is { } watermark)
                {
                    clean = false;
                    await CloseAsync((watermark < now ? watermark : now) - _options.Lateness, ct).ConfigureAwait(false);
                    clean = true;
                }

                if (_time.GetUtcNow() - _lastSave >= SaveInterval)
                {
                    Save();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Fault = e;
            clean = false;
            LogStopped(_logger, e, _detector.Position);
        }
        finally
        {
            // Only a state whose Insights were all written may be saved: else a replay must make them again.
            if (clean && Fault is null && _savedPosition >= 0 && _dirty)
            {
                try
                {
                    Save();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    LogSaveFailed(_logger, e);
                }
            }
        }
    }

    private async Task CloseAsync(DateTimeOffset before, CancellationToken ct)
    {
        IReadOnlyList<InsightOccurrence> found;
        lock (_gate)
        {
            found = _detector.CloseBefore(before);
            _dirty |= found.Count > 0;
        }

        if (found.Count == 0)
        {
            return;
        }

        var trails = _trails.List();
        var records = new List<NormalizedRecord>();
        var files = new List<(Trail Trail, InsightOccurrence Occurrence, byte[] Json)>();
        foreach (var occurrence in found)
        {
            var wanting = trails.Where(t => Wants(t, occurrence)).ToList();
            if (wanting.Count == 0)
            {
                continue;
            }

            var json = InsightRecord.Write(occurrence, _settings.Identity.AccountId);
            records.Add(Normalize(json));
            foreach (var trail in wanting)
            {
                files.Add((trail, occurrence, json));
            }

            LogInsight(_logger, occurrence.Key.Type, occurrence.State, occurrence.Key.EventSource, occurrence.Key.EventName, occurrence.InsightAverage, occurrence.BaselineAverage);
        }

        if (records.Count == 0)
        {
            return;
        }

        // Effects are retried until they succeed (or the service stops): the state is saved only after them.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                foreach (var (trail, occurrence, json) in files)
                {
                    await WriteFileAsync(trail, occurrence, json, ct).ConfigureAwait(false);
                }

                await _writer.WriteAsync(records, ct).ConfigureAwait(false);
                Emitted += records.Count;
                return;
            }
            catch (IOException e) when (!ct.IsCancellationRequested)
            {
                LogEffectFailed(_logger, e, attempt + 1);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt, 5))), _time, ct).ConfigureAwait(false);
            }
        }
    }

    private bool Wants(Trail trail, InsightOccurrence occurrence)
    {
        if (!trail.IsLogging || trail.InsightSelectors is not { Count: > 0 } selectors)
        {
            return false;
        }

        if (occurrence.Key.Region != _settings.Identity.Region && !trail.IsMultiRegionTrail)
        {
            return false;
        }

        var type = occurrence.Key.Type.ToString();
        return selectors.Any(s => s.InsightType == type && s.Categories.Contains(occurrence.Category));
    }

    private async Task WriteFileAsync(Trail trail, InsightOccurrence occurrence, byte[] json, CancellationToken ct)
    {
        var unique = UniqueString.From(Encoding.UTF8.GetBytes($"insight\n{trail.TrailArn}\n{occurrence.EventId}"));
        var key = LogFileKey.Create(trail.S3KeyPrefix, trail.OrganizationId, _settings.Identity.AccountId, occurrence.Key.Region,
            occurrence.EventTime, unique, LogFileKind.Insight);
        var file = LogFileWriter.Write([json]);
        await _objects.PutAsync(trail.S3BucketName, key.Key, file.Body, NoMetadata,
            trail.KmsKeyId is { } kms ? ObjectWriteOptions.Kms(kms) : null, ct).ConfigureAwait(false);
    }

    private NormalizedRecord Normalize(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var (record, error) = RecordNormalizer.Normalize(document.RootElement,
            new RecordContext(_settings.Identity.AccountId, _settings.Identity.Region, _time.GetUtcNow()));
        return record ?? throw new InvalidOperationException($"An Insights record was refused by the normalizer: {error}");
    }

    private void Save()
    {
        byte[] bytes;
        long position;
        lock (_gate)
        {
            bytes = _detector.Serialize();
            position = _detector.Position;
            _dirty = false;
        }

        DiskSync.ReplaceFile(_path, bytes);
        _savedPosition = position;
        _lastSave = _time.GetUtcNow();
        _journal.SetConsumerPosition(ConsumerName, position);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Critical, Message = "Insights stopped at journal position {Position}; no Insights will be reported until this is fixed")]
    private static partial void LogStopped(ILogger logger, Exception exception, long position);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "The Insights state covered journal position {Saved}, past the journal's end {End} (the journal was repaired); counting resumes at the journal's end")]
    private static partial void LogCursorAhead(ILogger logger, long saved, long end);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Error, Message = "The Insights state could not be saved at shutdown; the records since the last save will be counted again from the journal at the next start")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Writing Insights failed (attempt {Attempt}); retrying")]
    private static partial void LogEffectFailed(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "{Type} {State} for {EventSource} {EventName}: {Average} per minute against a baseline of {Baseline}")]
    private static partial void LogInsight(ILogger logger, InsightType type, InsightState state, string eventSource, string eventName, double average, double baseline);
}
