using System.Text.Json;
using System.Text.Json.Serialization;
using Contrail.Journal.Segments;

namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// The Latest* notification members of GetTrailStatus for one trail, kept in
/// <c>DATA_DIR/notifications/&lt;trail-name&gt;.json</c> (docs/dev/notifications.md; golden test
/// <c>NotificationStatusGoldenTests</c>) so they survive a restart, as delivery's do. Apart from
/// <see cref="DeliveryState"/>: written by the sender's tasks, never by the delivery loop.
/// </summary>
internal sealed record NotificationStatus
{
    /// <summary>CreatedAt of the trail this belongs to: a trail deleted and created again under the same name starts clean.</summary>
    public DateTimeOffset TrailCreatedAt { get; init; }

    /// <summary>Start of the latest attempt that succeeded (the receiver answered 2xx).</summary>
    public DateTimeOffset? LatestNotificationTime { get; init; }

    /// <summary>Start of the latest attempt, whatever its outcome.</summary>
    public DateTimeOffset? LatestNotificationAttemptTime { get; init; }

    /// <summary>Start of the latest attempt that succeeded (AWS reports it apart, as a string).</summary>
    public DateTimeOffset? LatestNotificationAttemptSucceeded { get; init; }

    /// <summary>Why the latest attempt failed (<c>HTTP 503</c>, <c>Timeout</c>, …); null after a success.</summary>
    public string? LatestNotificationError { get; init; }

    public static string DirectoryOf(string dataDirectory) => Path.Combine(dataDirectory, "notifications");

    public static string PathOf(string dataDirectory, string trailName) => Path.Combine(DirectoryOf(dataDirectory), trailName + ".json");

    public static NotificationStatus? Load(string dataDirectory, string trailName)
    {
        var path = PathOf(dataDirectory, trailName);
        return File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(path), NotificationJsonContext.Default.NotificationStatus)
            : null;
    }

    public void Save(string dataDirectory, string trailName)
    {
        Directory.CreateDirectory(DirectoryOf(dataDirectory), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        DiskSync.ReplaceFile(PathOf(dataDirectory, trailName), ToJson());
    }

    /// <summary>The persisted bytes (indented JSON, null members left out).</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, NotificationJsonContext.Default.NotificationStatus);
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NotificationStatus))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
