using System.Text.Json;
using System.Threading.Channels;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Service;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Rules.Delivery;

/// <summary>
/// Delivers matched events to rule targets (docs/dev/rules.md). Log-file targets are appended to at once
/// (made durable by <see cref="FlushFiles"/>); webhook targets are queued and posted by up to
/// <see cref="RuleDeliveryPolicy.MaxConcurrent"/> senders, each event retried with exponential backoff
/// until it is accepted (2xx) or has had <see cref="RuleDeliveryPolicy.MaxAttempts"/> attempts, then
/// written to the dead-letter file <c>DATA_DIR/rules/dead-letters.jsonl</c>. Only then is its
/// <see cref="PendingBatch"/> released, so the journal position is saved after dispatch (at least once).
/// At most <see cref="RuleDeliveryPolicy.MaxInFlight"/> webhook deliveries are unfinished: past that
/// <see cref="DeliverAsync"/> waits. Events from other components (alarm state changes) come in through
/// <see cref="PublishAsync"/>. Thread-safe.
/// </summary>
internal sealed partial class RuleDispatcher : BackgroundService
{
    private readonly RuleCatalog _catalog;
    private readonly RuleDeliveryPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<RuleDispatcher> _logger;
    private readonly RuleWebhookPoster _poster;
    private readonly JsonLinesAppender _files = new();
    private readonly Channel<RuleDelivery> _queue = Channel.CreateUnbounded<RuleDelivery>(new UnboundedChannelOptions { SingleReader = true });

    // Never disposed: a late completion still releases them; they hold no wait handle.
    private readonly SemaphoreSlim _room;
    private readonly SemaphoreSlim _slots;
    private CancellationToken _stopping = CancellationToken.None;
    private long _delivered;
    private long _failedAttempts;
    private long _deadLettered;
    private long _logged;

    public RuleDispatcher(RuleCatalog catalog, ContrailSettings settings, TimeProvider time, ILogger<RuleDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        _catalog = catalog;
        _policy = settings.RuleDelivery ?? RuleDeliveryPolicy.Default;
        _time = time;
        _logger = logger;
        Secret = _policy.Secret ?? NotificationSecret.LoadOrCreate(settings.DataDirectory, new Dictionary<string, string?>(), SecretFileName, SecretVariable).Secret;
        _poster = new RuleWebhookPoster(Secret, _policy.AttemptTimeout, time);
        _room = new SemaphoreSlim(_policy.MaxInFlight, _policy.MaxInFlight);
        _slots = new SemaphoreSlim(_policy.MaxConcurrent, _policy.MaxConcurrent);
        DeadLetterPath = Path.Combine(catalog.Directory, "dead-letters.jsonl");
    }

    /// <summary>The file under the data directory holding the webhook signing key when no secret is configured.</summary>
    public const string SecretFileName = "rules-secret";

    /// <summary>The environment variable that sets the webhook signing key (read by <c>serve</c>).</summary>
    public const string SecretVariable = "CONTRAIL_RULES_SECRET";

    /// <summary>The key of <c>X-Contrail-Signature</c>.</summary>
    public string Secret { get; }

    /// <summary>Where events go after their last failed attempt.</summary>
    public string DeadLetterPath { get; }

    /// <summary>Events accepted by webhook targets.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Webhook attempts that failed (each retry counts).</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>Events written to the dead-letter file.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Lines appended to log-file targets.</summary>
    public long Logged => Interlocked.Read(ref _logged);

    /// <summary>Set when writing a dead letter failed; the deliveries it held stay unfinished (their journal position is not saved).</summary>
    public Exception? Fault { get; private set; }

    /// <summary>
    /// Hands one matched event to every target of <paramref name="rule"/>: appends it to log files (durable
    /// after <see cref="FlushFiles"/>), queues it for webhooks (adding to <paramref name="batch"/> until done).
    /// Waits while <see cref="RuleDeliveryPolicy.MaxInFlight"/> webhook deliveries are unfinished.
    /// </summary>
    public ValueTask DeliverAsync(CompiledRule rule, string eventId, byte[] eventBody, PendingBatch? batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return DeliverAsync(rule.Rule.Name, rule.Targets, eventId, eventBody, batch, ct);
    }

