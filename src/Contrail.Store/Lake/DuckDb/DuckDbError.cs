namespace Contrail.Store.Lake.DuckDb;

/// <summary>Why a query returned no rows.</summary>
/// <param name="Failure">The kind of failure.</param>
/// <param name="Message">For <see cref="DuckDbFailure.Engine"/>, DuckDB's message ("Permission Error: Cannot access file …"); otherwise Contrail's.</param>
/// <param name="EngineErrorType">DuckDB's category of the error; <see cref="DuckDbErrorType.Invalid"/> when DuckDB did not report it.</param>
internal sealed record DuckDbError(DuckDbFailure Failure, string Message, DuckDbErrorType EngineErrorType = DuckDbErrorType.Invalid);
