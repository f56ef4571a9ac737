namespace Contrail.Monitoring.Alarms;

/// <summary>What a metric alarm tests, already validated (see <see cref="AlarmEvaluator"/>).</summary>
/// <param name="Statistic">How a period's values become its datapoint.</param>
/// <param name="PeriodSeconds">The length of a period in seconds: a positive multiple of 60 (the metrics have 1-minute resolution).</param>
/// <param name="EvaluationPeriods">N: how many of the most recent datapoints are evaluated (at least 1).</param>
/// <param name="DatapointsToAlarm">M: how many of them must breach for <c>ALARM</c> (1 to N).</param>
/// <param name="Threshold">The value the datapoints are compared with.</param>
/// <param name="Comparison">The comparison; a datapoint for which it holds is breaching.</param>
/// <param name="TreatMissingData">How periods without data count.</param>
public sealed record AlarmRule(
    AlarmStatistic Statistic,
    int PeriodSeconds,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    double Threshold,
    AlarmComparison Comparison,
    MissingDataTreatment TreatMissingData)
{
    /// <summary>True when <paramref name="value"/> breaches the threshold.</summary>
    public bool Breaches(double value) => Comparison switch
    {
        AlarmComparison.GreaterThanOrEqualToThreshold => value >= Threshold,
        AlarmComparison.GreaterThanThreshold => value > Threshold,
        AlarmComparison.LessThanThreshold => value < Threshold,
        _ => value <= Threshold,
    };

    /// <summary>
    /// How many periods the evaluator reads (CloudWatch's "evaluation range"): N plus max(2, N / 3) older
    /// ones, so that intermittent data is evaluated on real datapoints before missing ones are filled in.
    /// </summary>
    public int EvaluationRange => EvaluationPeriods + Math.Max(2, EvaluationPeriods / 3);
}
