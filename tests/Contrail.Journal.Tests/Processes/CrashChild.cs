using Contrail.Journal.Tests.Support;

namespace Contrail.Journal.Tests.Processes;

/// <summary>
/// The process the crash test kills: appends forever from several tasks and prints a line
/// <c>ack ID END .</c> to stdout for every record once its append is acknowledged (durable).
/// </summary>
internal static class CrashChild
{
    public const long SegmentBytes = 256 << 10;
    private const int Appenders = 8;

    public static async Task RunAsync(string directory, long firstId)
    {
        await using var journal = Journal.Open(new JournalOptions { Directory = directory, SegmentBytes = SegmentBytes });
        var stdout = Console.Out;
        var gate = new Lock();
        var nextId = firstId - 1;
        await stdout.WriteLineAsync("ready");
        await stdout.FlushAsync();

        await Task.WhenAll(Enumerable.Range(0, Appenders).Select(a => Task.Run(async () =>
        {
            var random = new Random(a);
            while (true)
            {
                var count = random.Next(1, 5);
                var ids = new long[count];
                var batch = new ReadOnlyMemory<byte>[count];
                for (var i = 0; i < count; i++)
                {
                    ids[i] = Interlocked.Increment(ref nextId);
                    batch[i] = Payloads.Make(ids[i], random.Next(300, 4000));
                }

                var end = await journal.AppendAsync(batch);
                lock (gate)
                {
                    foreach (var id in ids)
                    {
                        stdout.Write($"ack {id} {end} .\n");
                    }

                    stdout.Flush();
                }
            }
        })));
    }
}
