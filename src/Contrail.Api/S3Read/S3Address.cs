using System.Text;
using Contrail.Api.Auth;

namespace Contrail.Api.S3Read;

/// <summary>
/// The bucket and key a path-style S3 request names: <c>/BUCKET</c> or <c>/BUCKET/</c> (the bucket),
/// <c>/BUCKET/KEY</c> (an object). The raw path is percent-decoded exactly once, <c>+</c> stays a plus
/// (paths are not form-encoded) and everything after the bucket's slash is the key, slashes and all.
/// </summary>
/// <param name="Bucket">The bucket; empty for <c>/</c> (the service: ListBuckets).</param>
/// <param name="Key">The key; null for the bucket itself.</param>
internal readonly record struct S3Address(string Bucket, string? Key)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses the raw path; false when it does not start with '/' or decodes to bytes that are not UTF-8.</summary>
    public static bool TryParse(string rawPath, out S3Address address)
    {
        address = default;
        if (string.IsNullOrEmpty(rawPath) || rawPath[0] != '/')
        {
            return false;
        }

        var slash = rawPath.IndexOf('/', 1);
        var rawBucket = slash < 0 ? rawPath[1..] : rawPath[1..slash];
        var rawKey = slash < 0 ? "" : rawPath[(slash + 1)..];
        if (!TryDecode(rawBucket, out var bucket) || !TryDecode(rawKey, out var key))
        {
            return false;
        }

        address = new S3Address(bucket, key.Length == 0 ? null : key);
        return true;
    }

    private static bool TryDecode(string raw, out string value)
    {
        try
        {
            value = StrictUtf8.GetString(SigV4Encoding.Decode(raw));
            return true;
        }
        catch (DecoderFallbackException)
        {
            value = "";
            return false;
        }
    }
}
