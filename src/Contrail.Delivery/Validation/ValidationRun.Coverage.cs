using System.Globalization;
using Contrail.Delivery.LogFiles;

namespace Contrail.Delivery.Validation;

/// <summary>
/// Contrail's check for log files no digest lists (docs/validate-logs.md, check 3): inside the time valid
/// digests cover, every log file of the source region in the trail's bucket must be listed by one of them,
/// or by a valid digest of another trail that delivers to the same folder.
/// </summary>
internal sealed partial class ValidationRun
{
    /// <summary>
    /// Slack at the edges of the covered time: a file named with minute T was delivered in [T, T + 1 min),
    /// and the digest that lists it may use a slightly later time; so only files whose [T − 1 min, T + 2 min]
    /// lies inside the covered time are checked.
    /// </summary>
    private static readonly TimeSpan EdgeMargin = TimeSpan.FromMinutes(1);

    private const int PageSize = 1000;

    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _covered = [];
    private readonly HashSet<(string Bucket, string Key)> _listed = [];
    private Dictionary<string, DigestPublicKey>? _publicKeys;

    private void RecordCoverage(LoadedDigest digest)
    {
        if (digest.EndTime >= digest.StartTime)
        {
            _covered.Add((digest.StartTime, digest.EndTime));
        }

        foreach (var entry in digest.LogFiles)
        {
            _listed.Add((entry.Bucket, entry.Key));
        }
    }

    private async Task CheckCoverageAsync(DigestReader reader, CancellationToken cancellationToken)
    {
        var covered = Merge(_covered);
        if (covered.Count > 0)
        {
            await ListOtherTrailsAsync(reader, covered, cancellationToken).ConfigureAwait(false);
        }

        var bucket = _settings.Bucket;
        var folder = _layout.LogFilePrefix(_settings.Prefix);
        foreach (var (from, to) in covered)
        {
            for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime.Date; day = day.AddDays(1))
            {
                var dayPrefix = folder + day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);
                string? after = null;
                while (true)
                {
                    var page = await Store.ListAsync(bucket, dayPrefix, after, PageSize, cancellationToken).ConfigureAwait(false);
                    foreach (var item in page.Objects)
                    {
                        if (!LogFileKey.TryParse(item.Key, out var parsed) || parsed.Kind != LogFileKind.Events)
                        {
                            continue;
                        }

                        var delivered = parsed.DeliveryTime;
                        if (delivered - EdgeMargin < from || delivered + TimeSpan.FromMinutes(1) + EdgeMargin > to || _listed.Contains((bucket, item.Key)))
                        {
                            continue;
                        }

                        await EmitAsync(new UnlistedLogFileFinding(bucket, item.Key, delivered), cancellationToken).ConfigureAwait(false);
                    }

                    if (!page.IsTruncated || page.Objects.Count == 0)
                    {
                        break;
                    }

                    after = page.Objects[^1].Key;
                }
            }
        }
    }

    // Several trails may deliver to one bucket and prefix: their log files share the folder. The files that
    // valid digests of the other trails list (digests named by an end time in the covered time, or up to an
    // hour after it) are not this trail's to report. Their digests must verify with the same public keys,
    // so that a made-up digest cannot hide an added file.
    private async Task ListOtherTrailsAsync(DigestReader reader, List<(DateTimeOffset Start, DateTimeOffset End)> covered, CancellationToken cancellationToken)
    {
        var bucket = _settings.Bucket;
        var own = _layout.Pattern(_settings.Prefix);
        var anyTrail = _layout.AnyTrailPattern(_settings.Prefix);
        var folder = _layout.ListPrefix(_settings.Prefix) + "/";
        var publicKeys = new Dictionary<string, DigestPublicKey>(_publicKeys ?? [], StringComparer.Ordinal);
        foreach (var (from, to) in covered)
        {
            for (var day = from.UtcDateTime.Date; day <= to.AddHours(1).UtcDateTime.Date; day = day.AddDays(1))
            {
                var dayPrefix = folder + day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);
                string? after = null;
                while (true)
                {
                    var page = await Store.ListAsync(bucket, dayPrefix, after, PageSize, cancellationToken).ConfigureAwait(false);
                    foreach (var item in page.Objects)
                    {
                        if (own.IsMatch(item.Key) || !anyTrail.IsMatch(item.Key)
                            || !DigestKeyLayout.TryParseKeyDate(item.Key, out var end) || end < from || end > to.AddHours(1))
                        {
                            continue;
                        }

                        var check = await reader.ReadAsync(publicKeys, bucket, item.Key, DigestKeyLayout.IsBackfill(item.Key), cancellationToken).ConfigureAwait(false);
                        foreach (var entry in check.Digest?.LogFiles ?? [])
                        {
                            _listed.Add((entry.Bucket, entry.Key));
                        }
                    }

                    if (!page.IsTruncated || page.Objects.Count == 0)
                    {
                        break;
                    }

                    after = page.Objects[^1].Key;
                }
            }
        }
    }

    // Sorted, with overlapping or touching windows joined (consecutive digests share their boundary).
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Merge(List<(DateTimeOffset Start, DateTimeOffset End)> windows)
    {
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var window in windows.OrderBy(w => w.Start))
        {
            if (merged.Count > 0 && window.Start <= merged[^1].End)
            {
                if (window.End > merged[^1].End)
                {
                    merged[^1] = (merged[^1].Start, window.End);
                }
            }
            else
            {
                merged.Add(window);
            }
        }

        return merged;
    }
}
