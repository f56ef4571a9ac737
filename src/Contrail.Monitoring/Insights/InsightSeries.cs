namespace Contrail.Monitoring.Insights;

/// <summary>
/// One series' state, as the detector keeps and persists it: closed minutes folded into hourly
/// sums (the baseline), the minutes still open, and the Insight in progress if any.
/// </summary>
public sealed class InsightSeries
{
    public InsightType Type { get; set; }

    public string Region { get; set; } = "";

    public string EventSource { get; set; } = "";

    public string EventName { get; set; } = "";

    public string? ErrorCode { get; set; }

    /// <summary>eventCategory of the calls (Management or Data), from the first one seen.</summary>
    public string Category { get; set; } = "Management";

    /// <summary>Closed minutes by hour, oldest first, inside the baseline window (older hours are dropped).</summary>
    public List<InsightHour> Hours { get; set; } = [];

    /// <summary>Minutes not closed yet, by minute (whole minutes since the Unix epoch).</summary>
    public Dictionary<long, InsightMinute> Open { get; set; } = [];

    /// <summary>The Insight in progress, or null.</summary>
    public InsightActive? Active { get; set; }

    internal InsightSeriesKey Key => new(Type, Region, EventSource, EventName, ErrorCode);
}

/// <summary>An hour of closed minutes: the sum of their counts and of their squares, and the values attributed.</summary>
public sealed class InsightHour
{
    /// <summary>Whole hours since the Unix epoch.</summary>
    public long Hour { get; set; }

    public double Sum { get; set; }

    public double SumOfSquares { get; set; }

    public AttributeCounts Values { get; set; } = new();
}

/// <summary>An open minute's count and values.</summary>
public sealed class InsightMinute
{
    public long Count { get; set; }

    public AttributeCounts Values { get; set; } = new();
}

/// <summary>An Insight between its Start and End: the baseline frozen at the start and what the anomalous minutes held.</summary>
public sealed class InsightActive
{
    public string SharedEventId { get; set; } = "";

    /// <summary>The first anomalous minute.</summary>
    public long StartMinute { get; set; }

    /// <summary>The minute after the last anomalous one: the next to decide on.</summary>
    public long NextMinute { get; set; }

    public double BaselineAverage { get; set; }

    public double BaselineDeviation { get; set; }

    public double Threshold { get; set; }

    public long BaselineMinutes { get; set; }

    /// <summary>Anomalous minutes so far.</summary>
    public long Minutes { get; set; }

    /// <summary>Calls in them.</summary>
    public long Count { get; set; }

    public AttributeCounts Values { get; set; } = new();

    /// <summary>The baseline's top values per attribute, frozen at the start (reported again at the end).</summary>
    public List<InsightAttribution> BaselineAttributions { get; set; } = [];
}
