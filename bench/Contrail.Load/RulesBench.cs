using System.Diagnostics;
using System.Text;
using Contrail.Api.Rules;
using Contrail.Api.Rules.Delivery;
using Contrail.Api.Service;
using Contrail.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contrail.Load;

/// <summary>
/// Event → webhook latency (docs/dev/rules.md): the real service in process on loopback, one rule whose
/// webhook target is a Kestrel receiver in this process, records ingested over HTTP (<c>POST /records</c>)
/// at a fixed total rate. Latency runs from each batch's scheduled send time (no coordinated omission)
/// to the webhook's arrival at the receiver, per event.
/// <code>contrail-load rules [--rate 10000] [--seconds 20] [--batch 100] [--clients 8]</code>
/// </summary>
internal static class RulesBench
{
    private const string Account = "123456789012";
    private const string Region = "us-east-1";
    private const string KeyId = "AKIACONTRAILBENCH001";
    private const string Secret = "contrail/bench/secret/key/0123456789abcdef";

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var rate = double.Parse(options.GetValueOrDefault("rate", "10000"), System.Globalization.CultureInfo.InvariantCulture);
        var seconds = double.Parse(options.GetValueOrDefault("seconds", "20"), System.Globalization.CultureInfo.InvariantCulture);
        var batch = int.Parse(options.GetValueOrDefault("batch", "100"), System.Globalization.CultureInfo.InvariantCulture);
        var clients = int.Parse(options.GetValueOrDefault("clients", "8"), System.Globalization.CultureInfo.InvariantCulture);
        var total = (long)(rate * seconds);
        var sentAt = new double[total + batch];
        var latencies = new double[total + batch];
        var received = 0L;
        var clock = Stopwatch.StartNew();

        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.Logging.ClearProviders();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = receiverBuilder.Build();
        receiver.Run(async context =>
        {
            var arrived = clock.Elapsed.TotalMilliseconds;
            await context.Request.Body.CopyToAsync(Stream.Null);
            var id = context.Request.Headers[RuleWebhookPoster.EventIdHeader].ToString();
            if (id.Length == 36 && long.TryParse(id.AsSpan(24), out var sequence) && sequence < latencies.Length)
            {
                latencies[sequence] = arrived - sentAt[sequence];
                Interlocked.Increment(ref received);
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await receiver.StartAsync();

        var directory = Directory.CreateTempSubdirectory("contrail-rules-bench").FullName;
        try
        {
            var settings = new ContrailSettings(directory, new ServiceIdentity(Account, Region, null), KeyId, Secret);
            await using var server = ContrailApplication.Build(settings, ["--urls", "http://127.0.0.1:0"], logging: l => l.SetMinimumLevel(LogLevel.Warning));
            await server.StartAsync();
            var catalog = server.Services.GetRequiredService<RuleCatalog>();
            catalog.Put("bench", """{"source":["aws.bench"],"detail":{"eventName":["Bench"]}}""", EventRule.Enabled, null, 0);
            catalog.PutTargets("bench", [new RuleTarget("hook", receiver.Urls.First() + "/hook", null)]);

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 });
            using var client = new ContrailClient(new Uri(server.Urls.First()), KeyId, Secret, Region, http);
            var interval = TimeSpan.FromSeconds(clients * batch / rate);
            var next = 0L;
            var failures = 0L;
            var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                var due = interval * c / clients;
                while (true)
                {
                    var first = Interlocked.Add(ref next, batch) - batch;
                    if (first >= total)
                    {
                        return;
                    }

                    var wait = due - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    var body = new StringBuilder("{\"Records\":[");
                    var time = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                    for (var i = 0; i < batch; i++)
                    {
                        var sequence = first + i;
                        sentAt[sequence] = due.TotalMilliseconds;
                        body.Append(i == 0 ? "" : ",").Append(
                            $$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"bench"},"eventTime":"{{time}}","eventSource":"bench.amazonaws.com","eventName":"Bench","awsRegion":"{{Region}}","eventID":"00000000-0000-0000-0000-{{sequence:D12}}","recipientAccountId":"{{Account}}"}""");
                    }

                    var response = await client.PutRecordsAsync(Encoding.UTF8.GetBytes(body.Append("]}").ToString()), gzip: false);
                    if (!response.IsSuccess)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    due += interval;
                }
            })).ToArray();
            await Task.WhenAll(tasks);
            var sendSeconds = clock.Elapsed.TotalSeconds;
            var until = clock.Elapsed + TimeSpan.FromSeconds(30);
            while (Interlocked.Read(ref received) < total && clock.Elapsed < until)
            {
                await Task.Delay(50);
            }

            var got = Interlocked.Read(ref received);
            var measured = latencies.Take((int)total).Where(l => l > 0).ToList();
            Console.WriteLine($"rules: rate={rate:N0}/s target, {total:N0} events sent in {sendSeconds:F1} s ({total / sendSeconds:N0}/s), batch={batch} clients={clients}, failed calls={failures}");
            Console.WriteLine($"  webhooks received: {got:N0} of {total:N0}");
            Console.WriteLine($"  event -> webhook latency: {Stats.Summary(measured)}");
            await server.StopAsync();
            return got == total && failures == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
