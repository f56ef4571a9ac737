using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Delivery;
using Contrail.Api.Service;
using Contrail.Delivery.LogFiles;
using Contrail.Events.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contrail.Load;

/// <summary>
/// <c>contrail-load deliver --data-dir DIR [--events 2000000] [--regions three|samples]</c>: the real <see cref="TrailDelivery"/>
/// drains a journal backlog of sample records for one logging multi-region trail into the embedded
/// store (selection, batching, gzip, fsync'd puts, state saves), alone in the process (the indexer and
/// HTTP server are not started). In the same run, the physical limit: one core gzipping the same
/// records with <see cref="LogFileWriter"/>. Reports events/s and the ratio per delivery CPU-second.
/// </summary>
internal static class DeliverBench
{
    private const string Account = "123456789012";
    private const string Region = "us-east-1";

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var dataDirectory = Path.GetFullPath(options["data-dir"]);
        var count = int.Parse(options.GetValueOrDefault("events", "2000000"), System.Globalization.CultureInfo.InvariantCulture);
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        var keepRegions = options.GetValueOrDefault("regions", "three") == "samples";
        var samples = DeliveryBench.Samples(options);
        var records = Records(samples, count, keepRegions);
        var settings = new ContrailSettings(dataDirectory, new ServiceIdentity(Account, Region), "AKIABENCHDELIVER0001", "bench/secret/0123456789abcdef0123456789", TimeSpan.FromMilliseconds(200));
        var app = ContrailApplication.Build(settings, ["--urls", "http://127.0.0.1:0"], logging: l => l.SetMinimumLevel(LogLevel.Warning));
        await using var _ = app;
        var services = app.Services;
        var journal = services.GetRequiredService<Contrail.Journal.Journal>();
        var catalog = services.GetRequiredService<TrailCatalog>();
        var trail = new Trail
        {
            Name = "bench",
            TrailArn = $"arn:aws:cloudtrail:{Region}:{Account}:trail/bench",
            HomeRegion = Region,
            S3BucketName = "bench-bucket",
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            IsLogging = true,
            StartLoggingTime = DateTimeOffset.UtcNow,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        catalog.Add(trail, CreateTrailOperation.MaxTrails);

        // The backlog: the trail is logging from the journal's start.
        var start = journal.CommittedPosition;
        new DeliveryState { StartLoggingTime = trail.StartLoggingTime, JournalStart = start, Delivered = start, Logging = true }.Save(dataDirectory, trail.Name);
        foreach (var chunk in records.Chunk(10_000))
        {
            await journal.AppendAsync([.. chunk.Select(r => (ReadOnlyMemory<byte>)JournalEnvelope.Encode(new NormalizedRecord("x", r, false)))]);
        }

        var end = journal.CommittedPosition;
        var selected = records.Count(r => TrailDelivery.Selects(trail, r));
        var bytes = records.Sum(r => (long)r.Length);
        Console.WriteLine($"backlog: {count:N0} records ({bytes / 1e6:F0} MB), {selected:N0} selected by the default selectors");

        // Not held while delivery runs: a server would not have the backlog in memory either.
        records = null!;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        var delivery = services.GetRequiredService<TrailDelivery>();
        using var stop = new CancellationTokenSource();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await delivery.StartAsync(stop.Token);
        var consumer = TrailDelivery.ConsumerName(trail.TrailArn);
        while ((journal.GetConsumerPosition(consumer) ?? 0) < end)
        {
            await Task.Delay(5);
        }

        watch.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        await delivery.StopAsync(CancellationToken.None);

        var delivered = CountDelivered(Path.Combine(dataDirectory, "buckets", trail.S3BucketName), out var files);
        if (delivered != selected)
        {
            Console.Error.WriteLine($"delivered {delivered:N0} records but {selected:N0} were selected");
            return 1;
        }

        var wall = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"delivery: {delivered:N0} records in {files} files, {wall:F2} s wall, {cpu:F2} CPU-s: {count / wall:N0} events/s, {count / cpu:N0} events per CPU-second");

