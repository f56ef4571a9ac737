namespace Contrail.Store.Lake.DuckDb;

/// <summary>Why <see cref="DuckDbConnection.ExecuteAsync"/> returned no rows.</summary>
internal enum DuckDbFailure
{
    /// <summary>DuckDB refused or failed the query; <see cref="DuckDbError.EngineErrorType"/> is its category and the message is DuckDB's own.</summary>
    Engine,

    /// <summary>The text is empty, holds several statements, or contains a NUL character.</summary>
    NotSingleStatement,

    /// <summary>The statement is not a query: only SELECT (with WITH, VALUES, FROM-first, DESCRIBE, SHOW, SUMMARIZE) runs.</summary>
    NotSelect,

    /// <summary>The query has parameters (<c>$1</c>, <c>?</c>); none are bound.</summary>
    Parameters,

    /// <summary>A result column's type, or a type nested in it, is not read here (see <see cref="DuckDbTypeId"/>); CAST it to VARCHAR.</summary>
    UnsupportedType,

    /// <summary>A value has no .NET counterpart (infinite date, DECIMAL beyond System.Decimal).</summary>
    ValueOutOfRange,

    /// <summary>
    /// The query nests subquery expressions deeper than <see cref="DuckDbOptions.MaxSubqueryDepth"/>:
    /// DuckDB's planner would take time exponential in the depth, where no interrupt reaches it.
    /// (Expressions nested deeper than <see cref="DuckDbOptions.MaxExpressionDepth"/> are DuckDB's
    /// own <see cref="Engine"/> error, "Parser Error: Max expression depth limit of 100 exceeded".)
    /// </summary>
    TooComplex,

    /// <summary>The query ran past its time budget (<see cref="DuckDbOptions.QueryTimeout"/>) and was interrupted.</summary>
    TimedOut,
}
