using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Contrail.Delivery.LogFiles;

namespace Contrail.Delivery.Digests;

/// <summary>One log file a digest lists (spec §2.2 <c>logFiles[]</c>).</summary>
/// <param name="Bucket">The bucket it was delivered to.</param>
/// <param name="Key">Its full key.</param>
/// <param name="HashValue">Lowercase hex SHA-256 of its uncompressed bytes (spec §2.6).</param>
/// <param name="OldestEventTime">The oldest eventTime in it.</param>
/// <param name="NewestEventTime">The newest eventTime in it.</param>
public sealed record DigestLogFile(string Bucket, string Key, string HashValue, DateTimeOffset? OldestEventTime, DateTimeOffset? NewestEventTime);

/// <summary>The previous digest of a chain, as the next one names it; null members mean a chain start.</summary>
/// <param name="Bucket">Bucket of the previous digest.</param>
/// <param name="Key">Key of the previous digest.</param>
/// <param name="HashValue">Lowercase hex SHA-256 of its uncompressed bytes.</param>
/// <param name="Signature">Its signature, lowercase hex (its <c>x-amz-meta-signature</c>).</param>
public sealed record DigestLink(string Bucket, string Key, string HashValue, string Signature);

/// <summary>A built digest: where it goes, the gzip body, and the metadata the object carries.</summary>
/// <param name="Key">The object key (spec §2.1).</param>
/// <param name="Json">The exact uncompressed bytes that were hashed and signed.</param>
/// <param name="Body">gzip of <paramref name="Json"/>, one member.</param>
/// <param name="Link">How the next digest names this one.</param>
/// <param name="Metadata">User metadata: <c>signature</c> and <c>signature-algorithm</c>.</param>
public sealed record DigestObject(string Key, byte[] Json, byte[] Body, DigestLink Link, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// Builds CloudTrail digest files (spec §2): the key of §2.1, the JSON of §2.2 with AWS's member
/// order, the string to sign of §2.4, SHA256withRSA over it, and the object metadata. Pure: the same
/// inputs and key give the same object, so a retried put rewrites the same bytes.
/// </summary>
public static class DigestFile
{
    /// <summary>The signature algorithm CloudTrail names.</summary>
    public const string SignatureAlgorithm = "SHA256withRSA";

    /// <summary>The hash algorithm of log files and previous digests.</summary>
    public const string HashAlgorithm = "SHA-256";

    /// <summary>User metadata name of the signature (S3 header <c>x-amz-meta-signature</c>).</summary>
    public const string SignatureMetadata = "signature";

    /// <summary>User metadata name of the algorithm (S3 header <c>x-amz-meta-signature-algorithm</c>).</summary>
    public const string AlgorithmMetadata = "signature-algorithm";

    /// <summary>
    /// The digest key, spec §2.1:
    /// <c>[prefix/]AWSLogs/[O-ID/]Account/CloudTrail-Digest/Region/YYYY/MM/DD/Account_CloudTrail-Digest_Region_Trail_HomeRegion_YYYYMMDDTHHMMSSZ.json.gz</c>,
    /// dated by the digest end time (UTC, whole seconds).
    /// </summary>
    /// <exception cref="ArgumentException">A part is malformed (as <see cref="LogFileKey.Create"/> checks them).</exception>
    public static string KeyOf(string? keyPrefix, string? organizationId, string accountId, string region, string trailName, string homeRegion, DateTimeOffset end)
    {
        ArgumentException.ThrowIfNullOrEmpty(trailName);
        ArgumentException.ThrowIfNullOrEmpty(homeRegion);

        // The log file key checks prefix, organization, account and region the same way.
        var logKey = LogFileKey.Create(keyPrefix, organizationId, accountId, region, end, "0000000000000000");
        var utc = end.ToUniversalTime();
        var sb = new StringBuilder(160);
        if (logKey.KeyPrefix is { } prefix)
        {
            sb.Append(prefix).Append('/');
        }

        sb.Append("AWSLogs/");
        if (organizationId is not null)
        {
            sb.Append(organizationId).Append('/');
        }

        sb.Append(accountId).Append("/CloudTrail-Digest/").Append(region).Append('/')
            .Append(utc.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)).Append('/')
            .Append(accountId).Append("_CloudTrail-Digest_").Append(region).Append('_').Append(trailName).Append('_').Append(homeRegion).Append('_')
            .Append(utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)).Append(".json.gz");
        return sb.ToString();
    }

    /// <summary>The time format of digest JSON members: <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The string to sign, spec §2.4: four lines joined by LF, no trailing newline; the last line is the
    /// previous signature or the text <c>null</c> at a chain start.
    /// </summary>
    public static string StringToSign(string digestEndTime, string bucket, string key, string hashHex, string? previousSignature) =>
        $"{digestEndTime}\n{bucket}/{key}\n{hashHex}\n{previousSignature ?? "null"}";

    /// <summary>
    /// Builds the digest of one window. <paramref name="start"/> and <paramref name="end"/> are truncated
    /// to whole seconds; <paramref name="previous"/> is null at a chain start.
    /// </summary>
    /// <param name="bucket">The bucket the digest goes to (the trail's).</param>
    /// <param name="key">Its key, from <see cref="KeyOf"/>.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="start">Start of the window of delivery times.</param>
    /// <param name="end">End of the window; in the key and the signed string.</param>
    /// <param name="logFiles">The log files delivered in the window, in delivery order.</param>
    /// <param name="previous">The previous digest of the chain, or null.</param>
    /// <param name="fingerprint">The signing key's fingerprint (spec §2.5).</param>
    /// <param name="sign">Signs bytes with SHA256withRSA using the key of <paramref name="fingerprint"/>.</param>
    public static DigestObject Build(string bucket, string key, string accountId, DateTimeOffset start, DateTimeOffset end,
        IReadOnlyList<DigestLogFile> logFiles, DigestLink? previous, string fingerprint, Func<byte[], byte[]> sign)
    {
        ArgumentNullException.ThrowIfNull(logFiles);
        ArgumentNullException.ThrowIfNull(sign);
        var endText = Time(end);
        var json = Json(bucket, key, accountId, Time(start), endText, logFiles, previous, fingerprint);
        var hash = Convert.ToHexStringLower(SHA256.HashData(json));
        var signature = Convert.ToHexStringLower(sign(Encoding.UTF8.GetBytes(StringToSign(endText, bucket, key, hash, previous?.Signature))));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SignatureMetadata] = signature,
            [AlgorithmMetadata] = SignatureAlgorithm,
        };
        return new DigestObject(key, json, Gzip(json), new DigestLink(bucket, key, hash, signature), metadata);
    }

    private static byte[] Json(string bucket, string key, string accountId, string start, string end,
        IReadOnlyList<DigestLogFile> logFiles, DigestLink? previous, string fingerprint)
    {
        DateTimeOffset? oldest = null, newest = null;
        foreach (var file in logFiles)
        {
            if (file.OldestEventTime is { } o && (oldest is null || o < oldest))
            {
                oldest = o;
            }

            if (file.NewestEventTime is { } n && (newest is null || n > newest))
            {
                newest = n;
            }
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("awsAccountId", accountId);
            w.WriteString("digestStartTime", start);
            w.WriteString("digestEndTime", end);
            w.WriteString("digestS3Bucket", bucket);
            w.WriteString("digestS3Object", key);
            w.WriteString("digestPublicKeyFingerprint", fingerprint);
            w.WriteString("digestSignatureAlgorithm", SignatureAlgorithm);
            WriteTimeOrNull(w, "newestEventTime", newest);
            WriteTimeOrNull(w, "oldestEventTime", oldest);
            WriteStringOrNull(w, "previousDigestS3Bucket", previous?.Bucket);
            WriteStringOrNull(w, "previousDigestS3Object", previous?.Key);
            WriteStringOrNull(w, "previousDigestHashValue", previous?.HashValue);
            WriteStringOrNull(w, "previousDigestHashAlgorithm", previous is null ? null : HashAlgorithm);
            WriteStringOrNull(w, "previousDigestSignature", previous?.Signature);
            w.WriteStartArray("logFiles");
            foreach (var file in logFiles)
            {
                w.WriteStartObject();
                w.WriteString("s3Bucket", file.Bucket);
                w.WriteString("s3Object", file.Key);
                w.WriteString("hashValue", file.HashValue);
                w.WriteString("hashAlgorithm", HashAlgorithm);
                WriteTimeOrNull(w, "newestEventTime", file.NewestEventTime);
                WriteTimeOrNull(w, "oldestEventTime", file.OldestEventTime);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteTimeOrNull(Utf8JsonWriter w, string name, DateTimeOffset? time) => WriteStringOrNull(w, name, time is { } t ? Time(t) : null);

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static byte[] Gzip(byte[] json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json);
        }

        var body = output.ToArray();
        LogFileWriter.NormalizeHeader(body);
        return body;
    }
}
