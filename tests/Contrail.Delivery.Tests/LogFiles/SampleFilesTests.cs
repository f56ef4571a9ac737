using System.Text.Json;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Tests.Support;
using Contrail.Tests.Support;

namespace Contrail.Delivery.Tests.LogFiles;

public sealed class SampleFilesTests
{
    [Fact]
    public void Write_EverySampleFile_RecordsRoundTripInOneGzipMember()
    {
        using var directory = new TempDirectory();
        var files = SampleRecords.Files().ToList();
        files.Count.ShouldBeGreaterThanOrEqualTo(37);
        var written = new List<(string Path, LogFile File)>();
        var total = 0;
        foreach (var (sample, index) in files.Select((f, i) => (f, i)))
        {
            var input = SampleRecords.Read(sample);
            input.Count.ShouldBeGreaterThan(0, sample);
            var file = LogFileWriter.Write([.. input.Select(r => (ReadOnlyMemory<byte>)SampleRecords.Compact(r))]);

            var output = LogFileWriterTests.RecordsOf(file.Body);
            output.Length.ShouldBe(input.Count, sample);
            for (var i = 0; i < input.Count; i++)
            {
                JsonElement.DeepEquals(output[i], input[i]).ShouldBeTrue($"{sample} record {i}");
            }

            file.RecordCount.ShouldBe(input.Count);
            total += input.Count;
            var path = Path.Combine(directory.Path, $"{index}.json.gz");
            File.WriteAllBytes(path, file.Body.ToArray());
            written.Add((path, file));
        }

        // 310 stratus-red-team + 103 OTRF + 2 trailscraper records (SOURCES.md).
        total.ShouldBe(415);
        var inflated = PythonGzip.Inflate([.. written.Select(w => w.Path)]);
        foreach (var (path, file) in written)
        {
            inflated[path].SingleMember.ShouldBeTrue(path);
            inflated[path].BothAgree.ShouldBeTrue(path);
            inflated[path].Sha256OfInflated.ShouldBe(file.UncompressedSha256, path);
        }
    }

    [Fact]
    public void Write_TrailscraperSample_EventTimesSpanItsRecords()
    {
        var sample = SampleRecords.Files().Single(f => f.EndsWith(".json.gz", StringComparison.Ordinal));
        var input = SampleRecords.Read(sample);
        var times = input.Select(r => DateTimeOffset.Parse(r.GetProperty("eventTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var file = LogFileWriter.Write([.. input.Select(r => (ReadOnlyMemory<byte>)SampleRecords.Compact(r))]);

        file.OldestEventTime.ShouldBe(times.Min());
        file.NewestEventTime.ShouldBe(times.Max());
    }
}
