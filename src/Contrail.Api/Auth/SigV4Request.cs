namespace Contrail.Api.Auth;

/// <summary>The parts of an HTTP request that SigV4 covers, exactly as received.</summary>
internal sealed class SigV4Request
{
    public required string Method { get; init; }

    /// <summary>The path as received, not decoded, e.g. <c>/</c> or <c>/PutAuditEvents</c>.</summary>
    public required string RawPath { get; init; }

    /// <summary>The query string as received, not decoded, without the leading <c>?</c>; may be empty.</summary>
    public required string RawQuery { get; init; }

    /// <summary>Headers as received: names in any case, a name may repeat.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// The credential-scope services this request may be signed for (<c>s3</c> for the S3 routes); null
    /// for the verifier's own set. With <c>s3</c>, the canonical URI is the path as sent, not encoded again.
    /// </summary>
    public IReadOnlySet<string>? Services { get; init; }
}
