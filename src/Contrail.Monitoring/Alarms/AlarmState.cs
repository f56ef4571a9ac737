namespace Contrail.Monitoring.Alarms;

/// <summary>A metric alarm's state, as CloudWatch names them (<c>OK</c>, <c>ALARM</c>, <c>INSUFFICIENT_DATA</c>).</summary>
public enum AlarmState
{
    /// <summary><c>INSUFFICIENT_DATA</c>: not enough data to decide (every new alarm starts here).</summary>
    InsufficientData,

    /// <summary><c>OK</c>: the metric is within the threshold.</summary>
    Ok,

    /// <summary><c>ALARM</c>: the metric crossed the threshold.</summary>
    Alarm,
}
