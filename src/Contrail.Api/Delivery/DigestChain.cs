using Contrail.Delivery.Digests;

namespace Contrail.Api.Delivery;

/// <summary>
/// One region's digest chain of a trail (spec §2.3): the open window, the digest before it, and the
/// log files delivered since. Saved in the trail's <see cref="DeliveryState"/> together with the
/// journal position, so a log file enters exactly one digest and a retried digest is the same object.
/// </summary>
internal sealed record DigestChain
{
    /// <summary>Start of the open window (whole seconds): the previous digest's end, or when the chain began.</summary>
    public DateTimeOffset WindowStart { get; init; }

    /// <summary>The last digest delivered in this chain; null until the first (which then starts the chain with nulls).</summary>
    public DigestLink? Previous { get; init; }

    /// <summary>Log files delivered since <see cref="WindowStart"/>, with their delivery time, in delivery order.</summary>
    public IReadOnlyList<PendingLogFile> Files { get; init; } = [];

    /// <summary>
    /// The end of the digest being delivered, saved before its put so that a retry (after a failure or a
    /// crash) rebuilds the same digest under the same key instead of one with a later end.
    /// </summary>
    public DateTimeOffset? PendingEnd { get; init; }

    /// <summary>
    /// True after a final digest until the trail logs (with validation) again: an idle chain delivers no
    /// digests, and the next one starts a new chain (previous members null).
    /// </summary>
    public bool Idle { get; init; }

    /// <summary>
    /// Set when the chain ends (the trail stopped logging or turned validation off): the end of its final
    /// digest, delivered as soon as possible. Files delivered after it start a new chain.
    /// </summary>
    public DateTimeOffset? FinalEnd { get; init; }
}

/// <summary>A delivered log file waiting for its digest.</summary>
/// <param name="DeliveryTime">When it was delivered (the time in its key, with seconds): decides its window.</param>
/// <param name="File">What the digest says of it.</param>
internal sealed record PendingLogFile(DateTimeOffset DeliveryTime, DigestLogFile File);
