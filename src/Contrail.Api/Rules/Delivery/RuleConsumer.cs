using System.Text.Json;
using Contrail.Api.Rules.Sigma;
using Contrail.Api.Service;
using Contrail.Events.Records;
using Contrail.Journal;
using Contrail.Monitoring.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Rules.Delivery;

/// <summary>
/// Matches every journaled record against the enabled rules (docs/dev/rules.md) and hands the matches to
/// <see cref="RuleDispatcher"/>, and against the supported Sigma rules (<see cref="SigmaRules"/>). Each record is wrapped as EventBridge wraps CloudTrail events
/// (<see cref="CloudTrailEnvelope"/>) without copying it unless it matches. The position is the journal's
/// consumer cursor <see cref="ConsumerName"/>, advanced only past batches whose every delivery is finished
/// (delivered, dead-lettered or appended and fsynced): a crash redelivers, never skips (at least once;
/// receivers deduplicate on the event id). A first start begins at the journal's end: rules apply to
/// events journaled from then on. Follows the journal's commits (no polling). Fail-stop on a fault.
/// </summary>
internal sealed partial class RuleConsumer(
    Contrail.Journal.Journal journal,
    RuleCatalog catalog,
    RuleDispatcher dispatcher,
    SigmaRules sigma,
    ContrailSettings settings,
    ILogger<RuleConsumer> logger) : BackgroundService
{
    /// <summary>The journal consumer name (holds journal segments back until their matches are delivered).</summary>
    public const string ConsumerName = "rules";

    private const int MaxBatchRecords = 4096;
    private const int MaxBatchBytes = 8 << 20;

    // Released by a batch when its last delivery finishes; wakes the loop to save the position.
    private readonly SemaphoreSlim _progress = new(0);
    private long _matched;

    /// <summary>Set when the consumer stopped on a fault.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Records that matched a rule (each rule counts).</summary>
    public long Matched => Interlocked.Read(ref _matched);

    /// <summary>The position saved last: every record below it has been dispatched.</summary>
    public long SavedPosition { get; private set; } = -1;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken ct)
    {
        var pending = new Queue<PendingBatch>();
        try
        {
            var position = journal.GetConsumerPosition(ConsumerName) ?? journal.CommittedPosition;
            if (position > journal.CommittedPosition)
            {
                LogCursorAhead(logger, position, journal.CommittedPosition);
                position = journal.CommittedPosition;
            }

            Save(position);
            using var reader = journal.OpenReader(position);
            var batch = new List<JournalRecord>(MaxBatchRecords);
            while (!ct.IsCancellationRequested)
            {
                SaveFinished(pending);
                batch.Clear();
                if (reader.ReadBatch(batch, MaxBatchRecords, MaxBatchBytes, reuseBuffer: true) == 0)
                {
                    await WaitAsync(position, pending.Count > 0, ct).ConfigureAwait(false);
                    continue;
                }

                var held = new PendingBatch(batch[^1].NextPosition, () => _progress.Release());
                pending.Enqueue(held);
                await ApplyAsync(batch, held, ct).ConfigureAwait(false);
                dispatcher.FlushFiles();
                held.Release();
                position = held.End;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Fault = e;
            LogStopped(logger, e, SavedPosition);
        }
        finally
        {
            if (Fault is null)
            {
                SaveFinished(pending);
            }
        }
    }

    private async Task WaitAsync(long position, bool deliveriesPending, CancellationToken ct)
    {
        if (!deliveriesPending)
        {
            await journal.WaitForCommitAsync(position, ct).ConfigureAwait(false);
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var commit = journal.WaitForCommitAsync(position, either.Token);
        var progress = _progress.WaitAsync(either.Token);
        await Task.WhenAny(commit, progress).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(commit, progress).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    private async Task ApplyAsync(List<JournalRecord> batch, PendingBatch held, CancellationToken ct)
    {
        var rules = catalog.Enabled;
        var sigmaRules = sigma.Supported;
        if (rules.Count == 0 && sigmaRules.Count == 0)
        {
            return;
        }

        foreach (var record in batch)
        {
            var json = JournalEnvelope.Decode(record.Payload).Json;
            JsonDocument detail, header;
            try
            {
                detail = JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                continue; // the journal holds validated records; a non-JSON one matches nothing
            }

            using (detail)
            {
                using (header = JsonDocument.Parse(CloudTrailEnvelope.WriteHeader(detail.RootElement, json.Span, settings.Identity.AccountId, settings.Identity.Region)))
                {
                    byte[]? body = null;
                    foreach (var rule in rules)
                    {
                        if (!rule.Pattern.Matches(header.RootElement, detail.RootElement))
                        {
                            continue;
                        }

                        Interlocked.Increment(ref _matched);
                        body ??= CloudTrailEnvelope.WriteEvent(header.RootElement, json.Span);
                        await dispatcher.DeliverAsync(rule, header.RootElement.GetProperty("id").GetString()!, body, held, ct).ConfigureAwait(false);
                    }

                    foreach (var rule in sigmaRules)
                    {
                        if (!rule.Matches(detail.RootElement))
                        {
                            continue;
                        }

                        Interlocked.Increment(ref _matched);
                        body ??= CloudTrailEnvelope.WriteEvent(header.RootElement, json.Span);
                        await dispatcher.DeliverAsync(SigmaRules.RuleName(rule), sigma.Targets, header.RootElement.GetProperty("id").GetString()!, body, held, ct)
                            .ConfigureAwait(false);
                    }
                }
            }
        }
    }

    // Saves the end of the longest run of finished batches (the journal writes cursors to disk within ~200 ms).
    private void SaveFinished(Queue<PendingBatch> pending)
    {
        long? end = null;
        while (pending.TryPeek(out var first) && first.IsDone)
        {
            end = pending.Dequeue().End;
        }

        if (end is { } position)
        {
            Save(position);
        }
    }

    private void Save(long position)
    {
        journal.SetConsumerPosition(ConsumerName, position);
        SavedPosition = position;
    }

    public override void Dispose()
    {
        _progress.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 6104, Level = LogLevel.Critical, Message = "Rules stopped at journal position {Position}; no rule target receives newer events until this is fixed")]
    private static partial void LogStopped(ILogger logger, Exception exception, long position);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "The rules position {Saved} is past the journal's end {End} (the journal was repaired); matching resumes at the journal's end")]
    private static partial void LogCursorAhead(ILogger logger, long saved, long end);
}
