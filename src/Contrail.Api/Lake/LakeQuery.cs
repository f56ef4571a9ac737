using Contrail.Store.Lake;

namespace Contrail.Api.Lake;

/// <summary>
/// One StartQuery: its statement, status and, once finished, its rows. Mutated by the query's task;
/// readers take <see cref="Gate"/>. Kept in memory for 7 days (results are not kept across a restart).
/// </summary>
internal sealed class LakeQuery(string id, string statement, IReadOnlyList<string> storeIds, DateTimeOffset created)
{
    public Lock Gate { get; } = new();

    public string Id { get; } = id;

    public string Statement { get; } = statement;

    /// <summary>The event data store ids the statement names (lower-case).</summary>
    public IReadOnlyList<string> StoreIds { get; } = storeIds;

    public DateTimeOffset Created { get; } = created;

    /// <summary>QUEUED, RUNNING, FINISHED, FAILED, CANCELLED or TIMED_OUT.</summary>
    public string Status { get; set; } = LakeQueryStatus.Queued;

    public string? ErrorMessage { get; set; }

    public LakeQueryResult? Result { get; set; }

    public CancellationTokenSource Cancel { get; } = new();

    public bool IsTerminal => Status is LakeQueryStatus.Finished or LakeQueryStatus.Failed or LakeQueryStatus.Cancelled or LakeQueryStatus.TimedOut;
}

/// <summary>The QueryStatus values (spec §4.9).</summary>
internal static class LakeQueryStatus
{
    public const string Queued = "QUEUED";
    public const string Running = "RUNNING";
    public const string Finished = "FINISHED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string TimedOut = "TIMED_OUT";

    public static readonly string[] All = [Queued, Running, Finished, Failed, Cancelled, TimedOut];
}
