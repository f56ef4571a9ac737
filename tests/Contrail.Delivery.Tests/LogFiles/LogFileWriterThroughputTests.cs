using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Tests.Support;
using Xunit.Abstractions;

namespace Contrail.Delivery.Tests.LogFiles;

/// <summary>
/// Prints single-core throughput on ~50 MB of sample-like records (not an assertion on time:
/// timing belongs in benchmarks; this is the quick figure the delivery design needs). NoCompression
/// shows the cost of everything but deflate (JSON check, SHA-256 of both forms, CRC, copies).
/// </summary>
public sealed class LogFileWriterThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Write_FiftyMegabytesOfSampleRecords_PrintsThroughput()
    {
        var samples = SampleRecords.Files().SelectMany(SampleRecords.Read).Select(SampleRecords.Compact).ToList();
        var records = new List<ReadOnlyMemory<byte>>();
        long bytes = 0;
        for (var i = 0; bytes < 50_000_000; i++)
        {
            // Vary the eventID so the stream is not one sample repeated verbatim.
            var text = Encoding.UTF8.GetString(samples[i % samples.Count]);
            var record = Encoding.UTF8.GetBytes(text.Replace("\"eventID\":\"", $"\"eventID\":\"{i:x8}-", StringComparison.Ordinal));
            records.Add(record);
            bytes += record.Length;
        }

        foreach (var level in new[] { CompressionLevel.Optimal, CompressionLevel.Fastest, CompressionLevel.NoCompression })
        {
            // Warm up (JIT tiers, buffers) on a slice before timing.
            LogFileWriter.Write(records.Take(2000), level).RecordCount.ShouldBe(2000);
            var watch = Stopwatch.StartNew();
            var file = LogFileWriter.Write(records, level);
            watch.Stop();
            var line = $"LogFileWriter {level}: {records.Count} records, {file.UncompressedLength / 1e6:F1} MB -> {file.Body.Length / 1e6:F2} MB " +
                $"(ratio {(double)file.UncompressedLength / file.Body.Length:F1}) in {watch.Elapsed.TotalSeconds:F2} s = " +
                $"{file.UncompressedLength / 1e6 / watch.Elapsed.TotalSeconds:F0} MB/s uncompressed";
            output.WriteLine(line);
            Console.WriteLine(line);
            file.RecordCount.ShouldBe(records.Count);
        }
    }
}
