using Contrail.Monitoring.Insights;
using static Contrail.Monitoring.Tests.Insights.InsightTraffic;

namespace Contrail.Monitoring.Tests.Insights;

public sealed class InsightDetectorTests
{
    private const long TwoDays = 2 * 24 * 60;

    private static InsightDetector Detector(Action<InsightOptions>? change = null)
    {
        var options = new InsightOptions();
        change?.Invoke(options);
        return new InsightDetector(options);
    }

    [Fact]
    public void CloseBefore_SpikeOfThreeMinutesAfterTwoDays_StartsAtTheSpikeAndEndsWhenItFalls()
    {
        var detector = Detector();
        Feed(detector, 0, TwoDays, Background, m => Write(m));
        Feed(detector, TwoDays, TwoDays + 3, _ => 60, m => Write(m));
        Feed(detector, TwoDays + 3, TwoDays + 10, Background, m => Write(m));

        var found = detector.CloseBefore(Minute(TwoDays + 10));

        found.Count.ShouldBe(2);
        var (start, end) = (found[0], found[1]);
        start.State.ShouldBe(InsightState.Start);
        start.EventTime.ShouldBe(Minute(TwoDays));
        start.Key.ShouldBe(new InsightSeriesKey(InsightType.ApiCallRateInsight, "us-east-1", "s3.amazonaws.com", "PutObjectAcl", null));
        start.BaselineAverage.ShouldBe(2.0, 0.001);
        start.BaselineDeviation.ShouldBe(Math.Sqrt(2.0 / 3), 0.001);
        start.BaselineDuration.ShouldBe(TwoDays);
        start.InsightAverage.ShouldBe(60);
        start.InsightDuration.ShouldBe(1);
        start.Threshold.ShouldBe(10);
        end.State.ShouldBe(InsightState.End);
        end.EventTime.ShouldBe(Minute(TwoDays + 3));
        end.InsightAverage.ShouldBe(60);
        end.InsightDuration.ShouldBe(3);
        end.BaselineAverage.ShouldBe(start.BaselineAverage);
        end.SharedEventId.ShouldBe(start.SharedEventId);
        end.EventId.ShouldNotBe(start.EventId);
        Guid.TryParse(start.EventId, out _).ShouldBeTrue();
    }

    [Fact]
    public void CloseBefore_SpikeDuringWarmUp_ReportsNothing()
    {
        var detector = Detector();
        Feed(detector, 0, 60, Background, m => Write(m));
        Feed(detector, 60, 61, _ => 500, m => Write(m));

        detector.CloseBefore(Minute(120)).ShouldBeEmpty();
    }

    [Fact]
    public void CloseBefore_SpikeUnderTheMinimumCount_ReportsNothing()
    {
        var detector = Detector(o => o.MinimumCount = 100);
        Feed(detector, 0, TwoDays, Background, m => Write(m));
        Feed(detector, TwoDays, TwoDays + 1, _ => 99, m => Write(m));

        detector.CloseBefore(Minute(TwoDays + 5)).ShouldBeEmpty();
    }

    [Fact]
    public void CloseBefore_MinuteWithinSigma_IsNotAnomalous()
    {
        // Busy, noisy background: 0 or 40 calls a minute (mean 20, deviation 20): 70 is not above 20 + 3·20.
        var detector = Detector();
        Feed(detector, 0, TwoDays, m => m % 2 == 0 ? 40 : 0, m => Write(m));
        Feed(detector, TwoDays, TwoDays + 1, _ => 70, m => Write(m));
        detector.CloseBefore(Minute(TwoDays + 1)).ShouldBeEmpty();

        Feed(detector, TwoDays + 1, TwoDays + 2, _ => 90, m => Write(m));
        var found = detector.CloseBefore(Minute(TwoDays + 2)).ShouldHaveSingleItem();
        found.State.ShouldBe(InsightState.Start);
        found.Threshold.ShouldBe(80, 0.5);
    }

    [Fact]
    public void CloseBefore_SpikeThenSilence_EndsAtTheFirstQuietMinute()
    {
        var detector = Detector();
        Feed(detector, 0, TwoDays, Background, m => Write(m));
        Feed(detector, TwoDays, TwoDays + 2, _ => 40, m => Write(m));

        var found = detector.CloseBefore(Minute(TwoDays + 600));

        found.Select(f => (f.State, f.EventTime)).ShouldBe([(InsightState.Start, Minute(TwoDays)), (InsightState.End, Minute(TwoDays + 2))]);
        found[1].InsightDuration.ShouldBe(2);
    }

