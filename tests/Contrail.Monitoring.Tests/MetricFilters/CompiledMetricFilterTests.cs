using Contrail.Monitoring.MetricFilters;

namespace Contrail.Monitoring.Tests.MetricFilters;

public sealed class CompiledMetricFilterTests
{
    private static CompiledMetricFilter Filter(string pattern, string value, Dictionary<string, string>? dimensions = null) =>
        CompiledMetricFilter.Compile(new MetricFilterDefinition("g", "f", pattern, new MetricTransformation("M", "N", value, null, dimensions ?? [], null), 0));

    [Fact]
    public void Evaluate_ConstantValue_PublishesItToTheFixedSeries()
    {
        var filter = Filter("{ $.eventName = X }", "2.5");

        filter.Evaluate("""{"eventName":"X"}"""u8, out var key, out var value).ShouldBe(MetricFilterOutcome.Published);
        key.ShouldBe(new MetricSeriesKey("N", "M", []));
        value.ShouldBe(2.5);
        filter.Evaluate("""{"eventName":"Y"}"""u8, out _, out _).ShouldBe(MetricFilterOutcome.NoMatch);
    }

    [Fact]
    public void Evaluate_SelectorValue_IsTheFieldsNumber_OrUnpublishable()
    {
        var filter = Filter("{ $.eventName = X }", "$.bytes");

        filter.Evaluate("""{"eventName":"X","bytes":"40"}"""u8, out _, out var value).ShouldBe(MetricFilterOutcome.Published);
        value.ShouldBe(40);
        filter.Evaluate("""{"eventName":"X"}"""u8, out _, out _).ShouldBe(MetricFilterOutcome.Unpublishable);
        filter.Evaluate("""{"eventName":"X","bytes":"many"}"""u8, out _, out _).ShouldBe(MetricFilterOutcome.Unpublishable);
    }

    [Fact]
    public void Evaluate_Dimensions_KeyTheSeriesByTheirValues_SortedByName()
    {
        var filter = Filter("{ $.eventName = * }", "1", new() { ["Src"] = "$.eventSource", ["Acct"] = "$.recipientAccountId" });

        filter.Evaluate("""{"eventName":"X","eventSource":"s3.amazonaws.com","recipientAccountId":"111122223333"}"""u8, out var key, out _)
            .ShouldBe(MetricFilterOutcome.Published);
        key!.Dimensions.ShouldBe([new("Acct", "111122223333"), new("Src", "s3.amazonaws.com")]);
        key.ShouldBe(new MetricSeriesKey("N", "M", [new("Acct", "111122223333"), new("Src", "s3.amazonaws.com")]));
        filter.Evaluate("""{"eventName":"X","eventSource":null,"recipientAccountId":"1"}"""u8, out _, out _).ShouldBe(MetricFilterOutcome.Unpublishable);
    }

    [Fact]
    public void Compile_InvalidParts_Throw()
    {
        Should.Throw<ArgumentException>(() => Filter("{ $.a }", "1"));
        Should.Throw<ArgumentException>(() => Filter("", "one"));
        Should.Throw<ArgumentException>(() => Filter("", "1", new() { ["D"] = "literal" }));
    }
}
