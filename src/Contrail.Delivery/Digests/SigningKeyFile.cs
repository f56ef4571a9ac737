using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contrail.Delivery.Digests;

/// <summary>
/// One signing key on disk (docs/dev/signing-keys.md): <c>&lt;ValidFrom yyyyMMddTHHmmssZ&gt;-&lt;fingerprint&gt;.json</c>,
/// mode 0600, holding
/// <code>
/// {
///   "formatVersion": 1,
///   "fingerprint": "…32 hex…",                 MD5 of the PKCS#1 public key DER
///   "validFrom": "2024-01-01T00:00:00Z",       inclusive
///   "validTo": "2024-01-31T00:00:00Z",         exclusive
///   "publicKey": "MIIBCgKCAQEA…",              base64 PKCS#1 RSAPublicKey DER (ListPublicKeys' Value)
///   "privateKey": "-----BEGIN PRIVATE KEY-----\n…"   PKCS#8 PEM
/// }
/// </code>
/// Every field is checked against the others on load; any mismatch is a <see cref="SigningKeyCorruptedException"/>.
/// </summary>
internal static partial class SigningKeyFile
{
    public const int FormatVersion = 1;
    public const string Extension = ".json";
    public const string TempSuffix = ".tmp";

    private const string NameTime = "yyyyMMdd'T'HHmmss'Z'";
    private const string JsonTime = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [GeneratedRegex(@"^(\d{8}T\d{6}Z)-([0-9a-f]{32})\.json\z")]
    private static partial Regex NamePattern();

    public static string FileName(DateTimeOffset validFrom, string fingerprint) =>
        validFrom.UtcDateTime.ToString(NameTime, CultureInfo.InvariantCulture) + "-" + fingerprint + Extension;

    /// <summary>The file's bytes. Deterministic for a given key and window (golden-tested).</summary>
    public static byte[] Serialize(SigningKey key)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WriteString("fingerprint", key.Fingerprint);
            writer.WriteString("validFrom", key.ValidFrom.UtcDateTime.ToString(JsonTime, CultureInfo.InvariantCulture));
            writer.WriteString("validTo", key.ValidTo.UtcDateTime.ToString(JsonTime, CultureInfo.InvariantCulture));
            writer.WriteString("publicKey", Convert.ToBase64String(key.PublicKeyDer));
            var pkcs8 = key.Rsa.ExportPkcs8PrivateKey();
            try
            {
                writer.WriteString("privateKey", new string(PemEncoding.Write("PRIVATE KEY", pkcs8)) + "\n");
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }

            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Whether <paramref name="fileName"/> is a key file's name (else the ring ignores the file).</summary>
    public static bool IsKeyFileName(string fileName) => fileName.EndsWith(Extension, StringComparison.Ordinal);

    /// <summary>Reads and checks a key file; throws <see cref="SigningKeyCorruptedException"/> naming it when anything is wrong.</summary>
    public static SigningKey Load(string path)
    {
        var name = NamePattern().Match(Path.GetFileName(path));
        if (!name.Success)
        {
            throw new SigningKeyCorruptedException(path, "its name is not <ValidFrom yyyyMMddTHHmmssZ>-<32 hex fingerprint>.json");
        }

        byte[] bytes;
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
            {
                throw new SigningKeyCorruptedException(path,
                    $"permissions {Convert.ToString((int)mode, 8)} are too open: a private key must not be accessible by others. Run: chmod 600 '{path}'");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SigningKeyCorruptedException(path, $"it cannot be read ({e.Message})", e);
        }

        RSA? rsa = null;
        try
        {
            var (fingerprint, validFrom, validTo, publicKey, privateKey) = Parse(path, bytes);
            rsa = RSA.Create();
            ImportPrivateKey(path, rsa, privateKey);

            if (rsa.KeySize < 2048)
            {
                throw new SigningKeyCorruptedException(path, $"the key has {rsa.KeySize} bits; at least 2048 are needed");
            }

            var key = new SigningKey(rsa, validFrom, validTo);
            if (!key.PublicKeyDer.AsSpan().SequenceEqual(publicKey))
            {
                throw new SigningKeyCorruptedException(path, "publicKey is not the public part of privateKey");
            }

            if (key.Fingerprint != fingerprint)
            {
                throw new SigningKeyCorruptedException(path, $"fingerprint {fingerprint} is not the MD5 of the public key ({key.Fingerprint})");
            }

            if (FileName(validFrom, fingerprint) != Path.GetFileName(path))
            {
                throw new SigningKeyCorruptedException(path, $"its name does not match its content (expected {FileName(validFrom, fingerprint)})");
            }

            return key;
        }
        catch
        {
            rsa?.Dispose();
            throw;
        }
    }

    /// <summary>Exactly one PKCS#8 <c>PRIVATE KEY</c> PEM block (a public key or another label is refused).</summary>
    private static void ImportPrivateKey(string path, RSA rsa, string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not "PRIVATE KEY")
        {
            throw new SigningKeyCorruptedException(path, "privateKey is not a PEM block labelled PRIVATE KEY (PKCS#8)");
        }

        var der = new byte[fields.DecodedDataLength];
        try
        {
            if (!Convert.TryFromBase64Chars(pem.AsSpan()[fields.Base64Data], der, out var written) || written != der.Length)
            {
                throw new SigningKeyCorruptedException(path, "privateKey's PEM body is not base64");
            }

            rsa.ImportPkcs8PrivateKey(der, out var read);
            if (read != der.Length)
            {
                throw new SigningKeyCorruptedException(path, "privateKey has bytes after the PKCS#8 structure");
            }
        }
        catch (CryptographicException e)
        {
            throw new SigningKeyCorruptedException(path, $"privateKey is not an RSA private key in PKCS#8 ({e.Message})", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    private static (string Fingerprint, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, byte[] PublicKey, string PrivateKey) Parse(string path, byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SigningKeyCorruptedException(path, "it is not a JSON object");
            }

            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number) || number != FormatVersion)
            {
                throw new SigningKeyCorruptedException(path, $"formatVersion is missing or not {FormatVersion}");
            }

            var fingerprint = Text(path, root, "fingerprint");
            var validFrom = Time(path, root, "validFrom");
            var validTo = Time(path, root, "validTo");
            if (validTo <= validFrom)
            {
                throw new SigningKeyCorruptedException(path, "validTo is not after validFrom");
            }

            byte[] publicKey;
            try
            {
                publicKey = Convert.FromBase64String(Text(path, root, "publicKey"));
            }
            catch (FormatException e)
            {
                throw new SigningKeyCorruptedException(path, "publicKey is not base64", e);
            }

            return (fingerprint, validFrom, validTo, publicKey, Text(path, root, "privateKey"));
        }
        catch (JsonException e)
        {
            throw new SigningKeyCorruptedException(path, $"it is not valid JSON ({e.Message})", e);
        }
    }

    private static string Text(string path, JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new SigningKeyCorruptedException(path, $"{name} is missing or not a string");

    private static DateTimeOffset Time(string path, JsonElement root, string name) =>
        DateTimeOffset.TryParseExact(Text(path, root, name), JsonTime, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new SigningKeyCorruptedException(path, $"{name} is not a UTC time yyyy-MM-ddTHH:mm:ssZ");
}
