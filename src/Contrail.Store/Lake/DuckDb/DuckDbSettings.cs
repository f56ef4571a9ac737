namespace Contrail.Store.Lake.DuckDb;

/// <summary>The validated, immutable form of <see cref="DuckDbOptions"/>.</summary>
internal sealed record DuckDbSettings(
    string? Path,
    bool ReadOnly,
    long MemoryLimitBytes,
    int Threads,
    string? TempDirectory,
    IReadOnlyList<string> AllowedDirectories,
    IReadOnlyList<string> Setup,
    TimeSpan QueryTimeout,
    int MaxRows,
    int MaxExpressionDepth,
    int MaxSubqueryDepth)
{
    /// <summary>The smallest memory limit accepted.</summary>
    public const long MinimumMemoryLimitBytes = 16L << 20;

    /// <summary>The longest finite time budget a timer takes (2^32 - 2 ms, about 49.7 days).</summary>
    public static readonly TimeSpan MaximumQueryTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Validates <paramref name="options"/> and makes paths absolute.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public static DuckDbSettings From(DuckDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ReadOnly && options.Path is null)
        {
            throw new ArgumentException("ReadOnly needs a Path: an in-memory database cannot be opened read-only.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MemoryLimitBytes, MinimumMemoryLimitBytes, nameof(options.MemoryLimitBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options.Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRows, 1, nameof(options.MaxRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxExpressionDepth, 10, nameof(options.MaxExpressionDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSubqueryDepth, 1, nameof(options.MaxSubqueryDepth));
        if ((options.QueryTimeout <= TimeSpan.Zero && options.QueryTimeout != Timeout.InfiniteTimeSpan) || options.QueryTimeout > MaximumQueryTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.QueryTimeout, "QueryTimeout must be positive and at most 49 days (a timer's limit), or Timeout.InfiniteTimeSpan.");
        }

        var allowed = new List<string>();
        foreach (var directory in options.AllowedDirectories)
        {
            if (string.IsNullOrEmpty(directory) || !System.IO.Path.IsPathFullyQualified(directory))
            {
                throw new ArgumentException($"An allowed directory must be an absolute path: '{directory}'.", nameof(options));
            }

            var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(directory));
            if (full == "/")
            {
                throw new ArgumentException("Allowing '/' would open the whole file system to SQL.", nameof(options));
            }

            // A trailing separator keeps the match a directory prefix whatever DuckDB does.
            allowed.Add(full + "/");
        }

        foreach (var statement in options.Setup)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(statement, nameof(options.Setup));
        }

        return new DuckDbSettings(
            options.Path is null ? null : System.IO.Path.GetFullPath(options.Path),
            options.ReadOnly,
            options.MemoryLimitBytes,
            options.Threads,
            options.TempDirectory is null ? null : System.IO.Path.GetFullPath(options.TempDirectory),
            allowed,
            [.. options.Setup],
            options.QueryTimeout,
            options.MaxRows,
            options.MaxExpressionDepth,
            options.MaxSubqueryDepth);
    }
}
