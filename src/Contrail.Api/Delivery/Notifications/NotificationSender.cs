using System.Threading.Channels;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Service;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// Posts queued notifications in the background (docs/dev/notifications.md), so the delivery loop
/// never waits on a receiver: <see cref="TryEnqueue"/> never blocks. Up to
/// <see cref="NotificationPolicy.MaxConcurrent"/> notifications are in progress at once, each retried
/// with exponential backoff until it succeeds or runs out of attempts; every attempt updates the
/// trail's <see cref="NotificationStatus"/>. Delivery is at least once for a notification that is
/// sent: a retry after a lost answer repeats the same MessageId and bytes. Queued notifications live
/// in memory only: a crash loses them; a clean stop gives them one attempt within
/// <see cref="NotificationPolicy.ShutdownGrace"/>.
/// </summary>
internal sealed partial class NotificationSender : BackgroundService
{
    private readonly NotificationPolicy _policy;
    private readonly NotificationStatusBoard _board;
    private readonly TrailCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationSender> _logger;
    private readonly WebhookPoster? _poster;
    private readonly string _origin = "";
    private readonly Channel<PendingNotification> _queue;
    // Never disposed: a task finishing after Dispose still releases it; it has no wait handle to free.
    private readonly SemaphoreSlim _slots;

    // Cancelled ShutdownGrace after the stop begins: ends in-flight attempts and the drain.
    private readonly CancellationTokenSource _grace;
    private int _disposed;

    public NotificationSender(ContrailSettings settings, NotificationPolicy policy, NotificationStatusBoard board, TrailCatalog catalog, TimeProvider time, ILogger<NotificationSender> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _board = board;
        _catalog = catalog;
        _time = time;
        _logger = logger;
        if (settings.Notifications is { } target)
        {
            _poster = new WebhookPoster(target, policy.AttemptTimeout, time);
            _origin = target.Origin;
        }

        _queue = Channel.CreateBounded<PendingNotification>(new BoundedChannelOptions(policy.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _slots = new SemaphoreSlim(policy.MaxConcurrent, policy.MaxConcurrent);
        _grace = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>Whether a notification URL is configured.</summary>
    public bool Enabled => _poster is not null;

    /// <summary>Queues <paramref name="notification"/>; false, at once, when the queue is full, the sender is stopping or disabled.</summary>
    public bool TryEnqueue(PendingNotification notification) => _poster is not null && _queue.Writer.TryWrite(notification);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        RemoveStatusOfDeletedTrails();
        if (_poster is null)
        {
            return;
        }

        using var stopping = stoppingToken.Register(() =>
        {
            _queue.Writer.TryComplete();
            _grace.CancelAfter(_policy.ShutdownGrace);
        });
        var running = new List<Task>();
        try
        {
            // Ends once the stop completed the writer and the queue is empty: what was queued is still
            // started, with one attempt each (SendAsync sees the stop).
            await foreach (var notification in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await _slots.WaitAsync(_grace.Token).ConfigureAwait(false);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(SendAsync(notification, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (_grace.IsCancellationRequested)
        {
            var lost = 1;
            while (_queue.Reader.TryRead(out _))
            {
                lost++;
            }

            LogLostAtShutdown(_logger, lost);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>Attempts until success, MaxAttempts, or the stop (then one last attempt); always releases its slot.</summary>
    private async Task SendAsync(PendingNotification notification, CancellationToken stopping)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var started = _time.GetUtcNow();
                var error = await _poster!.PostAsync(notification, _grace.Token).ConfigureAwait(false);
                if (error is not null && _grace.IsCancellationRequested)
                {
                    // Cut short by the end of the shutdown grace: the outcome is unknown, not a receiver error.
                    LogLostAtShutdown(_logger, 1);
                    return;
                }

                _board.Attempted(notification.TrailName, notification.TrailCreatedAt, started, error);
                if (error is null)
                {
                    return;
                }

                if (attempt >= _policy.MaxAttempts || stopping.IsCancellationRequested)
                {
                    LogGaveUp(_logger, notification.Message.MessageId, notification.TrailName, _origin, attempt, error);
                    return;
                }

                var delay = _policy.DelayAfter(attempt);
                LogAttemptFailed(_logger, notification.Message.MessageId, notification.TrailName, _origin, attempt, error, delay);
                try
                {
                    await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: one last attempt, within the grace period.
                }
            }
        }
        catch (Exception e)
        {
            LogSendFailed(_logger, e, notification.Message.MessageId, notification.TrailName);
        }
        finally
        {
            _slots.Release();
        }
    }

    private void RemoveStatusOfDeletedTrails()
    {
        try
        {
            _board.RemoveAllBut(_catalog.List().Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCleanupFailed(_logger, e);
        }
    }

    /// <summary>Idempotent: the container disposes this once as itself and once as a hosted service.</summary>
    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // First the stopping token (a host disposed without a stop), then whatever is still in flight.
        base.Dispose();
        _grace.Cancel();
        _poster?.Dispose();
        _grace.Dispose();
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Notification {MessageId} of trail {Trail} to {Origin}: attempt {Attempt} failed ({Error}); retrying in {Delay}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid messageId, string trail, string origin, int attempt, string error, TimeSpan delay);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "Notification {MessageId} of trail {Trail} to {Origin} is dropped after {Attempt} attempts; the last failed with {Error}")]
    private static partial void LogGaveUp(ILogger logger, Guid messageId, string trail, string origin, int attempt, string error);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Error, Message = "Notification {MessageId} of trail {Trail} failed unexpectedly and is dropped")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid messageId, string trail);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "{Count} queued notifications were not sent before shutdown")]
    private static partial void LogLostAtShutdown(ILogger logger, int count);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "The notification status files of deleted trails could not be removed")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
