using System.Text;
using Contrail.Delivery.LogFiles;

namespace Contrail.Delivery.Tests.LogFiles;

public sealed class LogFileBatcherTests
{
    private static List<ReadOnlyMemory<byte>> Records(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
            (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes($"{{\"eventID\":\"{i}\",\"pad\":\"{new string('x', random.Next(0, 300))}\"}}"))];
    }

    [Theory]
    [InlineData(400, 1)]
    [InlineData(1000, 2)]
    [InlineData(5000, 3)]
    [InlineData(100_000, 4)]
    public void Split_RandomRecords_NoFileOverBound_AllRecordsOnceInOrder(long bound, int seed)
    {
        var records = Records(2000, seed);
        var batcher = new LogFileBatcher(bound);

        var batches = batcher.Split(records).ToList();

        batches.ShouldAllBe(b => b.Count > 0 && b.UncompressedLength <= bound);
        batches.SelectMany(b => b.Records).ShouldBe(records);
        foreach (var batch in batches.Take(3))
        {
            LogFileWriter.Write(batch.Records).UncompressedLength.ShouldBe(batch.UncompressedLength);
        }

        // Greedy: a batch is cut only when the next record would not fit.
        for (var i = 0; i < batches.Count - 1; i++)
        {
            (batches[i].UncompressedLength + 1 + batches[i + 1].Records[0].Length).ShouldBeGreaterThan(bound);
        }
    }

    [Fact]
    public void Split_RecordExactlyFillsBound_Fits()
    {
        var record = Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 86) + "\"}");
        var bound = LogFileWriter.EnvelopeLength + record.Length;

        var batches = new LogFileBatcher(bound).Split([record, record]).ToList();

        batches.Count.ShouldBe(2);
        batches.ShouldAllBe(b => b.UncompressedLength == bound);
    }

    [Fact]
    public void Split_MaxRecords_CountsPerFile()
    {
        var records = Records(25, 5);

        var batches = new LogFileBatcher(maxRecords: 10).Split(records).ToList();

        batches.Select(b => b.Count).ShouldBe([10, 10, 5]);
        batches.SelectMany(b => b.Records).ShouldBe(records);
    }

    [Fact]
    public void Split_Empty_NoBatches() => new LogFileBatcher().Split([]).ShouldBeEmpty();

    [Fact]
    public void Split_RecordLargerThanBound_Throws()
    {
        var batcher = new LogFileBatcher(100);

        Should.Throw<ArgumentException>(() => batcher.Split([new byte[87]]).ToList());
    }

    [Fact]
    public void Constructor_Defaults_48MiBAndUnbounded()
    {
        var batcher = new LogFileBatcher();

        batcher.MaxUncompressedBytes.ShouldBe(48L * 1024 * 1024);
        batcher.MaxRecords.ShouldBe(int.MaxValue);
        Should.Throw<ArgumentOutOfRangeException>(() => new LogFileBatcher(15));
        Should.Throw<ArgumentOutOfRangeException>(() => new LogFileBatcher(maxRecords: 0));
    }
}
