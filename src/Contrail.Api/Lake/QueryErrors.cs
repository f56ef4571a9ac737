namespace Contrail.Api.Lake;

/// <summary>The query operations' own error codes (spec §4.9, §4.11).</summary>
internal static class QueryErrors
{
    public const string InvalidQueryStatement = "InvalidQueryStatementException";
    public const string MaxConcurrentQueries = "MaxConcurrentQueriesException";
    public const string QueryIdNotFound = "QueryIdNotFoundException";
    public const string InactiveQuery = "InactiveQueryException";
    public const string InvalidMaxResults = "InvalidMaxResultsException";
    public const string InvalidNextToken = "InvalidNextTokenException";
    public const string InvalidQueryStatus = "InvalidQueryStatusException";
    public const string InvalidDateRange = "InvalidDateRangeException";
}
