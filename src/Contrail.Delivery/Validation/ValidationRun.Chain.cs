namespace Contrail.Delivery.Validation;

/// <summary>
/// The digest chain walk, a step-by-step port of AWS CLI v1's <c>DigestTraverser.traverse_digests</c>,
/// <c>_traverse_digest_chain</c>, <c>_find_next_digest</c> and <c>_get_last_digest</c> (spec §3.3), with
/// Contrail's link checks beside it.
/// </summary>
internal sealed partial class ValidationRun
{
    private async Task TraverseAsync(DigestReader reader, bool backfill, CancellationToken cancellationToken)
    {
        var start = _settings.StartTime;
        var bucket = _settings.Bucket;
        var prefix = _settings.Prefix;
        var digests = await _listing.KeysAsync(bucket, prefix, start, _settings.EndTime, backfill, cancellationToken).ConfigureAwait(false);

        // Standard digests load the keys once (end + 2 hours, as AWS CLI v1); backfill digests per digest.
        var publicKeys = backfill
            ? new Dictionary<string, DigestPublicKey>(StringComparer.Ordinal)
            : await reader.LoadPublicKeysAsync(start, _settings.EndTime.AddHours(2), cancellationToken).ConfigureAwait(false);
        if (!backfill)
        {
            _publicKeys = publicKeys;
        }

        var (key, endDate) = LastDigest(digests, null);
        var lastStartDate = endDate;
        ChainLink? link = null;
        while (key is not null && start <= lastStartDate)
        {
            var check = await reader.ReadAsync(publicKeys, bucket, key, backfill, cancellationToken).ConfigureAwait(false);
            if (check.Digest is not { } digest)
            {
                link = link is not null && link.MissingEnd is null && link.Names(bucket, key) && DigestKeyLayout.TryParseKeyDate(key, out var missingEnd)
                    ? link with { MissingEnd = missingEnd }
                    : null;
                var failed = key;
                (key, endDate) = LastDigest(digests, failed);
                await EmitAsync(new DigestFileFinding(bucket, failed, check.Status, check.Reason, backfill, null, null), cancellationToken).ConfigureAwait(false);
                continue;
            }

            endDate = digest.EndTime;
            lastStartDate = digest.StartTime;
            await EmitAsync(new DigestFileFinding(bucket, key, DigestFileStatus.Valid, null, backfill, digest.StartTime, digest.EndTime), cancellationToken).ConfigureAwait(false);
            if (_settings.ContrailChecks)
            {
                await CheckLinkAsync(link, digest, cancellationToken).ConfigureAwait(false);
                RecordCoverage(digest);
            }

            link = ChainLink.After(digest);
            await EmitLogFilesAsync(digest, cancellationToken).ConfigureAwait(false);
            if (digest.PreviousBucket is null || digest.PreviousKey is null)
            {
                // A chain start: resume at the next older listed key, and say so if there is one.
                (key, endDate) = LastDigest(digests, key);
                if (key is not null)
                {
                    await EmitAsync(new DigestGapFinding(endDate!.Value, digest.StartTime, backfill), cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                key = digest.PreviousKey;
                if (digest.PreviousBucket != bucket)
                {
                    bucket = digest.PreviousBucket;
                    digests = await _listing.KeysAsync(bucket, prefix, start, endDate.Value, backfill, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    // The newest listed key, or the newest one older than `before` (by the time in their names); the
    // list is consumed as the AWS CLI consumes it (pop from the end).
    private static (string? Key, DateTimeOffset? Time) LastDigest(List<string> digests, string? before)
    {
        if (digests.Count == 0)
        {
            return (null, null);
        }

        if (before is null)
        {
            var newest = Pop(digests);
            return (newest, KeyTime(newest));
        }

        var beforeTime = KeyTime(before);
        while (digests.Count > 0)
        {
            var next = Pop(digests);
            var time = KeyTime(next);
            if (time < beforeTime)
            {
                return (next, time);
            }
        }

        return (null, null);
    }

    private static string Pop(List<string> list)
    {
        var last = list[^1];
        list.RemoveAt(list.Count - 1);
        return last;
    }

    private static DateTimeOffset KeyTime(string key) =>
        DigestKeyLayout.TryParseKeyDate(key, out var time)
            ? time
            : throw new LogValidationException($"Unable to parse date value: {DigestKeyLayout.KeyDate(key)}");

    // Contrail's checks of the link from the newer digest to this one (docs/validate-logs.md, check 1).
    private async Task CheckLinkAsync(ChainLink? link, LoadedDigest digest, CancellationToken cancellationToken)
    {
        if (link is null)
        {
            return;
        }

        if (link.MissingEnd is { } missingEnd)
        {
            // The named digest is gone; a digest covers at most an hour, so one ending earlier than an
            // hour before the gone one's end means more are gone.
            var uncoveredTo = missingEnd.AddHours(-1);
            if (digest.EndTime < uncoveredTo)
            {
                await EmitAsync(new DigestChainBreakFinding(digest.Bucket, digest.Key, link.ExpectedKey, link.NewerKey, digest.EndTime, uncoveredTo), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (!link.Names(digest.Bucket, digest.Key))
        {
            return;
        }

        if (!string.Equals(link.ExpectedSignature, digest.Signature, StringComparison.OrdinalIgnoreCase))
        {
            await EmitAsync(new DigestLinkFinding(digest.Bucket, digest.Key, link.NewerBucket, link.NewerKey, DigestLinkMismatch.Signature), cancellationToken).ConfigureAwait(false);
        }

        if (link.ExpectedHashValue is { } hash && !string.Equals(hash, digest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            await EmitAsync(new DigestLinkFinding(digest.Bucket, digest.Key, link.NewerBucket, link.NewerKey, DigestLinkMismatch.HashValue), cancellationToken).ConfigureAwait(false);
        }
    }
}
