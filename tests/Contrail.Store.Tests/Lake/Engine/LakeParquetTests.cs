using System.Globalization;
using Contrail.Store.Lake;
using Contrail.Store.Lake.DuckDb;
using Contrail.Store.Lake.Sql;
using Contrail.Store.Tests.Lake.DuckDb;

namespace Contrail.Store.Tests.Lake.Engine;

public sealed class LakeParquetTests : IDisposable
{
    private const string Store = "33333333-2222-4333-8444-555555555555";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ExportParquet_Samples_ReadBackByAnOutsideEngineEqualToTheLakesAnswer()
    {
        string parquet;
        long written;
        LakeQueryResult lake;
        using (var engine = LakeEngine.Open(new LakeEngineOptions { Directory = _directory.Path, Threads = 2, MemoryLimitBytes = 256L << 20 }))
        {
            foreach (var batch in LakeSamples.Json())
            {
                engine.Append(Store, batch);
            }

            written = engine.ExportParquet(Store);
            parquet = engine.ParquetDirectoryOf(Store);
            lake = await engine.QueryAsync($"""
                SELECT CAST(eventtime AS DATE) AS day, eventsource, count(*) AS n, count(DISTINCT useridentity.arn) AS arns, count(requestparameters['bucketName']) AS buckets
                FROM {Store} WHERE eventtime IS NOT NULL GROUP BY ALL ORDER BY ALL
                """);
        }

        written.ShouldBe(LakeSamples.Distinct.Count(r => r.Time() is not null));
        var days = LakeSamples.Distinct.Select(r => r.Time()).OfType<DateTime>().Select(t => "date=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Distinct().Order();
        Directory.GetDirectories(parquet).Select(Path.GetFileName).Order().ShouldBe(days);

        // An outside reader: a plain DuckDB instance that may read the Parquet directory, nothing more.
        using var reader = DuckDbTesting.Open(o => o.AllowedDirectories.Add(parquet));
        var glob = parquet + "/**/*.parquet";
        var outside = await reader.QueryAsync($"""
            SELECT "date", eventsource, count(*) AS n, count(DISTINCT useridentity.arn) AS arns, count(requestparameters['bucketName']) AS buckets
            FROM read_parquet('{glob}', hive_partitioning = true) GROUP BY ALL ORDER BY ALL
            """);
        outside.Error.ShouldBeNull();
        outside.Rows.Select(r => r.Select(LakeValueFormatter.Format).ToArray()).ShouldBe(lake.Rows);
        (await reader.RowsAsync($"SELECT DISTINCT compression FROM parquet_metadata('{glob}')")).ShouldHaveSingleItem().ShouldBe(["ZSTD"]);
    }
}
