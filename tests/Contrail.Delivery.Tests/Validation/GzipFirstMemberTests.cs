using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;
using Contrail.Delivery.Validation;
using Contrail.Tests.Support;

namespace Contrail.Delivery.Tests.Validation;

/// <summary>
/// <see cref="GzipFirstMember"/> against python3's zlib, used the two ways the AWS CLI uses it: one-shot
/// <c>zlib.decompress(data, MAX_WBITS | 16)</c> for digests and a streaming <c>decompressobj</c> in 2048-byte
/// reads for log files, on well-formed, truncated, padded, concatenated and damaged gzip data.
/// </summary>
public sealed class GzipFirstMemberTests
{
    private const string Script = """
        import hashlib, sys, zlib
        for path in sys.argv[1:]:
            data = open(path, 'rb').read()
            try:
                whole = zlib.decompress(data, zlib.MAX_WBITS | 16)
                oneshot = hashlib.sha256(whole).hexdigest()
            except zlib.error:
                oneshot = 'error'
            d = zlib.decompressobj(zlib.MAX_WBITS | 16)
            h = hashlib.sha256()
            try:
                for i in range(0, len(data), 2048):
                    h.update(d.decompress(data[i:i + 2048]))
                h.update(d.flush())
                streamed = h.hexdigest()
                unused = len(d.unused_data) if d.eof else -1
            except zlib.error:
                streamed = 'error'
                unused = -1
            print(path, oneshot, streamed, unused)
        """;

    [Fact]
    public void Inflate_EveryCase_AgreesWithPythonZlibBothWays()
    {
        using var temp = new TempDirectory();
        var cases = Cases();
        var paths = new Dictionary<string, string>();
        foreach (var (name, bytes) in cases)
        {
            var path = Path.Combine(temp.Path, name);
            File.WriteAllBytes(path, bytes);
            paths[path] = name;
        }

        var python = RunPython(paths.Keys);

        foreach (var (path, name) in paths)
        {
            var body = cases[name];
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var result = GzipFirstMember.Inflate(body, data => sha.AppendData(data));
            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var (oneshot, streamed, unused) = python[path];

            // Digests: only a complete member decompresses; then to the same bytes.
            (result.Outcome == GzipOutcome.Complete).ShouldBe(oneshot != "error", name);
            if (oneshot != "error")
            {
                hash.ShouldBe(oneshot, name);
            }

            // Log files: corrupt is an error; otherwise the same hash, and the same bytes left over.
            (result.Outcome == GzipOutcome.Corrupt).ShouldBe(streamed == "error", name);
            if (streamed != "error")
            {
                hash.ShouldBe(streamed, name);
                result.TrailingBytes.ShouldBe(Math.Max(0, unused), name);
            }
        }
    }

    [Fact]
    public void Inflate_WholeFile_OutputLengthIsTheInflatedLength()
    {
        var data = Compressible(100_000);

        var result = GzipFirstMember.Inflate(TestTrail.Gzip(data), _ => { });

        result.ShouldBe(new GzipResult(GzipOutcome.Complete, data.Length, 0));
    }

