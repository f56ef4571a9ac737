namespace Contrail.Monitoring.MetricFilters;

/// <summary>What one record did to one metric filter.</summary>
public enum MetricFilterOutcome
{
    /// <summary>The pattern did not match.</summary>
    NoMatch,

    /// <summary>The pattern matched and a value was published.</summary>
    Published,

    /// <summary>
    /// The pattern matched but nothing could be published: the <c>metricValue</c> selector found no
    /// number, or a dimension selector found no string or number (CloudWatch publishes nothing then).
    /// </summary>
    Unpublishable,
}
