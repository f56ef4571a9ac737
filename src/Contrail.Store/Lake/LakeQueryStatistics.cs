namespace Contrail.Store.Lake;

/// <summary>The figures of a query (spec §4.9 QueryStatistics).</summary>
/// <param name="EventsMatched">Rows the query returned (CloudTrail counts events that matched its filter; the engine does not see that number, so it reports the result's size).</param>
/// <param name="EventsScanned">Events in the event data stores the query names.</param>
/// <param name="BytesScanned">The size of those events' JSON, in bytes.</param>
/// <param name="ExecutionTime">Wall time from start to the last row read.</param>
public readonly record struct LakeQueryStatistics(long EventsMatched, long EventsScanned, long BytesScanned, TimeSpan ExecutionTime);
