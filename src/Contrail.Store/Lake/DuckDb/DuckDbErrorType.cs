namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// DuckDB's category of an error (<c>duckdb_error_type</c> in duckdb.h, numbered as there). DuckDB's
/// messages start with the category's name: "Permission Error: …", "Catalog Error: …".
/// </summary>
internal enum DuckDbErrorType
{
    /// <summary>No category (or one this table does not know).</summary>
    Invalid = 0,
    OutOfRange = 1,
    Conversion = 2,
    UnknownType = 3,
    Decimal = 4,
    MismatchType = 5,
    DivideByZero = 6,
    ObjectSize = 7,
    InvalidType = 8,
    Serialization = 9,
    Transaction = 10,
    NotImplemented = 11,
    Expression = 12,
    Catalog = 13,
    Parser = 14,
    Planner = 15,
    Scheduler = 16,
    Executor = 17,
    Constraint = 18,
    Index = 19,
    Stat = 20,
    Connection = 21,
    Syntax = 22,
    Settings = 23,
    Binder = 24,
    Network = 25,
    Optimizer = 26,
    NullPointer = 27,
    IO = 28,

    /// <summary>The query was stopped by <c>duckdb_interrupt</c>: "INTERRUPT Error: Interrupted!".</summary>
    Interrupt = 29,
    Fatal = 30,
    Internal = 31,
    InvalidInput = 32,
    OutOfMemory = 33,

    /// <summary>A refusal of the sandbox: file, network or extension access with external access disabled.</summary>
    Permission = 34,
    ParameterNotResolved = 35,
    ParameterNotAllowed = 36,
    Dependency = 37,
    Http = 38,
    MissingExtension = 39,
    Autoload = 40,
    Sequence = 41,
    InvalidConfiguration = 42,
}
