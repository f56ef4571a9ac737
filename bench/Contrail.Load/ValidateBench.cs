using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Contrail.Api.Service;
using Contrail.Client;
using Contrail.Delivery.Digests;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Objects;
using Microsoft.Extensions.Logging;

namespace Contrail.Load;

/// <summary>
/// <c>contrail-load validate --data-dir DIR [--megabytes 1024] [--records-per-file 5000] [--runs 3] [--contrail PATH/contrail.dll] [--no-aws yes]</c>:
/// <c>contrail validate-logs</c> against <c>aws cloudtrail validate-logs</c> on the same delivered log
/// files, side by side, with the machine's floor measured in the same run: gzip-decompress + SHA-256 of
/// every log file, on one core and on all cores.
/// </summary>
/// <remarks>
/// The files are made once into DIR (kept for later runs): log files of <c>--records-per-file</c> records (5,000: about
/// 1 MB of gzip; 500: about 100 KB) built from the
/// real samples (eventIDs varied), one a minute, until they hold <c>--megabytes</c> of gzip, with a signed
/// digest chain over them every hour, as trail <c>bench</c> (bucket <c>validate-bench</c>, not logging)
/// delivers them; the signing key is made in DIR/keys as the server makes it. A Contrail server runs in
/// this process on loopback over DIR; both tools ask it for the trail and the public keys. The AWS CLI
/// reads the files through the server's S3 subset (<c>AWS_ENDPOINT_URL_S3</c>); Contrail reads them from
/// the data directory (its default) and, like for like, through the same S3 subset (<c>--s3-endpoint</c>).
/// Every run's output is checked: all digests and log files valid.
/// </remarks>
internal static class ValidateBench
{
    private const string Account = "123456789012";
    private const string Region = "us-east-1";
    private const string Bucket = "validate-bench";
    private const string Trail = "bench";
    private const string AccessKey = "AKIABENCHVALIDATE001";
    private const string Secret = "bench/validate/0123456789abcdef012345";

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var dataDirectory = Path.GetFullPath(options["data-dir"]);
        var megabytes = int.Parse(options.GetValueOrDefault("megabytes", "1024"), CultureInfo.InvariantCulture);
        var recordsPerFile = int.Parse(options.GetValueOrDefault("records-per-file", "5000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(options.GetValueOrDefault("runs", "3"), CultureInfo.InvariantCulture);
        var contrail = Path.GetFullPath(options.GetValueOrDefault("contrail", Path.Combine("src", "Contrail", "bin", "Release", "net10.0", "contrail.dll")));
        var withAws = !options.ContainsKey("no-aws");
        var (start, end) = await GenerateAsync(dataDirectory, megabytes * 1_000_000L, recordsPerFile, options);
        var files = LogFiles(dataDirectory);
        var gzipBytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"data: {files.Count:N0} log files, {gzipBytes / 1e6:F0} MB gzip, digests {start:u} .. {end:u}; {Environment.ProcessorCount} cores");

        var settings = new ContrailSettings(dataDirectory, new ServiceIdentity(Account, Region), AccessKey, Secret, TimeSpan.FromMinutes(5));
        var app = ContrailApplication.Build(settings, ["--urls", "http://127.0.0.1:0"], logging: l => l.SetMinimumLevel(LogLevel.Warning));
        await using var _ = app;
        await app.StartAsync();
        var endpoint = new Uri(app.Urls.First());
        using (var client = new ContrailClient(endpoint, AccessKey, Secret, Region))
        {
            var created = await client.CallAsync("CreateTrail", $$"""{"Name":"{{Trail}}","S3BucketName":"{{Bucket}}"}""");
            if (!created.IsSuccess && !created.Body.Contains("TrailAlreadyExistsException", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"CreateTrail failed: {created.Body}");
                return 1;
            }
        }

        var arn = $"arn:aws:cloudtrail:{Region}:{Account}:trail/{Trail}";
        string[] window = ["--trail-arn", arn, "--start-time", Iso(start), "--end-time", Iso(end.AddMinutes(1))];
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = Secret,
            ["AWS_DEFAULT_REGION"] = Region,
            ["AWS_ENDPOINT_URL_S3"] = endpoint.ToString().TrimEnd('/'),
        };

