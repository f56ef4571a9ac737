namespace Contrail.Monitoring.Alarms;

/// <summary>How a period's values become its one datapoint (CloudWatch's <c>Statistic</c>).</summary>
public enum AlarmStatistic
{
    /// <summary><c>SampleCount</c>: how many values were published.</summary>
    SampleCount,

    /// <summary><c>Average</c>: <c>Sum / SampleCount</c>.</summary>
    Average,

    /// <summary><c>Sum</c>.</summary>
    Sum,

    /// <summary><c>Minimum</c>.</summary>
    Minimum,

    /// <summary><c>Maximum</c>.</summary>
    Maximum,
}
