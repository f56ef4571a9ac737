using System.Diagnostics;
using System.Text.Json;
using Contrail.Api.Indexing;
using Contrail.Client;
using Contrail.Events.Activity;
using Contrail.Events.Records;
using Contrail.Journal;
using Contrail.Store.History;

namespace Contrail.Load;

/// <summary>
/// End-to-end load tools for docs/benchmarks.md. Every mode talks to a real server over HTTP on
/// loopback, except <c>seed</c>, which fills an event store directly for the lookup benchmark.
/// <code>
/// contrail-load ingest     --endpoint URL [--clients 16] [--batch 100] [--seconds 30] [--rate EVENTS_PER_S]
/// contrail-load visibility --endpoint URL [--samples 200]
/// contrail-load seed       --data-dir DIR [--events 10000000]
/// contrail-load lookup     --endpoint URL [--requests 400]
/// contrail-load store-lookup --data-dir DIR [--requests 400]   (the same lookups on the store, in-process: the floor under the API)
/// contrail-load gzip   [--samples DIR]   (log file writing, one core)
/// contrail-load select [--samples DIR]   (event selection, one core)
/// contrail-load filters [--samples DIR]  (CIS metric filter patterns, one core)
/// contrail-load deliver --data-dir DIR [--events 2000000]   (journal backlog to delivered files, vs one-core gzip)
/// contrail-load validate --data-dir DIR [--megabytes 1024] [--runs 3]   (contrail vs aws validate-logs, vs gunzip + SHA-256)
/// contrail-load rules [--rate 10000] [--seconds 20] [--batch 100] [--clients 8]   (event -> rule webhook latency, server in process)
/// </code>
/// Credentials: CONTRAIL_ROOT_ACCESS_KEY_ID / CONTRAIL_ROOT_SECRET_ACCESS_KEY; account CONTRAIL_ACCOUNT_ID.
/// </summary>
internal static class Program
{
    private static string Account => Environment.GetEnvironmentVariable("CONTRAIL_ACCOUNT_ID") ?? "123456789012";