        var rows = new List<(string Name, List<double> Seconds)>
        {
            ("floor, one core: gunzip + SHA-256", []),
            ($"floor, {Environment.ProcessorCount} cores: gunzip + SHA-256", []),
            ("contrail validate-logs (data directory)", []),
            ("contrail validate-logs (S3 subset over HTTP)", []),
        };
        if (withAws)
        {
            rows.Add(("aws cloudtrail validate-logs (S3 subset over HTTP)", []));
        }

        for (var run = 0; run < runs; run++)
        {
            rows[0].Seconds.Add(Floor(files, 1));
            rows[1].Seconds.Add(Floor(files, Environment.ProcessorCount));
            rows[2].Seconds.Add(Tool("dotnet", [contrail, "validate-logs", .. window, "--endpoint-url", endpoint.ToString(), "--data-dir", dataDirectory], environment, files.Count));
            rows[3].Seconds.Add(Tool("dotnet", [contrail, "validate-logs", .. window, "--endpoint-url", endpoint.ToString(), "--s3-endpoint", endpoint.ToString()], environment, files.Count));
            if (withAws)
            {
                rows[4].Seconds.Add(Tool("aws", ["cloudtrail", "validate-logs", .. window, "--endpoint-url", endpoint.ToString()], environment, files.Count));
            }

            Console.WriteLine($"run {run + 1}: " + string.Join(", ", rows.Select(r => $"{r.Seconds[^1]:F2} s")));
        }

        Console.WriteLine();
        Console.WriteLine("| | " + string.Join(" | ", Enumerable.Range(1, runs).Select(i => $"run {i}")) + " | median | MB/s of gzip (median) |");
        Console.WriteLine("| --- |" + string.Concat(Enumerable.Repeat(" --- |", runs + 2)));
        foreach (var (name, seconds) in rows)
        {
            var median = Median(seconds);
            Console.WriteLine($"| {name} | " + string.Join(" | ", seconds.Select(s => $"{s:F2} s")) + $" | {median:F2} s | {gzipBytes / 1e6 / median:F0} |");
        }

        var contrailMedian = Median(rows[2].Seconds);
        Console.WriteLine();
        Console.WriteLine($"contrail (data directory) ÷ floor on all cores: {contrailMedian / Median(rows[1].Seconds):F2}× the time");
        Console.WriteLine($"contrail (S3 subset) ÷ floor on all cores: {Median(rows[3].Seconds) / Median(rows[1].Seconds):F2}× the time");
        if (withAws)
        {
            Console.WriteLine($"aws ÷ contrail (data directory): {Median(rows[4].Seconds) / contrailMedian:F1}× faster; aws ÷ contrail (S3 subset): {Median(rows[4].Seconds) / Median(rows[3].Seconds):F1}×");
        }

        return 0;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static List<string> LogFiles(string dataDirectory) =>
        [.. Directory.EnumerateFiles(Path.Combine(dataDirectory, "buckets", Bucket, "AWSLogs", Account, "CloudTrail"), "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>Reads, inflates and hashes every log file on <paramref name="cores"/> threads: the work a validator cannot avoid.</summary>
    private static double Floor(List<string> files, int cores)
    {
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = cores }, () => new byte[64 * 1024], (path, _, buffer) =>
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var gzip = new GZipStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan), CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                sha.AppendData(buffer.AsSpan(0, read));
            }

