using System.Collections.Concurrent;
using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Client;

namespace Contrail.Api.Tests.Durability;

/// <summary>
/// DESIGN.md invariant 1: acknowledged ⇒ durable. The real server is killed with SIGKILL while
/// clients write; after a restart every acknowledged event is there, and none twice.
/// </summary>
public sealed class KillTests : IDisposable
{
    private const string Source = "kill.example.com";
    private readonly string _dataDirectory = TempDirectory.Create("kill");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public async Task Serve_KilledWhileClientsWrite_LosesNoAcknowledgedEvent_AndShowsNoneTwice()
    {
        var acknowledged = new ConcurrentBag<string>();
        for (var round = 0; round < 3; round++)
        {
            await using var server = await ServerProcess.StartAsync(_dataDirectory);
            using var stop = new CancellationTokenSource();
            var target = acknowledged.Count + 1500;
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(() => WriteUntilStoppedAsync(server, w, round, acknowledged, stop.Token))).ToArray();
            await Eventually.WaitAsync(() => Task.FromResult(acknowledged.Count), c => c >= target, TimeSpan.FromSeconds(60), "writers made progress");

            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await ServerProcess.StartAsync(_dataDirectory);
        using var client = restarted.CreateClient();
        var expected = acknowledged.ToHashSet();
        var found = await Eventually.WaitAsync(
            () => AllEventIdsAsync(client),
            ids => expected.IsSubsetOf(ids),
            TimeSpan.FromSeconds(60),
            "every acknowledged event is visible after restart");

        found.Count.ShouldBe(found.Distinct().Count(), "an event appears twice");
        expected.Count.ShouldBeGreaterThanOrEqualTo(4500);
    }

    [Fact]
    public async Task Serve_JournalCorruptedInTheMiddle_RefusesToStartAndSaysWhere()
    {
        await using (var server = await ServerProcess.StartAsync(_dataDirectory))
        {
            using var client = server.CreateClient();
            for (var i = 0; i < 20; i++)
            {
                var response = await client.PutAuditEventsAsync($"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:channel/default", Batch(0, i, 50));
                response.IsSuccess.ShouldBeTrue(response.Body);
            }

            server.Kill();
        }

        var segment = Directory.GetFiles(Path.Combine(_dataDirectory, "journal")).Where(f => new FileInfo(f).Length > 100_000).OrderBy(f => f, StringComparer.Ordinal).First();
        await using (var stream = new FileStream(segment, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            var b = stream.ReadByte();
            stream.Position = stream.Length / 2;
            stream.WriteByte((byte)(b ^ 0x40));
        }

        await using var broken = await ServerProcess.StartAsync(_dataDirectory, waitForHealth: false);
        var exit = await broken.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exit.ShouldNotBe(0);
        broken.Output.ShouldContain(Path.GetFileName(segment));
        broken.Output.ShouldContain("corrupt", Case.Insensitive);
        broken.Output.ShouldContain("contrail journal repair");
    }

    [Fact]
    public async Task JournalRepair_AfterCorruption_ServeStartsAgain_KeepsIndexedEvents_AndIndexesNewOnes()
    {
        const int Written = 20 * 50;
        await using (var server = await ServerProcess.StartAsync(_dataDirectory))
        {
            using var client = server.CreateClient();
            for (var i = 0; i < 20; i++)
            {
                (await client.PutAuditEventsAsync(Channel, Batch(0, i, 50))).IsSuccess.ShouldBeTrue();
            }

            await Eventually.WaitAsync(() => AllEventIdsAsync(client), ids => ids.Count == Written, TimeSpan.FromSeconds(60), "all events indexed before the crash");
            server.Kill();
        }

        var segment = Directory.GetFiles(Path.Combine(_dataDirectory, "journal"), "*.seg").OrderBy(f => f, StringComparer.Ordinal).Last();
        var length = new FileInfo(segment).Length;
        await using (var stream = new FileStream(segment, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = length / 2;
            var b = stream.ReadByte();
            stream.Position = length / 2;
            stream.WriteByte((byte)(b ^ 0x40));
        }

        var repair = await Processes.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "contrail.dll"), "journal", "repair", "--data-dir", _dataDirectory], new Dictionary<string, string>());
        repair.ExitCode.ShouldBe(0, repair.Stdout + repair.Stderr);
        new FileInfo(segment).Length.ShouldBeLessThanOrEqualTo(length / 2, "the damaged record and everything after it were dropped");

        await using var restarted = await ServerProcess.StartAsync(_dataDirectory);
        using var after = restarted.CreateClient();
        (await after.PutAuditEventsAsync(Channel, Batch(1, 0, 10))).IsSuccess.ShouldBeTrue();
        var ids = await Eventually.WaitAsync(() => AllEventIdsAsync(after), found => found.Count == Written + 10, TimeSpan.FromSeconds(60), "indexed events kept and new events indexed after the repair");
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    private static string Channel => $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:channel/default";

    private static async Task WriteUntilStoppedAsync(ServerProcess server, int writer, int round, ConcurrentBag<string> acknowledged, CancellationToken ct)
    {
        using var client = server.CreateClient();
        var channel = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:channel/default";
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            try
            {
                var response = await client.PutAuditEventsAsync(channel, Batch(writer + (round * 100), i, 20), ct);
                if (response.IsSuccess)
                {
                    foreach (var ok in JsonDocument.Parse(response.Body).RootElement.GetProperty("successful").EnumerateArray())
                    {
                        acknowledged.Add(ok.GetProperty("eventID").GetString()!);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The server was killed: whatever was not acknowledged may or may not be there.
                return;
            }
        }
    }

    private static List<AuditEventEntry> Batch(int writer, int sequence, int count) =>
        Enumerable.Range(0, count).Select(k => new AuditEventEntry($"w{writer}-{sequence}-{k}", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["version"] = "1.0",
            ["userIdentity"] = new Dictionary<string, string> { ["type"] = "User", ["principalId"] = $"writer{writer}" },
            ["eventSource"] = Source,
            ["eventName"] = "Write",
            ["eventTime"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["UID"] = $"{writer}-{sequence}-{k}",
            ["recipientAccountId"] = TestServer.AccountId,
            ["requestParameters"] = new Dictionary<string, string> { ["padding"] = new string('p', 600) },
        }))).ToList();

    private static async Task<List<string>> AllEventIdsAsync(ContrailClient client)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var body = token is null
                ? $$"""{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"{{Source}}"}],"MaxResults":50}"""
                : $$"""{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"{{Source}}"}],"MaxResults":50,"NextToken":"{{token}}"}""";
            var response = await client.CallAsync("LookupEvents", body);
            response.IsSuccess.ShouldBeTrue(response.Body);
            var page = JsonDocument.Parse(response.Body).RootElement;
            ids.AddRange(page.GetProperty("Events").EnumerateArray().Select(e => e.GetProperty("EventId").GetString()!));
            token = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        return ids;
    }
}
