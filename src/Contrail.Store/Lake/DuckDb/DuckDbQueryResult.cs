namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// What a query gave: its columns and rows, or an <see cref="Error"/>. Row values are the .NET
/// values listed on <see cref="DuckDbTypeId"/>, null for NULL; each row has one value per column.
/// </summary>
internal sealed class DuckDbQueryResult
{
    private DuckDbQueryResult(IReadOnlyList<DuckDbColumn> columns, IReadOnlyList<object?[]> rows, bool truncated, DuckDbError? error)
    {
        Columns = columns;
        Rows = rows;
        Truncated = truncated;
        Error = error;
    }

    /// <summary>Why there are no rows, or null when the query ran.</summary>
    public DuckDbError? Error { get; }

    /// <summary>Whether the query ran (<see cref="Error"/> is null).</summary>
    public bool Succeeded => Error is null;

    /// <summary>The result's columns; empty after an error.</summary>
    public IReadOnlyList<DuckDbColumn> Columns { get; }

    /// <summary>The rows, in DuckDB's order; empty after an error.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>Whether the query had more rows than <see cref="DuckDbOptions.MaxRows"/>, which were not read.</summary>
    public bool Truncated { get; }

    internal static DuckDbQueryResult Success(IReadOnlyList<DuckDbColumn> columns, IReadOnlyList<object?[]> rows, bool truncated) =>
        new(columns, rows, truncated, null);

    internal static DuckDbQueryResult Failure(DuckDbFailure failure, string message, DuckDbErrorType engineErrorType = DuckDbErrorType.Invalid) =>
        new([], [], false, new DuckDbError(failure, message, engineErrorType));
}
