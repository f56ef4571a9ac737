using System.Buffers;
using Contrail.Journal.Format;
using Contrail.Journal.Segments;

namespace Contrail.Journal.Recovery;

/// <summary>
/// Verifies segment files record by record (magic, length bounds, CRC-32C), and looks for a valid
/// record after a damaged one, which tells a torn tail (nothing valid after it) from corruption.
/// </summary>
internal static class SegmentScanner
{
    private const int StreamBuffer = 1 << 20;

    /// <summary>Reads the segment from <paramref name="startOffset"/> until the end or the first bad record.</summary>
    public static SegmentScan Scan(SegmentFile segment, long startOffset = 0)
    {
        using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read,
            FileShare.ReadWrite | FileShare.Delete, StreamBuffer, FileOptions.SequentialScan);
        var length = stream.Length;
        stream.Position = startOffset;
        Span<byte> header = stackalloc byte[RecordFormat.HeaderSize];
        var payload = ArrayPool<byte>.Shared.Rent(64 << 10);
        try
        {
            var offset = startOffset;
            long records = 0;
            while (offset < length)
            {
                if (length - offset < RecordFormat.HeaderSize)
                {
                    return new SegmentScan(length, offset, records, offset, "incomplete record header");
                }

                stream.ReadExactly(header);
                var payloadLength = RecordFormat.ReadLength(header);
                if (payloadLength < 0)
                {
                    return new SegmentScan(length, offset, records, offset, "bad record magic or length");
                }

                if (offset + RecordFormat.HeaderSize + payloadLength > length)
                {
                    return new SegmentScan(length, offset, records, offset, "record extends past the end of the file");
                }

                if (payload.Length < payloadLength)
                {
                    ArrayPool<byte>.Shared.Return(payload);
                    payload = ArrayPool<byte>.Shared.Rent(payloadLength);
                }

                var body = payload.AsSpan(0, payloadLength);
                stream.ReadExactly(body);
                if (!RecordFormat.Verify(header, segment.BasePosition + offset, body))
                {
                    return new SegmentScan(length, offset, records, offset, "record checksum mismatch");
                }

                offset += RecordFormat.HeaderSize + payloadLength;
                records++;
            }

            return new SegmentScan(length, offset, records, null, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    /// <summary>
    /// The offset of the first record after <paramref name="badOffset"/> (at any byte offset) whose
    /// header and checksum verify, or null. Because the checksum covers the record's position, a
    /// hit means real journal data lies beyond the damage, which a torn write cannot produce.
    /// </summary>
    public static long? FindValidRecordAfter(SegmentFile segment, long badOffset)
    {
        var data = File.ReadAllBytes(segment.Path);
        return FindValidRecord(data, segment.BasePosition, badOffset + 1);
    }

    /// <summary>Counts the valid records in a damaged region by resynchronizing after each bad spot.</summary>
    public static long CountValidRecords(SegmentFile segment, long fromOffset)
    {
        var data = File.ReadAllBytes(segment.Path);
        long records = 0;
        var offset = (int)Math.Min(fromOffset, data.Length);
        while (offset < data.Length)
        {
            var size = RecordSizeAt(data, segment.BasePosition, offset);
            if (size > 0)
            {
                records++;
                offset += size;
                continue;
            }

            var next = FindValidRecord(data, segment.BasePosition, offset + 1);
            if (next is null)
            {
                break;
            }

            offset = (int)next.Value;
        }

        return records;
    }

    private static long? FindValidRecord(byte[] data, long basePosition, long from)
    {
        Span<byte> magic = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(magic, RecordFormat.Magic);
        var offset = (int)Math.Min(from, data.Length);
        while (offset < data.Length)
        {
            var hit = data.AsSpan(offset).IndexOf(magic);
            if (hit < 0)
            {
                return null;
            }

            offset += hit;
            if (RecordSizeAt(data, basePosition, offset) > 0)
            {
                return offset;
            }

            offset++;
        }

        return null;
    }

    /// <summary>Size of the valid record at <paramref name="offset"/>, or 0 if none verifies there.</summary>
    private static int RecordSizeAt(byte[] data, long basePosition, int offset)
    {
        if (data.Length - offset < RecordFormat.HeaderSize)
        {
            return 0;
        }

        var header = data.AsSpan(offset, RecordFormat.HeaderSize);
        var length = RecordFormat.ReadLength(header);
        if (length < 0 || (long)offset + RecordFormat.HeaderSize + length > data.Length)
        {
            return 0;
        }

        var payload = data.AsSpan(offset + RecordFormat.HeaderSize, length);
        return RecordFormat.Verify(header, basePosition + offset, payload) ? RecordFormat.HeaderSize + length : 0;
    }
}
