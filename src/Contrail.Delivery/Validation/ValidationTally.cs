namespace Contrail.Delivery.Validation;

/// <summary>
/// The counts the AWS CLI's summary prints, gathered from findings as they come
/// (<c>3/3 digest files valid</c>, <c>Results found for … to …</c>), plus Contrail's own checks.
/// Not thread-safe.
/// </summary>
public sealed class ValidationTally
{
    private readonly DateTimeOffset _requestedStart;
    private readonly DateTimeOffset _requestedEnd;

    /// <summary>Creates an empty tally for a run over <paramref name="requestedStart"/> to <paramref name="requestedEnd"/>.</summary>
    public ValidationTally(DateTimeOffset requestedStart, DateTimeOffset requestedEnd)
    {
        _requestedStart = requestedStart;
        _requestedEnd = requestedEnd;
    }

    /// <summary>Valid standard digests.</summary>
    public int ValidDigests { get; private set; }

    /// <summary>Invalid (or missing) standard digests.</summary>
    public int InvalidDigests { get; private set; }

    /// <summary>Valid backfill digests.</summary>
    public int ValidBackfillDigests { get; private set; }

    /// <summary>Invalid (or missing) backfill digests.</summary>
    public int InvalidBackfillDigests { get; private set; }

    /// <summary>Valid log files.</summary>
    public int ValidLogFiles { get; private set; }

    /// <summary>Invalid (missing, changed, unreadable) log files.</summary>
    public int InvalidLogFiles { get; private set; }

    /// <summary>
    /// The earliest <c>digestStartTime</c> of a valid digest, but not before the requested start; null
    /// when no digest was valid (the AWS CLI's "Results found for" start).
    /// </summary>
    public DateTimeOffset? FoundStart { get; private set; }

    /// <summary>The latest <c>digestEndTime</c> of a valid digest, but not after the requested end; null when none.</summary>
    public DateTimeOffset? FoundEnd { get; private set; }

    /// <summary>Findings of Contrail's own checks about digests (<see cref="DigestLinkFinding"/>, <see cref="DigestChainBreakFinding"/>).</summary>
    public int DigestChainProblems { get; private set; }

    /// <summary>Log files no digest lists (<see cref="UnlistedLogFileFinding"/>).</summary>
    public int UnlistedLogFiles { get; private set; }

    /// <summary>Log files with data after their first gzip member (<see cref="TrailingGzipDataFinding"/>).</summary>
    public int LogFilesWithTrailingData { get; private set; }

    /// <summary>Findings of Contrail's own checks, all kinds.</summary>
    public int ContrailProblems => DigestChainProblems + UnlistedLogFiles + LogFilesWithTrailingData;

    /// <summary>Whether anything was invalid: the run's exit code is 1 then, else 0.</summary>
    public bool HasInvalid => InvalidDigests + InvalidBackfillDigests + InvalidLogFiles + ContrailProblems > 0;

    /// <summary>Counts <paramref name="finding"/>.</summary>
    public void Add(ValidationFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        switch (finding)
        {
            case DigestFileFinding digest:
                AddDigest(digest);
                break;
            case LogFileFinding log when log.IsInvalid:
                InvalidLogFiles++;
                break;
            case LogFileFinding:
                ValidLogFiles++;
                break;
            case DigestLinkFinding or DigestChainBreakFinding:
                DigestChainProblems++;
                break;
            case UnlistedLogFileFinding:
                UnlistedLogFiles++;
                break;
            case TrailingGzipDataFinding:
                LogFilesWithTrailingData++;
                break;
        }
    }

    private void AddDigest(DigestFileFinding digest)
    {
        if (digest.IsInvalid)
        {
            if (digest.IsBackfill)
            {
                InvalidBackfillDigests++;
            }
            else
            {
                InvalidDigests++;
            }

            return;
        }

        if (digest.IsBackfill)
        {
            ValidBackfillDigests++;
        }
        else
        {
            ValidDigests++;
        }

        // Only valid digests move the found range, clipped to the requested one (AWS CLI _track_found_times).
        if (digest.DigestStartTime is { } start)
        {
            var earliest = start > _requestedStart ? start : _requestedStart;
            if (FoundStart is null || earliest < FoundStart)
            {
                FoundStart = earliest;
            }
        }

        if (digest.DigestEndTime is { } end)
        {
            var latest = end < _requestedEnd ? end : _requestedEnd;
            if (FoundEnd is null || latest > FoundEnd)
            {
                FoundEnd = latest;
            }
        }
    }
}
