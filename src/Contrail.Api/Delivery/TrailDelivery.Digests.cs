using Contrail.Api.CloudTrail.Trails;
using Contrail.Delivery.Digests;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Delivery;

/// <summary>
/// Digest files (spec §2, docs/dev/digests.md): for a trail with log file validation, one chain per
/// region it delivers to (and its home region), each delivering a signed digest of the log files
/// delivered in every window of <see cref="DigestInterval"/>, also when there were none. A chain ends
/// with a final digest when the trail stops logging or turns validation off; the next digest after
/// that starts a new chain. Chains live in the trail's state file, saved with the journal position
/// a file was delivered at, and a digest is rebuilt from them byte for byte when its put is retried.
/// </summary>
internal sealed partial class TrailDelivery
{
    /// <summary>CloudTrail delivers a digest every hour.</summary>
    public static readonly TimeSpan DefaultDigestInterval = TimeSpan.FromHours(1);

    private TimeSpan DigestInterval => settings.DigestInterval ?? DefaultDigestInterval;

    private static DateTimeOffset WholeSecond(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// The chains after a range was delivered: its files join their regions' open windows (when the trail
    /// validates), and a range that stopped the trail ends every active chain right after its delivery time.
    /// </summary>
    private static Dictionary<string, DigestChain>? WithDelivered(Trail trail, DeliveryState state, List<(string Region, DigestLogFile File)> files,
        DateTimeOffset deliveryTime, bool stopped)
    {
        var chains = state.Digests is null ? new Dictionary<string, DigestChain>(StringComparer.Ordinal) : new(state.Digests, StringComparer.Ordinal);
        if (trail.LogFileValidationEnabled)
        {
            foreach (var (region, file) in files)
            {
                var chain = chains.GetValueOrDefault(region) is { } existing
                    ? existing.Idle ? existing with { Idle = false, WindowStart = Later(existing.WindowStart, WholeSecond(deliveryTime)) } : existing
                    : new DigestChain { WindowStart = WholeSecond(deliveryTime) };
                chains[region] = chain with { Files = [.. chain.Files, new PendingLogFile(deliveryTime, file)] };
            }
        }

        if (stopped)
        {
            foreach (var (region, chain) in chains.ToList())
            {
                if (!chain.Idle && chain.FinalEnd is null)
                {
                    chains[region] = chain with { FinalEnd = Later(WholeSecond(deliveryTime), chain.WindowStart).AddSeconds(1) };
                }
            }
        }

        return chains.Count == 0 ? null : chains;
    }

    /// <summary>Starts, ends and delivers the trail's digests that are due. A failed put is retried with backoff.</summary>
    private async Task DigestAsync(TrailRun run, DateTimeOffset now)
    {
        if (now < run.DigestRetryAt)
        {
            return;
        }

        var trail = run.Trail;
        if (run.State.Digests is null && !trail.LogFileValidationEnabled)
        {
            return;
        }

        var chains = run.State.Digests is null ? new Dictionary<string, DigestChain>(StringComparer.Ordinal) : new(run.State.Digests, StringComparer.Ordinal);
        var changed = false;
        var home = settings.Identity.Region;
        if (trail.LogFileValidationEnabled && run.LoggingAtRead && chains.GetValueOrDefault(home) is not { Idle: false })
        {
            // Logging with validation: the home region's chain runs, with or without files.
            var previous = chains.GetValueOrDefault(home);
            chains[home] = new DigestChain { WindowStart = Later(previous?.WindowStart ?? default, WholeSecond(now)) };
            changed = true;
        }

        if (!trail.LogFileValidationEnabled)
        {
            foreach (var (region, chain) in chains.ToList())
            {
                if (!chain.Idle && chain.FinalEnd is null)
                {
                    chains[region] = chain with { FinalEnd = Later(WholeSecond(now), chain.WindowStart).AddSeconds(1) };
                    changed = true;
                }
            }
        }

        if (changed)
        {
            Save(run, chains, run.State.LatestDigestDeliveryTime);
        }

        foreach (var region in chains.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var chain = chains[region];
            DateTimeOffset end;
            if (chain.PendingEnd is { } pendingEnd)
            {
                end = pendingEnd;
            }
            else if (chain.FinalEnd is { } finalEnd)
            {
                end = finalEnd;
            }
            else if (!chain.Idle && now - chain.WindowStart >= DigestInterval)
            {
                var windows = (now - chain.WindowStart).Ticks / DigestInterval.Ticks;
                end = WholeSecond(chain.WindowStart + TimeSpan.FromTicks(DigestInterval.Ticks * windows));
            }
            else
            {
                continue;
            }

            if (chain.PendingEnd is null)
            {
                chains[region] = chain = chain with { PendingEnd = end };
                Save(run, chains, run.State.LatestDigestDeliveryTime);
            }

            var listed = chain.Files.Where(f => f.DeliveryTime < end).Select(f => f.File).ToList();
            var rest = chain.Files.Where(f => f.DeliveryTime >= end).ToList();
            try
            {
                var key = DigestFile.KeyOf(trail.S3KeyPrefix, trail.OrganizationId, settings.Identity.AccountId, region, trail.Name, home, end);
                var signingKey = keys.KeyFor(end);
                var digest = DigestFile.Build(trail.S3BucketName, key, settings.Identity.AccountId, chain.WindowStart, end, listed, chain.Previous,
                    signingKey.Fingerprint, data => signingKey.Sign(data));
                await objects.PutAsync(trail.S3BucketName, key, digest.Body, digest.Metadata, null, CancellationToken.None).ConfigureAwait(false);
                // The final digest ends the chain; one due before it (pending when the trail stopped) does not.
                chains[region] = chain.FinalEnd == end
                    ? new DigestChain { WindowStart = end, Files = rest, Idle = rest.Count == 0 }
                    : new DigestChain { WindowStart = end, Previous = digest.Link, Files = rest, FinalEnd = chain.FinalEnd };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                run.DigestRetryAt = now + run.DigestRetryDelay;
                run.DigestRetryDelay = TimeSpan.FromTicks(Math.Min(run.DigestRetryDelay.Ticks * 2, MaxRetryDelay.Ticks));
                LogDigestFailed(logger, e, trail.Name);
                run.State = run.State with { LatestDigestDeliveryError = ErrorCode(e) };
                board.Set(trail.Name, run.State);
                return;
            }

            run.DigestRetryDelay = FirstRetryDelay;
            Save(run, chains, now);
        }
    }

    /// <summary>
    /// A deleted trail, before it is forgotten: what it logged goes out, then a final digest per active
    /// chain, as CloudTrail does. One attempt: a deleted trail is not retried.
    /// </summary>
    private async Task RetireAsync(TrailRun run, long limit)
    {
        try
        {
            await AdvanceAsync(run, limit, final: true).ConfigureAwait(false);
            if (run.State.Digests is not { } chains)
            {
                return;
            }

            var now = time.GetUtcNow();
            var ending = chains.ToDictionary(
                c => c.Key,
                c => c.Value.Idle || c.Value.FinalEnd is not null ? c.Value : c.Value with { FinalEnd = Later(WholeSecond(now), c.Value.WindowStart).AddSeconds(1) },
                StringComparer.Ordinal);
            Save(run, ending, run.State.LatestDigestDeliveryTime);
            run.DigestRetryAt = default;
            await DigestAsync(run, now).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDeliveryFailed(logger, e, run.Trail.Name);
        }
    }

    /// <summary>
    /// The chains of a trail that has no state file (a new trail, or one whose file was lost or is
    /// unreadable): when it logs with validation, each region whose newest digest in the bucket ended in
    /// the current logging session continues from that digest, read back from the store, so the chain
    /// neither forks nor silently restarts. Older digests belong to an ended chain (or to an earlier
    /// trail of the same name) and are not continued.
    /// </summary>
    private async Task<Dictionary<string, DigestChain>?> ResumedChainsAsync(Trail trail, CancellationToken ct)
    {
        if (!trail.LogFileValidationEnabled || !trail.IsLogging || trail.StartLoggingTime is not { } started)
        {
            return null;
        }

        var tails = await DigestChainTails.FindAsync(objects, trail.S3BucketName, trail.S3KeyPrefix, trail.OrganizationId,
            settings.Identity.AccountId, trail.Name, settings.Identity.Region, ct).ConfigureAwait(false);
        var chains = tails
            .Where(t => t.End >= WholeSecond(started))
            .ToDictionary(t => t.Region, t => new DigestChain { WindowStart = t.End, Previous = t.Link }, StringComparer.Ordinal);
        foreach (var tail in tails.Where(t => chains.ContainsKey(t.Region)))
        {
            LogChainResumed(logger, trail.Name, tail.Region, tail.Link.Key);
        }

        return chains.Count == 0 ? null : chains;
    }

    private void Save(TrailRun run, Dictionary<string, DigestChain> chains, DateTimeOffset? latestDigest)
    {
        run.State = run.State with
        {
            Digests = chains.Count == 0 ? null : new Dictionary<string, DigestChain>(chains, StringComparer.Ordinal),
            LatestDigestDeliveryTime = latestDigest,
            LatestDigestDeliveryError = latestDigest == run.State.LatestDigestDeliveryTime ? run.State.LatestDigestDeliveryError : null,
        };
        run.State.Save(settings.DataDirectory, run.Trail.Name);
        board.Set(run.Trail.Name, run.State);
    }

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Trail {Trail} had no delivery state: its {Region} digest chain continues from {Key}, read back from the bucket")]
    private static partial void LogChainResumed(ILogger logger, string trail, string region, string key);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Digest delivery for trail {Trail} failed; it is retried")]
    private static partial void LogDigestFailed(ILogger logger, Exception exception, string trail);
}
