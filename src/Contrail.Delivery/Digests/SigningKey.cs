using System.Security.Cryptography;

namespace Contrail.Delivery.Digests;

/// <summary>
/// One digest signing key of a <see cref="SigningKeyRing"/>: an RSA-2048 private key and the window
/// in which it signs digests (spec §2.4, §2.5). Made only by the ring, which owns and disposes it.
/// Thread-safe.
/// </summary>
public sealed class SigningKey
{
    private readonly RSA _rsa;
    private readonly Lock _signing = new();

    internal SigningKey(RSA rsa, DateTimeOffset validFrom, DateTimeOffset validTo)
    {
        _rsa = rsa;
        PublicKeyDer = rsa.ExportRSAPublicKey();
        Fingerprint = FingerprintOf(PublicKeyDer);
        ValidFrom = validFrom;
        ValidTo = validTo;
        Public = new PublicKeyInfo(PublicKeyDer, validFrom, validTo, Fingerprint);
    }

    /// <summary>Lowercase hex MD5 of <see cref="PublicKeyDer"/>: 32 characters, the digest's <c>digestPublicKeyFingerprint</c> (spec §2.5).</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// The public key as PKCS#1 <c>RSAPublicKey</c> DER (not SubjectPublicKeyInfo): what
    /// <c>ListPublicKeys</c> serves, base64-encoded, as <c>Value</c>. Do not modify the array.
    /// </summary>
    public byte[] PublicKeyDer { get; }

    /// <summary>Start of the validity window (inclusive), UTC, whole seconds.</summary>
    public DateTimeOffset ValidFrom { get; }

    /// <summary>End of the validity window (exclusive), UTC, whole seconds.</summary>
    public DateTimeOffset ValidTo { get; }

    /// <summary>The public part, as <c>ListPublicKeys</c> answers it.</summary>
    public PublicKeyInfo Public { get; }

    internal RSA Rsa => _rsa;

    /// <summary>
    /// Signs <paramref name="data"/> with RSASSA-PKCS1-v1_5 over SHA-256 (<c>SHA256withRSA</c>):
    /// 256 bytes. For a digest, <paramref name="data"/> is the UTF-8 string to sign of spec §2.4.
    /// </summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        // An RSA instance is not documented as safe for concurrent use; signing is rare (a digest an hour per trail and region).
        lock (_signing)
        {
            return _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    internal static string FingerprintOf(ReadOnlySpan<byte> der) => Convert.ToHexStringLower(MD5.HashData(der));

    internal void Dispose() => _rsa.Dispose();
}