    private static string Region => Environment.GetEnvironmentVariable("CONTRAIL_REGION") ?? "us-east-1";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: contrail-load ingest|visibility|seed|lookup [options] (see Program.cs)");
            return 2;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return args[0] switch
        {
            "ingest" => await IngestAsync(options),
            "visibility" => await VisibilityAsync(options),
            "seed" => Seed(options),
            "lookup" => await LookupAsync(options),
            "store-lookup" => StoreLookup(options),
            "gzip" => DeliveryBench.Gzip(options),
            "select" => DeliveryBench.Select(options),
            "filters" => FilterBench.Run(options),
            "deliver" => await DeliverBench.RunAsync(options),
            "validate" => await ValidateBench.RunAsync(options),
            "rules" => await RulesBench.RunAsync(options),
            _ => 2,
        };
    }

    private static ContrailClient Client(Dictionary<string, string> options, HttpClient? http = null) => new(
        new Uri(options["endpoint"]),
        Environment.GetEnvironmentVariable("CONTRAIL_ROOT_ACCESS_KEY_ID") ?? throw new InvalidOperationException("set CONTRAIL_ROOT_ACCESS_KEY_ID"),
        Environment.GetEnvironmentVariable("CONTRAIL_ROOT_SECRET_ACCESS_KEY") ?? throw new InvalidOperationException("set CONTRAIL_ROOT_SECRET_ACCESS_KEY"),
        Region,
        http);

    private static string Channel => $"arn:aws:cloudtrail:{Region}:{Account}:channel/default";

    /// <summary>N concurrent clients sending PutAuditEvents batches, flat out or at a fixed total rate.
    /// With a rate, latency is measured from each batch's scheduled send time (no coordinated omission).</summary>
    private static async Task<int> IngestAsync(Dictionary<string, string> options)
    {
        var clients = int.Parse(options.GetValueOrDefault("clients", "16"));
        var batch = int.Parse(options.GetValueOrDefault("batch", "100"));
        var seconds = double.Parse(options.GetValueOrDefault("seconds", "30"));
        double? rate = options.TryGetValue("rate", out var r) ? double.Parse(r) : null;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 });
        using var client = Client(options, http);
        var latencies = new List<double>[clients];
        var events = 0L;
        var failures = 0L;
        var sequence = 0L;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var interval = rate is { } total ? TimeSpan.FromSeconds(clients * batch / total) : TimeSpan.Zero;

        // Pre-build payload templates so the generator's own JSON work stays off the measured path.
        var templates = Enumerable.Range(0, 64).Select(t => EventFactory.Batch(t * batch, batch, Account, DateTimeOffset.UtcNow)).ToArray();
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(100_000);
            var next = clock.Elapsed + (interval * c / clients);
            while (clock.Elapsed < deadline)
            {
                if (rate is not null)
                {
                    var wait = next - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }
                }

                var scheduled = rate is null ? clock.Elapsed : next;
                var n = Interlocked.Increment(ref sequence);
                var response = await client.PutAuditEventsAsync(Channel, templates[n % templates.Length]);
                var done = clock.Elapsed;
                if (response.IsSuccess)
                {
                    Interlocked.Add(ref events, batch);
                    mine.Add((done - scheduled).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }

                next += interval;
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        Console.WriteLine($"ingest: clients={clients} batch={batch} rate={(rate is null ? "max" : rate.ToString())} seconds={elapsed:F1}");
        Console.WriteLine($"  acknowledged events: {events:N0} ({events / elapsed:N0} events/s), failed calls: {failures}");
        Console.WriteLine($"  ack latency per call: {Stats.Summary(all)}");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Time from an event's acknowledgement until LookupEvents returns it.</summary>
    private static async Task<int> VisibilityAsync(Dictionary<string, string> options)
    {
        var samples = int.Parse(options.GetValueOrDefault("samples", "200"));
        using var client = Client(options);
        var delays = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var put = await client.PutAuditEventsAsync(Channel, EventFactory.Batch(i, 1, Account, DateTimeOffset.UtcNow));
            var acked = Stopwatch.StartNew();
            var id = JsonDocument.Parse(put.Body).RootElement.GetProperty("successful")[0].GetProperty("eventID").GetString();
            while (true)
            {
                var lookup = await client.CallAsync("LookupEvents", $$"""{"LookupAttributes":[{"AttributeKey":"EventId","AttributeValue":"{{id}}"}]}""");
                if (JsonDocument.Parse(lookup.Body).RootElement.GetProperty("Events").GetArrayLength() > 0)
                {
                    delays.Add(acked.Elapsed.TotalMilliseconds);
                    break;
                }

                if (acked.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.Error.WriteLine($"event {id} not visible after 30 s");
                    return 1;
                }
            }
        }

        Console.WriteLine($"visibility (ack → visible to LookupEvents): {Stats.Summary(delays)}");
        return 0;
    }

    /// <summary>Fills DATA_DIR/store with N events spread over the last 30 days, in time order, through the
    /// same record builder and indexer mapping the server uses (the journal is bypassed).</summary>
    private static int Seed(Dictionary<string, string> options)
    {
        var directory = Path.Combine(options["data-dir"], "store");
        var total = long.Parse(options.GetValueOrDefault("events", "10000000"));
        using var store = EventStore.Open(directory);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var step = TimeSpan.FromDays(30).Ticks / total;
        var clock = Stopwatch.StartNew();
        var batch = new List<IndexedEvent>(10_000);
        var cursor = store.GetCursor("seed") ?? 0;
        for (var n = cursor; n < total; n++)
        {
            var time = start.AddTicks(step * n);
            var (record, _) = ActivityRecordBuilder.Build(EventFactory.EventData(n, Account, time), null, Channel, new RecordContext(Account, Region, time));
            batch.Add(EventIndexer.ToIndexed(new JournalRecord(n, n + 1, JournalEnvelope.Encode(record!))));
            if (batch.Count == batch.Capacity || n == total - 1)
            {
                store.Append(batch, "seed", n + 1);
                batch.Clear();
                if ((n + 1) % 1_000_000 == 0)
                {
                    Console.WriteLine($"  {n + 1:N0} events, {(n + 1 - cursor) / clock.Elapsed.TotalSeconds:N0}/s");
                }
            }
        }

        Console.WriteLine($"seed: {store.Count():N0} events in {directory} ({clock.Elapsed.TotalSeconds:F0} s)");
        return 0;
    }

    /// <summary>LookupEvents latency over HTTP for the lookups people make: newest events, by event name,
    /// by user, by event id; each sequentially, medians and tails reported per kind.</summary>
    private static async Task<int> LookupAsync(Dictionary<string, string> options)
    {
        var requests = int.Parse(options.GetValueOrDefault("requests", "400"));
        using var client = Client(options);
        var probe = await client.CallAsync("LookupEvents", """{"MaxResults":50,"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"load.example.com"}]}""");
        var ids = JsonDocument.Parse(probe.Body).RootElement.GetProperty("Events").EnumerateArray().Select(e => e.GetProperty("EventId").GetString()!).ToArray();
        var kinds = new (string Name, Func<int, string> Body)[]
        {
            ("newest 50", _ => """{"MaxResults":50}"""),
            ("by EventName", i => $$"""{"MaxResults":50,"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"{{(i % 2 == 0 ? "Login" : "RotateKey")}}"}]}"""),
            ("by Username", i => $$"""{"MaxResults":50,"LookupAttributes":[{"AttributeKey":"Username","AttributeValue":"user-{{i % 200:D3}}"}]}"""),
            ("by EventId", i => $$"""{"LookupAttributes":[{"AttributeKey":"EventId","AttributeValue":"{{ids[i % ids.Length]}}"}]}"""),
            ("by EventName, 7 days", i => $$"""{"MaxResults":50,"StartTime":{{DateTimeOffset.UtcNow.AddDays(-14).ToUnixTimeSeconds()}},"EndTime":{{DateTimeOffset.UtcNow.AddDays(-7).ToUnixTimeSeconds()}},"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"Login"}]}"""),
        };
        foreach (var (name, body) in kinds)
        {
            var latencies = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.StartNew();
                var response = await client.CallAsync("LookupEvents", body(i));
                latencies.Add(started.Elapsed.TotalMilliseconds);
                if (!response.IsSuccess)
                {
                    Console.Error.WriteLine($"{name}: {response.Body}");
                    return 1;
                }
            }

            Console.WriteLine($"lookup {name,-22}: {Stats.Summary(latencies)}");
        }

        return 0;
    }

    /// <summary>The lookups of <see cref="LookupAsync"/> straight on the event store (no HTTP, SigV4,
    /// JSON or self-audit): the engine's own latency, which the API's figures are compared against.</summary>
    private static int StoreLookup(Dictionary<string, string> options)
    {
        var requests = int.Parse(options.GetValueOrDefault("requests", "400"));
        using var store = EventStore.Open(Path.Combine(options["data-dir"], "store"));
        var end = DateTimeOffset.UtcNow;
        long Micros(DateTimeOffset t) => t.ToUnixTimeMilliseconds() * 1000;
        LookupRequest Request(params (LookupAttributeKey, string)[] attributes) =>
            new(attributes, Micros(end.AddDays(-90)), Micros(end), InsightsOnly: false, MaxResults: 50, After: null);
        var ids = store.Lookup(Request((LookupAttributeKey.EventSource, "load.example.com"))).Rows.Select(r => r.EventId).ToArray();
        var kinds = new (string Name, Func<int, LookupRequest> Request)[]
        {
            ("newest 50", _ => Request()),
            ("by EventName", i => Request((LookupAttributeKey.EventName, i % 2 == 0 ? "Login" : "RotateKey"))),
            ("by Username", i => Request((LookupAttributeKey.Username, $"user-{i % 200:D3}"))),
            ("by EventId", i => Request((LookupAttributeKey.EventId, ids[i % ids.Length]))),
            ("by EventName, 7 days", _ => Request((LookupAttributeKey.EventName, "Login")) with { StartMicros = Micros(end.AddDays(-14)), EndMicros = Micros(end.AddDays(-7)) }),
        };
        foreach (var (name, request) in kinds)
        {
            var latencies = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.StartNew();
                var page = store.Lookup(request(i));
                latencies.Add(started.Elapsed.TotalMilliseconds);
                if (page.Rows.Count == 0)
                {
                    Console.Error.WriteLine($"{name}: no rows");
                    return 1;
                }
            }

            Console.WriteLine($"store-lookup {name,-22}: {Stats.Summary(latencies)}");
        }

        return 0;
    }
}
