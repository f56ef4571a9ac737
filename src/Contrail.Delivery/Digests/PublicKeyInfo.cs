using System.Security.Cryptography;

namespace Contrail.Delivery.Digests;

/// <summary>
/// The public part of a <see cref="SigningKey"/>: one entry of <c>ListPublicKeys</c>'s
/// <c>PublicKeyList</c> (spec §2.5).
/// </summary>
/// <param name="Der">PKCS#1 <c>RSAPublicKey</c> DER; served base64-encoded as <c>Value</c>.</param>
/// <param name="ValidFrom">Start of the key's validity (inclusive), UTC, whole seconds: <c>ValidityStartTime</c>.</param>
/// <param name="ValidTo">End of the key's validity (exclusive), UTC, whole seconds: <c>ValidityEndTime</c>.</param>
/// <param name="Fingerprint">Lowercase hex MD5 of <paramref name="Der"/>.</param>
public sealed record PublicKeyInfo(byte[] Der, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string Fingerprint)
{
    /// <summary>
    /// Whether <paramref name="signature"/> is an RSASSA-PKCS1-v1_5 SHA-256 signature of
    /// <paramref name="data"/> by this key. False (never an exception) for a malformed signature.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var rsa = RSA.Create();
        rsa.ImportRSAPublicKey(Der, out _);
        try
        {
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
