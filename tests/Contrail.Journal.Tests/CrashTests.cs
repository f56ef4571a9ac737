using System.Diagnostics;
using Contrail.Journal.Tests.Processes;
using Contrail.Journal.Tests.Support;
using Xunit.Abstractions;

namespace Contrail.Journal.Tests;

public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sigkill_WhileAppending_EveryAcknowledgedRecordSurvives()
    {
        using var dir = new TestDirectory();
        var acknowledged = new List<(long Id, long End)>();
        for (var round = 0; round < 3; round++)
        {
            // Each round restarts on the journal the previous one left: every earlier ack must survive too.
            acknowledged.AddRange(await RunChildAndKillAsync(dir.Path, firstId: (round + 1) * 1_000_000L, minimumAcks: 1000));

            await using var journal = Journal.Open(new JournalOptions { Directory = dir.Path, SegmentBytes = CrashChild.SegmentBytes });
            output.WriteLine($"round {round}: {acknowledged.Count} acknowledged; {journal.Recovery}");
            var records = journal.ReadAll();
            var ids = records.Select(r => Payloads.IdOf(r.Payload)).ToList();
            records.ShouldAllBe(r => Payloads.IsIntact(r.Payload));
            ids.Count.ShouldBe(ids.Distinct().Count());
            var present = ids.ToHashSet();
            var boundaries = records.Select(r => r.NextPosition).ToHashSet();
            foreach (var (id, end) in acknowledged)
            {
                present.ShouldContain(id, $"acknowledged record {id} is missing");
                boundaries.ShouldContain(end, $"acknowledged end position {end} is not a record boundary");
            }
        }
    }

    /// <summary>Starts the child on <paramref name="directory"/>, SIGKILLs it mid-append, returns its acks.</summary>
    private static async Task<List<(long Id, long End)>> RunChildAndKillAsync(string directory, long firstId, int minimumAcks)
    {
        using var child = SelfProcess.Start("crash-child", directory, $"{firstId}");
        var stderr = child.StandardError.ReadToEndAsync();
        var acks = new List<(long, long)>();
        var deadline = Stopwatch.StartNew();
        try
        {
            while (acks.Count < minimumAcks)
            {
                deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "child did not acknowledge enough records");
                var line = await child.StandardOutput.ReadLineAsync();
                if (line is null)
                {
                    throw new InvalidOperationException($"child exited early: {await stderr}");
                }

                AddAck(line, acks);
            }
        }
        finally
        {
            child.Kill(); // SIGKILL on Linux
        }

        // Lines already written before the kill are still in the pipe.
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            AddAck(line, acks);
        }

        await child.WaitForExitAsync();
        return acks;
    }

    private static void AddAck(string line, List<(long, long)> acks)
    {
        var parts = line.Split(' ');
        if (parts is ["ack", var id, var end, "."])
        {
            acks.Add((long.Parse(id), long.Parse(end)));
        }
    }
}
