using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Objects;

namespace Contrail.Tests.Support;

/// <summary>A log file <see cref="TestTrail"/> put in the store.</summary>
internal sealed record TestLogFile(string Bucket, string Key, string HashValue, DateTimeOffset Delivered, DateTimeOffset EventTime);

/// <summary>A digest <see cref="TestTrail"/> put in the store.</summary>
internal sealed record TestDigest(string Bucket, string Key, string Signature, string HashValue, byte[] Json, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<TestLogFile> LogFiles);

/// <summary>
/// A test-only digest producer (spec §2): real CloudTrail log files and signed digest files of one trail,
/// account and region, put in an <see cref="IObjectStore"/>. RSA-2048, the JSON members in the order AWS
/// writes them (§2.2), the string to sign of §2.4, metadata <c>signature</c>/<c>signature-algorithm</c>,
/// one gzip member. Deliberately independent of Contrail's own digest writer, so each checks the other.
/// </summary>
internal sealed class TestTrail : IDisposable
{
    private int _unique;

    public TestTrail(IObjectStore store, string bucket = "trail-bucket", string accountId = "111122223333", string trailName = "mytrail",
        string homeRegion = "us-east-1", string? sourceRegion = null, string? prefix = null, string? organizationId = null, RSA? key = null)
    {
        Store = store;
        Bucket = bucket;
        AccountId = accountId;
        TrailName = trailName;
        HomeRegion = homeRegion;
        SourceRegion = sourceRegion ?? homeRegion;
        Prefix = prefix;
        OrganizationId = organizationId;
        Key = key ?? RSA.Create(2048);
        PublicKeyDer = Key.ExportRSAPublicKey();
        Fingerprint = Convert.ToHexStringLower(MD5.HashData(PublicKeyDer));
    }

    public IObjectStore Store { get; }

    public string Bucket { get; }

    public string AccountId { get; }

    public string TrailName { get; }

    public string HomeRegion { get; }

    public string SourceRegion { get; }

    public string? Prefix { get; }

    public string? OrganizationId { get; }

    public RSA Key { get; }

    public byte[] PublicKeyDer { get; }

    public string Fingerprint { get; }

    public string TrailArn => $"arn:aws:cloudtrail:{HomeRegion}:{AccountId}:trail/{TrailName}";

    /// <summary>The <c>ListPublicKeys</c> response holding this trail's key.</summary>
    public string PublicKeysJson => PublicKeyListJson((PublicKeyDer, Fingerprint));

    public static string PublicKeyListJson(params (byte[] Der, string Fingerprint)[] keys) =>
        JsonSerializer.Serialize(new
        {
            PublicKeyList = keys.Select(k => new { Value = Convert.ToBase64String(k.Der), ValidityStartTime = 1700000000.0, ValidityEndTime = 1900000000.0, k.Fingerprint }),
        });

    public void Dispose() => Key.Dispose();

    public string DigestKey(DateTimeOffset end, bool backfill = false)
    {
        var utc = end.UtcDateTime;
        var org = OrganizationId is null ? string.Empty : OrganizationId + "/";
        var key = $"AWSLogs/{org}{AccountId}/CloudTrail-Digest/{SourceRegion}/{utc:yyyy'/'MM'/'dd}/{AccountId}_CloudTrail-Digest_{SourceRegion}_{TrailName}_{HomeRegion}_{utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}{(backfill ? "_backfill" : string.Empty)}.json.gz";
        return Prefix is null ? key : Prefix + "/" + key;
    }

    /// <summary>Puts a log file delivered at <paramref name="delivered"/> with one record.</summary>
    public async Task<TestLogFile> PutLogFileAsync(DateTimeOffset delivered)
    {
        // Per trail (its name's first letter), so that trails sharing a bucket never write the same key.
        var unique = char.ToUpperInvariant(TrailName[0]) + Interlocked.Increment(ref _unique).ToString("D15", CultureInfo.InvariantCulture);
        var key = LogFileKey.Create(Prefix, OrganizationId, AccountId, SourceRegion, delivered, unique).Key;
        var eventTime = delivered.AddMinutes(-3);
        var json = Encoding.UTF8.GetBytes(
            $$"""{"Records":[{"eventVersion":"1.08","eventTime":"{{Iso(eventTime)}}","eventSource":"test.example.com","eventName":"Test{{unique}}","awsRegion":"{{SourceRegion}}","recipientAccountId":"{{AccountId}}"}]}""");
        await Store.PutAsync(Bucket, key, Gzip(json), new Dictionary<string, string>());
        return new TestLogFile(Bucket, key, Convert.ToHexStringLower(SHA256.HashData(json)), delivered, eventTime);
    }

