using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Contrail.Api.Tests.S3Read;

/// <summary>
/// Signs raw HTTP requests as an S3 client does (SigV4, service <c>s3</c>, the path signed exactly as
/// sent, <c>x-amz-content-sha256</c>), for wire tests that need requests no SDK would make.
/// </summary>
internal static class S3TestSigner
{
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <param name="rawPathAndQuery">The request target as it goes on the wire, e.g. <c>/bucket/a%20b?list-type=2</c>.</param>
    public static HttpRequestMessage Request(HttpMethod method, Uri endpoint, string rawPathAndQuery, string secret = Support.TestServer.Secret,
        string service = "s3", string payloadHash = UnsignedPayload, byte[]? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(endpoint.GetLeftPart(UriPartial.Authority) + rawPathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        var amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = $"{endpoint.Host}:{endpoint.Port}";
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        var q = rawPathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? rawPathAndQuery : rawPathAndQuery[..q];
        var query = q < 0 ? "" : CanonicalQuery(rawPathAndQuery[(q + 1)..]);
        var canonical = $"{method.Method}\n{path}\n{query}\nhost:{host}\nx-amz-content-sha256:{payloadHash}\nx-amz-date:{amzDate}\n\nhost;x-amz-content-sha256;x-amz-date\n{payloadHash}";
        var scope = $"{amzDate[..8]}/{Support.TestServer.Region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), amzDate[..8]);
        foreach (var part in new[] { Support.TestServer.Region, service, "aws4_request" })
        {
            key = Hmac(key, part);
        }

        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={Support.TestServer.AccessKeyId}/{scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={Hex(Hmac(key, toSign))}");
        return request;
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string CanonicalQuery(string rawQuery) => string.Join('&', rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Contains('=', StringComparison.Ordinal) ? p : p + "=")
        .Order(StringComparer.Ordinal));
}
