using Contrail.Monitoring.Alarms;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Monitoring.Tests.Alarms;

/// <summary>
/// The evaluator against CloudWatch's documented rules. Ranges are written as in CloudWatch's guide,
/// oldest first: <c>X</c> a breaching datapoint (5), <c>0</c> one within the threshold, <c>-</c> missing.
/// </summary>
public sealed class AlarmEvaluatorTests
{
    // 10:05:30 on 21 Nov 2026: the range of a 60 s period ends at 10:05:00.
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 5, 30, TimeSpan.Zero);

    private static AlarmRule Rule(int n = 3, int m = 3, MissingDataTreatment missing = MissingDataTreatment.Missing,
        AlarmStatistic statistic = AlarmStatistic.Sum, AlarmComparison comparison = AlarmComparison.GreaterThanOrEqualToThreshold, int period = 60) =>
        new(statistic, period, n, m, 1, comparison, missing);

    /// <summary>One minute per character of <paramref name="pattern"/>, ending at the range's end.</summary>
    private static List<MetricMinute> Minutes(string pattern, AlarmRule rule)
    {
        var cells = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        cells.Length.ShouldBe(rule.EvaluationRange);
        var start = AlarmEvaluator.RangeStart(rule, Now);
        var minutes = new List<MetricMinute>();
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] != "-")
            {
                var value = cells[i] == "X" ? 5 : 0;
                minutes.Add(new MetricMinute(start.AddMinutes(i), value, 1, value, value));
            }
        }

        return minutes;
    }

    private static AlarmEvaluation Run(string pattern, AlarmRule rule, AlarmState current = AlarmState.Ok) =>
        AlarmEvaluator.Evaluate(rule, Minutes(pattern, rule), Now, current);

    // CloudWatch's table ("How alarm state is evaluated when data is missing"), a 3-of-3 alarm, range 5.
    [Theory]
    [InlineData("0 - X - X", MissingDataTreatment.Missing, AlarmState.Ok)]
    [InlineData("0 - X - X", MissingDataTreatment.Ignore, AlarmState.Ok)]
    [InlineData("0 - X - X", MissingDataTreatment.Breaching, AlarmState.Ok)]
    [InlineData("0 - X - X", MissingDataTreatment.NotBreaching, AlarmState.Ok)]
    [InlineData("0 - - - -", MissingDataTreatment.Missing, AlarmState.Ok)]
    [InlineData("0 - - - -", MissingDataTreatment.Ignore, AlarmState.Ok)]
    [InlineData("0 - - - -", MissingDataTreatment.Breaching, AlarmState.Ok)]
    [InlineData("0 - - - -", MissingDataTreatment.NotBreaching, AlarmState.Ok)]
    [InlineData("- - - - -", MissingDataTreatment.Missing, AlarmState.InsufficientData)]
    [InlineData("- - - - -", MissingDataTreatment.Breaching, AlarmState.Alarm)]
    [InlineData("- - - - -", MissingDataTreatment.NotBreaching, AlarmState.Ok)]
    [InlineData("0 X X - X", MissingDataTreatment.Missing, AlarmState.Alarm)]
    [InlineData("0 X X - X", MissingDataTreatment.Ignore, AlarmState.Alarm)]
    [InlineData("0 X X - X", MissingDataTreatment.Breaching, AlarmState.Alarm)]
    [InlineData("0 X X - X", MissingDataTreatment.NotBreaching, AlarmState.Alarm)]
    [InlineData("- - X - -", MissingDataTreatment.Missing, AlarmState.Alarm)]
    [InlineData("- - X - -", MissingDataTreatment.Breaching, AlarmState.Alarm)]
    [InlineData("- - X - -", MissingDataTreatment.NotBreaching, AlarmState.Ok)]
    public void Evaluate_CloudWatchsMissingDataTable(string pattern, MissingDataTreatment missing, AlarmState expected)
    {
        var evaluation = Run(pattern, Rule(missing: missing));

        evaluation.Retain.ShouldBeFalse();
        evaluation.State.ShouldBe(expected);
    }

    [Theory]
    [InlineData("- - - - -", AlarmState.Ok)]
    [InlineData("- - - - -", AlarmState.Alarm)]
    [InlineData("- - X - -", AlarmState.Ok)]
    [InlineData("- - X - -", AlarmState.InsufficientData)]
    public void Evaluate_IgnoreWithUndecidableData_RetainsTheCurrentState(string pattern, AlarmState current)
    {
        var evaluation = Run(pattern, Rule(missing: MissingDataTreatment.Ignore), current);

        evaluation.Retain.ShouldBeTrue();
        evaluation.State.ShouldBe(current);
    }

    [Theory]
    [InlineData("- - 0 X X", 2, AlarmState.Alarm)]  // 2 of the last 3 breach
    [InlineData("- - X 0 X", 2, AlarmState.Alarm)]
    [InlineData("- - X 0 0", 2, AlarmState.Ok)]
    [InlineData("X X 0 0 X", 2, AlarmState.Ok)]     // only the most recent 3 real datapoints count
    [InlineData("X X - 0 X", 2, AlarmState.Alarm)]  // 4 real: the last 3 are X 0 X
    [InlineData("- - - - X", 1, AlarmState.Alarm)]
    public void Evaluate_MOutOfN(string pattern, int m, AlarmState expected) =>
        Run(pattern, Rule(m: m)).State.ShouldBe(expected);

    [Theory]
    [InlineData("- - - X -", MissingDataTreatment.Missing, AlarmState.Ok)]   // 2 old < M=3, not premature: real data alone is within
    [InlineData("- - - X -", MissingDataTreatment.Breaching, AlarmState.Alarm)] // 1 + 2 filled breaching
    [InlineData("- - 0 X -", MissingDataTreatment.Breaching, AlarmState.Ok)]    // 1 + 1 filled < 3
    [InlineData("- - X X -", MissingDataTreatment.NotBreaching, AlarmState.Ok)] // 2 + 0 < 3
    [InlineData("- - X - X", MissingDataTreatment.Missing, AlarmState.Alarm)]   // premature-transition rule
    [InlineData("- - X 0 X", MissingDataTreatment.Missing, AlarmState.Ok)]      // a more recent datapoint is within
    public void Evaluate_FewerThanNRealDatapoints(string pattern, MissingDataTreatment missing, AlarmState expected) =>
        Run(pattern, Rule(missing: missing)).State.ShouldBe(expected);

    [Theory]
    [InlineData(AlarmComparison.GreaterThanOrEqualToThreshold, 1, true)]
    [InlineData(AlarmComparison.GreaterThanOrEqualToThreshold, 0.5, false)]
    [InlineData(AlarmComparison.GreaterThanThreshold, 1, false)]
    [InlineData(AlarmComparison.GreaterThanThreshold, 1.5, true)]
    [InlineData(AlarmComparison.LessThanThreshold, 1, false)]
    [InlineData(AlarmComparison.LessThanThreshold, 0.5, true)]
    [InlineData(AlarmComparison.LessThanOrEqualToThreshold, 1, true)]
    [InlineData(AlarmComparison.LessThanOrEqualToThreshold, 1.5, false)]
    public void Breaches_EachComparisonOperator(AlarmComparison comparison, double value, bool expected) =>
        Rule(comparison: comparison).Breaches(value).ShouldBe(expected);

    [Theory]
    [InlineData(AlarmStatistic.Sum, 12)]
    [InlineData(AlarmStatistic.SampleCount, 5)]
    [InlineData(AlarmStatistic.Average, 2.4)]
    [InlineData(AlarmStatistic.Minimum, -1)]
    [InlineData(AlarmStatistic.Maximum, 7)]
    public void Datapoints_StatisticOverAFiveMinutePeriod(AlarmStatistic statistic, double expected)
    {
        var rule = Rule(n: 1, m: 1, statistic: statistic, period: 300);
        var now = new DateTimeOffset(2026, 11, 21, 10, 7, 0, TimeSpan.Zero); // the last complete period: 10:00–10:05
        var minutes = new List<MetricMinute>
        {
            new(new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), 6, 2, -1, 7),
            new(new(2026, 11, 21, 10, 4, 0, TimeSpan.Zero), 6, 3, 1, 3),
            new(new(2026, 11, 21, 10, 5, 0, TimeSpan.Zero), 100, 1, 100, 100), // the current, partial period: not evaluated
            new(new(2026, 11, 21, 9, 49, 0, TimeSpan.Zero), 100, 1, 100, 100), // before the range (3 periods from 9:50): not evaluated
        };

        var datapoints = AlarmEvaluator.Datapoints(rule, minutes, now);

        datapoints.Count.ShouldBe(3);
        datapoints[^1].Start.ShouldBe(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
        datapoints[^1].Value!.Value.ShouldBe(expected, 1e-9);
        datapoints[^1].SampleCount.ShouldBe(5);
        datapoints[0].Value.ShouldBeNull();
        datapoints[1].Start.ShouldBe(new DateTimeOffset(2026, 11, 21, 9, 55, 0, TimeSpan.Zero));
        datapoints[1].Value.ShouldBeNull();
    }

    [Fact]
    public void Reason_OneDatapointBreaching_IsCloudWatchsText()
    {
        var evaluation = Run("- - X", Rule(n: 1, m: 1));

        evaluation.State.ShouldBe(AlarmState.Alarm);
        evaluation.Reason.ShouldBe("Threshold Crossed: 1 datapoint [5.0 (21/11/26 10:04:00)] was greater than or equal to the threshold (1.0).");
    }

    [Fact]
    public void Reason_OneDatapointWithin_SaysNot()
    {
        var evaluation = Run("- - 0", Rule(n: 1, m: 1, comparison: AlarmComparison.GreaterThanThreshold));

        evaluation.State.ShouldBe(AlarmState.Ok);
        evaluation.Reason.ShouldBe("Threshold Crossed: 1 datapoint [0.0 (21/11/26 10:04:00)] was not greater than the threshold (1.0).");
    }

    [Fact]
    public void Reason_MOutOfN_NamesTheTransitionMinimum()
    {
        var evaluation = Run("- - X 0 X", Rule(m: 2), AlarmState.Ok);

        evaluation.Reason.ShouldBe("Threshold Crossed: 2 out of the last 3 datapoints [5.0 (21/11/26 10:04:00), 5.0 (21/11/26 10:02:00)] were greater than or equal to the threshold (1.0) (minimum 2 datapoints for OK -> ALARM transition).");
    }

    [Theory]
    [InlineData(MissingDataTreatment.Missing, "Insufficient Data: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Missing].")]
    [InlineData(MissingDataTreatment.Breaching, "Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].")]
    [InlineData(MissingDataTreatment.NotBreaching, "Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [NonBreaching].")]
    public void Reason_NoData(MissingDataTreatment missing, string expected) =>
        Run("- - - - -", Rule(missing: missing)).Reason.ShouldBe(expected);

    [Fact]
    public void Reason_FilledDatapoints_AreNamed()
    {
        var evaluation = Run("- - - - X", Rule(missing: MissingDataTreatment.Breaching));

        evaluation.Reason.ShouldBe("Threshold Crossed: 1 datapoint [5.0 (21/11/26 10:04:00)] was greater than or equal to the threshold (1.0) and 2 missing datapoints were treated as [Breaching].");
    }

    [Fact]
    public void ReasonData_HasCloudWatchsMembers()
    {
        var evaluation = Run("- 0 X", Rule(n: 1, m: 1));

        evaluation.ReasonData.ShouldBe("""{"version":"1.0","queryDate":"2026-11-21T10:05:30.000+0000","startDate":"2026-11-21T10:04:00.000+0000","statistic":"Sum","period":60,"recentDatapoints":[0,5],"threshold":1,"evaluatedDatapoints":[{"timestamp":"2026-11-21T10:04:00.000+0000","sampleCount":1,"value":5}]}""");
    }

    [Theory]
    [InlineData(5, "5.0")]
    [InlineData(0.25, "0.25")]
    [InlineData(-3, "-3.0")]
    [InlineData(1e20, "1.0E20")]
    [InlineData(1.5e20, "1.5E20")]
    public void FormatValue_AsCloudWatchWritesNumbers(double value, string expected) =>
        AlarmEvaluator.FormatValue(value).ShouldBe(expected);

    [Fact]
    public void RangeEnd_AlignsPeriodsToTheEpoch()
    {
        var rule = Rule(period: 300);

        AlarmEvaluator.RangeEnd(rule, new DateTimeOffset(2026, 11, 21, 10, 9, 59, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 11, 21, 10, 5, 0, TimeSpan.Zero));
        AlarmEvaluator.RangeEnd(rule, new DateTimeOffset(2026, 11, 21, 10, 10, 0, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 11, 21, 10, 10, 0, TimeSpan.Zero));
        AlarmEvaluator.RangeStart(rule, new DateTimeOffset(2026, 11, 21, 10, 10, 0, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 11, 21, 9, 45, 0, TimeSpan.Zero)); // 5 periods
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 5)]
    [InlineData(9, 12)]
    public void EvaluationRange_IsNPlusAtLeastTwo(int n, int expected) => Rule(n: n, m: 1).EvaluationRange.ShouldBe(expected);
}
