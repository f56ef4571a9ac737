using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Service;
using Contrail.Delivery.Digests;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Objects;
using Contrail.Events.Records;
using Contrail.Journal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Delivery;

/// <summary>
/// Delivers log files for every trail (docs/dev/delivery.md). One loop serves all trails; each trail
/// reads the journal from its own position (journal consumer <c>trail:&lt;TrailArn&gt;</c>), and its own
/// StartLogging/StopLogging records in that journal decide which records it logs.
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
    SigningKeyRing keys,
    TimeProvider time,
    ILogger<TrailDelivery> logger) : BackgroundService
{
    /// <summary>Names the node in every unique string (DESIGN.md: the unique part names the node).</summary>
    public const string NodeId = "contrail";

    /// <summary>CloudTrail delivers about every 5 minutes.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the catalog may say a trail is (not) logging while its journal records say otherwise
    /// before delivery follows the catalog (the StartLogging/StopLogging record was never journaled).
    /// </summary>
    private static readonly TimeSpan MismatchGrace = TimeSpan.FromSeconds(10);

    private const int ReadRecords = 4096;
    private const int ReadBytes = 8 << 20;

    private readonly Dictionary<string, TrailRun> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _beginFrom = new(StringComparer.Ordinal);
    private readonly LogFileBatcher _batcher = new();
    private readonly RecordArena _arena = new();
    private readonly TextCache _regionTexts = new();

    /// <summary>What all trails together keep of their pending records (two files' worth); past it, cuts read the journal.</summary>
    private readonly PendingRecords.Budget _pendingBudget = new(2 * LogFileBatcher.DefaultMaxUncompressedBytes);
    private string? _knownNames;
    private bool _firstPass = true;

    private TimeSpan Interval => settings.DeliveryInterval ?? DefaultInterval;

    public static string ConsumerName(string trailArn) => "trail:" + trailArn;

    /// <summary>
    /// Whether <paramref name="trail"/>'s event selectors (basic or advanced, compiled once per trail
    /// version) select <paramref name="record"/>. Region and logging are decided by the caller.
    /// </summary>
    internal static bool Selects(Trail trail, ReadOnlySpan<byte> record) => TrailSelection.MatcherFor(trail).Matches(record);

    /// <summary>As <see cref="Selects(Trail, ReadOnlySpan{byte})"/>, and in the same pass the log file writer's check of the record.</summary>
    internal static bool Selects(Trail trail, ReadOnlySpan<byte> record, out RecordCheck check) => TrailSelection.MatcherFor(trail).Matches(record, out check);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken ct)
    {
        long previousLimit = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // Committed position first, then the catalog: a trail missing from this listing has
                // no journal record below `limit` (its CreateTrail call had not finished).
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
        var current = trails.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var name in _runs.Keys.ToList())
        {
            if (!current.ContainsKey(name))
            {
                await RetireAsync(_runs[name], limit).ConfigureAwait(false);
                Forget(_runs[name]);
                _runs.Remove(name);
            }
        }

        foreach (var trail in trails)
        {
            if (_runs.TryGetValue(trail.Name, out var run))
            {
                run.Trail = trail;
                continue;
            }

            // A trail first seen now: its records are all at or after the previous pass's limit
            // (remembered in case beginning fails and is retried next pass).
            var from = _firstPass ? 0 : _beginFrom.GetValueOrDefault(trail.Name, previousLimit);
            _beginFrom[trail.Name] = from;
            try
            {
                _runs[trail.Name] = await BeginAsync(trail, from, limit, ct).ConfigureAwait(false);
                _beginFrom.Remove(trail.Name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogDeliveryFailed(logger, e, trail.Name);
            }
        }

        foreach (var name in _beginFrom.Keys.Where(n => !current.ContainsKey(n)).ToList())
        {
            _beginFrom.Remove(name);
        }

        _firstPass = false;
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
                Failed(run, e);
            }
        }

        return progressed;
    }

    /// <summary>Resumes a trail from its state file, or finds where its history in the journal begins.</summary>
    private async Task<TrailRun> BeginAsync(Trail trail, long from, long limit, CancellationToken ct)
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

        var run = new TrailRun(trail, new PendingRecords(_pendingBudget));
        if (state is not null)
        {
            // A state file from before sessions were read from the journal has no Logging member:
            // it was logging if it belongs to the trail's current logging session.
            var logging = state.Logging ?? (trail.IsLogging && state.StartLoggingTime is not null && state.StartLoggingTime == trail.StartLoggingTime);
            run.State = state with { Logging = logging };
        }
        else
        {
            var (start, logging) = FindBeginning(trail, from, limit);
            var chains = await ResumedChainsAsync(trail, ct).ConfigureAwait(false);
            run.State = new DeliveryState { StartLoggingTime = trail.StartLoggingTime, JournalStart = start, Delivered = start, Logging = logging, Digests = chains };
            run.State.Save(settings.DataDirectory, trail.Name);
        }

        run.ReadPosition = run.State.Delivered;
        run.LoggingAtRead = run.State.Logging ?? false;
        run.Pending.Restart(run.ReadPosition, run.LoggingAtRead);
        run.LastSaved = time.GetUtcNow();
        journal.SetConsumerPosition(ConsumerName(trail.TrailArn), run.State.Delivered);
        board.Set(trail.Name, run.State);
        return run;
    }

    /// <summary>
    /// Where a trail without a state file starts reading, and whether it is logging there. After the
    /// first pass, a new trail starts at <paramref name="from"/> (nothing of it is older). At service
    /// start (a crash right after CreateTrail, or a state file lost) the journal is searched for the
    /// trail's last CreateTrail record; failing that, for its last StartLogging record when it is logging.
    /// </summary>
    private (long Start, bool Logging) FindBeginning(Trail trail, long from, long limit)
    {
        if (from > 0)
        {
            return (from, false);
        }

        long? created = null, started = null;
        using (var reader = journal.OpenReader(from))
        {
            var batch = new List<JournalRecord>();
            var done = false;
            while (!done && reader.ReadBatch(batch, ReadRecords, ReadBytes, reuseBuffer: true) > 0)
            {
                foreach (var record in batch)
                {
                    if (record.Position >= limit)
                    {
                        done = true;
                        break;
                    }

                    var json = JournalEnvelope.Decode(record.Payload).Json.Span;
                    if (json.IndexOf("Trail\""u8) >= 0 || json.IndexOf("Logging\""u8) >= 0)
                    {
                        var fields = DeliveryFields.Read(json);
                        if (fields is { EventSource: CloudTrailSource, ErrorCode: null } && Names(trail, fields.RequestName))
                        {
                            if (fields.EventName == "CreateTrail")
                            {
                                created = record.Position;
                                started = null;
                            }
                            else if (fields.EventName == "StartLogging")
                            {
                                started = record.Position;
                            }
                        }
                    }
                }

                batch.Clear();
            }
        }

        if (created is { } c)
        {
            return (c, false);
        }

        if (!trail.IsLogging)
        {
            return (limit, false);
        }

        if (started is { } s)
        {
            return (s, false);
        }

        LogStartNotFound(logger, trail.Name, limit);
        return (limit, true);
    }

    /// <summary>Reads what is new, cuts a file when due; true when records were read.</summary>
    private async Task<bool> AdvanceAsync(TrailRun run, long limit, bool final)
    {
        var now = time.GetUtcNow();
        if (run.State.InFlightEnd is not null)
        {
            if (!final && now < run.RetryAt)
            {
                return false;
            }

            await DeliverInFlightAsync(run).ConfigureAwait(false);
        }

        if (!final)
        {
            await DigestAsync(run, now).ConfigureAwait(false);
        }

        var progressed = false;
        var stopped = false;
        run.Reader ??= journal.OpenReader(run.ReadPosition);
        while (run.ReadPosition < limit)
        {
            run.Batch.Clear();
            if (run.Reader.ReadBatch(run.Batch, ReadRecords, ReadBytes, reuseBuffer: true) == 0)
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

                // Only the trail's switches are looked at here; selection, regions and files are the
                // cut's work (it reads the range once, then), so a file may hold less than this counts.
                var json = JournalEnvelope.Decode(record.Payload).Json;
                var logging = run.LoggingAtRead;
                var mayToggle = MayToggle(json.Span);
                if (Switch(ToggleOf(run.Trail, json.Span, mayToggle), ref logging, out var stop))
                {
                    var added = json.Length + 1;
                    if (run.PendingBytes > 0 && run.PendingBytes + added > _batcher.MaxUncompressedBytes - LogFileWriter.EnvelopeLength)
                    {
                        // Full: this record opens the next range.
                        await CutAsync(run, record.Position, now).ConfigureAwait(false);
                    }

                    run.PendingBytes += added;
                    run.PendingSince ??= now;
                    run.Pending.Add(record.Position, json.Span, mayToggle);
                }

                run.LoggingAtRead = logging;
                run.ReadPosition = record.NextPosition;
                stopped |= stop;
            }

            if (run.Reader is null)
            {
                break;
            }
        }

        if (final || (stopped && run.PendingBytes > 0) || (run.PendingSince is { } since && now - since >= Interval))
        {
            // Due, or the trail just stopped logging: what it logged goes out now.
            await CutAsync(run, run.ReadPosition, now).ConfigureAwait(false);
        }
        else if (run.PendingBytes == 0 && run.ReadPosition > run.State.Delivered && now - run.LastSaved >= Interval)
        {
            // Nothing selected: move the position on so retention can proceed.
            await CutAsync(run, run.ReadPosition, now).ConfigureAwait(false);
        }

        await FollowCatalogAsync(run, limit, now).ConfigureAwait(false);
        return progressed;
    }

    /// <summary>
    /// The journal's StartLogging/StopLogging records decide when a trail logs. Should the catalog
    /// disagree for longer than <see cref="MismatchGrace"/> once everything up to its listing is read
    /// (the call's audit record failed to reach the journal), delivery follows the catalog from here.
    /// </summary>
    private async Task FollowCatalogAsync(TrailRun run, long limit, DateTimeOffset now)
    {
        if (run.ReadPosition < limit || run.LoggingAtRead == run.Trail.IsLogging)
        {
            run.MismatchSince = null;
            return;
        }

        run.MismatchSince ??= now;
        if (now - run.MismatchSince < MismatchGrace)
        {
            return;
        }

        // The switch is not in the journal, so it is only made at a delivered boundary, where the
        // state file carries it.
        await CutAsync(run, run.ReadPosition, now).ConfigureAwait(false);
        if (run.State.InFlightEnd is not null || run.State.Delivered != run.ReadPosition)
        {
            return;
        }

        LogCatalogFollowed(logger, run.Trail.Name, run.Trail.IsLogging, run.ReadPosition);
        run.LoggingAtRead = run.Trail.IsLogging;
        run.Pending.Restart(run.ReadPosition, run.LoggingAtRead);
        run.State = run.State with { Logging = run.LoggingAtRead, StartLoggingTime = run.Trail.StartLoggingTime };
        run.State.Save(settings.DataDirectory, run.Trail.Name);
        run.LastSaved = now;
        board.Set(run.Trail.Name, run.State);
        run.MismatchSince = null;
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
        run.PendingBytes = 0;
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
        var logging = state.Logging ?? false;
        // One loop delivers every trail, one range at a time: the previous range's copies are done with.
        _arena.Reset();
        var byRegion = new SortedDictionary<string, RegionRecords>(StringComparer.Ordinal);
        if (end <= run.ReadPosition && run.Pending.Covers(start, logging))
        {
            // The reading pass kept this range's records: no second read of the journal.
            foreach (var (position, json, mayToggle) in run.Pending.Records)
            {
                if (position >= end)
                {
                    break;
                }

                if (Take(run.Trail, ref logging, json.Span, mayToggle, out var region, out var check, out _))
                {
                    RegionOf(byRegion, region!).Add(position, json, check);
                }
            }
        }
        else
        {
            using var reader = journal.OpenReader(start);
            var batch = new List<JournalRecord>();
            var done = false;
            while (!done && reader.ReadBatch(batch, ReadRecords, ReadBytes, reuseBuffer: true) > 0)
            {
                foreach (var record in batch)
                {
                    if (record.Position >= end)
                    {
                        done = true;
                        break;
                    }

                    var json = JournalEnvelope.Decode(record.Payload).Json;
                    if (Take(run.Trail, ref logging, json.Span, MayToggle(json.Span), out var region, out var check, out _))
                    {
                        RegionOf(byRegion, region!).Add(record.Position, _arena.Copy(json.Span), check);
                    }
                }

                batch.Clear();
            }
        }

        var attempt = time.GetUtcNow();
        var delivered = 0;
        var deliveredKeys = new List<string>();
        var digestFiles = new List<(string Region, DigestLogFile File)>();
        foreach (var (region, records) in byRegion)
        {
            var index = 0;
            foreach (var file in _batcher.Split(records.Json))
            {
                var first = records.Positions[index];
                var last = records.Positions[index + file.Count - 1];
                var key = LogFileKey.Create(run.Trail.S3KeyPrefix, run.Trail.OrganizationId, settings.Identity.AccountId, region, deliveryTime,
                    UniqueString.ForDelivery(NodeId, run.Trail.TrailArn, region, first, last));
                var body = LogFileWriter.Write(file.Records, records.ChecksOf(index, file.Count));
                index += file.Count;
                await objects.PutAsync(run.Trail.S3BucketName, key.Key, body.Body, EmptyMetadata,
                    run.Trail.KmsKeyId is { } kms ? ObjectWriteOptions.Kms(kms) : null, CancellationToken.None).ConfigureAwait(false);
                delivered++;
                deliveredKeys.Add(key.Key);
                digestFiles.Add((region, new DigestLogFile(run.Trail.S3BucketName, key.Key, body.UncompressedSha256, body.OldestEventTime, body.NewestEventTime)));
            }
        }

        run.State = state with
        {
            Delivered = end,
            Logging = logging,
            InFlightEnd = null,
            InFlightDeliveryTime = null,
            LatestDeliveryTime = delivered > 0 ? deliveryTime : state.LatestDeliveryTime,
            LatestDeliveryAttemptTime = delivered > 0 ? attempt : state.LatestDeliveryAttemptTime,
            LatestDeliveryAttemptSucceeded = delivered > 0 ? attempt : state.LatestDeliveryAttemptSucceeded,
            LatestDeliveryError = delivered > 0 ? null : state.LatestDeliveryError,
            Digests = WithDelivered(run.Trail, state, digestFiles, deliveryTime, stopped: state.Logging == true && !logging),
        };
        run.State.Save(settings.DataDirectory, run.Trail.Name);
        if (end == run.ReadPosition)
        {
            run.Pending.Restart(end, run.LoggingAtRead);
        }
        else
        {
            run.Pending.Drop();
        }

        run.LastSaved = attempt;
        run.RetryDelay = FirstRetryDelay;
        board.Set(run.Trail.Name, run.State);
        journal.SetConsumerPosition(ConsumerName(run.Trail.TrailArn), end);
        notifier.Delivered(run.Trail, run.Trail.S3BucketName, deliveredKeys);
    }

    /// <summary>Records a failed attempt; the in-flight range is retried after a delay doubling up to a minute.</summary>
    private void Failed(TrailRun run, Exception e)
    {
        var now = time.GetUtcNow();
        run.RetryAt = now + run.RetryDelay;
        run.RetryDelay = TimeSpan.FromTicks(Math.Min(run.RetryDelay.Ticks * 2, MaxRetryDelay.Ticks));
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
    }

    /// <summary>A deleted trail: nothing more is delivered; its state and journal consumer go.</summary>
    private void Forget(TrailRun run)
    {
        run.Reader?.Dispose();
        run.Reader = null;
        run.Pending.Drop();
        board.Remove(run.Trail.Name);
        File.Delete(DeliveryState.PathOf(settings.DataDirectory, run.Trail.Name));
        journal.RemoveConsumer(ConsumerName(run.Trail.TrailArn));
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

        // Consumers of trails deleted while the service was down (a trail deleted while running is
        // retired first: Forget removes its consumer after its state file).
        var arns = trails.Select(t => ConsumerName(t.TrailArn))
            .Concat(_runs.Values.Select(r => ConsumerName(r.Trail.TrailArn)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var consumer in journal.ConsumerNames().Where(c => c.StartsWith("trail:", StringComparison.Ordinal) && !arns.Contains(c)))
        {
            journal.RemoveConsumer(consumer);
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
                run.Pending.Drop();
            }

            _runs.Clear();
        }
    }

    /// <summary>
    /// What GetTrailStatus shows for a failed put: an S3-style error code, never a local path (the
    /// exception itself is logged).
    /// </summary>
    internal static string ErrorCode(Exception e) => e switch
    {
        ObjectStoreException store => store.ErrorCode,
        ArgumentException => "InvalidBucketName",
        UnauthorizedAccessException => "AccessDenied",
        IOException => "AccessDenied",
        _ => "InternalError",
    };

    private static readonly Dictionary<string, string> EmptyMetadata = new(StringComparer.Ordinal);

    private sealed class TrailRun(Trail trail, PendingRecords pending)
    {
        public Trail Trail { get; set; } = trail;

        /// <summary>The records read while logging since the last delivered boundary, for the next cut.</summary>
        public PendingRecords Pending { get; } = pending;

        public DeliveryState State { get; set; } = new();

        /// <summary>Everything below this position was read (and, when selected, counted as pending).</summary>
        public long ReadPosition { get; set; }

        /// <summary>Whether the trail logs at <see cref="ReadPosition"/>, by its journal records.</summary>
        public bool LoggingAtRead { get; set; }

        public JournalReader? Reader { get; set; }

        public List<JournalRecord> Batch { get; } = [];

        /// <summary>Bytes of the records read while logging since the last cut (an upper bound on what the cut delivers).</summary>
        public long PendingBytes { get; set; }

        public DateTimeOffset? PendingSince { get; set; }

        public DateTimeOffset LastSaved { get; set; }

        public DateTimeOffset RetryAt { get; set; }

        public TimeSpan RetryDelay { get; set; } = FirstRetryDelay;

        public DateTimeOffset? MismatchSince { get; set; }

        public DateTimeOffset DigestRetryAt { get; set; }

        public TimeSpan DigestRetryDelay { get; set; } = FirstRetryDelay;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Log file delivery for trail {Trail} failed; it is retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string trail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "The delivery loop failed; it continues")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Trail {Trail} is logging but neither its CreateTrail nor its StartLogging record was found; delivery starts at journal position {Position}")]
    private static partial void LogStartNotFound(ILogger logger, string trail, long position);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "The delivery state of trail {Trail} cannot be read; delivery starts over from the trail's journal history")]
    private static partial void LogStateUnreadable(ILogger logger, Exception exception, string trail);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Trail {Trail}: the catalog says logging={Logging} but the journal has no matching StartLogging/StopLogging record; delivery follows the catalog from journal position {Position}")]
    private static partial void LogCatalogFollowed(ILogger logger, string trail, bool logging, long position);
}
