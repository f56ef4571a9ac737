using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Validation;

/// <summary>
/// Inflates the first gzip member of an object exactly as the AWS CLI's zlib does
/// (<c>zlib.decompress(data, MAX_WBITS | 16)</c> for digests, <c>zlib.decompressobj(MAX_WBITS | 16)</c> for
/// log files): a second member or any other bytes after the first member's trailer are not inflated,
/// a truncated object yields what could be inflated, a bad header, deflate stream or trailer is corrupt.
/// Streamed: the object is read once, forward, with at most about 130 KiB of it in memory.
/// </summary>
/// <remarks>
/// .NET has no inflate API that says where the deflate data ended, so this parses the header itself
/// (RFC 1952, with zlib's checks), inflates with a raw <see cref="DeflateStream"/>, and finds the end
/// by how the stream reads: <see cref="DeflateStream"/> asks its source for more input only when the
/// inflater has used up all it was given and is not finished. The source reads ahead of what it hands
/// out, so it knows when it is within 64 bytes of the end of the object, and hands those out one at a
/// time: when the read that ended the inflation was one byte long, the deflate data ended exactly there.
/// When it ended earlier, in a large read (an object with more than 56 bytes after the member: anything
/// but a normal file), the object is opened again and a second pass reads that chunk a byte at a time.
/// </remarks>
internal static class GzipFirstMember
{
    private const int ChunkSize = 64 * 1024;
    private const int ByteByByteTail = 64;
    private const int TrailerLength = 8;
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte ReservedFlags = 0xE0;
    private static readonly Dictionary<string, string> Empty = [];

