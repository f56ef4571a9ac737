using Contrail.Api.Rules.Delivery;

namespace Contrail.Api.Tests.Rules;

public sealed class RuleDeliveryPolicyTests
{
    [Fact]
    public void DelayAfter_DoublesFromTheFirstDelay_UpToTheMaximum()
    {
        var policy = RuleDeliveryPolicy.Default;
        Enumerable.Range(1, 9).Select(a => policy.DelayAfter(a).TotalSeconds).ShouldBe([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }
}
