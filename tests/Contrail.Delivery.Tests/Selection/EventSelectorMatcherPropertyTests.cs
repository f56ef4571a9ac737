using System.Text;
using Contrail.Delivery.Selection;

namespace Contrail.Delivery.Tests.Selection;

/// <summary>The compiled matcher agrees with <see cref="ReferenceEvaluator"/> on random records and selectors.</summary>
public sealed class EventSelectorMatcherPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Matches_RandomRecordsAndSelectors_AgreesWithReference(int seed)
    {
        var generator = new SelectionGenerator(seed);
        var selected = 0;
        for (var i = 0; i < 1000; i++)
        {
            var (basic, advanced) = generator.Selectors();
            var matcher = EventSelectorMatcher.Compile(basic, advanced);
            for (var j = 0; j < 3; j++)
            {
                var record = generator.Record();
                var expected = ReferenceEvaluator.Matches(basic, advanced, record);
                var actual = matcher.Matches(record);
                actual.ShouldBe(expected, $"seed {seed} case {i}.{j}: {Encoding.UTF8.GetString(record)}");
                selected += expected ? 1 : 0;
            }
        }

        // The generator must exercise both outcomes often, or agreement proves little.
        selected.ShouldBeInRange(300, 2700);
    }
}
