using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Service;
using Contrail.Api.Tests.Support;
using Contrail.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>The service in process with notifications to a receiver; the verifier of docs/dev/notifications.md.</summary>
internal static class NotificationHarness
{
    public const string Secret = "test-notification-secret-0123456789";
    public const string Topic = "cloudtrail-topic";
    public const string TopicArn = $"arn:aws:sns:{TestServer.Region}:{TestServer.AccountId}:{Topic}";

    public static async Task<WebApplication> StartServerAsync(string dataDirectory, TimeSpan interval, Uri notificationUrl)
    {
        var settings = new ContrailSettings(dataDirectory, new ServiceIdentity(TestServer.AccountId, TestServer.Region), TestServer.AccessKeyId, TestServer.Secret, interval,
            Notifications: new NotificationTarget(notificationUrl, Secret));
        var app = ContrailApplication.Build(settings, ["--urls", "http://127.0.0.1:0"], null, l => l.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return app;
    }

    /// <summary>Management records, each with its own region, in one native ingestion request (so in one journal commit).</summary>
    public static async Task PutAsync(ContrailClient client, IEnumerable<(string Id, string Region)> records)
    {
        var json = string.Join(",", records.Select(r =>
            $$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"notifier"},"eventTime":"{{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}}","eventSource":"notify.example.com","eventName":"Marker","eventID":"{{r.Id}}","awsRegion":"{{r.Region}}"}"""));
        var response = await client.PutRecordsAsync(Encoding.UTF8.GetBytes($$"""{"Records":[{{json}}]}"""), gzip: false);
        response.IsSuccess.ShouldBeTrue(response.Body);
    }

    /// <summary>Parses a request as a notification, checking the SNS wire shape on the way.</summary>
    public static ReceivedNotification Parse(ReceivedRequest request)
    {
        var body = JsonDocument.Parse(request.Body).RootElement.Clone();
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["Type", "MessageId", "TopicArn", "Message", "Timestamp"], "SNS members without Subject and without an SNS signature");
        var message = JsonDocument.Parse(body.GetProperty("Message").GetString()!).RootElement;
        message.EnumerateObject().Select(p => p.Name).ShouldBe(["s3Bucket", "s3ObjectKey"]);
        return new ReceivedNotification(request, body, message.GetProperty("s3Bucket").GetString()!,
            [.. message.GetProperty("s3ObjectKey").EnumerateArray().Select(k => k.GetString()!)]);
    }

    /// <summary>The signature check written independently of the service: HMAC-SHA256 of the body, lowercase hex.</summary>
    public static bool VerifiesInCSharp(ReceivedRequest request, string secret = Secret)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.Body));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Header("X-Contrail-Signature")));
    }

    /// <summary>Runs the Python verifier of docs/dev/notifications.md, exactly as written there, on <paramref name="body"/>.</summary>
    public static async Task<bool> VerifiesInPythonAsync(byte[] body, string signature, string secret = Secret)
    {
        var bodyFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(bodyFile, body);
            var script = DocumentedVerifier() + "\nimport sys\nsys.exit(0 if verify(sys.argv[1].encode(), open(sys.argv[2], 'rb').read(), sys.argv[3]) else 1)\n";
            var result = await Processes.RunAsync("python3", ["-c", script, secret, bodyFile, signature], new Dictionary<string, string>());
            result.Stderr.ShouldBeEmpty();
            return result.ExitCode == 0;
        }
        finally
        {
            File.Delete(bodyFile);
        }
    }

    /// <summary>The first <c>```python</c> block of docs/dev/notifications.md.</summary>
    public static string DocumentedVerifier()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "dev", "notifications.md"));
        var start = text.IndexOf("```python\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "docs/dev/notifications.md has a python block");
        start += "```python\n".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Contrail.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root (Contrail.slnx) was not found.");
    }
}
