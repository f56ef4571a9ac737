namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// A value has no .NET counterpart (an infinite date, a DECIMAL beyond System.Decimal). Thrown by
/// <see cref="DuckDbVectorReader"/> and turned into <see cref="DuckDbFailure.ValueOutOfRange"/>
/// by <see cref="DuckDbConnection.ExecuteAsync"/>; never leaves this folder.
/// </summary>
internal sealed class DuckDbValueOutOfRangeException(string message) : Exception(message);
