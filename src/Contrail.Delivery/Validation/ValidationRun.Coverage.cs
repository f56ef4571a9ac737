using System.Globalization;
using Contrail.Delivery.LogFiles;

namespace Contrail.Delivery.Validation;

/// <summary>
/// Contrail's check for log files no digest lists (docs/validate-logs.md, check 2): inside the time valid
/// digests cover, every log file of the source region in the trail's bucket must be listed by one of them.
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

    private async Task CheckCoverageAsync(CancellationToken cancellationToken)
    {
        var bucket = _settings.Bucket;
        var folder = _layout.LogFilePrefix(_settings.Prefix);
        foreach (var (from, to) in Merge(_covered))
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
