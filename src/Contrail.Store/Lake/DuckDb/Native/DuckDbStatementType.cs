namespace Contrail.Store.Lake.DuckDb.Native;

/// <summary>
/// <c>duckdb_statement_type</c> of a prepared statement, as DuckDB binds it (so <c>PRAGMA version</c>
/// and <c>DESCRIBE</c> are <see cref="Select"/>). Values as in duckdb.h.
/// </summary>
internal enum DuckDbStatementType
{
    Invalid = 0,
    Select = 1,
    Insert = 2,
    Update = 3,
    Explain = 4,
    Delete = 5,
    Prepare = 6,
    Create = 7,
    Execute = 8,
    Alter = 9,
    Transaction = 10,
    Copy = 11,
    Analyze = 12,
    VariableSet = 13,
    CreateFunction = 14,
    Drop = 15,
    Export = 16,
    Pragma = 17,
    Vacuum = 18,
    Call = 19,
    Set = 20,
    Load = 21,
    Relation = 22,
    Extension = 23,
    LogicalPlan = 24,
    Attach = 25,
    Detach = 26,
    Multi = 27,
}
