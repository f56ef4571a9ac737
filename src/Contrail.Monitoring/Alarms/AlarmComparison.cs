namespace Contrail.Monitoring.Alarms;

/// <summary>How a datapoint is compared with the threshold (CloudWatch's <c>ComparisonOperator</c>); a datapoint for which it holds is breaching.</summary>
public enum AlarmComparison
{
    /// <summary><c>GreaterThanOrEqualToThreshold</c>.</summary>
    GreaterThanOrEqualToThreshold,

    /// <summary><c>GreaterThanThreshold</c>.</summary>
    GreaterThanThreshold,

    /// <summary><c>LessThanThreshold</c>.</summary>
    LessThanThreshold,

    /// <summary><c>LessThanOrEqualToThreshold</c>.</summary>
    LessThanOrEqualToThreshold,
}