    [Fact]
    public void CloseBefore_StartAndEndInSeparateCloses_AreReportedOnceEach()
    {
        var detector = Detector();
        Feed(detector, 0, TwoDays, Background, m => Write(m));
        detector.CloseBefore(Minute(TwoDays)).ShouldBeEmpty();
        Feed(detector, TwoDays, TwoDays + 1, _ => 40, m => Write(m));
        detector.CloseBefore(Minute(TwoDays + 1)).ShouldHaveSingleItem().State.ShouldBe(InsightState.Start);
        Feed(detector, TwoDays + 1, TwoDays + 2, _ => 45, m => Write(m));
        detector.CloseBefore(Minute(TwoDays + 2)).ShouldBeEmpty();
        detector.CloseBefore(Minute(TwoDays + 3)).ShouldHaveSingleItem().State.ShouldBe(InsightState.End);
        detector.CloseBefore(Minute(TwoDays + 30)).ShouldBeEmpty();
    }

    [Fact]
    public void Observe_ReadOnlyManagementCalls_CountForErrorsOnly()
    {
        var detector = Detector();
        Feed(detector, 0, TwoDays, _ => 1, m => Write(m, readOnly: true, errorCode: m % 10 == 0 ? "AccessDenied" : null)).ShouldBe(TwoDays / 10);
        detector.Observe(Write(0, errorCode: "AccessDenied", category: "Insight")).ShouldBeFalse();
        Feed(detector, TwoDays, TwoDays + 1, _ => 30, m => Write(m, readOnly: true)).ShouldBe(0);
        Feed(detector, TwoDays + 1, TwoDays + 2, _ => 30, m => Write(m, readOnly: true, errorCode: "AccessDenied")).ShouldBe(30);

        var found = detector.CloseBefore(Minute(TwoDays + 3));

        var start = found.First(f => f.State == InsightState.Start);
        start.Key.ShouldBe(new InsightSeriesKey(InsightType.ApiErrorRateInsight, "us-east-1", "s3.amazonaws.com", "PutObjectAcl", "AccessDenied"));
        start.EventTime.ShouldBe(Minute(TwoDays + 1));
        start.BaselineAverage.ShouldBe(0.1, 0.001);
        found.ShouldAllBe(f => f.Key.Type == InsightType.ApiErrorRateInsight);
    }

    [Fact]
    public void Observe_CallForAClosedMinute_IsLateAndIgnored()
    {
        var detector = Detector();
        Feed(detector, 0, 10, Background, m => Write(m));
        detector.CloseBefore(Minute(10));

        detector.Observe(Write(9)).ShouldBeFalse();
        detector.Observe(Write(10)).ShouldBeTrue();
        detector.State.Late.ShouldBe(1);
    }

    [Fact]
    public void Attributions_ListTheTopFiveValuesByAverage_WithTheirBaseline()
    {
        var detector = Detector();
        Feed(detector, 0, TwoDays, _ => 1, m => Write(m, user: "arn:aws:iam::111122223333:user/steady"));
        // 7 users in the spike: user-k makes k + 1 calls (28 in all).
        var spike = Enumerable.Range(0, 7).SelectMany(k => Enumerable.Repeat($"arn:aws:iam::111122223333:user/u{k}", k + 1)).ToList();
        foreach (var user in spike)
        {
            detector.Observe(Write(TwoDays, user: user, agent: "boto3/1.43"));
        }

        var start = detector.CloseBefore(Minute(TwoDays + 1)).ShouldHaveSingleItem();

        start.Attributions.Select(a => a.Attribute).ShouldBe(["userIdentityArn", "userAgent", "errorCode"]);
        var users = start.Attributions[0];
        users.Insight.Select(v => v.Value).ShouldBe(new[] { "u6", "u5", "u4", "u3", "u2" }.Select(u => $"arn:aws:iam::111122223333:user/{u}"));
        users.Insight[0].Average.ShouldBe(7);
        users.Baseline.ShouldHaveSingleItem().ShouldBe(new InsightAttributionValue("arn:aws:iam::111122223333:user/steady", 1.0));
        start.Attributions[1].Insight.ShouldHaveSingleItem().ShouldBe(new InsightAttributionValue("boto3/1.43", 28));
        start.Attributions[2].Insight.ShouldHaveSingleItem().ShouldBe(new InsightAttributionValue("null", 28));
    }

