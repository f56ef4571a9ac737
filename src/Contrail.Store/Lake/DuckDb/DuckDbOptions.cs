namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// Settings of an embedded DuckDB engine that runs users' SQL (<see cref="DuckDbDatabase.Open"/>).
/// Every default is here; <see cref="DuckDbDatabase.Open"/> validates them. The sandbox itself (no
/// file, network or extension access outside <see cref="AllowedDirectories"/>, configuration locked)
/// is not optional.
/// </summary>
internal sealed class DuckDbOptions
{
    /// <summary>The database file, created if missing; null (the default) for an in-memory database.</summary>
    public string? Path { get; set; }

    /// <summary>Open <see cref="Path"/> read-only (default false); needs a <see cref="Path"/>.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Memory DuckDB may use for all queries together, in bytes (default 1 GiB, at least 16 MiB). A query that needs more fails with an "Out of Memory Error", unless it can spill to <see cref="TempDirectory"/>.</summary>
    public long MemoryLimitBytes { get; set; } = 1L << 30;

    /// <summary>Threads DuckDB runs queries on (default: the machine's cores).</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Where DuckDB may spill what does not fit in memory; null (the default) spills nothing. DuckDB
    /// spills even with external access disabled, and by default into <c>.tmp</c> under the
    /// process's working directory, so Contrail always sets it.
    /// </summary>
    public string? TempDirectory { get; set; }

    /// <summary>
    /// Directories whose files SQL may read (and the trusted <see cref="Setup"/> may also write): the
    /// Lake's own Parquet files. Absolute paths; default none. A path matches as a directory prefix
    /// (<c>/lake</c> does not admit <c>/lakex/…</c>); DuckDB resolves symbolic links and <c>..</c>
    /// before matching, so neither leads out.
    /// </summary>
    public IList<string> AllowedDirectories { get; } = [];

    /// <summary>
    /// Statements run once, in order, after the sandbox is in place and before the configuration is
    /// locked: creating tables and views over the Lake's files, <c>SET</c>s. Trusted text, never a
    /// user's. A failure fails <see cref="DuckDbDatabase.Open"/>.
    /// </summary>
    public IList<string> Setup { get; } = [];

    /// <summary>The time one query may run before it is interrupted (default 60 s); <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How deeply expressions may nest (default 100; DuckDB's <c>max_expression_depth</c>, whose
    /// own default is 1000). Planning time grows about with the cube of it: a chain of 300
    /// additions (<c>1 + 2 + … + 300</c>, depth 300) takes 1.7 s to prepare here, 900 takes 45 s,
    /// and preparing is not interruptible. Chains of AND and OR are flattened and do not count.
    /// </summary>
    public int MaxExpressionDepth { get; set; } = 100;

    /// <summary>How deeply subquery expressions (scalar, EXISTS, IN) may nest (default 12); see <see cref="DuckDbFailure.TooComplex"/>.</summary>
    public int MaxSubqueryDepth { get; set; } = 12;

    /// <summary>Rows one query returns at most (default 100,000); the rest are not read and the result says <see cref="DuckDbQueryResult.Truncated"/>.</summary>
    public int MaxRows { get; set; } = 100_000;
}
