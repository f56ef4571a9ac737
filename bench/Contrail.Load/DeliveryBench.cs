using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Selection;

namespace Contrail.Load;

/// <summary>
/// Single-core figures for delivery's CPU work, on the real records of ../shared/data/cloudtrail-samples:
/// <c>gzip</c> writes ~50 MB of records as log files at three compression levels; <c>select</c> runs the
/// event-selector matcher against a <c>JsonDocument.Parse</c> floor. Each figure is the second of two passes.
/// </summary>
internal static class DeliveryBench
{
    public static int Gzip(Dictionary<string, string> options)
    {
        var samples = Samples(options);
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
            LogFile file = null!;
            var watch = new Stopwatch();
            for (var pass = 0; pass < 2; pass++)
            {
                watch.Restart();
                file = LogFileWriter.Write(records, level);
                watch.Stop();
            }

            Console.WriteLine($"gzip {level,-13}: {records.Count:N0} records, {file.UncompressedLength / 1e6:F1} MB -> {file.Body.Length / 1e6:F2} MB " +
                $"(ratio {(double)file.UncompressedLength / file.Body.Length:F1}), {file.UncompressedLength / 1e6 / watch.Elapsed.TotalSeconds:F0} MB/s uncompressed on one thread");
        }

        return 0;
    }

    public static int Select(Dictionary<string, string> options)
    {
        var samples = Samples(options);
        var matchers = new (string Name, EventSelectorMatcher Matcher)[]
        {
            ("default", EventSelectorMatcher.Compile(null, null)),
            ("basic S3+Lambda data, WriteOnly", EventSelectorMatcher.Compile(
                [new BasicSelector("WriteOnly", true, [new DataResourceSelector("AWS::S3::Object", ["arn:aws:s3:::b1/"]), new DataResourceSelector("AWS::Lambda::Function", ["arn:aws:lambda"])], ["kms.amazonaws.com"])], null)),
            ("advanced userIdentity.arn + resources.ARN", EventSelectorMatcher.Compile(null,
                [new AdvancedSelector("a", [new("eventCategory", EqualTo: ["Data", "Management"]), new("userIdentity.arn", NotEndsWith: ["/ci"]), new("resources.ARN", NotStartsWith: ["arn:aws:s3:::logs/"])])])),
        };
        const int Count = 1_000_000;
        var average = samples.Average(s => s.Length);
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (name, matcher) in matchers)
            {
                var selected = 0;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < Count; i++)
                {
                    selected += matcher.Matches(samples[i % samples.Count]) ? 1 : 0;
                }

                if (pass == 1)
                {
                    Console.WriteLine($"select {name,-42}: {Count / watch.Elapsed.TotalSeconds:N0} records/s ({selected:N0} selected; {samples.Count} records, avg {average:F0} B)");
                }
            }

            var found = 0;
            var parse = Stopwatch.StartNew();
            for (var i = 0; i < Count; i++)
            {
                using var document = JsonDocument.Parse(samples[i % samples.Count]);
                found += document.RootElement.TryGetProperty("eventCategory", out _) ? 1 : 0;
            }

            if (pass == 1)
            {
                Console.WriteLine($"select {"floor: JsonDocument.Parse + one lookup",-42}: {Count / parse.Elapsed.TotalSeconds:N0} records/s ({found:N0} with eventCategory)");
            }
        }

        return 0;
    }

    /// <summary>The sample records, compact, from --samples DIR (default ../shared/data/cloudtrail-samples).</summary>
    internal static List<byte[]> Samples(Dictionary<string, string> options)
    {
        var root = options.GetValueOrDefault("samples", Path.Combine("..", "shared", "data", "cloudtrail-samples"));
        var records = new List<byte[]>();
        foreach (var path in Directory.EnumerateFiles(root, "*.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!path.EndsWith(".json", StringComparison.Ordinal) && !path.EndsWith(".json.gz", StringComparison.Ordinal))
            {
                continue;
            }

            string text;
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                using var reader = new StreamReader(gzip);
                text = reader.ReadToEnd();
            }
            else
            {
                text = File.ReadAllText(path);
            }

            IEnumerable<JsonElement> elements;
            try
            {
                var trimmed = text.TrimStart();
                using var document = JsonDocument.Parse(trimmed.StartsWith('[') || trimmed.StartsWith('{') ? text : "[]");
                var root2 = document.RootElement;
                elements = root2.ValueKind == JsonValueKind.Array ? [.. root2.EnumerateArray().Select(e => e.Clone())]
                    : root2.TryGetProperty("Records", out var r) ? [.. r.EnumerateArray().Select(e => e.Clone())] : [];
            }
            catch (JsonException)
            {
                // Newline-delimited records.
                elements = [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
            }

            foreach (var element in elements.Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("eventName", out _)))
            {
                records.Add(JsonSerializer.SerializeToUtf8Bytes(element));
            }
        }

        return records.Count > 0 ? records : throw new InvalidOperationException($"no CloudTrail records under {root}");
    }
}
