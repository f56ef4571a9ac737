using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Contrail.Delivery.Digests;

namespace Contrail.Delivery.Tests.Digests;

/// <summary>Digest names, bodies and signatures exactly as spec §2.1, §2.2 and §2.4 give them.</summary>
public sealed class DigestFileTests
{
    private static readonly DateTimeOffset Start = new(2016, 8, 2, 13, 23, 31, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2016, 8, 2, 14, 23, 31, TimeSpan.Zero);

    [Fact]
    public void KeyOf_TheRealExampleOfSpec21()
    {
        DigestFile.KeyOf(null, null, "072477793200", "ap-northeast-1", "Test-trail", "us-west-2", End)
            .ShouldBe("AWSLogs/072477793200/CloudTrail-Digest/ap-northeast-1/2016/08/02/072477793200_CloudTrail-Digest_ap-northeast-1_Test-trail_us-west-2_20160802T142331Z.json.gz");
    }

    [Fact]
    public void KeyOf_PrefixAndOrganization_AndTheCliReadsTheTimestampAtMinus24ToMinus8()
    {
        var key = DigestFile.KeyOf("audit/logs/", "o-a1b2c3d4e5", "111122223333", "us-east-2", "org", "us-east-1", End.AddMilliseconds(999));
        key.ShouldBe("audit/logs/AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail-Digest/us-east-2/2016/08/02/111122223333_CloudTrail-Digest_us-east-2_org_us-east-1_20160802T142331Z.json.gz");
        key[^24..^8].ShouldBe("20160802T142331Z");
        Should.Throw<ArgumentException>(() => DigestFile.KeyOf("../x", null, "111122223333", "us-east-2", "org", "us-east-1", End));
        Should.Throw<ArgumentException>(() => DigestFile.KeyOf(null, null, "1111", "us-east-2", "org", "us-east-1", End));
    }

    [Fact]
    public void StringToSign_FourLinesNoTrailingNewline_NullAtAChainStart()
    {
        DigestFile.StringToSign("2015-08-12T04:01:31Z", "b", "k.json.gz", "4ff0", null).ShouldBe("2015-08-12T04:01:31Z\nb/k.json.gz\n4ff0\nnull");
        DigestFile.StringToSign("2015-08-12T04:01:31Z", "b", "k.json.gz", "4ff0", "6e85").ShouldBe("2015-08-12T04:01:31Z\nb/k.json.gz\n4ff0\n6e85");
    }

    [Fact]
    public void Build_ChainStart_GoldenJson_NullPreviousMembers_EmptyLogFiles()
    {
        using var rsa = RSA.Create(2048);
        var digest = DigestFile.Build("bucket", "AWSLogs/k.json.gz", "111122223333", Start, End, [], null, "fp",
            data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Encoding.UTF8.GetString(digest.Json).ShouldBe(
            """{"awsAccountId":"111122223333","digestStartTime":"2016-08-02T13:23:31Z","digestEndTime":"2016-08-02T14:23:31Z","digestS3Bucket":"bucket","digestS3Object":"AWSLogs/k.json.gz","digestPublicKeyFingerprint":"fp","digestSignatureAlgorithm":"SHA256withRSA","newestEventTime":null,"oldestEventTime":null,"previousDigestS3Bucket":null,"previousDigestS3Object":null,"previousDigestHashValue":null,"previousDigestHashAlgorithm":null,"previousDigestSignature":null,"logFiles":[]}""");
        digest.Metadata.ShouldBe(new Dictionary<string, string> { ["signature"] = digest.Link.Signature, ["signature-algorithm"] = "SHA256withRSA" });
        var signed = Encoding.UTF8.GetBytes($"2016-08-02T14:23:31Z\nbucket/AWSLogs/k.json.gz\n{Convert.ToHexStringLower(SHA256.HashData(digest.Json))}\nnull");
        rsa.VerifyData(signed, Convert.FromHexString(digest.Link.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
        digest.Link.Signature.ShouldBe(digest.Link.Signature.ToLowerInvariant());
        digest.Link.Signature.Length.ShouldBe(512, "2048-bit signature in hex");
    }

    [Fact]
    public void Build_Linked_ListsFilesWithTimes_GzipSingleMemberOfTheSignedBytes_Deterministic()
    {
        using var rsa = RSA.Create(2048);
        var previous = new DigestLink("old-bucket", "AWSLogs/prev.json.gz", new string('a', 64), "0badc0de");
        DigestLogFile[] files =
        [
            new("bucket", "AWSLogs/1.json.gz", new string('1', 64), Start.AddMinutes(1), Start.AddMinutes(3)),
            new("bucket", "AWSLogs/2+x.json.gz", new string('2', 64), Start.AddMinutes(-10), Start.AddMinutes(2)),
        ];
        byte[] Sign(byte[] data) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var digest = DigestFile.Build("bucket", "AWSLogs/k.json.gz", "111122223333", Start, End, files, previous, "fp", Sign);
        var json = Encoding.UTF8.GetString(digest.Json);
        json.ShouldContain("\"newestEventTime\":\"2016-08-02T13:26:31Z\",\"oldestEventTime\":\"2016-08-02T13:13:31Z\"");
        json.ShouldContain("\"previousDigestS3Bucket\":\"old-bucket\",\"previousDigestS3Object\":\"AWSLogs/prev.json.gz\",\"previousDigestHashValue\":\"" + new string('a', 64) + "\",\"previousDigestHashAlgorithm\":\"SHA-256\",\"previousDigestSignature\":\"0badc0de\"");
        json.ShouldContain("""{"s3Bucket":"bucket","s3Object":"AWSLogs/2+x.json.gz","hashValue":"2222222222222222222222222222222222222222222222222222222222222222","hashAlgorithm":"SHA-256","newestEventTime":"2016-08-02T13:25:31Z","oldestEventTime":"2016-08-02T13:13:31Z"}""");
        json.IndexOf("AWSLogs/1.json.gz", StringComparison.Ordinal).ShouldBeLessThan(json.IndexOf("AWSLogs/2+x.json.gz", StringComparison.Ordinal));

        // The body is one gzip member of exactly the bytes that were hashed.
        using (var gzip = new GZipStream(new MemoryStream(digest.Body), CompressionMode.Decompress))
        using (var plain = new MemoryStream())
        {
            gzip.CopyTo(plain);
            plain.ToArray().ShouldBe(digest.Json);
        }

        digest.Link.HashValue.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(digest.Json)));
        var signed = Encoding.UTF8.GetBytes($"2016-08-02T14:23:31Z\nbucket/AWSLogs/k.json.gz\n{digest.Link.HashValue}\n0badc0de");
        rsa.VerifyData(signed, Convert.FromHexString(digest.Link.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();

        // PKCS#1 v1.5 is deterministic: the same chain state gives the same object (a retried put rewrites it).
        var again = DigestFile.Build("bucket", "AWSLogs/k.json.gz", "111122223333", Start, End, files, previous, "fp", Sign);
        again.Body.ShouldBe(digest.Body);
        again.Link.ShouldBe(digest.Link);
    }
}
