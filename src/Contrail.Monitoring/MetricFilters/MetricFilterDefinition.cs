namespace Contrail.Monitoring.MetricFilters;

/// <summary>A metric filter as PutMetricFilter made it: on one log group, one pattern, one transformation.</summary>
/// <param name="LogGroupName">The log group the filter is on (a trail's <c>CloudWatchLogsLogGroupArn</c> names it).</param>
/// <param name="FilterName">Unique within the log group.</param>
/// <param name="FilterPattern">The pattern text as given (at most 1024 characters).</param>
/// <param name="Transformation">What a match publishes (CloudWatch allows exactly one transformation).</param>
/// <param name="CreationTime">When the filter was first put, milliseconds since the Unix epoch.</param>
public sealed record MetricFilterDefinition(
    string LogGroupName,
    string FilterName,
    string FilterPattern,
    MetricTransformation Transformation,
    long CreationTime);
