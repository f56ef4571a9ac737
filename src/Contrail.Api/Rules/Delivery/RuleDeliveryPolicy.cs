namespace Contrail.Api.Rules.Delivery;

/// <summary>
/// How rule targets are delivered to (docs/dev/rules.md). The defaults are the service's
/// (<c>serve --rule-max-attempts</c> sets <see cref="MaxAttempts"/>); tests use shorter delays.
/// </summary>
internal sealed record RuleDeliveryPolicy
{
    public static readonly RuleDeliveryPolicy Default = new();

    /// <summary>The HMAC-SHA256 key of <c>X-Contrail-Signature</c>; null means <c>CONTRAIL_RULES_SECRET</c> or <c>DATA_DIR/rules-secret</c> (made on first use).</summary>
    public string? Secret { get; init; }

    /// <summary>One POST may take this long, connecting included (10 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt (1 s); it doubles after each further failure.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts (60 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts per event and webhook target, the first included (8); then the event goes to the dead-letter file.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Webhook POSTs in progress at once (32).</summary>
    public int MaxConcurrent { get; init; } = 32;

    /// <summary>Webhook deliveries not yet finished (sent, retrying or queued) before the consumer waits (10,000).</summary>
    public int MaxInFlight { get; init; } = 10_000;

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
