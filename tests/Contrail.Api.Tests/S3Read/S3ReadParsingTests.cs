using Contrail.Api.S3Read;
using Contrail.Api.S3Read.Objects;

namespace Contrail.Api.Tests.S3Read;

/// <summary>What a request says, read as S3 reads it: the path's bucket and key, the Range header.</summary>
public sealed class S3ReadParsingTests
{
    [Theory]
    [InlineData("/", "", null)]
    [InlineData("/bucket", "bucket", null)]
    [InlineData("/bucket/", "bucket", null)]
    [InlineData("/bucket/a/b.json.gz", "bucket", "a/b.json.gz")]
    [InlineData("/bucket/a+b%20c", "bucket", "a+b c")]
    [InlineData("/bucket/100%25%2Fsure", "bucket", "100%/sure")]
    [InlineData("/bucket/%252F", "bucket", "%2F")]
    [InlineData("/bucket//lead", "bucket", "/lead")]
    [InlineData("/bucket/%E6%97%A5%F0%9F%98%80", "bucket", "日😀")]
    [InlineData("/bucket/50%", "bucket", "50%")]
    public void Address_DecodesThePathOnce_PlusStaysPlus(string rawPath, string bucket, string? key)
    {
        S3Address.TryParse(rawPath, out var address).ShouldBeTrue();

        address.ShouldBe(new S3Address(bucket, key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bucket/key")]
    [InlineData("/bucket/%FF")]
    [InlineData("/bucket/%C3")]
    [InlineData("/%ED%A0%80/k")]
    public void Address_NotAPathOrNotUtf8_Refused(string rawPath) =>
        S3Address.TryParse(rawPath, out _).ShouldBeFalse();

    [Theory]
    [InlineData(null, 10, "Whole", 0, 10)]
    [InlineData("bytes=0-0", 10, "Partial", 0, 1)]
    [InlineData("bytes=2-5", 10, "Partial", 2, 4)]
    [InlineData("bytes=2-", 10, "Partial", 2, 8)]
    [InlineData("bytes=8-100", 10, "Partial", 8, 2)]
    [InlineData("bytes=-3", 10, "Partial", 7, 3)]
    [InlineData("bytes=-30", 10, "Partial", 0, 10)]
    [InlineData(" Bytes = 1 - 2 ", 10, "Whole", 0, 10)]
    [InlineData("BYTES=1-2", 10, "Partial", 1, 2)]
    [InlineData("bytes=10-", 10, "Unsatisfiable", 0, 10)]
    [InlineData("bytes=-0", 10, "Unsatisfiable", 0, 10)]
    [InlineData("bytes=0-", 0, "Unsatisfiable", 0, 0)]
    [InlineData("bytes=5-2", 10, "Whole", 0, 10)]
    [InlineData("bytes=1-2,4-5", 10, "Whole", 0, 10)]
    [InlineData("bytes=a-b", 10, "Whole", 0, 10)]
    [InlineData("bytes=-", 10, "Whole", 0, 10)]
    [InlineData("bytes=99999999999999999999-", 10, "Whole", 0, 10)]
    [InlineData("items=1-2", 10, "Whole", 0, 10)]
    public void Range_OneRangeOrTheWholeObject(string? header, long size, string kind, long start, long length)
    {
        ObjectRange.Parse(header, size, out var range).ToString().ShouldBe(kind);

        if (kind != nameof(ObjectRange.Kind.Unsatisfiable))
        {
            range.ShouldBe(new ObjectRange(start, length));
        }
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("SHA256withRSA", "SHA256withRSA")]
    [InlineData("ünï", "=?UTF-8?B?w7xuw68=?=")]
    [InlineData(" edge", "=?UTF-8?B?IGVkZ2U=?=")]
    [InlineData("line\r\nbreak", "=?UTF-8?B?bGluZQ0KYnJlYWs=?=")]
    public void MetadataValue_PrintableAsciiAsIs_ElseAnEncodedWord(string value, string header) =>
        ObjectHeaders.Value(value).ShouldBe(header);
}
