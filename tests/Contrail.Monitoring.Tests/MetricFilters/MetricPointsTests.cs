using System.Text;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Monitoring.Tests.MetricFilters;

public sealed class MetricPointsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 30, 20, TimeSpan.Zero);
    private static readonly MetricSeriesKey Plain = new("CISBenchmark", "RootAccountUsage", []);
    private static readonly MetricSeriesKey Dimensioned = new("App", "Bytes", [new("Source", "a \"quoted\"\nname")]);

    private static MetricPoints Sample()
    {
        var points = new MetricPoints();
        points.Add(Plain, Now.AddMinutes(-1), 1, Now);
        points.Add(Plain, Now.AddMinutes(-1).AddSeconds(-5), 1, Now);
        points.Add(Plain, Now.AddDays(-2), 1, Now); // outside the window: counted in the total only
        points.Add(Dimensioned, Now, 123.5, Now);
        points.Advance(4096, 10, 5, 1, new Dictionary<string, bool> { ["arn:aws:cloudtrail:us-east-1:111122223333:trail/t"] = true });
        return points;
    }

    [Fact]
    public void Samples_LastMinute_IsTheLatestCompleteMinutesSum()
    {
        var samples = Sample().Samples(Now).ToDictionary(s => s.Key);

        samples[Plain].Total.ShouldBe(3);
        samples[Plain].Count.ShouldBe(3);
        samples[Plain].LastMinute.ShouldBe(2);
        samples[Dimensioned].LastMinute.ShouldBeNull(); // the current minute is not complete
    }

    [Fact]
    public void Serialize_ThenDeserialize_KeepsEverything()
    {
        var points = Sample();

        var again = MetricPoints.Deserialize(points.Serialize());

        again.Serialize().ShouldBe(points.Serialize());
        again.Position.ShouldBe(4096);
        again.Counters.ShouldBe((10L, 5L, 1L));
        again.Logging.ShouldBe(points.Logging);
        again.Minutes(Plain).Count.ShouldBe(1);
    }

    [Fact]
    public void Serialize_Golden_TheFileFormatOfDocsDevMetricFilters()
    {
        // docs/dev/metric-filters.md shows this document; change both together (and the version when readers would break).
        Encoding.UTF8.GetString(Sample().Serialize()).ShouldBe(
            """{"Version":1,"Position":4096,"Records":10,"Matches":5,"Unpublishable":1,"Series":[{"Namespace":"App","Name":"Bytes","Dimensions":[{"Name":"Source","Value":"a \u0022quoted\u0022\nname"}],"Total":123.5,"Count":1,"Minutes":[{"Minute":29539470,"Sum":123.5,"Count":1,"Min":123.5,"Max":123.5}]},{"Namespace":"CISBenchmark","Name":"RootAccountUsage","Dimensions":[],"Total":3,"Count":3,"Minutes":[{"Minute":29539469,"Sum":2,"Count":2,"Min":1,"Max":1}]}],"Logging":{"arn:aws:cloudtrail:us-east-1:111122223333:trail/t":true}}""");
    }

    [Fact]
    public void Range_MinutesInTheHalfOpenSpan_WithCountMinAndMax()
    {
        var points = new MetricPoints();
        var minute = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        points.Add(Plain, minute.AddSeconds(10), 4, Now);
        points.Add(Plain, minute.AddSeconds(50), -2, Now);
        points.Add(Plain, minute.AddMinutes(1), 9, Now);
        points.Add(Plain, minute.AddMinutes(2), 1, Now);

        var range = points.Range(Plain, minute, minute.AddMinutes(2));

        range.ShouldBe([new MetricMinute(minute, 2, 2, -2, 4), new MetricMinute(minute.AddMinutes(1), 9, 1, 9, 9)]);
        points.Range(Dimensioned, minute, Now).ShouldBeEmpty();
    }

    [Fact]
    public void Deserialize_AFileWithoutMinAndMax_ReadsTheMinutesMean()
    {
        var points = MetricPoints.Deserialize("""{"Version":1,"Position":0,"Records":0,"Matches":0,"Unpublishable":0,"Series":[{"Namespace":"CISBenchmark","Name":"RootAccountUsage","Dimensions":[],"Total":6,"Count":2,"Minutes":[{"Minute":29539469,"Sum":6,"Count":2}]}]}"""u8);

        var minute = DateTimeOffset.UnixEpoch.AddMinutes(29539469);
        points.Range(Plain, minute, minute.AddMinutes(1)).ShouldBe([new MetricMinute(minute, 6, 2, 3, 3)]);
    }

    [Fact]
    public void Prune_DropsMinutesOlderThanTheWindow_NotTotals()
    {
        var points = Sample();

        points.Prune(Now.AddHours(25));

        points.Minutes(Plain).ShouldBeEmpty();
        points.Samples(Now).Single(s => s.Key == Plain).Total.ShouldBe(3);
    }

    [Fact]
    public void Deserialize_AnotherVersion_IsRefused() =>
        Should.Throw<InvalidDataException>(() => MetricPoints.Deserialize("""{"Version":2,"Position":0,"Records":0,"Matches":0,"Unpublishable":0,"Series":[]}"""u8));

    [Fact]
    public void Exposition_Golden()
    {
        var filters = new[]
        {
            new MetricFilterDefinition("g", "root", "{ $.a = 1 }", new MetricTransformation("RootAccountUsage", "CISBenchmark", "1", null, new Dictionary<string, string>(), null), 0),
            new MetricFilterDefinition("g", "quiet", "{ $.a = 2 }", new MetricTransformation("Quiet", "App", "1", 0, new Dictionary<string, string>(), null), 0),
        };

        var text = PrometheusExposition.Write(Sample().Samples(Now), filters, new PrometheusExposition.SelfMetrics(2, 10, 5, 1, 0));

        var samples = text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        samples.ShouldBe(
        [
            "contrail_metric_filter_value_total{namespace=\"App\",metric_name=\"Bytes\",dim_Source=\"a \\\"quoted\\\"\\nname\"} 123.5",
            "contrail_metric_filter_value_total{namespace=\"App\",metric_name=\"Quiet\"} 0",
            "contrail_metric_filter_value_total{namespace=\"CISBenchmark\",metric_name=\"RootAccountUsage\"} 3",
            "contrail_metric_filter_published_total{namespace=\"App\",metric_name=\"Bytes\",dim_Source=\"a \\\"quoted\\\"\\nname\"} 1",
            "contrail_metric_filter_published_total{namespace=\"App\",metric_name=\"Quiet\"} 0",
            "contrail_metric_filter_published_total{namespace=\"CISBenchmark\",metric_name=\"RootAccountUsage\"} 3",
            "contrail_metric_filter_last_minute{namespace=\"App\",metric_name=\"Quiet\"} 0",
            "contrail_metric_filter_last_minute{namespace=\"CISBenchmark\",metric_name=\"RootAccountUsage\"} 2",
            "contrail_metric_filters 2",
            "contrail_metric_filter_records_total 10",
            "contrail_metric_filter_matches_total 5",
            "contrail_metric_filter_errors_total 1",
            "contrail_metric_filter_journal_lag_bytes 0",
        ]);
        text.ShouldContain("# TYPE contrail_metric_filter_value_total counter\n");
        text.ShouldContain("# TYPE contrail_metric_filter_last_minute gauge\n");
        PrometheusExposition.DimensionLabel("Event.Source-1").ShouldBe("dim_Event_Source_1");
    }
}
