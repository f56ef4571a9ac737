using Contrail.Journal.Tests.Support;
using Xunit.Abstractions;

namespace Contrail.Journal.Tests;

public sealed class GroupCommitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AppendAsync_ConcurrentAppenders_EveryRecordOnceWithSharedFsyncs()
    {
        const int Appenders = 64;
        const int AppendsEach = 200;
        using var dir = new TestDirectory();
        await using var journal = dir.OpenJournal(segmentBytes: 4 << 20);

        await Task.WhenAll(Enumerable.Range(0, Appenders).Select(a => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsEach; i++)
            {
                await journal.AppendAsync([Payloads.Make((a * AppendsEach) + i, 1024)]);
            }
        })));

        const int Total = Appenders * AppendsEach;
        output.WriteLine($"{Total} appends, {journal.SyncCount} fsyncs");
        journal.SyncCount.ShouldBeLessThan(Total);
        var records = journal.ReadAll();
        records.Count.ShouldBe(Total);
        records.Select(r => Payloads.IdOf(r.Payload)).Order().ShouldBe(Enumerable.Range(0, Total).Select(i => (long)i));
        records.ShouldAllBe(r => Payloads.IsIntact(r.Payload));
    }

    /// <summary>Reports throughput (not asserted: timing belongs in benchmarks); asserts the records.</summary>
    [Theory]
    [InlineData(64, 200, 1)]
    [InlineData(16, 100, 32)]
    public async Task AppendAsync_Throughput_IsReported(int appenders, int appendsEach, int batchSize)
    {
        using var dir = new TestDirectory();
        using var child = SelfProcess.Start("throughput", dir.Path, $"{appenders}", $"{appendsEach}", $"{batchSize}");
        var stdout = await child.StandardOutput.ReadToEndAsync();
        var stderr = await child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();

        output.WriteLine(stdout + stderr);
        child.ExitCode.ShouldBe(0, stderr);
        stdout.ShouldContain("Append throughput:");
        stdout.ShouldContain($"verified {appenders * appendsEach * batchSize}");
    }
}
