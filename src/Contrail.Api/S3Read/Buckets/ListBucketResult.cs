using System.Globalization;
using System.Text;
using Contrail.Api.Auth;
using Contrail.Api.Protocol;
using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Buckets;

/// <summary>
/// The <c>ListBucketResult</c> document of ListObjects (V1) and ListObjectsV2. With
/// <c>encoding-type=url</c> the names S3 encodes are percent-encoded (RFC 3986, '/' kept, so '+' is
/// <c>%2B</c>: botocore decodes them with <c>unquote_plus</c>) and <c>&lt;EncodingType&gt;url&lt;/EncodingType&gt;</c> is echoed.
/// </summary>
internal sealed class ListBucketResult(string bucket, ListParameters parameters)
{
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    private readonly StringBuilder _xml = new StringBuilder(4096)
        .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"").Append(Namespace).Append("\">")
        .AppendElement("Name", bucket);

    /// <summary>An element whose text S3 encodes with <c>encoding-type=url</c>.</summary>
    public ListBucketResult Name(string element, string value)
    {
        _xml.AppendElement(element, parameters.UrlEncoded ? SigV4Encoding.Encode(value, keepSlash: true) : value);
        return this;
    }

    public ListBucketResult Text(string element, string value)
    {
        _xml.AppendElement(element, value);
        return this;
    }

    /// <summary><c>MaxKeys</c>, then <c>Delimiter</c> and <c>EncodingType</c> when given, then <c>IsTruncated</c>.</summary>
    public ListBucketResult Paging(bool isTruncated)
    {
        Text("MaxKeys", parameters.MaxKeys.ToString(CultureInfo.InvariantCulture));
        if (parameters.Delimiter is { } delimiter)
        {
            Name("Delimiter", delimiter);
        }

        if (parameters.UrlEncoded)
        {
            Text("EncodingType", "url");
        }

        return Text("IsTruncated", isTruncated ? "true" : "false");
    }

    public ListBucketResult Contents(ObjectInfo item, string? etag)
    {
        _xml.Append("<Contents>");
        Name("Key", item.Key);
        Text("LastModified", item.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (etag is not null)
        {
            Text("ETag", etag);
        }

        Text("Size", item.Size.ToString(CultureInfo.InvariantCulture));
        Text("StorageClass", "STANDARD");
        _xml.Append("</Contents>");
        return this;
    }

    public ListBucketResult CommonPrefix(string prefix)
    {
        _xml.Append("<CommonPrefixes>");
        Name("Prefix", prefix);
        _xml.Append("</CommonPrefixes>");
        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_xml.Append("</ListBucketResult>").ToString());
}
