namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// A DuckDB INTERVAL: months, days and microseconds are kept apart, as DuckDB keeps them (a month
/// has no fixed length, nor, across a DST change, does a day).
/// </summary>
internal readonly record struct DuckDbInterval(int Months, int Days, long Micros);
