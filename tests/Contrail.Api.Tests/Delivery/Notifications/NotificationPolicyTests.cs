using Contrail.Api.Delivery.Notifications;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>Exponential backoff: 1 s doubling, at most 60 s.</summary>
public sealed class NotificationPolicyTests
{
    [Fact]
    public void DelayAfter_Default_DoublesFromOneSecondUpToAMinute()
    {
        var delays = Enumerable.Range(1, 9).Select(a => NotificationPolicy.Default.DelayAfter(a).TotalSeconds);

        delays.ShouldBe([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    [Fact]
    public void DelayAfter_HugeAttemptNumber_StaysAtTheMaximum() =>
        NotificationPolicy.Default.DelayAfter(int.MaxValue).ShouldBe(TimeSpan.FromSeconds(60));

    [Fact]
    public void DelayAfter_Zero_Refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => NotificationPolicy.Default.DelayAfter(0));
}
