namespace Contrail.Store.Lake;

/// <summary>
/// The answer of <see cref="LakeEngine.QueryAsync"/>: columns and rows when <see cref="Outcome"/> is
/// <see cref="LakeQueryOutcome.Succeeded"/>, else an <see cref="ErrorMessage"/>. Every value is a
/// string as CloudTrail returns it (spec §4.9 QueryResultRows), null for SQL NULL.
/// </summary>
public sealed class LakeQueryResult
{
    private LakeQueryResult(LakeQueryOutcome outcome, string? errorMessage, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> rows, bool truncated, LakeQueryStatistics statistics)
    {
        Outcome = outcome;
        ErrorMessage = errorMessage;
        Columns = columns;
        Rows = rows;
        Truncated = truncated;
        Statistics = statistics;
    }

    /// <summary>How the query ended.</summary>
    public LakeQueryOutcome Outcome { get; }

    /// <summary>Why it failed, for the caller's error message; null on success.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Output column names in SELECT order (aliases as written, a column's name, or <c>_col0</c>, <c>_col1</c> … for other expressions).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows; each has one value per column.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Rows { get; }

    /// <summary>Whether rows beyond <see cref="LakeEngineOptions.MaxRows"/> were dropped.</summary>
    public bool Truncated { get; }

    /// <summary>The query's figures; zero after a failure.</summary>
    public LakeQueryStatistics Statistics { get; }

    internal static LakeQueryResult Success(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> rows, bool truncated, LakeQueryStatistics statistics) =>
        new(LakeQueryOutcome.Succeeded, null, columns, rows, truncated, statistics);

    internal static LakeQueryResult Failure(LakeQueryOutcome outcome, string message) =>
        new(outcome, message, [], [], false, default);
}
