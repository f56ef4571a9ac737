using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Contrail.Api.Service;
using Contrail.Api.Tests.Support;
using Contrail.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Tests.Delivery;

/// <summary>One delivered log file, as found on disk under DATA_DIR/buckets.</summary>
internal sealed record DeliveredFile(string Key, string Region, IReadOnlyList<JsonElement> Records);

/// <summary>Servers with a short delivery interval, native management records, and a reader of delivered files.</summary>
internal static partial class DeliveryHarness
{
    public const string Bucket = "delivery-bucket";

    [GeneratedRegex(@"^(?:(?<prefix>.+)/)?AWSLogs/(?:(?<org>o-[a-z0-9]{10,32})/)?(?<acct>\d{12})/CloudTrail/(?<region>[a-z0-9-]+)/(?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})/(?<acct2>\d{12})_CloudTrail_(?<region2>[a-z0-9-]+)_(?<y2>\d{4})(?<m2>\d{2})(?<d2>\d{2})T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$")]
    public static partial Regex KeyPattern();

    /// <summary>The real service in process with <paramref name="interval"/> as its delivery interval.</summary>
    public static async Task<WebApplication> StartInProcessAsync(string dataDirectory, TimeSpan interval, string? organizationId = null, TimeSpan? digestInterval = null)
    {
        var settings = new ContrailSettings(dataDirectory, new ServiceIdentity(TestServer.AccountId, TestServer.Region, organizationId), TestServer.AccessKeyId, TestServer.Secret, interval,
            DigestInterval: digestInterval);
        var app = ContrailApplication.Build(settings, ["--urls", "http://127.0.0.1:0"], null, l => l.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return app;
    }

    public static ContrailClient Client(Uri endpoint) => new(endpoint, TestServer.AccessKeyId, TestServer.Secret, TestServer.Region);

    /// <summary>
    /// <c>contrail serve --delivery-interval …</c> as its own process (so it can be SIGKILLed), with
    /// <paramref name="extraArgs"/> after the usual ones and <paramref name="environment"/> added to its environment.
    /// </summary>
    public static Process StartProcess(string dataDirectory, string interval, out Uri endpoint,
        IEnumerable<string>? extraArgs = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        // Port 0: the server binds a free port itself and prints it (a port picked here could be taken
        // by another test's server before this one binds it).
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "contrail.dll"), "serve", "--data-dir", dataDirectory, "--urls", "http://127.0.0.1:0", "--delivery-interval", interval }.Concat(extraArgs ?? []))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CONTRAIL_ACCOUNT_ID"] = TestServer.AccountId;
        start.Environment["CONTRAIL_REGION"] = TestServer.Region;
        start.Environment["CONTRAIL_ROOT_ACCESS_KEY_ID"] = TestServer.AccessKeyId;
        start.Environment["CONTRAIL_ROOT_SECRET_ACCESS_KEY"] = TestServer.Secret;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Keep(string? line)
        {
            if (line is not null)
            {
                if (line.StartsWith("Contrail: listening on ", StringComparison.Ordinal))
                {
                    listening.TrySetResult(new Uri(line.Split(' ')[3]));
                }

                output.Enqueue(line);
                while (output.Count > 200 && output.TryDequeue(out _))
                {
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!listening.Task.IsCompleted && !process.HasExited && DateTime.UtcNow < deadline)
        {
            listening.Task.Wait(TimeSpan.FromMilliseconds(100));
        }

        if (!listening.Task.IsCompleted)
        {
            // Let the reader threads take the last lines.
            Thread.Sleep(200);
            if (!process.HasExited)
            {
                process.Kill();
            }

            throw new InvalidOperationException($"contrail serve did not start listening (exit code {(process.HasExited ? process.ExitCode : -1)}); it printed:\n{string.Join('\n', output)}");
        }

        endpoint = listening.Task.Result;
        Outputs[endpoint] = output;
        return process;
    }

    /// <summary>The last lines a server started by <see cref="StartProcess"/> printed, by endpoint.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Uri, System.Collections.Concurrent.ConcurrentQueue<string>> Outputs = new();

    public static async Task WaitHealthyAsync(Uri endpoint)
    {
        try
        {
            await WaitHealthyCoreAsync(endpoint);
        }
        catch (TimeoutException e) when (Outputs.TryGetValue(endpoint, out var output))
        {
            throw new TimeoutException($"{e.Message}; the server printed:\n{string.Join('\n', output)}", e);
        }
    }

    private static async Task WaitHealthyCoreAsync(Uri endpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(endpoint, "/health"));
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            ok => ok,
            TimeSpan.FromSeconds(60),
            "server healthy");
    }

    /// <summary>Native ingestion of management records with the given producer-chosen eventIDs.</summary>
    public static async Task PutManagementAsync(ContrailClient client, IEnumerable<string> ids, string? region = null, CancellationToken ct = default, string eventSource = "delivery.example.com")
    {
        var records = string.Join(",", ids.Select(id =>
            $$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"deliverer"},"eventTime":"{{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}}","eventSource":"{{eventSource}}","eventName":"Marker","eventID":"{{id}}"{{(region is null ? "" : $",\"awsRegion\":\"{region}\"")}}}"""));
        var response = await client.PutRecordsAsync(Encoding.UTF8.GetBytes($$"""{"Records":[{{records}}]}"""), gzip: false, ct);
        response.IsSuccess.ShouldBeTrue(response.Body);
        JsonDocument.Parse(response.Body).RootElement.GetProperty("failed").GetArrayLength().ShouldBe(0, response.Body);
    }

    public static Task<ProcessResult> AwsAsync(Uri endpoint, params string[] args) =>
        Processes.AwsAsync(TestServer.ClientEnvironmentFor(endpoint), ["cloudtrail", .. args, "--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json"]);

    public static async Task CliOkAsync(Uri endpoint, params string[] args)
    {
        var result = await AwsAsync(endpoint, args);
        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    /// <summary>Every delivered log file of <paramref name="bucket"/> (digest files aside), key checked against the CloudTrail pattern.</summary>
    public static IReadOnlyList<DeliveredFile> ReadFiles(string dataDirectory, string bucket = Bucket)
    {
        var root = Path.Combine(dataDirectory, "buckets", bucket);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var files = new List<DeliveredFile>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(path).StartsWith(".tmp-", StringComparison.Ordinal) || path.Contains("/CloudTrail-Digest/", StringComparison.Ordinal))
            {
                continue;
            }

            files.Add(ParseFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllBytes(path)));
        }

        return files;
    }

    /// <summary>One delivered file from wherever it was read: key checked against the CloudTrail pattern, gzip <c>{"Records":[…]}</c> body.</summary>
    public static DeliveredFile ParseFile(string key, byte[] gzipBody)
    {
        var match = KeyPattern().Match(key);
        match.Success.ShouldBeTrue($"unexpected key {key}");
        match.Groups["acct"].Value.ShouldBe(TestServer.AccountId);
        match.Groups["acct2"].Value.ShouldBe(TestServer.AccountId);
        match.Groups["region2"].Value.ShouldBe(match.Groups["region"].Value);
        (match.Groups["y"].Value + match.Groups["m"].Value + match.Groups["d"].Value).ShouldBe(match.Groups["y2"].Value + match.Groups["m2"].Value + match.Groups["d2"].Value);
        using var gzip = new GZipStream(new MemoryStream(gzipBody), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(gzip);
        document.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["Records"]);
        return new DeliveredFile(key, match.Groups["region"].Value, [.. document.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.Clone())]);
    }

    public static IEnumerable<string> EventIds(IEnumerable<DeliveredFile> files) =>
        files.SelectMany(f => f.Records).Select(r => r.GetProperty("eventID").GetString()!);

    public static IEnumerable<string> NewIds(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString());
}
