using System.Text;
using Contrail.Api.Delivery;

namespace Contrail.Api.Tests.Delivery;

/// <summary>The records a trail's reading pass keeps for its next cut, within a budget shared by all trails.</summary>
public sealed class PendingRecordsTests
{
    [Fact]
    public void Add_AfterRestart_KeepsCopiesInOrder_AndCoversOnlyItsStartAndLoggingState()
    {
        var pending = new PendingRecords(new PendingRecords.Budget(1024));
        pending.Restart(100, logging: true);
        var source = Encoding.UTF8.GetBytes("""{"a":1}""");
        pending.Add(100, source, mayToggle: false);
        pending.Add(120, """{"b":2}"""u8, mayToggle: true);
        source[2] = (byte)'z';

        pending.Records.Select(r => (r.Position, Encoding.UTF8.GetString(r.Json.Span), r.MayToggle)).ShouldBe([(100L, """{"a":1}""", false), (120L, """{"b":2}""", true)]);
        pending.Covers(100, logging: true).ShouldBeTrue();
        pending.Covers(100, logging: false).ShouldBeFalse();
        pending.Covers(120, logging: true).ShouldBeFalse();
    }

    [Fact]
    public void Add_PastTheSharedBudget_StopsKeepingUntilRestart_AndReleasesWhatItHeld()
    {
        var budget = new PendingRecords.Budget(10);
        var first = new PendingRecords(budget);
        var second = new PendingRecords(budget);
        first.Restart(0, logging: true);
        second.Restart(0, logging: true);
        first.Add(0, "123456"u8, mayToggle: false);

        second.Add(0, "123456"u8, mayToggle: false);

        second.Valid.ShouldBeFalse();
        second.Records.ShouldBeEmpty();
        second.Covers(0, logging: true).ShouldBeFalse();
        second.Add(10, "1"u8, mayToggle: false);
        second.Records.ShouldBeEmpty("nothing is kept until the next delivered boundary");

        first.Restart(6, logging: true);
        second.Restart(6, logging: true);
        second.Add(6, "123456789"u8, mayToggle: false);
        second.Valid.ShouldBeTrue("the first trail's restart gave its bytes back");
        second.Records.Count.ShouldBe(1);
    }

    [Fact]
    public void Drop_NotValid_UntilRestart()
    {
        var pending = new PendingRecords(new PendingRecords.Budget(100));
        pending.Valid.ShouldBeFalse("nothing is covered before the first restart");
        pending.Restart(5, logging: false);
        pending.Add(5, "{}"u8, mayToggle: false);

        pending.Drop();

        pending.Valid.ShouldBeFalse();
        pending.Covers(5, logging: false).ShouldBeFalse();
        pending.Restart(7, logging: false);
        pending.Covers(7, logging: false).ShouldBeTrue();
        pending.Records.ShouldBeEmpty();
    }
}
