using System.Globalization;
using Contrail.Api.Protocol;
using Microsoft.AspNetCore.Http;

namespace Contrail.Api.S3Read.Buckets;

/// <summary>
/// The query parameters ListObjects and ListObjectsV2 share: <c>prefix</c>, <c>delimiter</c>,
/// <c>max-keys</c> (default and most 1000) and <c>encoding-type</c> (only <c>url</c>).
/// </summary>
internal sealed record ListParameters(string Prefix, string? Delimiter, int MaxKeys, bool UrlEncoded)
{
    /// <summary>The default and the most keys (and common prefixes) one page holds, as S3.</summary>
    public const int MaxKeysLimit = 1000;

    public static ApiError? Parse(IQueryCollection query, out ListParameters parameters)
    {
        parameters = new ListParameters("", null, MaxKeysLimit, false);
        var maxKeys = MaxKeysLimit;
        if (First(query, "max-keys") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out maxKeys))
            {
                return S3Errors.Argument("Provided max-keys not an integer or within integer range", "max-keys", text);
            }

            if (maxKeys < 0)
            {
                return S3Errors.Argument("Argument maxKeys must be an integer between 0 and 2147483647", "max-keys", text);
            }
        }

        var encoding = First(query, "encoding-type");
        if (encoding is not null && encoding != "url")
        {
            return S3Errors.Argument("Invalid Encoding Method specified in Request", "encoding-type", encoding);
        }

        var delimiter = First(query, "delimiter");
        parameters = new ListParameters(First(query, "prefix") ?? "", string.IsNullOrEmpty(delimiter) ? null : delimiter,
            Math.Min(maxKeys, MaxKeysLimit), encoding is not null);
        return null;
    }

    /// <summary>The first value of a parameter; null when absent.</summary>
    public static string? First(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] ?? "" : null;
}
