namespace Contrail.Delivery.LogFiles;

/// <summary>Which events a log file holds; decides the folder and file-name segment (spec §1.5).</summary>
public enum LogFileKind
{
    /// <summary>Management, data and network activity events: <c>CloudTrail</c>.</summary>
    Events,

    /// <summary>Insights events: <c>CloudTrail-Insight</c>.</summary>
    Insight,
}
