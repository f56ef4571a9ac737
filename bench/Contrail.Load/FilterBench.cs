using System.Diagnostics;
using System.Text.Json;
using Contrail.Monitoring.FilterPatterns;

namespace Contrail.Load;

/// <summary>
/// Single-core figures for metric filter patterns on the real sample records: each CIS filter
/// (spec §8.2) alone, 1M matches each; all 17 on every record (as a log group carrying the whole
/// pack would run them), 100k records; and a <c>JsonDocument.Parse</c> floor. Each figure is the
/// second of two passes; each loop is its own method so the JIT optimises it fully.
/// </summary>
internal static class FilterBench
{
    public static int Run(Dictionary<string, string> options)
    {
        var samples = DeliveryBench.Samples(options);
        var patterns = CisPack.Filters.Select(f => (f.Id, Pattern: FilterPattern.Parse(f.Pattern).Pattern!)).ToArray();
        var average = samples.Average(s => s.Length);
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (id, pattern) in patterns)
            {
                var (rate, matched) = One(pattern, samples, 1_000_000);
                if (pass == 1)
                {
                    Console.WriteLine($"filter CIS {id,-3}: {rate,12:N0} records/s ({matched:N0} matched)");
                }
            }

            var (allRate, hits) = All([.. patterns.Select(p => p.Pattern)], samples, 100_000);
            var floor = Floor(samples, 1_000_000);
            if (pass == 1)
            {
                Console.WriteLine($"filter all {patterns.Length} CIS filters on each record: {allRate,12:N0} records/s ({hits:N0} matches)");
                Console.WriteLine($"filter floor, JsonDocument.Parse + one lookup: {floor,12:N0} records/s ({samples.Count} records, avg {average:F0} B)");
            }
        }

        return 0;
    }

    private static (double Rate, int Matched) One(FilterPattern pattern, List<byte[]> samples, int count)
    {
        var matched = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            matched += pattern.Matches(samples[i % samples.Count]) ? 1 : 0;
        }

        return (count / watch.Elapsed.TotalSeconds, matched);
    }

    private static (double Rate, int Matched) All(FilterPattern[] patterns, List<byte[]> samples, int count)
    {
        var matched = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var record = samples[i % samples.Count];
            foreach (var pattern in patterns)
            {
                matched += pattern.Matches(record) ? 1 : 0;
            }
        }

        return (count / watch.Elapsed.TotalSeconds, matched);
    }

    private static double Floor(List<byte[]> samples, int count)
    {
        var found = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var document = JsonDocument.Parse(samples[i % samples.Count]);
            found += document.RootElement.TryGetProperty("eventName", out _) ? 1 : 0;
        }

        return found == 0 ? 0 : count / watch.Elapsed.TotalSeconds;
    }
}
