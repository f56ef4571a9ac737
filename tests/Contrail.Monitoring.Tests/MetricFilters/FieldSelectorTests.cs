using System.Text;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Monitoring.Tests.MetricFilters;

public sealed class FieldSelectorTests
{
    private const string Record = """{"a":{"b":[10,{"c":"x\"y"}],"n":null,"t":true,"s":"250"},"a2":1,"a":{"b":"second"}}""";

    [Theory]
    [InlineData("$.a.b[0]", "10", true)]
    [InlineData("$.a.b[1].c", "x\"y", false)]
    [InlineData("$.a.s", "250", false)]
    [InlineData("$.a.t", "true", false)]
    [InlineData("$.a.n", "null", false)]
    [InlineData("$.a2", "1", true)]
    public void Read_FindsTheFirstOccurrence(string selector, string text, bool isNumber)
    {
        var reading = FieldSelector.TryParse(selector).ShouldNotBeNull().Read(Encoding.UTF8.GetBytes(Record)).ShouldNotBeNull();

        reading.Text.ShouldBe(text);
        reading.IsNumber.ShouldBe(isNumber);
    }

    [Theory]
    [InlineData("$.a.b")]
    [InlineData("$.a.b[2]")]
    [InlineData("$.a.missing")]
    [InlineData("$.a.b.c")]
    [InlineData("$[0]")]
    public void Read_ObjectsArraysAndMissingFields_FindNothing(string selector) =>
        FieldSelector.TryParse(selector).ShouldNotBeNull().Read(Encoding.UTF8.GetBytes(Record)).ShouldBeNull();

    [Theory]
    [InlineData("")]
    [InlineData("$")]
    [InlineData("a.b")]
    [InlineData("$.")]
    [InlineData("$.a b")]
    [InlineData("$[x]")]
    [InlineData("$[1")]
    [InlineData("$[99999999999]")]
    public void TryParse_NotASelector_IsNull(string text) => FieldSelector.TryParse(text).ShouldBeNull();

    [Fact]
    public void Read_MalformedRecord_FindsNothingAndDoesNotThrow() =>
        FieldSelector.TryParse("$.z").ShouldNotBeNull().Read("""{"a":1, oops"""u8).ShouldBeNull();

    [Theory]
    [InlineData("12", 12d)]
    [InlineData("-1.5e2", -150d)]
    [InlineData(" 12", null)]
    [InlineData("0x10", null)]
    [InlineData("Infinity", null)]
    public void AsNumber_OnlyWholeFiniteNumbers(string text, double? expected) => new FieldReading(text, false).AsNumber().ShouldBe(expected);
}
