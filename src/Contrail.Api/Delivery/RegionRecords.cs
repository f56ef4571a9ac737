using System.Runtime.InteropServices;
using Contrail.Delivery.LogFiles;

namespace Contrail.Api.Delivery;

/// <summary>
/// The records a cut delivers to one region folder, in journal order: each one's position (which names
/// the file in its unique string), its JSON and the writer's check made while selecting it.
/// Not thread-safe.
/// </summary>
internal sealed class RegionRecords
{
    private readonly List<RecordCheck> _checks = [];

    public List<long> Positions { get; } = [];

    public List<ReadOnlyMemory<byte>> Json { get; } = [];

    public void Add(long position, ReadOnlyMemory<byte> json, RecordCheck check)
    {
        Positions.Add(position);
        Json.Add(json);
        _checks.Add(check);
    }

    /// <summary>The checks of records [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>), valid until the next <see cref="Add"/>.</summary>
    public ReadOnlySpan<RecordCheck> ChecksOf(int start, int count) => CollectionsMarshal.AsSpan(_checks).Slice(start, count);
}