    /// <summary>
    /// Puts a signed digest for [<paramref name="start"/>, <paramref name="end"/>]; <paramref name="previous"/> null starts a chain.
    /// A backfill digest (<paramref name="backfillGenerated"/>) has <c>_backfill</c> in its name and metadata <c>backfill-generation-timestamp</c>.
    /// </summary>
    public async Task<TestDigest> PutDigestAsync(DateTimeOffset start, DateTimeOffset end, IReadOnlyList<TestLogFile> logFiles, TestDigest? previous,
        string? storeAt = null, DateTimeOffset? backfillGenerated = null)
    {
        var key = DigestKey(end, backfillGenerated is not null);
        var json = DigestJson(start, end, key, logFiles, previous);
        var hash = Convert.ToHexStringLower(SHA256.HashData(json));
        var toSign = $"{Iso(end)}\n{Bucket}/{key}\n{hash}\n{previous?.Signature ?? "null"}";
        var signature = Convert.ToHexStringLower(Key.SignData(Encoding.UTF8.GetBytes(toSign), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var metadata = new Dictionary<string, string>
        {
            ["signature"] = signature,
            ["signature-algorithm"] = "SHA256withRSA",
        };
        if (backfillGenerated is { } generated)
        {
            metadata["backfill-generation-timestamp"] = Iso(generated);
        }

        await Store.PutAsync(Bucket, storeAt ?? key, Gzip(json), metadata);
        return new TestDigest(Bucket, key, signature, hash, json, start, end, logFiles);
    }

    /// <summary>
    /// An hourly chain: <paramref name="hours"/> digests, the first starting at <paramref name="from"/> (a chain start
    /// unless <paramref name="previous"/>), each listing <paramref name="logsPerHour"/> log files delivered inside its hour.
    /// </summary>
    public async Task<List<TestDigest>> PutHourlyChainAsync(DateTimeOffset from, int hours, int logsPerHour = 2, TestDigest? previous = null)
    {
        var digests = new List<TestDigest>();
        for (var hour = 0; hour < hours; hour++)
        {
            var start = from.AddHours(hour);
            var logs = new List<TestLogFile>();
            for (var i = 0; i < logsPerHour; i++)
            {
                logs.Add(await PutLogFileAsync(start.AddMinutes(10 + (i * 50 / Math.Max(1, logsPerHour)))));
            }

            previous = await PutDigestAsync(start, start.AddHours(1), logs, previous);
            digests.Add(previous);
        }

        return digests;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // The members in AWS's order (spec §2.2), serialized once: these are the bytes hashed and signed.
    private byte[] DigestJson(DateTimeOffset start, DateTimeOffset end, string key, IReadOnlyList<TestLogFile> logFiles, TestDigest? previous)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("awsAccountId", AccountId);
            w.WriteString("digestStartTime", Iso(start));
            w.WriteString("digestEndTime", Iso(end));
            w.WriteString("digestS3Bucket", Bucket);
            w.WriteString("digestS3Object", key);
            w.WriteString("digestPublicKeyFingerprint", Fingerprint);
            w.WriteString("digestSignatureAlgorithm", "SHA256withRSA");
            if (logFiles.Count == 0)
            {
                w.WriteNull("newestEventTime");
                w.WriteNull("oldestEventTime");
            }
            else
            {
                w.WriteString("newestEventTime", Iso(logFiles.Max(l => l.EventTime)));
                w.WriteString("oldestEventTime", Iso(logFiles.Min(l => l.EventTime)));
            }

            WriteOrNull(w, "previousDigestS3Bucket", previous?.Bucket);
            WriteOrNull(w, "previousDigestS3Object", previous?.Key);
            WriteOrNull(w, "previousDigestHashValue", previous?.HashValue);
            WriteOrNull(w, "previousDigestHashAlgorithm", previous is null ? null : "SHA-256");
            WriteOrNull(w, "previousDigestSignature", previous?.Signature);
            w.WriteStartArray("logFiles");
            foreach (var log in logFiles)
            {
                w.WriteStartObject();
                w.WriteString("s3Bucket", log.Bucket);
                w.WriteString("s3Object", log.Key);
                w.WriteString("hashValue", log.HashValue);
                w.WriteString("hashAlgorithm", "SHA-256");
                w.WriteString("newestEventTime", Iso(log.EventTime));
                w.WriteString("oldestEventTime", Iso(log.EventTime));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
