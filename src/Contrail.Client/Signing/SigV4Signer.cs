using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Contrail.Client.Signing;

/// <summary>
/// Signs HTTP requests with AWS Signature Version 4 (Authorization header form), as the AWS SDKs do,
/// so .NET code can call Contrail (or AWS) without the AWS SDK. Thread-safe.
/// </summary>
public sealed class SigV4Signer
{
    private readonly string _accessKeyId;
    private readonly byte[] _secret;
    private readonly string _region;
    private readonly string _service;

    /// <param name="accessKeyId">Access key id.</param>
    /// <param name="secretAccessKey">Secret access key.</param>
    /// <param name="region">Region of the credential scope, e.g. <c>us-east-1</c>.</param>
    /// <param name="service">Service of the credential scope: <c>cloudtrail</c> or <c>cloudtrail-data</c>.</param>
    public SigV4Signer(string accessKeyId, string secretAccessKey, string region, string service)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        _accessKeyId = accessKeyId;
        _secret = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        _region = region;
        _service = service;
    }

    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-Content-Sha256</c> and <c>Authorization</c> for <paramref name="body"/>.</summary>
    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request needs an absolute URI.", nameof(request));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.Remove("X-Amz-Content-Sha256");
        request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", payloadHash);

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            ["x-amz-date"] = amzDate,
            ["x-amz-content-sha256"] = payloadHash,
        };
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            var lower = name.ToLowerInvariant();
            if (lower is "x-amz-target" or "content-type" or "content-encoding")
            {
                headers[lower] = string.Join(',', values.Select(v => v.Trim()));
            }
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(CanonicalPath(uri.AbsolutePath)).Append('\n')
            .Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        var scope = $"{date}/{_region}/{_service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(_region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(_service));
        key = HMACSHA256.HashData(key, "aws4_request"u8);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "AWS4-HMAC-SHA256",
            $"Credential={_accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static string CanonicalPath(string absolutePath)
    {
        // Uri.AbsolutePath is already percent-encoded once; non-S3 services encode each segment again.
        var segments = absolutePath.Split('/');
        return string.Join('/', segments.Select(s => Uri.EscapeDataString(s)));
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var pairs = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(eq < 0 ? p : p[..eq]);
                var value = eq < 0 ? "" : Uri.UnescapeDataString(p[(eq + 1)..]);
                return (Name: Uri.EscapeDataString(name), Value: Uri.EscapeDataString(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }
}
