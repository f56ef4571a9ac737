namespace Contrail.Api.CloudTrail.Trails;

/// <summary>A basic event selector (spec §4.4), members as in the service model.</summary>
internal sealed record EventSelector(
    string ReadWriteType,
    bool IncludeManagementEvents,
    IReadOnlyList<DataResource> DataResources,
    IReadOnlyList<string> ExcludeManagementEventSources)
{
    /// <summary>The secure default of a new trail: all management events, read and write, no data events.</summary>
    public static readonly IReadOnlyList<EventSelector> Default = [new EventSelector("All", true, [], [])];
}
