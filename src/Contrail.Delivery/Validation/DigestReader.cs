using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Validation;

/// <summary>
/// Reads one digest file and makes the AWS CLI's checks on it, in the AWS CLI's order (spec §2.4, §3.3;
/// AWS CLI v1 <c>DigestProvider.fetch_digest</c>, <c>DigestTraverser._load_and_validate_digest</c>,
/// <c>Sha256RSADigestValidator</c>). One instance per run; not thread-safe (the traversal is sequential).
/// </summary>
/// <remarks>
/// Where this is stricter than the AWS CLI: the signature must be SHA256withRSA (python-rsa, which the
/// AWS CLI v1 uses, accepts whatever hash the signature names, MD5 included).
/// </remarks>
internal sealed class DigestReader(IObjectStore store, IPublicKeySource publicKeySource, string homeRegion) : IDisposable
{
    private const string Moved = "has been moved from its original location";
    private const string BackfillTimestamp = "backfill-generation-timestamp";

    private static readonly string[] RequiredMembers =
        ["digestPublicKeyFingerprint", "digestS3Bucket", "digestS3Object", "previousDigestSignature", "digestEndTime", "digestStartTime"];

    private readonly Dictionary<DigestPublicKey, RSA?> _rsa = [];

    /// <summary>
    /// Loads the keys for a range as the AWS CLI does: <see cref="LogValidationException"/> (for the standard
    /// chain, where this ends validation) with <c>No public keys found between … and …</c> when there are none.
    /// </summary>
    public async Task<Dictionary<string, DigestPublicKey>> LoadPublicKeysAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var keys = await publicKeySource.GetPublicKeysAsync(start, end, cancellationToken).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            throw new LogValidationException($"No public keys found between {ValidationDates.Display(start)} and {ValidationDates.Display(end)}");
        }

        var byFingerprint = new Dictionary<string, DigestPublicKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            byFingerprint[key.Fingerprint] = key;
        }

        return byFingerprint;
    }

    /// <summary>Reads and checks <paramref name="key"/>; store failures other than a missing object are thrown.</summary>
    public async Task<DigestCheck> ReadAsync(Dictionary<string, DigestPublicKey> publicKeys, string bucket, string key, bool backfill, CancellationToken cancellationToken)
    {
        StoredObject? stored;
        try
        {
            stored = await store.GetAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // A name the store cannot even hold: no such object.
            stored = null;
        }

        if (stored is null)
        {
            return DigestCheck.Missing;
        }

        var inflated = new ArrayBufferWriter<byte>((int)Math.Clamp(stored.Body.Length * 4L, 256, 16 << 20));
        var gzip = GzipFirstMember.Inflate(stored.Body, data => inflated.Write(data));
        if (gzip.Outcome != GzipOutcome.Complete || !TryParseJson(inflated.WrittenMemory, out var document))
        {
            return DigestCheck.Fail(DigestFileStatus.InvalidFormat, "invalid format");
        }

        using (document)
        {
            return await CheckAsync(publicKeys, bucket, key, backfill, stored.Metadata, document.RootElement, inflated.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var rsa in _rsa.Values)
        {
            rsa?.Dispose();
        }

        _rsa.Clear();
    }

    private async Task<DigestCheck> CheckAsync(Dictionary<string, DigestPublicKey> publicKeys, string bucket, string key, bool backfill,
        IReadOnlyDictionary<string, string> metadata, JsonElement digest, ReadOnlyMemory<byte> inflated, CancellationToken cancellationToken)
    {
        if (!metadata.TryGetValue("signature", out var signature) || !metadata.ContainsKey("signature-algorithm"))
        {
            return DigestCheck.Fail(DigestFileStatus.SignatureVerificationFailed, "signature verification failed");
        }

        string? backfillTimestamp = null;
        if (DigestKeyLayout.IsBackfill(key) && !metadata.TryGetValue(BackfillTimestamp, out backfillTimestamp))
        {
            return DigestCheck.Fail(DigestFileStatus.InvalidFormat, "invalid format");
        }

        if (digest.ValueKind != JsonValueKind.Object || Array.Exists(RequiredMembers, name => !digest.TryGetProperty(name, out _)))
        {
            return DigestCheck.Fail(DigestFileStatus.InvalidFormat, "invalid format");
        }

        var claimedBucket = digest.GetProperty("digestS3Bucket");
        var claimedKey = digest.GetProperty("digestS3Object");
        if (claimedBucket.ValueKind != JsonValueKind.String || claimedBucket.GetString() != bucket
            || claimedKey.ValueKind != JsonValueKind.String || claimedKey.GetString() != key)
        {
            return DigestCheck.Fail(DigestFileStatus.Moved, Moved);
        }

        var fingerprintValue = digest.GetProperty("digestPublicKeyFingerprint");
        var fingerprint = fingerprintValue.ValueKind == JsonValueKind.String ? fingerprintValue.GetString()! : null;
        var fingerprintText = PythonText.Str(fingerprintValue);
        if (backfill && (fingerprint is null || !publicKeys.ContainsKey(fingerprint)))
        {
            // Backfill digests fetch keys around their generation time (AWS CLI v1).
            if (!ValidationDates.TryParse(backfillTimestamp, out var generated))
            {
                return DigestCheck.Fail(DigestFileStatus.Invalid, $"Unable to parse date value: {backfillTimestamp}");
            }

            Dictionary<string, DigestPublicKey> more;
            try
            {
                more = await LoadPublicKeysAsync(generated.AddHours(-1), generated.AddHours(1), cancellationToken).ConfigureAwait(false);
            }
            catch (LogValidationException e)
            {
                return DigestCheck.Fail(DigestFileStatus.Invalid, e.Message);
            }

            foreach (var (name, value) in more)
            {
                publicKeys[name] = value;
            }
        }

        if (fingerprint is null || !publicKeys.TryGetValue(fingerprint, out var publicKey))
        {
            return DigestCheck.Fail(DigestFileStatus.PublicKeyNotFound, $"public key not found in region {homeRegion} for fingerprint {fingerprintText}");
        }

        var verdict = Verify(publicKey, fingerprintText, digest, inflated.Span, signature, out var sha256);
        if (verdict is { } failure)
        {
            return failure;
        }

        var endText = digest.GetProperty("digestEndTime");
        var startText = digest.GetProperty("digestStartTime");
        if (!TryParseTime(endText, out var end) || !TryParseTime(startText, out var start))
        {
            var bad = TryParseTime(endText, out _) ? startText : endText;
            return DigestCheck.Fail(DigestFileStatus.Invalid, $"Unable to parse date value: {PythonText.Str(bad)}");
        }

        var (entries, error) = ReadLogFiles(digest);
        return DigestCheck.Valid(new LoadedDigest(
            bucket,
            key,
            start,
            end,
            OptionalText(digest, "previousDigestS3Bucket"),
            OptionalText(digest, "previousDigestS3Object"),
            OptionalText(digest, "previousDigestSignature"),
            OptionalText(digest, "previousDigestHashValue"),
            signature,
            sha256,
            entries,
            error));
    }

    private DigestCheck? Verify(DigestPublicKey publicKey, string fingerprintText, JsonElement digest, ReadOnlySpan<byte> inflated, string signatureHex, out string sha256)
    {
        sha256 = Convert.ToHexStringLower(SHA256.HashData(inflated));
        var rsa = RsaFor(publicKey);
        if (rsa is null)
        {
            return DigestCheck.Fail(DigestFileStatus.PublicKeyUnusable, $"Unable to load PKCS #1 key with fingerprint {fingerprintText}");
        }

        var previous = digest.GetProperty("previousDigestSignature");
        var previousText = previous.ValueKind == JsonValueKind.Null ? "null" : PythonText.Str(previous);
        var toSign = $"{PythonText.Str(digest.GetProperty("digestEndTime"))}\n{PythonText.Str(digest.GetProperty("digestS3Bucket"))}/{PythonText.Str(digest.GetProperty("digestS3Object"))}\n{sha256}\n{previousText}";

        // binascii.unhexlify's errors, which the AWS CLI reports as the digest's reason.
        if (signatureHex.Length % 2 != 0)
        {
            return DigestCheck.Fail(DigestFileStatus.Invalid, "Odd-length string");
        }

        if (!signatureHex.All(char.IsAsciiHexDigit))
        {
            return DigestCheck.Fail(DigestFileStatus.Invalid, "Non-hexadecimal digit found");
        }

        bool verified;
        try
        {
            verified = rsa.VerifyData(Encoding.UTF8.GetBytes(toSign), Convert.FromHexString(signatureHex), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            verified = false;
        }

        return verified ? null : DigestCheck.Fail(DigestFileStatus.SignatureVerificationFailed, "signature verification failed");
    }

    private RSA? RsaFor(DigestPublicKey publicKey)
    {
        if (_rsa.TryGetValue(publicKey, out var cached))
        {
            return cached;
        }

        RSA? rsa = RSA.Create();
        try
        {
            // PKCS#1 only, as the AWS CLI v1 (rsa.PublicKey.load_pkcs1); bytes after the structure are ignored, as there.
            rsa.ImportRSAPublicKey(publicKey.Der.Span, out _);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            rsa = null;
        }

        _rsa[publicKey] = rsa;
        return rsa;
    }

    private static bool TryParseJson(ReadOnlyMemory<byte> utf8, out JsonDocument document)
    {
        document = null!;

        // Python's json.loads refuses a byte order mark ("Unexpected UTF-8 BOM").
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(utf8);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryParseTime(JsonElement value, out DateTimeOffset time)
    {
        time = default;
        return value.ValueKind == JsonValueKind.String && ValidationDates.TryParse(value.GetString(), out time);
    }

    private static string? OptionalText(JsonElement digest, string name) =>
        digest.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? PythonText.Str(value) : null;

    // The AWS CLI iterates digest['logFiles'] after printing the digest valid: a missing member or an entry
    // without s3Bucket/s3Object ends the run there (KeyError/TypeError); a falsy value means no files.
    private static (IReadOnlyList<LogFileEntry>, string?) ReadLogFiles(JsonElement digest)
    {
        if (!digest.TryGetProperty("logFiles", out var logFiles))
        {
            return ([], "'logFiles'");
        }

        if (!PythonText.IsTruthy(logFiles))
        {
            return ([], null);
        }

        if (logFiles.ValueKind != JsonValueKind.Array)
        {
            return ([], logFiles.ValueKind switch
            {
                JsonValueKind.Object or JsonValueKind.String => "string indices must be integers, not 'str'",
                JsonValueKind.Number => $"'{(logFiles.TryGetInt64(out _) ? "int" : "float")}' object is not iterable",
                _ => "'bool' object is not iterable",
            });
        }

        var entries = new List<LogFileEntry>();
        foreach (var entry in logFiles.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return (entries, entry.ValueKind switch
                {
                    JsonValueKind.String => "string indices must be integers, not 'str'",
                    JsonValueKind.Array => "list indices must be integers or slices, not str",
                    JsonValueKind.Null => "'NoneType' object is not subscriptable",
                    JsonValueKind.Number => $"'{(entry.TryGetInt64(out _) ? "int" : "float")}' object is not subscriptable",
                    _ => "'bool' object is not subscriptable",
                });
            }

            if (!entry.TryGetProperty("s3Bucket", out var bucket))
            {
                return (entries, "'s3Bucket'");
            }

            if (!entry.TryGetProperty("s3Object", out var key))
            {
                return (entries, "'s3Object'");
            }

            var hasHash = entry.TryGetProperty("hashValue", out var hash);
            entries.Add(new LogFileEntry(
                PythonText.Str(bucket),
                PythonText.Str(key),
                bucket.ValueKind == JsonValueKind.String && key.ValueKind == JsonValueKind.String,
                hasHash && hash.ValueKind == JsonValueKind.String ? hash.GetString() : null,
                hasHash));
        }

        return (entries, null);
    }
}
