namespace Contrail.Monitoring.Insights;

/// <summary>
/// How Insights decide (docs/dev/insights.md). CloudTrail does not publish its model; Contrail's is
/// this one, visible and tunable: a minute is anomalous when its count is at least
/// <see cref="MinimumCount"/>, above the baseline mean plus <see cref="Sigma"/> standard deviations,
/// and at least <see cref="MinimumRatio"/> times the baseline mean.
/// </summary>
public sealed class InsightOptions
{
    /// <summary>The rolling baseline window before each minute; default 7 days (as CloudTrail). Whole hours, at least one.</summary>
    public TimeSpan Baseline { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How much history the detector needs before it reports anything; default 36 hours (CloudTrail's "up to 36 hours").</summary>
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromHours(36);

    /// <summary>Standard deviations above the baseline mean a minute must exceed; default 3.</summary>
    public double Sigma { get; set; } = 3;

    /// <summary>A minute must also be at least this multiple of the baseline mean; default 2.</summary>
    public double MinimumRatio { get; set; } = 2;

    /// <summary>And at least this many calls (or errors) in the minute; default 10.</summary>
    public long MinimumCount { get; set; } = 10;

    /// <summary>How long after a minute ends the detector waits for late records before closing it; default 1 minute.</summary>
    public TimeSpan Lateness { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Values kept per attribution (userIdentityArn, userAgent, errorCode) in each minute and hour; default 64.</summary>
    public int TrackedValues { get; set; } = 64;

    /// <summary>Values reported per attribution, highest average first; default 5 (as CloudTrail).</summary>
    public int AttributionValues { get; set; } = 5;

    /// <summary>Throws when a setting is out of range; called at start.</summary>
    public void Validate()
    {
        if (Baseline < TimeSpan.FromHours(1) || Baseline.Ticks % TimeSpan.TicksPerHour != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Baseline), Baseline, "The Insights baseline must be a whole number of hours, at least one.");
        }

        if (WarmUp < TimeSpan.Zero || WarmUp.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmUp), WarmUp, "The Insights warm-up must be a whole number of minutes, zero or more.");
        }

        if (!double.IsFinite(Sigma) || Sigma < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Sigma), Sigma, "The Insights sigma must be a finite number, zero or more.");
        }

        if (!double.IsFinite(MinimumRatio) || MinimumRatio < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumRatio), MinimumRatio, "The Insights minimum ratio must be a finite number, at least 1.");
        }

        if (MinimumCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumCount), MinimumCount, "The Insights minimum count must be at least 1.");
        }

        if (Lateness < TimeSpan.Zero || Lateness > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Lateness), Lateness, "The Insights lateness must be between 0 and 1 hour.");
        }

        if (TrackedValues < 1 || AttributionValues < 1 || AttributionValues > TrackedValues)
        {
            throw new ArgumentOutOfRangeException(nameof(AttributionValues), AttributionValues, "Attribution values must be at least 1 and at most the tracked values.");
        }
    }
}
