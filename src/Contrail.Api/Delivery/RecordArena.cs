using System.Buffers;

namespace Contrail.Api.Delivery;

/// <summary>
/// Holds copies of the records of one cut in a few large reused chunks instead of one array per record:
/// a cut keeps up to ~48 MiB of records alive while it builds files, and a million small arrays
/// that survive that long cost more in garbage collection than gzip costs (docs/benchmarks.md).
/// Not thread-safe; <see cref="Reset"/> makes every slice handed out invalid. A pooled arena rents its
/// chunks from <see cref="ArrayPool{T}.Shared"/> and returns them on <see cref="Reset"/> (for arenas of
/// which there are several, each idle most of the time); an unpooled one keeps them for its next use.
/// </summary>
internal sealed class RecordArena(bool pooled = false)
{
    private const int ChunkBytes = 4 << 20;

    private readonly List<byte[]> _chunks = [];
    private int _chunk;
    private int _used;

    /// <summary>A copy of <paramref name="record"/>, valid until <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> record)
    {
        if (record.Length > ChunkBytes)
        {
            // Larger than a chunk (records are far smaller): its own array.
            return record.ToArray();
        }

        if (_chunk == _chunks.Count || _used + record.Length > _chunks[_chunk].Length)
        {
            if (_chunk < _chunks.Count && _used > 0)
            {
                _chunk++;
            }

            if (_chunk == _chunks.Count)
            {
                _chunks.Add(pooled ? ArrayPool<byte>.Shared.Rent(ChunkBytes) : new byte[ChunkBytes]);
            }

            _used = 0;
        }

        var target = _chunks[_chunk].AsMemory(_used, record.Length);
        record.CopyTo(target.Span);
        _used += record.Length;
        return target;
    }

    /// <summary>Makes the chunks reusable; keeps at most <paramref name="keepChunks"/> of them for the next cut.</summary>
    public void Reset(int keepChunks = 32)
    {
        if (_chunks.Count > keepChunks)
        {
            if (pooled)
            {
                foreach (var chunk in _chunks.Skip(keepChunks))
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                }
            }

            _chunks.RemoveRange(keepChunks, _chunks.Count - keepChunks);
        }

        _chunk = 0;
        _used = 0;
    }
}
