namespace Contrail.Store.Lake;

/// <summary>How a Lake query ended; each failure maps to one CloudTrail error or query status.</summary>
public enum LakeQueryOutcome
{
    /// <summary>It ran; rows are in the result (query status FINISHED).</summary>
    Succeeded,

    /// <summary>A table it names is not an event data store (EventDataStoreNotFoundException).</summary>
    StoreNotFound,

    /// <summary>Not one read-only SELECT over event data stores, or it does not parse or bind (InvalidQueryStatementException).</summary>
    InvalidQuery,

    /// <summary>It ran past its time budget and was stopped (query status TIMED_OUT).</summary>
    TimedOut,

    /// <summary>It failed while running, e.g. a conversion error or out of memory (query status FAILED).</summary>
    Failed,
}
