namespace Contrail.Monitoring.Insights;

/// <summary><c>insightDetails.state</c>: every anomaly yields a Start and an End record sharing a <c>sharedEventID</c>.</summary>
public enum InsightState
{
    /// <summary>The first minute above the threshold.</summary>
    Start,

    /// <summary>The first minute back at or under the threshold.</summary>
    End,
}
