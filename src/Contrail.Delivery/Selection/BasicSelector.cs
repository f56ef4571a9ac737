namespace Contrail.Delivery.Selection;

/// <summary>
/// A basic event selector (CloudTrail <c>EventSelector</c>, spec §4.4), as the matcher takes it.
/// </summary>
/// <param name="ReadWriteType"><c>All</c>, <c>ReadOnly</c> or <c>WriteOnly</c>; any other value is treated as <c>All</c>.</param>
/// <param name="IncludeManagementEvents">Whether management events are selected.</param>
/// <param name="DataResources">The data events selected, by resource type and ARN.</param>
/// <param name="ExcludeManagementEventSources">eventSource values whose management events are not selected.</param>
public sealed record BasicSelector(
    string ReadWriteType,
    bool IncludeManagementEvents,
    IReadOnlyList<DataResourceSelector> DataResources,
    IReadOnlyList<string> ExcludeManagementEventSources)
{
    /// <summary>The default of a trail without selectors: all management events, read and write, no data events.</summary>
    public static BasicSelector Default { get; } = new("All", true, [], []);
}
