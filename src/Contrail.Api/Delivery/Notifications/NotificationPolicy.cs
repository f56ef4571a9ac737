namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// How hard the sender tries (docs/dev/notifications.md). The defaults are the service's; tests use
/// shorter ones.
/// </summary>
internal sealed record NotificationPolicy
{
    public static readonly NotificationPolicy Default = new();

    /// <summary>One POST may take this long, connecting included (15 s: what SNS allows an HTTP endpoint).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after the first failed attempt (1 s); it doubles after each further failure.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts (60 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts per notification, the first included (8: waits of 1, 2, 4, 8, 16, 32 and 60 s, about two minutes); then it is dropped and logged.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Notifications waiting for a sender (1024); when full, new ones are dropped and logged, delivery never waits.</summary>
    public int QueueCapacity { get; init; } = 1024;

    /// <summary>Notifications being sent or waiting to retry at once (4), so one failing notification does not hold the others back.</summary>
    public int MaxConcurrent { get; init; } = 4;

    /// <summary>At shutdown, queued and retrying notifications get one more attempt within this time (5 s); the rest are lost.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based): FirstRetryDelay doubled per attempt, at most MaxRetryDelay.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var delay = FirstRetryDelay;
        for (var i = 1; i < attempt && delay < MaxRetryDelay; i++)
        {
            delay += delay;
        }

        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