        // The physical limit in the same run: one core gzipping the same records (second of two passes).
        records = Records(samples, count, keepRegions);
        var toWrite = records.Select(r => (ReadOnlyMemory<byte>)r).ToList();
        var gzipWatch = new Stopwatch();
        for (var pass = 0; pass < 2; pass++)
        {
            gzipWatch.Restart();
            foreach (var part in toWrite.Chunk(50_000))
            {
                LogFileWriter.Write(part);
            }

            gzipWatch.Stop();
        }

        var gzipRate = count / gzipWatch.Elapsed.TotalSeconds;
        Breakdown(journal, start, end, trail, records);
        Console.WriteLine($"gzip floor: {gzipRate:N0} events/s on one core ({bytes / 1e6 / gzipWatch.Elapsed.TotalSeconds:F0} MB/s uncompressed)");
        Console.WriteLine($"ratio: delivery per CPU-second / one-core gzip = {count / cpu / gzipRate:P0}; wall-clock delivery / one-core gzip = {count / wall / gzipRate:P0}");
        return 0;
    }

    /// <summary>
    /// <paramref name="count"/> sample records, each with its own eventID (so no stream is one sample
    /// repeated). The anonymised samples spread over 36 made-up regions; unless <c>--regions samples</c>,
    /// each record's <c>awsRegion</c> becomes us-east-1 (80%), us-west-2 (15%) or eu-west-1 (5%), as an
    /// account's activity concentrates in a few regions.
    /// </summary>
    private static List<byte[]> Records(List<byte[]> samples, int count, bool keepRegions)
    {
        var records = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var text = Encoding.UTF8.GetString(samples[i % samples.Count]);
            text = text.Replace("\"eventID\":\"", $"\"eventID\":\"{i:x8}-", StringComparison.Ordinal);
            if (!keepRegions)
            {
                var region = (i % 20) switch { < 16 => "us-east-1", < 19 => "us-west-2", _ => "eu-west-1" };
                text = System.Text.RegularExpressions.Regex.Replace(text, "\"awsRegion\":\"[^\"]*\"", $"\"awsRegion\":\"{region}\"");
            }

            records.Add(Encoding.UTF8.GetBytes(text));
        }

        return records;
    }

    /// <summary>One-core time per event of each step the delivery path takes, to see where the time goes.</summary>
    private static void Breakdown(Contrail.Journal.Journal journal, long start, long end, Trail trail, List<byte[]> records)
    {
        var watch = Stopwatch.StartNew();
        long read = 0;
        using (var reader = journal.OpenReader(start))
        {
            var batch = new List<Contrail.Journal.JournalRecord>();
            while (reader.ReadBatch(batch, 4096, 8 << 20) > 0)
            {
                read += batch.Count;
                if (batch[^1].NextPosition >= end)
                {
                    break;
                }

                batch.Clear();
            }
        }

        var readMicros = watch.Elapsed.TotalMicroseconds / Math.Max(read, 1);
        watch.Restart();
        var regions = 0;
        foreach (var record in records)
        {
            regions += DeliveryFields.ReadRegion(record).AwsRegion?.Length ?? 0;
        }

        var fieldsMicros = watch.Elapsed.TotalMicroseconds / records.Count;
        watch.Restart();
        var selected = 0;
        foreach (var record in records)
        {
            selected += TrailDelivery.Selects(trail, record) ? 1 : 0;
        }

        var selectMicros = watch.Elapsed.TotalMicroseconds / records.Count;
        Console.WriteLine($"one core, µs per event: journal read {readMicros:F2} (once per range: the cut uses what the reading pass kept), region fields {fieldsMicros:F2}, selection {selectMicros:F2} (without the writer's check it also makes) ({regions + selected} checksum)");
    }

    private static long CountDelivered(string bucket, out int files)
    {
        long records = 0;
        files = 0;
        foreach (var path in Directory.EnumerateFiles(bucket, "*.json.gz", SearchOption.AllDirectories))
        {
            files++;
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var document = JsonDocument.Parse(gzip);
            records += document.RootElement.GetProperty("Records").GetArrayLength();
        }

        return records;
    }
}
