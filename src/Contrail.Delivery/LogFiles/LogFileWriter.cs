using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Contrail.Events.Records;

namespace Contrail.Delivery.LogFiles;

/// <summary>
/// Turns journaled records into a log file body (spec §1.1): a single gzip member (RFC 1952) of
/// exactly <c>{"Records":[r1,r2,…]}</c>, each record's bytes copied verbatim, comma-separated, no
/// whitespace added. Keep in sync with docs/dev/log-file-format.md and the golden test
/// <c>LogFileWriterTests.Write_GoldenRecords_ExactBytes</c>.
/// </summary>
/// <remarks>
/// The gzip header is normalized after compression so the bytes depend only on the records and the
/// deflate implementation: <c>GZipStream</c> (zlib-ng) writes the minimal 10-byte header
/// <c>1f 8b 08 00 | mtime 00000000 | xfl | os</c>; this class checks FLG = 0 (no name, comment, extra or
/// header CRC), forces MTIME to 0 and OS to 3 (Unix) whatever the platform. Same records, same runtime
/// → same bytes. Stateless and thread-safe.
/// </remarks>
public static class LogFileWriter
{
    /// <summary>Bytes added around the records: <c>{"Records":[</c> and <c>]}</c>.</summary>
    public const int EnvelopeLength = 14;

    /// <summary>The OS byte written in the gzip header: 3 = Unix.</summary>
    public const byte GzipOsUnix = 3;

    private static ReadOnlySpan<byte> Opening => "{\"Records\":["u8;

    private static ReadOnlySpan<byte> Closing => "]}"u8;

    private static ReadOnlySpan<byte> EventTimeName => "eventTime"u8;

    /// <summary>
    /// Writes <paramref name="records"/> (each the compact UTF-8 JSON of one CloudTrail record, as
    /// stored in the journal) into a log file.
    /// </summary>
    /// <param name="records">The records, in delivery order.</param>
    /// <param name="level">Deflate level; default <see cref="CompressionLevel.Optimal"/>.</param>
    /// <exception cref="FormatException">A record is not a single JSON object.</exception>
    public static LogFile Write(IEnumerable<ReadOnlyMemory<byte>> records, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(records);
        var scanning = default(Scanning);
        return Write(records, level, ref scanning);
    }

    /// <summary>
    /// As <see cref="Write(IEnumerable{ReadOnlyMemory{byte}}, CompressionLevel)"/>, for records already
    /// read by a pass that made their <see cref="RecordCheck"/> (delivery's selection pass): the same
    /// bytes and the same failures, without reading each record once more.
    /// </summary>
    /// <param name="records">The records, in delivery order.</param>
    /// <param name="checks">One check per record, in the same order.</param>
    /// <param name="level">Deflate level; default <see cref="CompressionLevel.Optimal"/>.</param>
    /// <exception cref="FormatException">A record is not a single JSON object.</exception>
    public static LogFile Write(IReadOnlyList<ReadOnlyMemory<byte>> records, ReadOnlySpan<RecordCheck> checks, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (checks.Length != records.Count)
        {
            throw new ArgumentException($"{checks.Length} checks for {records.Count} records.", nameof(checks));
        }

        var prechecked = new Prechecked(checks);
        return Write(records, level, ref prechecked);
    }

    /// <summary>The body of a file; <paramref name="times"/> checks each record and gives its eventTime.</summary>
    private static LogFile Write<TTimes>(IEnumerable<ReadOnlyMemory<byte>> records, CompressionLevel level, ref TTimes times)
        where TTimes : IRecordTimes, allows ref struct
    {
        using var output = new MemoryStream();
        using var plainHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        long length = 0;
        DateTimeOffset? oldest = null;
        DateTimeOffset? newest = null;
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            void Put(ReadOnlySpan<byte> bytes)
            {
                gzip.Write(bytes);
                plainHash.AppendData(bytes);
                length += bytes.Length;
            }

            Put(Opening);
            foreach (var record in records)
            {
                var time = times.TimeOf(record.Span, count);
                if (time is { } t)
                {
                    oldest = oldest is null || t < oldest ? t : oldest;
                    newest = newest is null || t > newest ? t : newest;
                }

                if (count > 0)
                {
                    Put(","u8);
                }

                Put(record.Span);
                count++;
            }

            Put(Closing);
        }

        var body = output.ToArray();
        NormalizeHeader(body);
        return new LogFile(
            body,
            Convert.ToHexStringLower(SHA256.HashData(body)),
            Convert.ToHexStringLower(plainHash.GetHashAndReset()),
            length,
            count,
            oldest,
            newest);
    }

    /// <summary>The uncompressed length of a file of <paramref name="count"/> records totalling <paramref name="recordBytes"/> bytes.</summary>
    public static long UncompressedLengthOf(int count, long recordBytes) =>
        EnvelopeLength + recordBytes + Math.Max(0, count - 1);

    private interface IRecordTimes
    {
        /// <summary>Checks that record <paramref name="index"/> is exactly one JSON object; its top-level eventTime, if any.</summary>
        DateTimeOffset? TimeOf(ReadOnlySpan<byte> record, int index);
    }

    private readonly struct Scanning : IRecordTimes
    {
        public DateTimeOffset? TimeOf(ReadOnlySpan<byte> record, int index) => Scan(record, index);
    }

    private readonly ref struct Prechecked(ReadOnlySpan<RecordCheck> checks) : IRecordTimes
    {
        private readonly ReadOnlySpan<RecordCheck> _checks = checks;

        public DateTimeOffset? TimeOf(ReadOnlySpan<byte> record, int index)
        {
            var check = _checks[index];
            check.ThrowIfFailed(index);
            return check.EventTime;
        }
    }

    // Validates that the record is exactly one JSON object and returns its top-level eventTime, if any.
    // RecordCheck.Reader makes the same check inside another pass: keep the two in step.
    private static DateTimeOffset? Scan(ReadOnlySpan<byte> record, int index)
    {
        DateTimeOffset? time = null;
        try
        {
            var reader = new Utf8JsonReader(record, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException($"Record {index} is not a JSON object.");
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(EventTimeName))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && EventTime.TryParse(reader.GetString(), out var parsed))
                    {
                        time = parsed;
                    }
                }
                else if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read())
            {
                throw new FormatException($"Record {index} is not a single JSON object.");
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"Record {index} is not valid JSON: {e.Message}", e);
        }

        return time;
    }

    internal static void NormalizeHeader(byte[] body)
    {
        // RFC 1952 member header: ID1 ID2 CM FLG | MTIME (4, LE) | XFL | OS
        if (body.Length < 18 || body[0] != 0x1f || body[1] != 0x8b || body[2] != 8 || body[3] != 0)
        {
            throw new InvalidOperationException("GZipStream did not write the minimal RFC 1952 header this writer relies on.");
        }

        body.AsSpan(4, 4).Clear();
        body[9] = GzipOsUnix;
    }
}
