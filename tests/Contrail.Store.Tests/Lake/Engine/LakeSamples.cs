using System.Globalization;
using System.Text.Json;
using Contrail.Tests.Support;

namespace Contrail.Store.Tests.Lake.Engine;

/// <summary>The shared sample records, once, with the fields the tests count on read in C#.</summary>
internal static class LakeSamples
{
    private static readonly Lazy<IReadOnlyList<IReadOnlyList<JsonElement>>> Batches = new(() => [.. SampleRecords.Files().Select(SampleRecords.Read)]);

    /// <summary>Every sample file's records, one batch per file.</summary>
    public static IReadOnlyList<IReadOnlyList<JsonElement>> FileBatches => Batches.Value;

    /// <summary>Every record with a string eventID, the first of each eventID only: what a store holds after appending them all.</summary>
    public static IReadOnlyList<JsonElement> Distinct { get; } =
        [.. Batches.Value.SelectMany(b => b).Where(r => r.TryGetProperty("eventID", out var id) && id.ValueKind == JsonValueKind.String)
            .DistinctBy(r => r.GetProperty("eventID").GetString())];

    /// <summary>The batches as the engine takes them.</summary>
    public static IEnumerable<IReadOnlyList<ReadOnlyMemory<byte>>> Json() =>
        Batches.Value.Select(b => (IReadOnlyList<ReadOnlyMemory<byte>>)[.. b.Select(r => (ReadOnlyMemory<byte>)SampleRecords.Compact(r))]);

    /// <summary>A top-level string member, or null.</summary>
    public static string? Text(this JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The record's eventTime, or null when it has none.</summary>
    public static DateTime? Time(this JsonElement record) =>
        record.Text("eventTime") is { } text ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : null;

    /// <summary>A member of a nested object (path of names), or null.</summary>
    public static string? Path(this JsonElement record, params string[] names)
    {
        var current = record;
        foreach (var name in names)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => current.GetRawText(),
        };
    }
}
