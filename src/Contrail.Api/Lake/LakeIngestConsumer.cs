using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.Service;
using Contrail.Delivery.Selection;
using Contrail.Events.Records;
using Contrail.Journal;
using Contrail.Journal.Segments;
using Contrail.Store.Lake;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Lake;

/// <summary>
/// Fills the event data stores from the journal (docs/dev/lake-queries.md). Every journaled record goes
/// to each ingesting store (status ENABLED) whose advanced event selectors take it; a channel event
/// (<c>ActivityAuditLog</c>) goes to the stores its channel names, or, from the default channel, to the
/// stores whose selectors take it. Appends are idempotent by eventID (<see cref="LakeEngine.Append"/>),
/// so the position (<c>DATA_DIR/lake/position</c>) is saved after the rows: a crash replays, nothing
/// is lost and nothing doubles. Drops a purged store's rows; applies retention hourly. Fail-stop.
/// </summary>
internal sealed partial class LakeIngestConsumer(
    Contrail.Journal.Journal journal,
    LakeEngine engine,
    EventDataStoreCatalog catalog,
    ContrailSettings settings,
    TimeProvider time,
    ILogger<LakeIngestConsumer> logger) : BackgroundService
{
    /// <summary>The journal consumer name.</summary>
    public const string ConsumerName = "lake";

    private static readonly TimeSpan IdleWake = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetentionEvery = TimeSpan.FromHours(1);
    private static readonly ConditionalWeakTable<EventDataStore, EventSelectorMatcher> Matchers = [];

    private const int MaxBatchRecords = 4096;
    private const int MaxBatchBytes = 8 << 20;

    private readonly string _path = Path.Combine(settings.DataDirectory, "lake", "position");
    private DateTimeOffset _lastRetention = DateTimeOffset.MinValue;

    /// <summary>The journal position every record before which is in the stores it belongs to.</summary>
    public long Position { get; private set; }

    /// <summary>Set when the consumer stopped on a fault.</summary>
    public Exception? Fault { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Purged += store => engine.Delete(store.Id);
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var position = Load();
            if (position > journal.CommittedPosition)
            {
                position = journal.CommittedPosition;
            }

            Position = position;
            journal.SetConsumerPosition(ConsumerName, position);
            using var reader = journal.OpenReader(position);
            var batch = new List<JournalRecord>(MaxBatchRecords);
            while (!ct.IsCancellationRequested)
            {
                batch.Clear();
                if (reader.ReadBatch(batch, MaxBatchRecords, MaxBatchBytes, reuseBuffer: true) == 0)
                {
                    ApplyRetention();
                    try
                    {
                        await journal.WaitForCommitAsync(position, ct).WaitAsync(IdleWake, time, ct).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                    }

                    continue;
                }

                Apply(batch);
                position = batch[^1].NextPosition;
                Save(position);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Fault = e;
            LogStopped(logger, e, Position);
        }
    }

    private void Apply(List<JournalRecord> batch)
    {
        var stores = catalog.List().Where(s => s.IsIngesting).ToList();
        if (stores.Count == 0)
        {
            return;
        }

        var byStore = new Dictionary<string, List<ReadOnlyMemory<byte>>>(StringComparer.Ordinal);
        foreach (var record in batch)
        {
            var json = JournalEnvelope.Decode(record.Payload).Json;
            var channelStores = ChannelStoresOf(json.Span);
            foreach (var store in stores)
            {
                var takes = channelStores is not null ? channelStores.Contains(store.EventDataStoreArn) : MatcherOf(store).Matches(json.Span);
                if (takes)
                {
                    if (!byStore.TryGetValue(store.Id, out var list))
                    {
                        byStore[store.Id] = list = [];
                    }

                    list.Add(json.ToArray());
                }
            }
        }

        foreach (var (id, records) in byStore)
        {
            engine.Append(id, records);
        }
    }

    /// <summary>For an event from a created channel, the ARNs of the stores it names; null for anything else.</summary>
    private HashSet<string>? ChannelStoresOf(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\"ActivityAuditLog\""u8) < 0 || json.IndexOf("\"channelARN\""u8) < 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (!root.TryGetProperty("eventCategory", out var category) || category.GetString() != "ActivityAuditLog"
            || !root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("channelARN", out var arn) || arn.ValueKind != JsonValueKind.String
            || catalog.FindChannel(arn.GetString()!) is not { } channel)
        {
            return null;
        }

        return [.. channel.Destinations.Select(d => d.Location)];
    }

    private static EventSelectorMatcher MatcherOf(EventDataStore store) =>
        Matchers.GetValue(store, static s => EventSelectorMatcher.Compile(null,
            [.. s.AdvancedEventSelectors.Select(a => new AdvancedSelector(a.Name,
                [.. a.FieldSelectors.Select(f => new FieldCondition(f.Field, f.EqualTo, f.StartsWith, f.EndsWith, f.NotEquals, f.NotStartsWith, f.NotEndsWith))]))]));

    private void ApplyRetention()
    {
        var now = time.GetUtcNow();
        if (now - _lastRetention < RetentionEvery)
        {
            return;
        }

        _lastRetention = now;
        foreach (var store in catalog.List())
        {
            var removed = engine.Expire(store.Id, now.AddDays(-store.RetentionPeriod));
            if (removed > 0)
            {
                LogExpired(logger, removed, store.Id);
            }
        }
    }

    private long Load()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!File.Exists(_path))
        {
            return 0;
        }

        var text = File.ReadAllText(_path).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw new InvalidDataException($"{_path} must hold a journal position (digits); it holds '{(text.Length > 40 ? text[..40] : text)}'.");
    }

    private void Save(long position)
    {
        DiskSync.ReplaceFile(_path, Encoding.ASCII.GetBytes(position.ToString(CultureInfo.InvariantCulture)));
        Position = position;
        journal.SetConsumerPosition(ConsumerName, position);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Critical, Message = "Lake ingestion stopped at journal position {Position}; event data stores will not get newer events until this is fixed")]
    private static partial void LogStopped(ILogger logger, Exception exception, long position);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Removed {Count} events past their retention from event data store {Store}")]
    private static partial void LogExpired(ILogger logger, long count, string store);
}
