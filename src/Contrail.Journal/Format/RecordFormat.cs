using System.Buffers.Binary;

namespace Contrail.Journal.Format;

/// <summary>
/// The on-disk layout of a journal record. Segments are plain concatenations of records; a
/// segment file is named by its base position (20-digit zero-padded decimal, <c>.seg</c>), and a
/// record's position is the segment base plus the record's byte offset in the file. Records never
/// span segments, and each segment starts where the previous one ended, so positions are dense.
/// <code>
/// offset  size  field
///      0     4  magic    0x4C4A5443 little-endian ("CTJL" in file order)
///      4     4  length   payload length in bytes, little-endian, at most MaxPayloadBytes
///      8     4  crc      CRC-32C over (position: u64 LE, length: u32 LE, payload), little-endian
///     12     n  payload  opaque bytes
/// </code>
/// The checksum covers the record's own global position, so stale or shifted bytes (a record
/// copied elsewhere, or one embedded in a payload) never verify at the wrong place. There is no
/// padding and no trailer: a torn write leaves a record whose header or checksum fails.
/// Keep in sync with: the recovery scanner (Recovery/SegmentScanner.cs) and the golden test
/// (RecordFormatTests).
/// </summary>
internal static class RecordFormat
{
    public const uint Magic = 0x4C4A5443u;

    public const int HeaderSize = 12;

    /// <summary>Largest payload accepted (64 MiB); a longer length field is treated as damage.</summary>
    public const int MaxPayloadBytes = 64 << 20;

    public static void WriteHeader(Span<byte> header, long position, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Checksum(position, payload));
    }

    /// <summary>
    /// Reads the length from a header that has the magic and a plausible length, or returns -1.
    /// </summary>
    public static int ReadLength(ReadOnlySpan<byte> header)
    {
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
        {
            return -1;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        return length > MaxPayloadBytes ? -1 : (int)length;
    }

    public static bool Verify(ReadOnlySpan<byte> header, long position, ReadOnlySpan<byte> payload) =>
        BinaryPrimitives.ReadUInt32LittleEndian(header[8..]) == Checksum(position, payload);

    public static uint Checksum(long position, ReadOnlySpan<byte> payload)
    {
        Span<byte> prefix = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(prefix, position);
        BinaryPrimitives.WriteUInt32LittleEndian(prefix[8..], (uint)payload.Length);
        return Crc32C.Finish(Crc32C.Update(Crc32C.Update(Crc32C.Initial, prefix), payload));
    }
}
