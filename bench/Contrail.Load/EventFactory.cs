using System.Text.Json;
using Contrail.Client;

namespace Contrail.Load;

/// <summary>Realistic ~1 KB activity events: 20 event names, 200 users, request parameters, a user agent.</summary>
internal static class EventFactory
{
    public const string Source = "load.example.com";

    private static readonly string[] Names =
    [
        "Login", "Logout", "CreateUser", "DeleteUser", "UpdateUser", "CreateRole", "AttachPolicy", "DetachPolicy",
        "PutObject", "GetObject", "DeleteObject", "CreateBucket", "ListBuckets", "StartInstance", "StopInstance",
        "CreateKey", "RotateKey", "UpdateSettings", "ExportReport", "InviteMember",
    ];

    public static string EventData(long sequence, string account, DateTimeOffset time) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "1.0",
        ["userIdentity"] = new Dictionary<string, object>
        {
            ["type"] = "User",
            ["principalId"] = $"user-{sequence % 200:D3}",
            ["details"] = new Dictionary<string, string> { ["team"] = $"team-{sequence % 12}", ["role"] = sequence % 3 == 0 ? "admin" : "member" },
        },
        ["userAgent"] = "contrail-load/1.0 (linux; x64) dotnet/10.0",
        ["eventSource"] = Source,
        ["eventName"] = Names[sequence % Names.Length],
        ["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["UID"] = $"req-{sequence:D12}-{Guid.NewGuid():N}",
        ["requestParameters"] = new Dictionary<string, object>
        {
            ["resourceId"] = $"res-{sequence % 5000:D6}",
            ["path"] = $"/projects/p-{sequence % 97}/environments/production/resources/res-{sequence % 5000:D6}",
            ["tags"] = new[] { "audit", "compliance", $"cost-center-{sequence % 40}" },
            ["options"] = new Dictionary<string, object> { ["dryRun"] = false, ["retries"] = 3, ["region"] = "us-east-1" },
        },
        ["responseElements"] = new Dictionary<string, object> { ["status"] = "OK", ["etag"] = Guid.NewGuid().ToString("N") },
        ["sourceIPAddress"] = $"10.{sequence % 250}.{sequence / 250 % 250}.{sequence % 13 + 1}",
        ["recipientAccountId"] = account,
        ["additionalEventData"] = new Dictionary<string, string> { ["sessionId"] = Guid.NewGuid().ToString(), ["mfa"] = "true", ["client"] = "web-console" },
    });

    public static List<AuditEventEntry> Batch(long firstSequence, int count, string account, DateTimeOffset time)
    {
        var batch = new List<AuditEventEntry>(count);
        for (var i = 0; i < count; i++)
        {
            batch.Add(new AuditEventEntry($"e{firstSequence + i}", EventData(firstSequence + i, account, time)));
        }

        return batch;
    }
}
