using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;

namespace Contrail.Delivery.Tests.LogFiles;

/// <summary>DESIGN.md: "a log file's key is derived from the journal range it holds, so a retried delivery rewrites the same object".</summary>
public sealed class DeliveryRetryTests
{
    [Fact]
    public async Task Deliver_SameJournalRangeTwice_OneObjectWithSameBytes()
    {
        using var directory = new TempDirectory();
        var store = new LocalObjectStore(directory.Path);

        async Task<string> DeliverAsync()
        {
            // What delivery does after a crash: re-read the same range, rebuild file and key, put again.
            var file = LogFileWriter.Write(LogFileWriterTests.Golden());
            var key = LogFileWriterTests.GoldenKey();
            await store.PutAsync("audit-logs", key.Key, file.Body, new Dictionary<string, string>());
            return key.Key;
        }

        var first = await DeliverAsync();
        var second = await DeliverAsync();

        second.ShouldBe(first);
        var listing = await store.ListAsync("audit-logs", "audit/AWSLogs/", null, 10);
        listing.Objects.Select(o => o.Key).ShouldBe([first]);
        var stored = await store.GetAsync("audit-logs", first);
        stored!.Body.ToArray().ShouldBe(LogFileWriter.Write(LogFileWriterTests.Golden()).Body.ToArray());
    }
}
