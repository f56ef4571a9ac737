namespace Contrail.Store.Lake;

/// <summary>Settings of a <see cref="LakeEngine"/>; every default is here, validated by <see cref="LakeEngine.Open"/>.</summary>
public sealed class LakeEngineOptions
{
    /// <summary>The directory the Lake keeps its database (<c>lake.duckdb</c>), spill files (<c>tmp/</c>) and Parquet files (<c>parquet/</c>) in; created if missing. Required.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Memory DuckDB may use for all queries and appends together, in bytes (default 1 GiB).</summary>
    public long MemoryLimitBytes { get; set; } = 1L << 30;

    /// <summary>Threads DuckDB works with (default: the machine's cores).</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>How long one query may run (default 60 s); then it fails with <see cref="LakeQueryOutcome.TimedOut"/>.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Rows one query returns at most (default 100,000); the rest are dropped and <see cref="LakeQueryResult.Truncated"/> is set.</summary>
    public int MaxRows { get; set; } = 100_000;
}
