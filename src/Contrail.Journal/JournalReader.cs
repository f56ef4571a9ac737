using Contrail.Journal.Format;
using Contrail.Journal.Segments;
using Microsoft.Win32.SafeHandles;

namespace Contrail.Journal;

/// <summary>
/// Reads committed records in order from a position. Sees only records below
/// <see cref="Journal.CommittedPosition"/> (durable ones). Verifies each record's checksum.
/// Not thread-safe: one reader per consumer thread.
/// </summary>
public sealed class JournalReader : IDisposable
{
    private const int WindowBytes = 256 << 10;

    private readonly Journal _journal;
    private readonly byte[] _window = new byte[WindowBytes];
    private byte[]? _batchBuffer;
    private long _position;
    private SegmentFile? _segment;
    private long _segmentEnd;
    private SafeFileHandle? _handle;
    private long _windowStart;
    private int _windowLength;
    private bool _disposed;

    internal JournalReader(Journal journal, long position)
    {
        _journal = journal;
        _position = position;
    }

    /// <summary>
    /// Appends to <paramref name="into"/> up to <paramref name="maxRecords"/> committed records
    /// from the reader's position, stopping before <paramref name="maxBytes"/> (headers included)
    /// would be exceeded but always taking at least one available record, and advances past them.
    /// Returns how many were added; 0 when nothing is committed beyond the position.
    /// </summary>
    /// <exception cref="JournalCorruptedException">A committed record fails its checksum.</exception>
    public int ReadBatch(List<JournalRecord> into, int maxRecords, int maxBytes) => ReadBatch(into, maxRecords, maxBytes, reuseBuffer: false);

    /// <summary>
    /// As <see cref="ReadBatch(List{JournalRecord}, int, int)"/>; with <paramref name="reuseBuffer"/> the
    /// payloads are slices of one buffer of the reader, overwritten by its next call: for consumers that
    /// are done with a batch before reading the next, so that a pass over the journal allocates no array
    /// per record (records that live through a batch cost the garbage collector more than reading them).
    /// </summary>
    public int ReadBatch(List<JournalRecord> into, int maxRecords, int maxBytes, bool reuseBuffer)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (reuseBuffer && (_batchBuffer is null || _batchBuffer.Length < maxBytes))
        {
            _batchBuffer = new byte[Math.Max(maxBytes, 1)];
        }

        var batchUsed = 0;
        var count = 0;
        long bytes = 0;
        Span<byte> header = stackalloc byte[RecordFormat.HeaderSize];
        while (count < maxRecords)
        {
            var committed = _journal.CommittedPosition;
            if (_position >= committed)
            {
                break;
            }

            var limit = Math.Min(committed, EnsureSegment());
            var offset = _position - _segment!.BasePosition;
            Read(offset, header, limit);
            var length = RecordFormat.ReadLength(header);
            if (length < 0 || _position + RecordFormat.HeaderSize + length > limit)
            {
                throw new JournalCorruptedException(_segment.Path, offset, "bad record header while reading committed data");
            }

            var size = RecordFormat.HeaderSize + length;
            if (count > 0 && bytes + size > maxBytes)
            {
                break;
            }

            Memory<byte> payload;
            if (reuseBuffer && batchUsed + length <= _batchBuffer!.Length)
            {
                payload = _batchBuffer.AsMemory(batchUsed, length);
                batchUsed += length;
            }
            else
            {
                payload = new byte[length];
            }

            Read(offset + RecordFormat.HeaderSize, payload.Span, limit);
            if (!RecordFormat.Verify(header, _position, payload.Span))
            {
                throw new JournalCorruptedException(_segment.Path, offset, "record checksum mismatch while reading committed data");
            }

            into.Add(new JournalRecord(_position, _position + size, payload));
            _position += size;
            bytes += size;
            count++;
        }

        return count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _handle?.Dispose();
        _handle = null;
    }

    /// <summary>True when a committed, verifying record starts at the reader's position.</summary>
    internal bool IsAtRecordBoundary()
    {
        var records = new List<JournalRecord>(1);
        var start = _position;
        try
        {
            ReadBatch(records, 1, 0);
            return records.Count == 1;
        }
        catch (JournalCorruptedException)
        {
            return false;
        }
        finally
        {
            _position = start;
        }
    }

    /// <summary>Opens the segment holding the position if needed; returns where that segment ends.</summary>
    private long EnsureSegment()
    {
        if (_segment is not null && _position >= _segment.BasePosition && _position < _segmentEnd && _segmentEnd != long.MaxValue)
        {
            return _segmentEnd;
        }

        var located = _journal.Locate(_position)
            ?? throw new InvalidOperationException(
                $"Journal position {_position} is no longer available: retention deleted its segment.");
        if (located.Segment != _segment)
        {
            _handle?.Dispose();
            _handle = File.OpenHandle(located.Segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _segment = located.Segment;
            _windowLength = 0;
        }

        _segmentEnd = located.End;
        return _segmentEnd;
    }

    /// <summary>Fills <paramref name="destination"/> from the segment at <paramref name="offset"/>, through the window.</summary>
    private void Read(long offset, Span<byte> destination, long limitPosition)
    {
        if (offset >= _windowStart && offset + destination.Length <= _windowStart + _windowLength)
        {
            _window.AsSpan((int)(offset - _windowStart), destination.Length).CopyTo(destination);
            return;
        }

        if (destination.Length > WindowBytes / 2)
        {
            ReadExactly(offset, destination);
            return;
        }

        // Refill with committed bytes only: data past the committed position may still change.
        var available = limitPosition - _segment!.BasePosition - offset;
        var fill = (int)Math.Min(WindowBytes, available);
        ReadExactly(offset, _window.AsSpan(0, fill));
        _windowStart = offset;
        _windowLength = fill;
        _window.AsSpan(0, destination.Length).CopyTo(destination);
    }

    private void ReadExactly(long offset, Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            var read = RandomAccess.Read(_handle!, destination, offset);
            if (read == 0)
            {
                throw new JournalCorruptedException(_segment!.Path, offset, "segment file ends before its committed data");
            }

            destination = destination[read..];
            offset += read;
        }
    }
}