    [Fact]
    public async Task InflateAsync_FromStreamsThatReadInOddPieces_AgreesWithInflatingTheWholeBody()
    {
        var random = new Random(7);
        foreach (var (name, body) in Cases())
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var expected = GzipFirstMember.Inflate(body, data => sha.AppendData(data));
            var expectedHash = sha.GetHashAndReset();

            foreach (var maxRead in new[] { 1, 13, 4096, 200_000 })
            {
                var reopens = 0;
                var result = await GzipFirstMember.InflateAsync(
                    new PieceStream(body, maxRead, random),
                    _ =>
                    {
                        reopens++;
                        return Task.FromResult<OpenedObject?>(new OpenedObject(new PieceStream(body, maxRead, random), body.Length, new Dictionary<string, string>()));
                    },
                    data => sha.AppendData(data),
                    CancellationToken.None);

                result.ShouldBe(expected, $"{name}, reads of up to {maxRead} bytes");
                sha.GetHashAndReset().ShouldBe(expectedHash, $"{name}, reads of up to {maxRead} bytes");

                // Only an object whose deflate data ends before its last 64 bytes is read twice (at exactly
                // 64 bytes the end may fall on the last large read).
                var after = expected.Outcome == GzipOutcome.Complete ? expected.TrailingBytes + 8 : 0;
                reopens.ShouldBeInRange(after > 64 ? 1 : 0, after >= 64 ? 1 : 0, name);
            }
        }
    }

    [Fact]
    public async Task InflateAsync_ObjectGoneBeforeTheSecondPass_IsTruncated()
    {
        var large = TestTrail.Gzip(Compressible(50_000));
        byte[] padded = [.. large, .. new byte[100]];

        var result = await GzipFirstMember.InflateAsync(new MemoryStream(padded), _ => Task.FromResult<OpenedObject?>(null), _ => { }, CancellationToken.None);

        result.ShouldBe(new GzipResult(GzipOutcome.Truncated, 50_000, 0));
    }

    [Fact]
    public void Crc32_KnownValue_MatchesTheStandardCheck() =>
        Crc32.Compute("123456789"u8).ShouldBe(0xCBF43926u);

    private static Dictionary<string, byte[]> Cases()
    {
        var small = TestTrail.Gzip("""{"Records":[]}"""u8.ToArray());
        var large = TestTrail.Gzip(Compressible(200_000));
        var random = TestTrail.Gzip(RandomNumberGenerator.GetBytes(90_000));
        var empty = TestTrail.Gzip([]);
        var cases = new Dictionary<string, byte[]>
        {
            ["small"] = small,
            ["large"] = large,
            ["random"] = random,
            ["empty-member"] = empty,
            ["no-bytes"] = [],
            ["one-byte"] = [0x1f],
            ["half-header"] = small[..5],
            ["header-only"] = small[..10],
            ["not-gzip"] = "hello, world"u8.ToArray(),
            ["wrong-method"] = [.. small[..2], 7, .. small[3..]],
            ["reserved-flag"] = [.. small[..3], 0x20, .. small[4..]],
            ["second-member"] = [.. large, .. small],
            ["crc-flipped"] = Flip(large, large.Length - 8),
            ["isize-flipped"] = Flip(large, large.Length - 2),
            ["deflate-damaged"] = Flip(random, random.Length / 2),
            ["named"] = WithHeader(small, 0x08, "log.json\0"u8.ToArray()),
            ["commented-extra"] = WithHeader(small, 0x10 | 0x04, [3, 0, 1, 2, 3, .. "note\0"u8]),
            ["header-crc"] = WithHeaderCrc(small, valid: true),
            ["header-crc-bad"] = WithHeaderCrc(small, valid: false),
            ["name-unterminated"] = [.. WithHeader(small, 0x08, [])[..10], .. "abc"u8],
            ["name-longer-than-the-read-window"] = WithHeader(large, 0x08, [.. Enumerable.Repeat((byte)'n', 300_000), 0]),
        };

        foreach (var pad in new[] { 1, 7, 8, 9, 56, 57, 63, 64, 65, 2000, 70_000 })
        {
            cases[$"large-pad-{pad}"] = [.. large, .. new byte[pad]];
            cases[$"small-pad-{pad}"] = [.. small, .. Enumerable.Repeat((byte)0x5a, pad)];
        }

        foreach (var cut in new[] { 1, 3, 7, 8, 9, 20, 100, 5000 })
        {
            cases[$"large-cut-{cut}"] = large[..^cut];
        }

        cases["small-cut-3"] = small[..^3];
        return cases;
    }

    private static byte[] Compressible(int length)
    {
        var text = new StringBuilder();
        var i = 0;
        while (text.Length < length)
        {
            text.Append("{\"eventName\":\"Event").Append(i++ % 97).Append("\",\"n\":").Append(i).Append('}');
        }

        return Encoding.UTF8.GetBytes(text.ToString()[..length]);
    }

    private static byte[] Flip(byte[] data, int index)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= 0x55;
        return copy;
    }

    // The same member with FLG set and the optional fields after the fixed 10-byte header.
    private static byte[] WithHeader(byte[] member, byte flags, byte[] fields) =>
        [.. member[..3], flags, .. member[4..10], .. fields, .. member[10..]];

    private static byte[] WithHeaderCrc(byte[] member, bool valid)
    {
        byte[] header = [.. member[..3], 0x02, .. member[4..10]];
        var crc = (ushort)Crc32.Compute(header);
        if (!valid)
        {
            crc ^= 1;
        }

        return [.. header, (byte)crc, (byte)(crc >> 8), .. member[10..]];
    }

    private static Dictionary<string, (string OneShot, string Streamed, int Unused)> RunPython(IEnumerable<string> paths)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromSeconds(60)).ShouldBeTrue("python3 did not finish");
        process.ExitCode.ShouldBe(0, error.Result);
        var results = new Dictionary<string, (string, string, int)>(StringComparer.Ordinal);
        foreach (var line in output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            results[parts[0]] = (parts[1], parts[2], int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
        }

        return results;
    }

    /// <summary>A stream over a buffer whose reads return a pseudo-random 1 to <c>maxRead</c> bytes.</summary>
    private sealed class PieceStream(byte[] body, int maxRead, Random random) : MemoryStream(body, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Piece(count));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Piece(buffer.Length)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Piece(count), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Piece(buffer.Length)], cancellationToken);

        private int Piece(int count) => Math.Min(count, random.Next(1, maxRead + 1));
    }
}
