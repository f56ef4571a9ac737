using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Contrail.Delivery.Validation;

/// <summary>
/// Inflates the first gzip member of an object exactly as the AWS CLI's zlib does
/// (<c>zlib.decompress(data, MAX_WBITS | 16)</c> for digests, <c>zlib.decompressobj(MAX_WBITS | 16)</c> for
/// log files): a second member or any other bytes after the first member's trailer are not inflated,
/// a truncated object yields what could be inflated, a bad header, deflate stream or trailer is corrupt.
/// </summary>
/// <remarks>
/// .NET has no inflate API that says where the deflate data ended, so this parses the header itself
/// (RFC 1952, with zlib's checks), inflates with a raw <see cref="DeflateStream"/>, and finds the end
/// by how the stream reads: <see cref="DeflateStream"/> asks its source for more input only when the
/// inflater has used up all it was given and is not finished. The source therefore hands out the last
/// 64 bytes one at a time: when the read that ended the inflation was one byte long, the deflate data
/// ended exactly there. When it ended earlier, in a large read (an object with more than 56 bytes
/// after the member: anything but a normal file), a second pass reads that chunk a byte at a time.
/// </remarks>
internal static class GzipFirstMember
{
    private const int ChunkSize = 64 * 1024;
    private const int ByteByByteTail = 64;
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte ReservedFlags = 0xE0;

    /// <summary>Inflates the first member of <paramref name="body"/>, handing the output to <paramref name="sink"/> in order.</summary>
    public static GzipResult Inflate(ReadOnlyMemory<byte> body, Action<ReadOnlySpan<byte>> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var header = ParseHeader(body.Span, out var deflateStart);
        if (header != GzipOutcome.Complete)
        {
            return new GzipResult(header, 0, 0);
        }

        var crc = new Crc32();
        long length = 0;
        var source = new MeteredSource(body, deflateStart, Math.Max(deflateStart, body.Length - ByteByByteTail));
        try
        {
            length = Drain(source, data =>
            {
                crc.Append(data);
                sink(data);
            });
        }
        catch (InvalidDataException)
        {
            return new GzipResult(GzipOutcome.Corrupt, length, 0);
        }

        long end;
        if (source.RanDry)
        {
            // The inflater wanted more than there was: no trailer byte is left, whether or not it finished.
            end = body.Length;
        }
        else if (source.LastReadLength <= 1)
        {
            end = source.Consumed;
        }
        else
        {
            var again = new MeteredSource(body, deflateStart, source.Consumed - source.LastReadLength);
            Drain(again, static _ => { });
            end = again.Consumed;
        }

        if (body.Length - end < 8)
        {
            return new GzipResult(GzipOutcome.Truncated, length, 0);
        }

        var trailer = body.Span.Slice((int)end, 8);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != crc.Value
            || BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) != unchecked((uint)length))
        {
            return new GzipResult(GzipOutcome.Corrupt, length, 0);
        }

        return new GzipResult(GzipOutcome.Complete, length, body.Length - end - 8);
    }

    private static long Drain(MeteredSource source, Action<ReadOnlySpan<byte>> sink)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var inflater = new DeflateStream(source, CompressionMode.Decompress, leaveOpen: true);
            long total = 0;
            int read;

            // Read, never CopyTo: DeflateStream's CopyTo drains its source to the end.
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                sink(buffer.AsSpan(0, read));
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // RFC 1952 member header, checked as zlib's inflate does: magic, method 8, no reserved flag, and the
    // header CRC when FHCRC is set. Running out of bytes is "truncated", never "corrupt".
    private static GzipOutcome ParseHeader(ReadOnlySpan<byte> body, out int end)
    {
        end = 0;
        if (body.Length < 2)
        {
            return GzipOutcome.Truncated;
        }

        if (body[0] != 0x1F || body[1] != 0x8B)
        {
            return GzipOutcome.Corrupt;
        }

        if (body.Length < 4)
        {
            return GzipOutcome.Truncated;
        }

        var flags = body[3];
        if (body[2] != 8 || (flags & ReservedFlags) != 0)
        {
            return GzipOutcome.Corrupt;
        }

        var position = 10;
        if (body.Length < position)
        {
            return GzipOutcome.Truncated;
        }

        if ((flags & FlagExtra) != 0)
        {
            if (body.Length < position + 2)
            {
                return GzipOutcome.Truncated;
            }

            position += 2 + BinaryPrimitives.ReadUInt16LittleEndian(body[position..]);
            if (body.Length < position)
            {
                return GzipOutcome.Truncated;
            }
        }

        foreach (var flag in (ReadOnlySpan<byte>)[FlagName, FlagComment])
        {
            if ((flags & flag) != 0)
            {
                var zero = body[position..].IndexOf((byte)0);
                if (zero < 0)
                {
                    return GzipOutcome.Truncated;
                }

                position += zero + 1;
            }
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            if (body.Length < position + 2)
            {
                return GzipOutcome.Truncated;
            }

            if (BinaryPrimitives.ReadUInt16LittleEndian(body[position..]) != (ushort)Crc32.Compute(body[..position]))
            {
                return GzipOutcome.Corrupt;
            }

            position += 2;
        }

        end = position;
        return GzipOutcome.Complete;
    }

    /// <summary>
    /// A read-only stream over part of a buffer that hands out large chunks before <c>byteByByteFrom</c>
    /// and single bytes from there on, and remembers where and how its last read ended.
    /// </summary>
    private sealed class MeteredSource(ReadOnlyMemory<byte> body, int start, long byteByByteFrom) : Stream
    {
        private long _position = start;

        public long Consumed => _position;

        public int LastReadLength { get; private set; }

        public bool RanDry { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var left = body.Length - _position;
            if (left <= 0)
            {
                RanDry = true;
                return 0;
            }

            var limit = _position < byteByByteFrom ? Math.Min(ChunkSize, byteByByteFrom - _position) : 1;
            var count = (int)Math.Min(Math.Min(limit, left), buffer.Length);
            body.Span.Slice((int)_position, count).CopyTo(buffer);
            _position += count;
            LastReadLength = count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
