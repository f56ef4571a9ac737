namespace Contrail.Monitoring.Alarms;

/// <summary>How an alarm treats periods without data (CloudWatch's <c>TreatMissingData</c>; default <c>missing</c>).</summary>
public enum MissingDataTreatment
{
    /// <summary><c>missing</c>: when every period of the evaluation range is missing, the alarm is <c>INSUFFICIENT_DATA</c>.</summary>
    Missing,

    /// <summary><c>notBreaching</c>: a missing period counts as within the threshold.</summary>
    NotBreaching,

    /// <summary><c>breaching</c>: a missing period counts as breaching.</summary>
    Breaching,

    /// <summary><c>ignore</c>: missing periods do not change the state.</summary>
    Ignore,
}
