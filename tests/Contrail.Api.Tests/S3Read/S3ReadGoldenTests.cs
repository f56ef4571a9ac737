using System.Text;
using Contrail.Api.Protocol;
using Contrail.Api.S3Read;
using Contrail.Api.S3Read.Buckets;
using Contrail.Delivery.Objects;

namespace Contrail.Api.Tests.S3Read;

/// <summary>The XML documents the S3 subset sends, byte for byte (spec Appendix A shows what the CLIs accepted).</summary>
public sealed class S3ReadGoldenTests
{
    [Fact]
    public void LocationConstraint_UsEast1Empty_OtherRegionsAsText()
    {
        Encoding.UTF8.GetString(GetBucketLocationOperation.Document("us-east-1")).ShouldBe(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>");
        Encoding.UTF8.GetString(GetBucketLocationOperation.Document("eu-west-1")).ShouldBe(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">eu-west-1</LocationConstraint>");
    }

    [Fact]
    public void ListBucketResult_UrlEncoding_EncodesNamesButKeepsSlashes()
    {
        var modified = new DateTimeOffset(2024, 1, 1, 0, 0, 0, 120, TimeSpan.Zero);
        var parameters = new ListParameters("AWSLogs/a b/", "/", 2, UrlEncoded: true);

        var xml = new ListBucketResult("ct-bucket", parameters)
            .Name("Prefix", parameters.Prefix)
            .Name("Marker", "AWSLogs/a b/x+y")
            .Paging(isTruncated: true)
            .Name("NextMarker", "AWSLogs/a b/ü")
            .Contents(new ObjectInfo("AWSLogs/a b/ü", 123, modified, new Dictionary<string, string>()), "\"0cc175b9c0f1b6a831c399e269772661\"")
            .CommonPrefix("AWSLogs/a b/&/")
            .ToBytes();

        Encoding.UTF8.GetString(xml).ShouldBe(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" +
            "<Name>ct-bucket</Name><Prefix>AWSLogs/a%20b/</Prefix><Marker>AWSLogs/a%20b/x%2By</Marker><MaxKeys>2</MaxKeys>" +
            "<Delimiter>/</Delimiter><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated><NextMarker>AWSLogs/a%20b/%C3%BC</NextMarker>" +
            "<Contents><Key>AWSLogs/a%20b/%C3%BC</Key><LastModified>2024-01-01T00:00:00.120Z</LastModified>" +
            "<ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag><Size>123</Size><StorageClass>STANDARD</StorageClass></Contents>" +
            "<CommonPrefixes><Prefix>AWSLogs/a%20b/%26/</Prefix></CommonPrefixes></ListBucketResult>");
    }

    [Fact]
    public void ListBucketResult_WithoutEncoding_EscapesXmlAndControlCharacters()
    {
        var parameters = new ListParameters("", null, 1000, UrlEncoded: false);

        var xml = new ListBucketResult("b-1", parameters)
            .Contents(new ObjectInfo("a<b>&\"c\u0001", 0, DateTimeOffset.UnixEpoch, new Dictionary<string, string>()), null)
            .ToBytes();

        Encoding.UTF8.GetString(xml).ShouldEndWith(
            "<Contents><Key>a&lt;b&gt;&amp;&quot;c&#x1;</Key><LastModified>1970-01-01T00:00:00.000Z</LastModified><Size>0</Size><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>");
    }

    [Fact]
    public void ErrorDocument_CodeMessageDetailsRequestId()
    {
        var body = ResponseWriter.XmlErrorBody(S3Errors.MissingBucket("no-bucket"), "req-1");

        Encoding.UTF8.GetString(body).ShouldBe(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>" +
            "<BucketName>no-bucket</BucketName><RequestId>req-1</RequestId></Error>");
    }
}