    /// <summary>Inflates the first member of <paramref name="body"/>, handing the output to <paramref name="sink"/> in order.</summary>
    public static GzipResult Inflate(ReadOnlyMemory<byte> body, Action<ReadOnlySpan<byte>> sink)
    {
        // Memory streams complete every read synchronously, so this never blocks on anything.
        var array = MemoryMarshal.TryGetArray(body, out var segment) ? segment : new ArraySegment<byte>(body.ToArray());
        return InflateAsync(
            new MemoryStream(array.Array!, array.Offset, array.Count, writable: false),
            _ => Task.FromResult<OpenedObject?>(new OpenedObject(new MemoryStream(array.Array!, array.Offset, array.Count, writable: false), array.Count, Empty)),
            sink,
            CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Inflates the first member of the object read from <paramref name="body"/> (from its start), handing
    /// the output to <paramref name="sink"/> in order. <paramref name="reopen"/> opens the same object again
    /// from its start, for the second pass over an object with bytes after its member; null when it is gone,
    /// and the member then reads as truncated. The caller disposes <paramref name="body"/>.
    /// </summary>
    /// <exception cref="IOException">Reading the object failed.</exception>
    public static async Task<GzipResult> InflateAsync(Stream body, Func<CancellationToken, Task<OpenedObject?>> reopen,
        Action<ReadOnlySpan<byte>> sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(reopen);
        ArgumentNullException.ThrowIfNull(sink);
        using var source = new LookaheadSource(body, long.MaxValue);
        var (header, deflateStart) = await source.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        if (header != GzipOutcome.Complete)
        {
            return new GzipResult(header, 0, 0);
        }

        var crc = new Crc32();
        long length = 0;
        try
        {
            length = await DrainAsync(source, data =>
            {
                crc.Append(data);
                sink(data);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return new GzipResult(GzipOutcome.Corrupt, length, 0);
        }

        if (source.RanDry || source.LastReadLength <= 1)
        {
            // Ran dry: the inflater wanted more than there was, so no trailer byte is left, finished or not.
            // Else the deflate data ended with the one byte last handed out.
            return await FinishAsync(source, crc.Value, length, cancellationToken).ConfigureAwait(false);
        }

        var reopened = await reopen(cancellationToken).ConfigureAwait(false);
        if (reopened is null)
        {
            return new GzipResult(GzipOutcome.Truncated, length, 0);
        }

        await using (reopened.ConfigureAwait(false))
        {
            using var again = new LookaheadSource(reopened.Body, source.Consumed - source.LastReadLength);
            await again.SkipAsync(deflateStart, cancellationToken).ConfigureAwait(false);
            try
            {
                await DrainAsync(again, static _ => { }, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                // The object changed between the two reads.
                return new GzipResult(GzipOutcome.Corrupt, length, 0);
            }

            return await FinishAsync(again, crc.Value, length, cancellationToken).ConfigureAwait(false);
        }
    }

    // The source stands right after the deflate data: the trailer (CRC-32 and length mod 2^32, little
    // endian) must follow, and whatever is after it is counted.
    private static async Task<GzipResult> FinishAsync(LookaheadSource source, uint crc, long length, CancellationToken cancellationToken)
    {
        var trailer = new byte[TrailerLength];
        if (await source.ReadExactlyOrLessAsync(trailer, cancellationToken).ConfigureAwait(false) < TrailerLength)
        {
            return new GzipResult(GzipOutcome.Truncated, length, 0);
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != crc
            || BinaryPrimitives.ReadUInt32LittleEndian(trailer.AsSpan(4)) != unchecked((uint)length))
        {
            return new GzipResult(GzipOutcome.Corrupt, length, 0);
        }

        var trailing = await source.CountRestAsync(cancellationToken).ConfigureAwait(false);
        return new GzipResult(GzipOutcome.Complete, length, trailing);
    }

    private static async Task<long> DrainAsync(LookaheadSource source, Action<ReadOnlySpan<byte>> sink, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var inflater = new DeflateStream(source, CompressionMode.Decompress, leaveOpen: true);
            long total = 0;
            int read;

            // Read, never CopyTo: DeflateStream's CopyTo drains its source to the end.
            while ((read = await inflater.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
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
    /// A read-only stream over another that reads ahead of what it hands out: large chunks while more than
    /// 64 bytes are left, single bytes in the last 64 and from <c>byteByByteFrom</c> on; it remembers where
    /// and how its last read ended.
    /// </summary>
    private sealed class LookaheadSource(Stream inner, long byteByByteFrom) : Stream
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent((2 * ChunkSize) + (2 * ByteByByteTail));
        private int _start;
        private int _end;
        private bool _eof;

        /// <summary>The offset in the object of the next byte to hand out.</summary>
        public long Consumed { get; private set; }

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

        /// <summary>Parses the member header (growing the window for a header longer than it) and steps past it.</summary>
        public async Task<(GzipOutcome Outcome, int DeflateStart)> ReadHeaderAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                await FillAsync(_buffer.Length, cancellationToken).ConfigureAwait(false);
                var outcome = ParseHeader(_buffer.AsSpan(_start, _end - _start), out var end);
                if (outcome == GzipOutcome.Truncated && !_eof)
                {
                    Grow();
                    continue;
                }

                if (outcome == GzipOutcome.Complete)
                {
                    Take(end);
                }

                return (outcome, end);
            }
        }

        public async Task SkipAsync(int count, CancellationToken cancellationToken)
        {
            while (count > 0)
            {
                await FillAsync(Math.Min(count, ChunkSize), cancellationToken).ConfigureAwait(false);
                var step = Math.Min(count, _end - _start);
                if (step == 0)
                {
                    return;
                }

                Take(step);
                count -= step;
            }
        }

        public async Task<int> ReadExactlyOrLessAsync(byte[] destination, CancellationToken cancellationToken)
        {
            await FillAsync(destination.Length, cancellationToken).ConfigureAwait(false);
            var count = Math.Min(destination.Length, _end - _start);
            _buffer.AsSpan(_start, count).CopyTo(destination);
            Take(count);
            return count;
        }

        /// <summary>Reads to the end of the object, counting the bytes.</summary>
        public async Task<long> CountRestAsync(CancellationToken cancellationToken)
        {
            long count = _end - _start;
            Take(_end - _start);
            while (!_eof)
            {
                var read = await inner.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                _eof = read == 0;
                count += read;
            }

            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await FillAsync(ChunkSize + ByteByByteTail + 1, cancellationToken).ConfigureAwait(false);
            var available = _end - _start;
            if (available == 0)
            {
                RanDry = true;
                LastReadLength = 0;
                return 0;
            }

            // Short of the end the read-ahead holds more than a chunk beyond this read; at the end it
            // holds all that is left, and the last 64 bytes go one at a time.
            var limit = Consumed >= byteByByteFrom
                ? 1
                : Math.Max(1, Math.Min(Math.Min(available - ByteByByteTail, ChunkSize), byteByByteFrom - Consumed));
            var count = (int)Math.Min(limit, buffer.Length);
            _buffer.AsMemory(_start, count).CopyTo(buffer);
            Take(count);
            LastReadLength = count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && _buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }

            base.Dispose(disposing);
        }

        private void Take(int count)
        {
            _start += count;
            Consumed += count;
        }

        /// <summary>Reads until at least <paramref name="wanted"/> bytes (at most the window) are held, or the object ends.</summary>
        private async ValueTask FillAsync(int wanted, CancellationToken cancellationToken)
        {
            while (!_eof && _end - _start < wanted)
            {
                if (_end == _buffer.Length)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                var read = await inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
                _eof = read == 0;
                _end += read;
            }
        }

        private void Grow()
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, _start, larger, 0, _end - _start);
            ArrayPool<byte>.Shared.Return(_buffer);
            _end -= _start;
            _start = 0;
            _buffer = larger;
        }
    }
}
