using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Service;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Objects;
using Contrail.Events.Records;
using Contrail.Journal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Delivery;

/// <summary>
/// Delivers log files for every logging trail (docs/dev/delivery.md). One loop serves all trails;
/// each trail reads the journal from its own position (journal consumer <c>trail:&lt;TrailArn&gt;</c>).
/// A file covers a journal range [Delivered, end): the range and its delivery time are saved in the
/// trail's state file before any object is put, the new position only after every object of the
/// range is durably stored, so a crash in between rewrites the same keys with the same bytes.
/// </summary>
internal sealed partial class TrailDelivery(
    Contrail.Journal.Journal journal,
    TrailCatalog catalog,
    IObjectStore objects,
    ContrailSettings settings,
    DeliveryStatusBoard board,
    LogFileNotifier notifier,
    TimeProvider time,
    ILogger<TrailDelivery> logger) : BackgroundService
{
    /// <summary>Names the node in every unique string (DESIGN.md: the unique part names the node).</summary>
    public const string NodeId = "contrail";

    /// <summary>CloudTrail delivers about every 5 minutes.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long a trail that is logging waits for its StartLogging record before starting at the journal's end.</summary>
    private static readonly TimeSpan StartSearchLimit = TimeSpan.FromSeconds(10);

    private const int ReadRecords = 4096;
    private const int ReadBytes = 8 << 20;

    private readonly Dictionary<string, TrailRun> _runs = new(StringComparer.Ordinal);
    private readonly LogFileBatcher _batcher = new();
    private string? _knownNames;

    private TimeSpan Interval => settings.DeliveryInterval ?? DefaultInterval;

    public static string ConsumerName(string trailArn) => "trail:" + trailArn;

    /// <summary>
    /// Whether <paramref name="trail"/>'s event selectors (basic or advanced, compiled once per trail
    /// version) select <paramref name="record"/>. Region is decided by the caller.
    /// </summary>
    internal static bool Selects(Trail trail, ReadOnlySpan<byte> record) => TrailSelection.MatcherFor(trail).Matches(record);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken ct)
    {
        long previousLimit = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // Committed position first, then the catalog: a trail logging in this listing was
                // logging when every record below `limit` was committed (StopLogging is precise).
                var limit = journal.CommittedPosition;
                var trails = catalog.List();
                var progressed = false;
                try
                {
                    progressed = await StepAsync(trails, previousLimit, limit, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogLoopFailed(logger, e);
                }

                previousLimit = limit;
                if (!progressed)
                {
                    await Task.Delay(Tick, time, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            await FlushAllAsync(previousLimit).ConfigureAwait(false);
        }
    }

    private async Task<bool> StepAsync(IReadOnlyList<Trail> trails, long previousLimit, long limit, CancellationToken ct, bool final = false)
    {
        RemoveStateOfDeletedTrails(trails);
        var logging = trails.Where(t => t.IsLogging).ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var name in _runs.Keys.ToList())
        {
            var run = _runs[name];
            if (!logging.TryGetValue(name, out var current) || current.StartLoggingTime != run.Trail.StartLoggingTime)
            {
                // Stopped (or deleted, or restarted as a new session): deliver what was read while it logged.
                await StopRunAsync(run, deleted: !trails.Any(t => t.Name == name)).ConfigureAwait(false);
                _runs.Remove(name);
            }
            else
            {
                run.Trail = current;
            }
        }

        foreach (var trail in logging.Values)
        {
            if (!_runs.ContainsKey(trail.Name))
            {
                _runs[trail.Name] = Begin(trail, previousLimit);
            }
        }

        var progressed = false;
        foreach (var run in _runs.Values)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                progressed |= await AdvanceAsync(run, limit, final).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await FailedAsync(run, e).ConfigureAwait(false);
            }
        }

        return progressed;
    }

    private TrailRun Begin(Trail trail, long searchFrom)
    {
        DeliveryState? state = null;
        try
        {
            state = DeliveryState.Load(settings.DataDirectory, trail.Name);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            LogStateUnreadable(logger, e, trail.Name);
        }

        var run = new TrailRun(trail) { Started = time.GetUtcNow() };
        if (state is not null && state.StartLoggingTime == trail.StartLoggingTime && state.StartLoggingTime is not null)
        {
            run.State = state;
            run.ReadPosition = state.Delivered;
            run.Active = true;
            journal.SetConsumerPosition(ConsumerName(trail.TrailArn), state.Delivered);
        }
        else
        {
            // A new logging session: find where it began. At service start the search covers the
            // whole journal (the call may predate this process); afterwards, what came since the last pass.
            run.State = new DeliveryState
            {
                LatestDeliveryTime = state?.LatestDeliveryTime,
                LatestDeliveryAttemptTime = state?.LatestDeliveryAttemptTime,
                LatestDeliveryAttemptSucceeded = state?.LatestDeliveryAttemptSucceeded,
                LatestDeliveryError = state?.LatestDeliveryError,
            };
            run.SearchFrom = searchFrom;
        }

        board.Set(trail.Name, run.State);
        return run;
    }

    /// <summary>Reads what is new, cuts a file when due; true when records were read.</summary>
    private async Task<bool> AdvanceAsync(TrailRun run, long limit, bool final)
    {
        var now = time.GetUtcNow();
        if (!run.Active)
        {
            if (!FindStart(run, limit, now))
            {
                return false;
            }
        }

        if (run.State.InFlightEnd is not null)
        {
            if (!final && now < run.RetryAt)
            {
                return false;
            }

            await DeliverInFlightAsync(run).ConfigureAwait(false);
        }

        var progressed = false;
        run.Reader ??= journal.OpenReader(run.ReadPosition);
        while (run.ReadPosition < limit)
        {
            run.Batch.Clear();
            if (run.Reader.ReadBatch(run.Batch, ReadRecords, ReadBytes) == 0)
            {
                break;
            }

            progressed = true;
            foreach (var record in run.Batch)
            {
                if (record.Position >= limit)
                {
                    // Read past the bound: reopen there next time.
                    run.Reader.Dispose();
                    run.Reader = null;
                    break;
                }

                var (_, json) = JournalEnvelope.Decode(record.Payload);
                if (RegionOf(run.Trail, json.Span) is { } region && Selects(run.Trail, json.Span))
                {
                    var bytes = run.PendingBytes.GetValueOrDefault(region);
                    var added = json.Length + (bytes == 0 ? LogFileWriter.EnvelopeLength : 1);
                    if (bytes > 0 && bytes + added > _batcher.MaxUncompressedBytes)
                    {
                        // Full: this record opens the next file.
                        await CutAsync(run, record.Position, now).ConfigureAwait(false);
                        bytes = 0;
                        added = json.Length + LogFileWriter.EnvelopeLength;
                    }

                    run.PendingBytes[region] = bytes + added;
                    run.PendingSince ??= now;
                }

                run.ReadPosition = record.NextPosition;
            }

            if (run.Reader is null)
            {
                break;
            }
        }

        if (final || (run.PendingSince is { } since && now - since >= Interval))
        {
            await CutAsync(run, run.ReadPosition, now).ConfigureAwait(false);
        }
        else if (run.PendingBytes.Count == 0 && run.ReadPosition > run.State.Delivered && now - run.LastSaved >= Interval)
        {
            // Nothing selected: move the position on so retention can proceed.
            await CutAsync(run, run.ReadPosition, now).ConfigureAwait(false);
        }

        return progressed;
    }

    /// <summary>Looks for the record of the StartLogging call that began this session; true once started.</summary>
    private bool FindStart(TrailRun run, long limit, DateTimeOffset now)
    {
        long? found = null;
        using (var reader = journal.OpenReader(run.SearchFrom))
        {
            var batch = new List<JournalRecord>();
            var done = false;
            while (!done && reader.ReadBatch(batch, ReadRecords, ReadBytes) > 0)
            {
                foreach (var record in batch)
                {
                    if (record.Position >= limit)
                    {
                        done = true;
                        break;
                    }

                    var fields = DeliveryFields.Read(JournalEnvelope.Decode(record.Payload).Json.Span);
                    if (fields is { EventName: "StartLogging", EventSource: "cloudtrail.amazonaws.com", ErrorCode: null }
                        && (fields.RequestName == run.Trail.Name || fields.RequestName == run.Trail.TrailArn))
                    {
                        found = record.Position;
                    }

                    run.SearchFrom = record.NextPosition;
                }

                batch.Clear();
            }
        }

        long start;
        if (found is { } position)
        {
            start = position;
        }
        else if (now - run.Started >= StartSearchLimit)
        {
            start = limit;
            LogStartNotFound(logger, run.Trail.Name, limit);
        }
        else
        {
            return false;
        }

        run.State = run.State with
        {
            StartLoggingTime = run.Trail.StartLoggingTime,
            JournalStart = start,
            Delivered = start,
            InFlightEnd = null,
            InFlightDeliveryTime = null,
        };
        run.State.Save(settings.DataDirectory, run.Trail.Name);
        run.LastSaved = now;
        board.Set(run.Trail.Name, run.State);
        journal.SetConsumerPosition(ConsumerName(run.Trail.TrailArn), start);
        run.ReadPosition = start;
        run.Active = true;
        return true;
    }

    /// <summary>Makes [Delivered, end) the in-flight range with delivery time <paramref name="now"/>, then delivers it.</summary>
    private async Task CutAsync(TrailRun run, long end, DateTimeOffset now)
    {
        if (end <= run.State.Delivered)
        {
            return;
        }

        if (run.State.InFlightEnd is not null)
        {
            // A previous range is still waiting for its retry: the new records wait behind it.
            return;
        }

        run.State = run.State with { InFlightEnd = end, InFlightDeliveryTime = now };
        run.State.Save(settings.DataDirectory, run.Trail.Name);
        run.PendingBytes.Clear();
        run.PendingSince = null;
        await DeliverInFlightAsync(run).ConfigureAwait(false);
    }

    /// <summary>Builds and puts every file of the in-flight range, then saves the new position. Deterministic from the state.</summary>
    private async Task DeliverInFlightAsync(TrailRun run)
    {
        var state = run.State;
        var start = state.Delivered;
        var end = state.InFlightEnd!.Value;
        var deliveryTime = state.InFlightDeliveryTime!.Value;
        var byRegion = new SortedDictionary<string, List<(long Position, ReadOnlyMemory<byte> Json)>>(StringComparer.Ordinal);
        using (var reader = journal.OpenReader(start))
        {
            var batch = new List<JournalRecord>();
            var done = false;
            while (!done && reader.ReadBatch(batch, ReadRecords, ReadBytes) > 0)
            {
                foreach (var record in batch)
                {
                    if (record.Position >= end)
                    {
                        done = true;
                        break;
                    }

                    var json = JournalEnvelope.Decode(record.Payload).Json;
                    if (RegionOf(run.Trail, json.Span) is { } region && Selects(run.Trail, json.Span))
                    {
                        if (!byRegion.TryGetValue(region, out var list))
                        {
                            byRegion[region] = list = [];
                        }

                        list.Add((record.Position, json.ToArray()));
                    }
                }

                batch.Clear();
            }
        }

        var attempt = time.GetUtcNow();
        var delivered = 0;
        var keys = new List<string>();
        foreach (var (region, records) in byRegion)
        {
            var index = 0;
            foreach (var file in _batcher.Split(records.Select(r => r.Json)))
            {
                var first = records[index].Position;
                var last = records[index + file.Count - 1].Position;
                index += file.Count;
                var key = LogFileKey.Create(run.Trail.S3KeyPrefix, null, settings.Identity.AccountId, region, deliveryTime,
                    UniqueString.ForDelivery(NodeId, run.Trail.TrailArn, region, first, last));
                var body = LogFileWriter.Write(file.Records);
                await objects.PutAsync(run.Trail.S3BucketName, key.Key, body.Body, EmptyMetadata, CancellationToken.None).ConfigureAwait(false);
                delivered++;
                keys.Add(key.Key);
            }
        }

        run.State = state with
        {
            Delivered = end,
            InFlightEnd = null,
            InFlightDeliveryTime = null,
            LatestDeliveryTime = delivered > 0 ? deliveryTime : state.LatestDeliveryTime,
            LatestDeliveryAttemptTime = delivered > 0 ? attempt : state.LatestDeliveryAttemptTime,
            LatestDeliveryAttemptSucceeded = delivered > 0 ? attempt : state.LatestDeliveryAttemptSucceeded,
            LatestDeliveryError = delivered > 0 ? null : state.LatestDeliveryError,
        };
        run.State.Save(settings.DataDirectory, run.Trail.Name);
        run.LastSaved = attempt;
        board.Set(run.Trail.Name, run.State);
        journal.SetConsumerPosition(ConsumerName(run.Trail.TrailArn), end);
        notifier.Delivered(run.Trail, run.Trail.S3BucketName, keys);
    }

    private Task FailedAsync(TrailRun run, Exception e)
    {
        var now = time.GetUtcNow();
        run.RetryAt = now + RetryDelay;
        run.Reader?.Dispose();
        run.Reader = null;
        LogDeliveryFailed(logger, e, run.Trail.Name);
        run.State = run.State with
        {
            LatestDeliveryAttemptTime = now,
            LatestDeliveryError = ErrorCode(e),
        };
        board.Set(run.Trail.Name, run.State);
        try
        {
            if (run.State.InFlightEnd is not null)
            {
                run.State.Save(settings.DataDirectory, run.Trail.Name);
            }
        }
        catch (Exception saveError) when (saveError is IOException or UnauthorizedAccessException)
        {
            LogDeliveryFailed(logger, saveError, run.Trail.Name);
        }

        return Task.CompletedTask;
    }

    private async Task StopRunAsync(TrailRun run, bool deleted)
    {
        try
        {
            if (!deleted && run.Active)
            {
                await AdvanceAsync(run, run.ReadPosition, final: true).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailedAsync(run, e).ConfigureAwait(false);
        }
        finally
        {
            run.Reader?.Dispose();
            run.Reader = null;
        }

        if (deleted)
        {
            board.Remove(run.Trail.Name);
            File.Delete(DeliveryState.PathOf(settings.DataDirectory, run.Trail.Name));
        }
    }

    /// <summary>Deletes the state files of trails that no longer exist (checked when the set of names changes).</summary>
    private void RemoveStateOfDeletedTrails(IReadOnlyList<Trail> trails)
    {
        var names = string.Join('/', trails.Select(t => t.Name));
        if (names == _knownNames)
        {
            return;
        }

        _knownNames = names;
        var directory = DeliveryState.DirectoryOf(settings.DataDirectory);
        if (!Directory.Exists(directory))
        {
            return;
        }

        var existing = trails.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!existing.Contains(name) && !_runs.ContainsKey(name))
            {
                File.Delete(file);
                board.Remove(name);
            }
        }
    }

    /// <summary>On shutdown: one last pass that reads everything committed and delivers it.</summary>
    private async Task FlushAllAsync(long previousLimit)
    {
        try
        {
            var limit = journal.CommittedPosition;
            await StepAsync(catalog.List(), previousLimit, limit, CancellationToken.None, final: true).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLoopFailed(logger, e);
        }
        finally
        {
            foreach (var run in _runs.Values)
            {
                run.Reader?.Dispose();
                run.Reader = null;
            }

            _runs.Clear();
        }
    }

    /// <summary>The region folder a record goes to, or null when this trail does not deliver that region.</summary>
    private string? RegionOf(Trail trail, ReadOnlySpan<byte> json)
    {
        var region = DeliveryFields.Read(json).AwsRegion ?? settings.Identity.Region;
        if (region != settings.Identity.Region && !trail.IsMultiRegionTrail)
        {
            return null;
        }

        return IsRegionName(region) ? region : null;
    }

    /// <summary>
    /// What GetTrailStatus shows for a failed put: an S3-style error code, never a local path (the
    /// exception itself is logged).
    /// </summary>
    internal static string ErrorCode(Exception e) => e switch
    {
        ArgumentException => "InvalidBucketName",
        UnauthorizedAccessException => "AccessDenied",
        IOException => "AccessDenied",
        _ => "InternalError",
    };

    private static bool IsRegionName(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static readonly Dictionary<string, string> EmptyMetadata = new(StringComparer.Ordinal);

    private sealed class TrailRun(Trail trail)
    {
        public Trail Trail { get; set; } = trail;

        public DeliveryState State { get; set; } = new();

        public bool Active { get; set; }

        public long SearchFrom { get; set; }

        public DateTimeOffset Started { get; init; }

        public long ReadPosition { get; set; }

        public JournalReader? Reader { get; set; }

        public List<JournalRecord> Batch { get; } = [];

        public Dictionary<string, long> PendingBytes { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? PendingSince { get; set; }

        public DateTimeOffset LastSaved { get; set; }

        public DateTimeOffset RetryAt { get; set; }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Log file delivery for trail {Trail} failed; it is retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string trail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "The delivery loop failed; it continues")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Trail {Trail} is logging but its StartLogging record was not found; delivery starts at journal position {Position}")]
    private static partial void LogStartNotFound(ILogger logger, string trail, long position);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "The delivery state of trail {Trail} cannot be read; a new logging session starts")]
    private static partial void LogStateUnreadable(ILogger logger, Exception exception, string trail);
}
