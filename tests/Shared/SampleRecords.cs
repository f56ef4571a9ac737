using System.IO.Compression;
using System.Text.Json;

namespace Contrail.Tests.Support;

/// <summary>The CloudTrail records of the samples in ../shared/data/cloudtrail-samples (see SOURCES.md).</summary>
internal static class SampleRecords
{
    /// <summary>Every sample file that holds records: stratus-red-team arrays, OTRF NDJSON, trailscraper log file.</summary>
    public static IEnumerable<string> Files()
    {
        var root = SharedData.Path("cloudtrail-samples");
        return Directory.EnumerateFiles(Path.Combine(root, "stratus-red-team"), "*.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "otrf-security-datasets"), "*.json"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "trailscraper"), "*.json.gz"))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The records of one sample file, parsed.</summary>
    public static IReadOnlyList<JsonElement> Read(string path)
    {
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var document = JsonDocument.Parse(gzip);
            return [.. document.RootElement.GetProperty("Records").EnumerateArray().Select(e => e.Clone())];
        }

        var text = File.ReadAllText(path);
        if (text.TrimStart().StartsWith('['))
        {
            using var document = JsonDocument.Parse(text);
            return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
        }

        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    /// <summary>A record as the journal holds it: compact UTF-8 JSON.</summary>
    public static byte[] Compact(JsonElement record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            record.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
