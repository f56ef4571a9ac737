using System.Text.Json;
using Contrail.Api.Service;
using Contrail.Journal.Segments;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.Logs.MetricFilters;

/// <summary>
/// Every metric filter: the one owner of <c>DATA_DIR/monitoring/metric-filters.json</c>, loaded at
/// start and rewritten atomically (<see cref="DiskSync.ReplaceFile"/>) on every change, before the
/// change is visible. Thread-safe: one lock serializes changes; readers get immutable snapshots,
/// including the compiled filters by log group (<see cref="Compiled"/>), rebuilt on each change.
/// A failed write throws and leaves the catalog as it was.
/// </summary>
internal sealed class MetricFilterCatalog
{
    /// <summary>CloudWatch Logs' quota: 100 metric filters per log group.</summary>
    public const int MaxPerLogGroup = 100;

    private static readonly IComparer<MetricFilterDefinition> Order = Comparer<MetricFilterDefinition>.Create((a, b) =>
    {
        var byGroup = string.CompareOrdinal(a.LogGroupName, b.LogGroupName);
        return byGroup != 0 ? byGroup : string.CompareOrdinal(a.FilterName, b.FilterName);
    });

    private readonly Lock _lock = new();
    private readonly string _path;
    private volatile Snapshot _snapshot;

    public MetricFilterCatalog(ContrailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.Combine(settings.DataDirectory, "monitoring");
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _path = Path.Combine(directory, "metric-filters.json");
        _snapshot = Snapshot.Of(Load(_path));
    }

    /// <summary>The file the catalog persists to.</summary>
    public string FilePath => _path;

    /// <summary>Every filter, ordered by log group name, then filter name (ordinal).</summary>
    public IReadOnlyList<MetricFilterDefinition> List() => _snapshot.Filters;

    /// <summary>The compiled filters of each log group (an immutable snapshot, replaced on every change).</summary>
    public IReadOnlyDictionary<string, CompiledMetricFilter[]> Compiled => _snapshot.ByLogGroup;

    public MetricFilterDefinition? Find(string logGroupName, string filterName) =>
        _snapshot.Filters.FirstOrDefault(f => f.LogGroupName == logGroupName && f.FilterName == filterName);

    /// <summary>
    /// Adds a filter, or replaces the one of the same log group and name (keeping its creation time),
    /// unless the log group already holds <see cref="MaxPerLogGroup"/> others. Decided under the lock.
    /// </summary>
    public MetricFilterPutOutcome Put(MetricFilterDefinition filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_lock)
        {
            var filters = _snapshot.Filters;
            var existing = filters.FirstOrDefault(f => f.LogGroupName == filter.LogGroupName && f.FilterName == filter.FilterName);
            if (existing is null && filters.Count(f => f.LogGroupName == filter.LogGroupName) >= MaxPerLogGroup)
            {
                return MetricFilterPutOutcome.LimitReached;
            }

            var next = filters.Where(f => !ReferenceEquals(f, existing)).ToList();
            next.Add(existing is null ? filter : filter with { CreationTime = existing.CreationTime });
            Commit(next);
            return existing is null ? MetricFilterPutOutcome.Added : MetricFilterPutOutcome.Replaced;
        }
    }

    /// <summary>Removes a filter; false when there is no such filter.</summary>
    public bool Remove(string logGroupName, string filterName)
    {
        lock (_lock)
        {
            var filters = _snapshot.Filters;
            var next = filters.Where(f => !(f.LogGroupName == logGroupName && f.FilterName == filterName)).ToList();
            if (next.Count == filters.Count)
            {
                return false;
            }

            Commit(next);
            return true;
        }
    }

    // Caller holds _lock. The file is written first: if that throws, the snapshot is untouched.
    private void Commit(List<MetricFilterDefinition> next)
    {
        next.Sort(Order);
        var document = new MetricFiltersDocument(MetricFiltersDocument.CurrentVersion, next);
        DiskSync.ReplaceFile(_path, JsonSerializer.SerializeToUtf8Bytes(document, MetricFiltersJsonContext.Default.MetricFiltersDocument));
        _snapshot = Snapshot.Of(next);
    }

    private static List<MetricFilterDefinition> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var document = JsonSerializer.Deserialize(File.ReadAllBytes(path), MetricFiltersJsonContext.Default.MetricFiltersDocument)
            ?? throw new InvalidDataException($"{path} is empty.");
        if (document.Version != MetricFiltersDocument.CurrentVersion)
        {
            throw new InvalidDataException($"{path} has version {document.Version}; this build reads version {MetricFiltersDocument.CurrentVersion}.");
        }

        var filters = document.Filters.Select(f => f with
        {
            Transformation = f.Transformation with { Dimensions = f.Transformation.Dimensions ?? new Dictionary<string, string>() },
        }).ToList();
        filters.Sort(Order);
        return filters;
    }

    private sealed record Snapshot(IReadOnlyList<MetricFilterDefinition> Filters, IReadOnlyDictionary<string, CompiledMetricFilter[]> ByLogGroup)
    {
        public static Snapshot Of(List<MetricFilterDefinition> filters) => new(
            filters,
            filters.GroupBy(f => f.LogGroupName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(CompiledMetricFilter.Compile).ToArray(), StringComparer.Ordinal));
    }
}
