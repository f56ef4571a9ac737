using System.Security.Cryptography;
using System.Text;

namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// The <c>X-Contrail-Signature</c> header: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact
/// body bytes, keyed with the UTF-8 bytes of the secret. The body carries its own MessageId and
/// Timestamp, so the signature covers them: receivers reject stale Timestamps and repeated MessageIds
/// (docs/dev/notifications.md has the recipe and a verifier).
/// </summary>
internal static class NotificationSignature
{
    public const string Header = "X-Contrail-Signature";
    public const string Scheme = "sha256=";

    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Constant-time comparison of <paramref name="header"/> with the signature of <paramref name="body"/>.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(header));
}