    /// <summary>As <see cref="DeliverAsync(CompiledRule, string, byte[], PendingBatch?, CancellationToken)"/>, for a rule by name and targets (Sigma rules).</summary>
    public async ValueTask DeliverAsync(string ruleName, IReadOnlyList<CompiledTarget> targets, string eventId, byte[] eventBody, PendingBatch? batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var target in targets)
        {
            var body = target.Input ?? eventBody;
            if (target.Kind == RuleTargetKind.LogFile)
            {
                _files.Append(target.LogPath!, body);
                Interlocked.Increment(ref _logged);
                continue;
            }

            await _room.WaitAsync(ct).ConfigureAwait(false);
            batch?.Add();
            _queue.Writer.TryWrite(new RuleDelivery(ruleName, target.Target, target.Url!, eventId, body, batch));
        }
    }

    /// <summary>Makes every log-file line appended so far durable (fsync).</summary>
    public void FlushFiles() => _files.Flush();

    /// <summary>
    /// Matches an event that is not a journaled record (for instance <c>"detail-type": "CloudWatch Alarm State
    /// Change"</c>, a whole EventBridge-shaped event) against the enabled rules and delivers it as a
    /// journaled one is, except that nothing is saved for it: a crash before delivery loses it. Returns the
    /// number of rules it matched; text that is not a JSON object matches none.
    /// </summary>
    public async Task<int> PublishAsync(ReadOnlyMemory<byte> eventJson, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(eventJson);
        }
        catch (JsonException)
        {
            return 0;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return 0;
            }

            var id = root.TryGetProperty("id", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString()! : Guid.NewGuid().ToString("D");
            var body = eventJson.ToArray();
            var matched = 0;
            foreach (var rule in _catalog.Enabled)
            {
                if (rule.Pattern.Matches(root))
                {
                    matched++;
                    await DeliverAsync(rule, id, body, null, ct).ConfigureAwait(false);
                }
            }

            FlushFiles();
            return matched;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                _ = SendAsync(delivery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Unfinished deliveries keep their batches open: their records are read again at the next start.
        }
    }

    private async Task SendAsync(RuleDelivery delivery, CancellationToken ct)
    {
        try
        {
            delivery.Attempts++;
            var error = await _poster.PostAsync(delivery, ct).ConfigureAwait(false);
            if (ct.IsCancellationRequested)
            {
                return;
            }

            if (error is null)
            {
                Interlocked.Increment(ref _delivered);
                Finish(delivery);
                return;
            }

            Interlocked.Increment(ref _failedAttempts);
            delivery.LastError = error;
            if (delivery.Attempts >= _policy.MaxAttempts)
            {
                DeadLetter(delivery);
                return;
            }

            var delay = _policy.DelayAfter(delivery.Attempts);
            LogRetry(_logger, delivery.RuleName, delivery.Target.Id, delivery.Attempts, error, delay.TotalSeconds);
            _ = RetryLaterAsync(delivery, delay, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Fault ??= e;
            LogFault(_logger, e, delivery.RuleName, delivery.Target.Id);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task RetryLaterAsync(RuleDelivery delivery, TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            _queue.Writer.TryWrite(delivery);
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Fail-stop: if the dead letter cannot be made durable, the delivery stays unfinished (never acknowledged).
    private void DeadLetter(RuleDelivery delivery)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(delivery.Body.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("time", _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("rule", delivery.RuleName);
            writer.WriteString("targetId", delivery.Target.Id);
            writer.WriteString("eventId", delivery.EventId);
            writer.WriteNumber("attempts", delivery.Attempts);
            writer.WriteString("lastError", delivery.LastError);
            writer.WritePropertyName("event");
            writer.WriteRawValue(delivery.Body, skipInputValidation: true);
            writer.WriteEndObject();
        }

        _files.Append(DeadLetterPath, buffer.WrittenSpan);
        _files.Flush();
        Interlocked.Increment(ref _deadLettered);
        LogDeadLettered(_logger, delivery.RuleName, delivery.Target.Id, delivery.Attempts, delivery.LastError ?? "");
        Finish(delivery);
    }

    private void Finish(RuleDelivery delivery)
    {
        delivery.Batch?.Release();
        _room.Release();
    }

    public override void Dispose()
    {
        _poster.Dispose();
        _files.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Rule {Rule} target {Target}: attempt {Attempt} failed ({Error}); retrying in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, string rule, string target, int attempt, string error, double delaySeconds);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Rule {Rule} target {Target}: gave up after {Attempts} attempts ({Error}); the event is in the dead-letter file")]
    private static partial void LogDeadLettered(ILogger logger, string rule, string target, int attempts, string error);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Critical, Message = "Rule {Rule} target {Target}: the dead letter could not be written; rule deliveries stop advancing the journal position until this is fixed")]
    private static partial void LogFault(ILogger logger, Exception exception, string rule, string target);
}
