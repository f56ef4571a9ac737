using System.Globalization;

namespace Contrail.Store.Lake;

/// <summary>
/// Sealing a store to Parquet files that outside engines (Trino, Athena, Spark, DuckDB) read
/// directly, in a Hive layout under <c>parquet/</c> (see <c>docs/dev/lake-parquet.md</c>):
/// <code>
/// parquet/eventdatastore=5e2676f8-…/date=2024-08-01/data_0.parquet     zstd, one file per day and writer thread
/// </code>
/// </summary>
public sealed partial class LakeEngine
{
    /// <summary>The directory of <paramref name="storeId"/>'s Parquet files: <c>parquet/eventdatastore=ID</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="storeId"/> is not a hyphenated UUID.</exception>
    public string ParquetDirectoryOf(string storeId) => Path.Combine(ParquetDirectory, "eventdatastore=" + StoreId(storeId));

    /// <summary>
    /// Writes every event of <paramref name="storeId"/> that has an eventTime to Parquet (zstd),
    /// partitioned by the eventTime's UTC date, replacing the store's earlier files; returns the
    /// number of events written. The files hold the table's columns (<c>date</c> is only in the
    /// path). Runs on the writer connection, so appends wait for it; queries do not.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="storeId"/> is not a hyphenated UUID.</exception>
    /// <exception cref="InvalidOperationException">There is no such store.</exception>
    public long ExportParquet(string storeId)
    {
        var id = StoreId(storeId);
        var target = ParquetDirectoryOf(id);
        lock (_write)
        {
            if (!_stores.ContainsKey(id))
            {
                throw new InvalidOperationException($"There is no event data store {id}.");
            }

            // The path is the engine's own (a UUID under its directory); no user text reaches it.
            var result = _writer.QueryTrusted($"""
                COPY (SELECT *, strftime(eventtime, '%Y-%m-%d') AS "date" FROM "{id}" WHERE eventtime IS NOT NULL ORDER BY eventtime)
                TO '{target.Replace("'", "''", StringComparison.Ordinal)}'
                (FORMAT parquet, COMPRESSION zstd, PARTITION_BY ("date"), OVERWRITE)
                """);
            return Convert.ToInt64(result[0][0], CultureInfo.InvariantCulture);
        }
    }
}
