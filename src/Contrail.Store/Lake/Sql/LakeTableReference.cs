namespace Contrail.Store.Lake.Sql;

/// <summary>A table a query names: <c>FROM catalog.schema.table</c>, parts empty when not written.</summary>
/// <param name="Catalog">The catalog, or empty.</param>
/// <param name="Schema">The schema, or empty.</param>
/// <param name="Table">The table (or a string in FROM, which DuckDB reads as a file).</param>
internal sealed record LakeTableReference(string Catalog, string Schema, string Table);
