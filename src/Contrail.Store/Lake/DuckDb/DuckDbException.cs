namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// A fault of the engine itself, not of a user's query: the database did not open, the trusted
/// setup failed, a connection could not be made. <see cref="Exception.Message"/> carries DuckDB's
/// message.
/// </summary>
internal sealed class DuckDbException(string message, DuckDbErrorType errorType = DuckDbErrorType.Invalid) : Exception(message)
{
    /// <summary>DuckDB's category of the error, when it reported one.</summary>
    public DuckDbErrorType ErrorType { get; } = errorType;
}
