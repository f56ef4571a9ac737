namespace Contrail.Monitoring.MetricFilters;

/// <summary>
/// One metric: namespace, name and dimension values (sorted by dimension name, ordinal). Every filter
/// that publishes to the same key adds to the same points, as in CloudWatch.
/// </summary>
public sealed record MetricSeriesKey(string Namespace, string Name, IReadOnlyList<KeyValuePair<string, string>> Dimensions)
{
    /// <summary>Equal when namespace, name and every dimension pair are.</summary>
    public bool Equals(MetricSeriesKey? other) =>
        other is not null && Namespace == other.Namespace && Name == other.Name && Dimensions.SequenceEqual(other.Dimensions);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Namespace, StringComparer.Ordinal);
        hash.Add(Name, StringComparer.Ordinal);
        foreach (var (key, value) in Dimensions)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
