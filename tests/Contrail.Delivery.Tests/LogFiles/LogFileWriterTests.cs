using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Tests.Support;

namespace Contrail.Delivery.Tests.LogFiles;

public sealed class LogFileWriterTests
{
    // Three compact records as the journal stores them (field order and escapes as written).
    internal static readonly string[] GoldenRecords =
    [
        """{"eventVersion":"1.11","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"},"eventTime":"2015-08-01T02:05:11Z","eventSource":"cloudtrail.amazonaws.com","eventName":"CreateTrail","awsRegion":"us-east-2","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/1.45.11","requestParameters":{"name":"main","s3BucketName":"audit-logs"},"responseElements":null,"requestID":"6f2b0c1e-0000-4000-8000-000000000001","eventID":"0191f3a0-0000-7000-8000-000000000001","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}""",
        """{"eventVersion":"1.11","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"2015-08-01T02:01:59Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-2","sourceIPAddress":"203.0.113.9","userAgent":"Mozilla/5.0 \u00e9t\u00e9","requestParameters":null,"responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"},"eventID":"0191f3a0-0000-7000-8000-000000000002","readOnly":false,"eventType":"AwsConsoleSignIn","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}""",
        """{"eventVersion":"1.11","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/ops/bob","accountId":"111122223333"},"eventTime":"2015-08-01T02:09:30Z","eventSource":"s3.amazonaws.com","eventName":"GetBucketAcl","awsRegion":"us-east-2","sourceIPAddress":"cloudtrail.amazonaws.com","userAgent":"cloudtrail.amazonaws.com","requestParameters":{"bucketName":"audit-logs","acl":""},"responseElements":null,"eventID":"0191f3a0-0000-7000-8000-000000000003","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management","errorMessage":"déjà vu \"quoted\""}""",
    ];

    internal static IReadOnlyList<ReadOnlyMemory<byte>> Golden() =>
        [.. GoldenRecords.Select(r => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(r))];

    internal static LogFileKey GoldenKey() => LogFileKey.Create(
        "audit", null, "111122223333", "us-east-2", new DateTimeOffset(2015, 8, 1, 2, 10, 37, TimeSpan.Zero),
        UniqueString.ForDelivery("node-1", "arn:aws:cloudtrail:us-east-2:111122223333:trail/main", "us-east-2", 4096, 8192));

    [Fact]
    public void Write_GoldenRecords_ExactBytes()
    {
        // Golden values checked by inflating with python3 (gzip.decompress and zlib MAX_WBITS|16), see
        // Write_GoldenRecords_InflatesInPythonLikeValidateLogs. Changing them changes what leaves the service.
        var file = LogFileWriter.Write(Golden());

        GoldenKey().Key.ShouldBe("audit/AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_GglHV5UT7ZwLJGaZ.json.gz");
        file.CompressedSha256.ShouldBe("eb9af6b5111d084a8544d4a7f783f7a1372a9b1c16ed7702bf2cb5801bd797b5");
        file.UncompressedSha256.ShouldBe("06e45971b239b7f3481120d18d1a7533e521f4648561b1e4115326f9a9e3cc8c");
        file.Body.Length.ShouldBe(682);
        file.UncompressedLength.ShouldBe(1981);
        file.RecordCount.ShouldBe(3);
        file.OldestEventTime.ShouldBe(new DateTimeOffset(2015, 8, 1, 2, 1, 59, TimeSpan.Zero));
        file.NewestEventTime.ShouldBe(new DateTimeOffset(2015, 8, 1, 2, 9, 30, TimeSpan.Zero));
    }