    [Fact]
    public void Baseline_AfterMoreThanTheWindow_CoversSevenDaysOfWholeHours()
    {
        var detector = Detector();
        const long NineDays = 9 * 24 * 60;
        // A busy first day (20 a minute) falls out of the window: the baseline is the quiet 1 a minute after it.
        Feed(detector, 0, 24 * 60, _ => 20, m => Write(m));
        Feed(detector, 24 * 60, NineDays, _ => 1, m => Write(m));
        Feed(detector, NineDays, NineDays + 1, _ => 15, m => Write(m));

        var start = detector.CloseBefore(Minute(NineDays + 1)).ShouldHaveSingleItem();

        start.BaselineDuration.ShouldBe(7 * 24 * 60);
        start.BaselineAverage.ShouldBe(1.0);
        detector.State.Series.ShouldHaveSingleItem().Hours.Count.ShouldBeLessThanOrEqualTo((7 * 24) + 2);
    }

    [Fact]
    public void Serialize_MidInsight_ResumesWithTheSameSharedId()
    {
        var detector = Detector();
        Feed(detector, 0, TwoDays, Background, m => Write(m));
        Feed(detector, TwoDays, TwoDays + 1, _ => 40, m => Write(m));
        var start = detector.CloseBefore(Minute(TwoDays + 1)).ShouldHaveSingleItem();
        Feed(detector, TwoDays + 1, TwoDays + 2, _ => 2, m => Write(m));
        detector.Position = 4242;

        var resumed = new InsightDetector(new InsightOptions(), InsightDetector.Deserialize(detector.Serialize()));

        resumed.Position.ShouldBe(4242);
        var end = resumed.CloseBefore(Minute(TwoDays + 2)).ShouldHaveSingleItem();
        end.State.ShouldBe(InsightState.End);
        end.SharedEventId.ShouldBe(start.SharedEventId);
        end.InsightDuration.ShouldBe(1);
    }

    [Fact]
    public void Ids_SameTrafficInTwoDetectors_AreTheSame()
    {
        IReadOnlyList<InsightOccurrence> Run()
        {
            var detector = Detector();
            Feed(detector, 0, TwoDays, Background, m => Write(m));
            Feed(detector, TwoDays, TwoDays + 1, _ => 40, m => Write(m));
            return detector.CloseBefore(Minute(TwoDays + 5));
        }

        Run().Select(o => o.EventId).ShouldBe(Run().Select(o => o.EventId));
    }

    [Fact]
    public void Baselines_ShowMeanDeviationAndThreshold()
    {
        var detector = Detector(o => o.Sigma = 2);
        Feed(detector, 0, TwoDays, m => m % 2 == 0 ? 30 : 10, m => Write(m));
        detector.CloseBefore(Minute(TwoDays));

        var baseline = detector.Baselines(Minute(TwoDays)).ShouldHaveSingleItem();

        baseline.Average.ShouldBe(20, 0.001);
        baseline.Deviation.ShouldBe(10, 0.001);
        baseline.Threshold.ShouldBe(40, 0.001);
        baseline.Active.ShouldBeFalse();
    }

    [Fact]
    public void Deserialize_OtherVersionOrGarbage_Throws()
    {
        Should.Throw<InvalidDataException>(() => InsightDetector.Deserialize("{\"Version\":2,\"Series\":[]}"u8));
        Should.Throw<InvalidDataException>(() => InsightDetector.Deserialize("not json"u8));
    }

    [Theory]
    [InlineData(0.5, 36, 3, 2, 10)]
    [InlineData(168, -1, 3, 2, 10)]
    [InlineData(168, 36, -1, 2, 10)]
    [InlineData(168, 36, 3, 0.5, 10)]
    [InlineData(168, 36, 3, 2, 0)]
    public void Options_OutOfRange_AreRefused(double baselineHours, double warmUpHours, double sigma, double ratio, long minimum)
    {
        var options = new InsightOptions
        {
            Baseline = TimeSpan.FromHours(baselineHours),
            WarmUp = TimeSpan.FromHours(warmUpHours),
            Sigma = sigma,
            MinimumRatio = ratio,
            MinimumCount = minimum,
        };

        Should.Throw<ArgumentOutOfRangeException>(() => new InsightDetector(options));
    }
}
