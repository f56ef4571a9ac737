using System.Text.Json;
using System.Text.Json.Serialization;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Journal.Segments;

namespace Contrail.Api.Delivery;

/// <summary>
/// What delivery remembers about one trail, in <c>DATA_DIR/delivery/&lt;trail-name&gt;.json</c>
/// (see docs/dev/delivery.md). Written atomically (<see cref="DiskSync.ReplaceFile"/>) before an object is put
/// (the in-flight range and its delivery time) and after (the range delivered), so a retry after a
/// crash rewrites the same keys with the same bytes.
/// </summary>
internal sealed record DeliveryState
{
    /// <summary>
    /// The trail's StartLoggingTime when this state began or last followed the catalog. Only read to
    /// upgrade a state file written before <see cref="Logging"/> existed.
    /// </summary>
    public DateTimeOffset? StartLoggingTime { get; init; }

    /// <summary>Journal position where delivery began reading for this trail.</summary>
    public long JournalStart { get; init; }

    /// <summary>
    /// Whether the trail logs at <see cref="Delivered"/> (its StartLogging/StopLogging records before
    /// that position say so); null in state files written before this member existed.
    /// </summary>
    public bool? Logging { get; init; }

    /// <summary>Every record below this position is delivered (or was not selected).</summary>
    public long Delivered { get; init; }

    /// <summary>End (exclusive) of the in-flight range [<see cref="Delivered"/>, InFlightEnd); null when none.</summary>
    public long? InFlightEnd { get; init; }

    /// <summary>Delivery time chosen for the in-flight range: it is in every key of that range.</summary>
    public DateTimeOffset? InFlightDeliveryTime { get; init; }

    public DateTimeOffset? LatestDeliveryTime { get; init; }

    public DateTimeOffset? LatestDeliveryAttemptTime { get; init; }

    public DateTimeOffset? LatestDeliveryAttemptSucceeded { get; init; }

    public string? LatestDeliveryError { get; init; }

    /// <summary>Open digest chains by region (log file validation on), saved with the positions above.</summary>
    public Dictionary<string, DigestChain>? Digests { get; init; }

    public DateTimeOffset? LatestDigestDeliveryTime { get; init; }

    public string? LatestDigestDeliveryError { get; init; }

    public static string DirectoryOf(string dataDirectory) => Path.Combine(dataDirectory, "delivery");

    public static string PathOf(string dataDirectory, string trailName) => Path.Combine(DirectoryOf(dataDirectory), trailName + ".json");

    public static DeliveryState? Load(string dataDirectory, string trailName)
    {
        var path = PathOf(dataDirectory, trailName);
        return File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(path), DeliveryJsonContext.Default.DeliveryState)
            : null;
    }

    public void Save(string dataDirectory, string trailName)
    {
        var directory = DirectoryOf(dataDirectory);
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        DiskSync.ReplaceFile(PathOf(dataDirectory, trailName), JsonSerializer.SerializeToUtf8Bytes(this, DeliveryJsonContext.Default.DeliveryState));
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeliveryState))]
[JsonSerializable(typeof(DigestChain))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext;
