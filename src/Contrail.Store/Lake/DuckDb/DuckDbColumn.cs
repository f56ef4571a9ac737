namespace Contrail.Store.Lake.DuckDb;

/// <summary>A result column: its name as DuckDB gives it (the alias, or the expression's text) and its type.</summary>
internal sealed record DuckDbColumn(string Name, DuckDbLogicalType Type);
