using Contrail.Events.Facts;
using Contrail.Events.Records;
using Contrail.Journal;
using Contrail.Store.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Indexing;

/// <summary>
/// Keeps the event store in step with the journal. Reads from the cursor the store committed with
/// its last batch (rows and cursor in one transaction), so after a crash it replays exactly what
/// was not stored: nothing lost, nothing twice. Fail-stop: a record it cannot read stops indexing
/// (and is logged as critical) rather than being skipped.
/// </summary>
internal sealed partial class EventIndexer(Contrail.Journal.Journal journal, EventStore store, TimeProvider time, ILogger<EventIndexer> logger) : BackgroundService
{
    /// <summary>The consumer name under which the store keeps the indexer's cursor.</summary>
    public const string ConsumerName = "event-history";

    /// <summary>How far back event history reaches (spec §4.6).</summary>
    public static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(90);

    /// <summary>How long the indexer lets commits accumulate after waking up.</summary>
    private static readonly TimeSpan CoalesceDelay = TimeSpan.FromMilliseconds(20);

    private const int MaxBatchRecords = 8192;
    private const int MaxBatchBytes = 16 << 20;

    /// <summary>How often events older than the history window are removed.</summary>
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private long _indexedPosition;
    private DateTimeOffset _nextPrune;

    /// <summary>Journal position up to which every record is in the store.</summary>
    public long IndexedPosition => Interlocked.Read(ref _indexedPosition);

    /// <summary>Set when indexing stopped on a fault.</summary>
    public Exception? Fault { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var position = store.GetCursor(ConsumerName) ?? 0;
            if (position > journal.CommittedPosition)
            {
                // The journal was repaired (its tail dropped) after the store had indexed that tail.
                // The store keeps those events; new records are appended from the journal's end, so
                // indexing resumes there, or it would skip them.
                LogCursorAhead(logger, position, journal.CommittedPosition);
                position = journal.CommittedPosition;
            }

            Interlocked.Exchange(ref _indexedPosition, position);
            journal.SetConsumerPosition(ConsumerName, position);
            using var reader = journal.OpenReader(position);
            var records = new List<JournalRecord>(MaxBatchRecords);
            var events = new List<IndexedEvent>(MaxBatchRecords);
            while (!ct.IsCancellationRequested)
            {
                Prune();
                records.Clear();
                if (reader.ReadBatch(records, MaxBatchRecords, MaxBatchBytes) == 0)
                {
                    try
                    {
                        await journal.WaitForCommitAsync(position, ct).WaitAsync(PruneInterval, time, ct).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        // Idle: loop round so pruning still happens.
                        continue;
                    }

                    // Let a few more commits land so one store transaction takes them all: under load
                    // this turns hundreds of small commits a second into a few large appends, for a
                    // visibility cost of this delay.
                    await Task.Delay(CoalesceDelay, time, ct).ConfigureAwait(false);

                    continue;
                }

                events.Clear();
                foreach (var record in records)
                {
                    events.Add(ToIndexed(record));
                }

                position = records[^1].NextPosition;
                store.Append(events, ConsumerName, position);
                Interlocked.Exchange(ref _indexedPosition, position);
                journal.SetConsumerPosition(ConsumerName, position);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Fault = e;
            LogIndexingStopped(logger, e, IndexedPosition);
        }
    }

    /// <summary>Event history keeps 90 days (spec §4.6); older events leave the store hourly.</summary>
    private void Prune()
    {
        var now = time.GetUtcNow();
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now + PruneInterval;
        var removed = store.DeleteOlderThan(EventTime.ToUnixMicros(now - HistoryWindow));
        if (removed > 0)
        {
            LogPruned(logger, removed);
        }
    }

    internal static IndexedEvent ToIndexed(JournalRecord record)
    {
        var (idAssigned, json) = JournalEnvelope.Decode(record.Payload);
        var facts = EventFacts.Extract(json);
        var resources = facts.Resources.Count == 0 ? [] : new EventResource[facts.Resources.Count];
        for (var i = 0; i < resources.Length; i++)
        {
            resources[i] = new EventResource(facts.Resources[i].Type, facts.Resources[i].Name);
        }

        return new IndexedEvent
        {
            EventId = facts.EventId,
            EventTimeMicros = facts.EventTimeMicros,
            EventName = facts.EventName,
            EventSource = facts.EventSource,
            ReadOnly = facts.ReadOnly,
            Username = facts.Username,
            AccessKeyId = facts.AccessKeyId,
            Resources = resources,
            EventCategory = facts.EventCategory,
            IdIsForeign = !idAssigned,
            RecordJson = json,
        };
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Removed {Count} events older than the 90-day event history window")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "The event store had indexed up to journal position {Stored}, past the journal's end {End} (the journal was repaired); indexing resumes at the journal's end")]
    private static partial void LogCursorAhead(ILogger logger, long stored, long end);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Critical, Message = "Event history indexing stopped at journal position {Position}; lookups will not show newer events until this is fixed")]
    private static partial void LogIndexingStopped(ILogger logger, Exception exception, long position);
}
