namespace Contrail.Store.Lake.DuckDb;

/// <summary>A field of a STRUCT type; <paramref name="Name"/> is empty in an unnamed struct (<c>row(1, 2)</c>).</summary>
internal sealed record DuckDbStructField(string Name, DuckDbLogicalType Type);