            sha.GetHashAndReset();
            return buffer;
        }, _ => { });
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Runs a validator; it must exit 0 having found every digest and log file valid.</summary>
    private static double Tool(string program, IEnumerable<string> arguments, Dictionary<string, string> environment, int logFiles)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var seconds = watch.Elapsed.TotalSeconds;
        var expected = $"{logFiles}/{logFiles} log files valid";
        if (process.ExitCode != 0 || !output.Result.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode} without \"{expected}\":\n{output.Result}\n{error.Result}");
        }

        return seconds;
    }

    /// <summary>Makes the log files and the digest chain over them, once; returns the digests' span.</summary>
    private static async Task<(DateTimeOffset Start, DateTimeOffset End)> GenerateAsync(string dataDirectory, long targetBytes, int recordsPerFile, Dictionary<string, string> options)
    {
        var marker = Path.Combine(dataDirectory, "validate-bench.txt");
        if (File.Exists(marker))
        {
            var parts = (await File.ReadAllTextAsync(marker)).Split(' ');
            if (parts.Length == 3 && parts[0] == $"{targetBytes}x{recordsPerFile}")
            {
                return (DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeOffset.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        var samples = DeliveryBench.Samples(options).Where(s => Encoding.UTF8.GetString(s).Contains("\"eventID\":\"", StringComparison.Ordinal)).ToList();
        var first = Build(samples, 0, recordsPerFile);
        var count = (int)Math.Ceiling(targetBytes / (double)first.Body.Length);

        // One file a minute, ending a few minutes before now: the digests' hours are all in the past.
        var hours = (count / 60) + 1;
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow.Month, DateTimeOffset.UtcNow.Day, DateTimeOffset.UtcNow.Hour, 0, 0, TimeSpan.Zero).AddHours(-hours - 1);
        var store = new LocalObjectStore(dataDirectory);
        var delivered = new (DateTimeOffset Time, DigestLogFile File)[count];
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            var file = i == 0 ? first : Build(samples, i, recordsPerFile);
            var time = start.AddMinutes(i).AddSeconds(30);
            var key = LogFileKey.Create(null, null, Account, Region, time, $"{i:x16}").Key;
            await store.PutAsync(Bucket, key, file.Body, new Dictionary<string, string>(), null, ct);
            delivered[i] = (time, new DigestLogFile(Bucket, key, file.UncompressedSha256, file.OldestEventTime, file.NewestEventTime));
        });
        Console.WriteLine($"made {count:N0} log files in {watch.Elapsed.TotalSeconds:F0} s");

        using var ring = SigningKeyRing.Open(Path.Combine(dataDirectory, "keys"), TimeProvider.System, SigningKeyRing.DefaultRotation);
        DigestLink? previous = null;
        var end = start;
        for (var hour = 0; hour < hours; hour++)
        {
            var from = start.AddHours(hour);
            end = from.AddHours(1);
            var listed = delivered.Where(d => d.Time >= from && d.Time < end).Select(d => d.File).ToList();
            var key = DigestFile.KeyOf(null, null, Account, Region, Trail, Region, end);
            var signing = ring.KeyFor(end);
            var digest = DigestFile.Build(Bucket, key, Account, from, end, listed, previous, signing.Fingerprint, data => signing.Sign(data));
            await store.PutAsync(Bucket, key, digest.Body, digest.Metadata);
            previous = digest.Link;
        }

        await File.WriteAllTextAsync(marker, $"{targetBytes}x{recordsPerFile} {start:O} {end:O}");
        return (start, end);
    }

    private static LogFile Build(List<byte[]> samples, int file, int recordsPerFile)
    {
        var records = new ReadOnlyMemory<byte>[recordsPerFile];
        for (var i = 0; i < recordsPerFile; i++)
        {
            var n = ((long)file * recordsPerFile) + i;
            var text = Encoding.UTF8.GetString(samples[(int)(n % samples.Count)]);
            records[i] = Encoding.UTF8.GetBytes(text.Replace("\"eventID\":\"", $"\"eventID\":\"{n:x10}-", StringComparison.Ordinal));
        }

        return LogFileWriter.Write(records);
    }
}
