using System.Diagnostics;
using Contrail.Journal.Tests.Support;

namespace Contrail.Journal.Tests.Processes;

/// <summary>
/// Measures append throughput in a process of its own (the test host's busy thread pool would
/// measure xUnit rather than the journal): concurrent appenders, 1 KB records, then reads them
/// back. Prints one <c>Append throughput: …</c> line and <c>verified N</c>.
/// </summary>
internal static class ThroughputChild
{
    public static async Task RunAsync(string directory, int appenders, int appendsEach, int batchSize)
    {
        var total = appenders * appendsEach * batchSize;
        await using var journal = Journal.Open(new JournalOptions { Directory = directory });
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, appenders).Select(a => Task.Run(async () =>
        {
            for (var n = 0; n < appendsEach; n++)
            {
                var batch = new ReadOnlyMemory<byte>[batchSize];
                for (var i = 0; i < batchSize; i++)
                {
                    batch[i] = Payloads.Make((((a * appendsEach) + n) * batchSize) + i, 1024);
                }

                await journal.AppendAsync(batch);
            }
        })));
        var elapsed = started.Elapsed;

        Console.WriteLine(
            $"Append throughput: {total / elapsed.TotalSeconds:N0} records/s of 1 KB ({appenders} concurrent appenders, "
            + $"{batchSize} record(s) per append, {total} records in {elapsed.TotalMilliseconds:N0} ms, {journal.SyncCount} fsyncs)");
        var ids = journal.ReadAll().Select(r => Payloads.IdOf(r.Payload)).ToHashSet();
        Console.WriteLine($"verified {ids.Count}");
    }
}
