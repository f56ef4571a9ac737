namespace Contrail.Delivery.Validation;

/// <summary>A public key that may have signed digest files, as <c>ListPublicKeys</c> returns it (spec §2.5).</summary>
/// <param name="Der">The key: PKCS#1 <c>RSAPublicKey</c> DER (the base64-decoded <c>Value</c>).</param>
/// <param name="Fingerprint">The <c>Fingerprint</c> digests name in <c>digestPublicKeyFingerprint</c> (lowercase hex MD5 of the DER).</param>
public sealed record DigestPublicKey(ReadOnlyMemory<byte> Der, string Fingerprint);