    [Fact]
    public void Write_GoldenRecords_BodyIsRecordsArrayVerbatim()
    {
        var file = LogFileWriter.Write(Golden());

        var plain = Inflate(file.Body);
        Encoding.UTF8.GetString(plain).ShouldBe("{\"Records\":[" + string.Join(',', GoldenRecords) + "]}");
        file.UncompressedLength.ShouldBe(plain.Length);
        file.UncompressedSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(plain)));
        file.CompressedSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(file.Body.Span)));
    }

    [Fact]
    public void Write_GoldenRecords_HeaderHasNoNameNoMtimeAndUnixOs()
    {
        var body = LogFileWriter.Write(Golden()).Body.Span;

        body[..4].ToArray().ShouldBe(new byte[] { 0x1f, 0x8b, 8, 0 });
        body[4..8].ToArray().ShouldBe(new byte[4]);
        body[9].ShouldBe(LogFileWriter.GzipOsUnix);
        // RFC 1952 trailer: ISIZE = uncompressed length mod 2^32.
        BitConverter.ToUInt32(body[^4..]).ShouldBe((uint)LogFileWriter.Write(Golden()).UncompressedLength);
    }

    [Fact]
    public void Write_GoldenRecords_InflatesInPythonLikeValidateLogs()
    {
        using var directory = new TempDirectory();
        var file = LogFileWriter.Write(Golden());
        var path = Path.Combine(directory.Path, GoldenKey().FileName);
        File.WriteAllBytes(path, file.Body.ToArray());

        var result = PythonGzip.Inflate([path])[path];

        result.BothAgree.ShouldBeTrue();
        result.SingleMember.ShouldBeTrue();
        result.Sha256OfInflated.ShouldBe(file.UncompressedSha256);
    }

    [Fact]
    public void GZipStream_OnThisRuntime_WritesMinimalHeaderWithZeroMtime()
    {
        // What the writer's header normalization relies on (and documents in docs/dev/log-file-format.md):
        // .NET's GZipStream (zlib-ng) writes FLG = 0, MTIME = 0, XFL = 0, OS = 3 on Linux.
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write("{}"u8);
        }

        buffer.ToArray()[..10].ShouldBe(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 });
    }

    [Fact]
    public void Write_SameRecordsTwice_IdenticalBytesAndKey()
    {
        var first = LogFileWriter.Write(Golden());
        var second = LogFileWriter.Write(Golden());

        second.Body.ToArray().ShouldBe(first.Body.ToArray());
        second.CompressedSha256.ShouldBe(first.CompressedSha256);
        GoldenKey().ShouldBe(GoldenKey());
        GoldenKey().Key.ShouldBe(GoldenKey().Key);
    }

    [Fact]
    public void Write_NoRecords_EmptyArray()
    {
        var file = LogFileWriter.Write([]);

        Encoding.UTF8.GetString(Inflate(file.Body)).ShouldBe("{\"Records\":[]}");
        file.RecordCount.ShouldBe(0);
        file.OldestEventTime.ShouldBeNull();
        file.NewestEventTime.ShouldBeNull();
    }

    [Fact]
    public void Write_RecordWithoutTopLevelEventTime_CountedButNoTime()
    {
        var file = LogFileWriter.Write([Encoding.UTF8.GetBytes("""{"nested":{"eventTime":"2015-08-01T02:05:11Z"}}""")]);

        file.RecordCount.ShouldBe(1);
        file.OldestEventTime.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":1}{\"b\":2}")]
    [InlineData("{\"a\":1},")]
    [InlineData("{\"a\":tru}")]
    public void Write_NotASingleJsonObject_Throws(string record)
    {
        Should.Throw<FormatException>(() => LogFileWriter.Write([Encoding.UTF8.GetBytes("{}"), Encoding.UTF8.GetBytes(record)]));
    }

    [Fact]
    public void UncompressedLengthOf_MatchesWrittenLength()
    {
        var records = Golden();

        LogFileWriter.UncompressedLengthOf(records.Count, records.Sum(r => (long)r.Length))
            .ShouldBe(LogFileWriter.Write(records).UncompressedLength);
        LogFileWriter.UncompressedLengthOf(0, 0).ShouldBe(LogFileWriter.Write([]).UncompressedLength);
    }

    internal static byte[] Inflate(ReadOnlyMemory<byte> body)
    {
        using var gzip = new GZipStream(new MemoryStream(body.ToArray()), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    internal static JsonElement[] RecordsOf(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(Inflate(body));
        document.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["Records"]);
        return [.. document.RootElement.GetProperty("Records").EnumerateArray().Select(e => e.Clone())];
    }
}
