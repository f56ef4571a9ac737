using Contrail.Delivery.LogFiles;

namespace Contrail.Delivery.Tests.LogFiles;

public sealed class LogFileKeyTests
{
    private static readonly DateTimeOffset Delivery = new(2015, 8, 1, 2, 10, 37, TimeSpan.Zero);

    [Fact]
    public void Create_AwsDocumentationExample_MatchesItsFileName()
    {
        var key = LogFileKey.Create(null, null, "111122223333", "us-east-2", Delivery, "Mu0KsOhtH1ar15ZZ");

        key.Key.ShouldBe("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz");
        key.FileName.ShouldBe("111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz");
        key.DeliveryTime.ShouldBe(new DateTimeOffset(2015, 8, 1, 2, 10, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Create_PrefixAndOrganization_InsertsBoth()
    {
        var key = LogFileKey.Create("audit/prod/", "o-exampleorgid", "111122223333", "eu-west-1", Delivery, "Mu0KsOhtH1ar15ZZ");

        key.Key.ShouldBe("audit/prod/AWSLogs/o-exampleorgid/111122223333/CloudTrail/eu-west-1/2015/08/01/111122223333_CloudTrail_eu-west-1_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz");
        key.KeyPrefix.ShouldBe("audit/prod");
    }

    [Fact]
    public void Create_Insight_UsesCloudTrailInsightInFolderAndName()
    {
        var key = LogFileKey.Create(null, null, "111122223333", "us-east-1", Delivery, "Mu0KsOhtH1ar15ZZ", LogFileKind.Insight);

        key.Key.ShouldBe("AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2015/08/01/111122223333_CloudTrail-Insight_us-east-1_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz");
    }

    [Fact]
    public void Create_NonUtcTime_UsesUtcDateForFolderAndName()
    {
        var local = new DateTimeOffset(2015, 8, 1, 1, 59, 59, TimeSpan.FromHours(-3));

        var key = LogFileKey.Create(null, null, "111122223333", "us-east-2", local, "Mu0KsOhtH1ar15ZZ");

        key.Key.ShouldContain("/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0459Z_");
    }

    [Theory]
    [InlineData("/abs", null, "111122223333", "us-east-1", "Mu0KsOhtH1ar15ZZ")]
    [InlineData("a//b", null, "111122223333", "us-east-1", "Mu0KsOhtH1ar15ZZ")]
    [InlineData("a/../b", null, "111122223333", "us-east-1", "Mu0KsOhtH1ar15ZZ")]
    [InlineData(null, "org", "111122223333", "us-east-1", "Mu0KsOhtH1ar15ZZ")]
    [InlineData(null, null, "11112222333", "us-east-1", "Mu0KsOhtH1ar15ZZ")]
    [InlineData(null, null, "11112222333x", "us-east-1", "Mu0KsOhtH1ar15ZZ")]
    [InlineData(null, null, "111122223333", "US-EAST-1", "Mu0KsOhtH1ar15ZZ")]
    [InlineData(null, null, "111122223333", "us_east_1", "Mu0KsOhtH1ar15ZZ")]
    [InlineData(null, null, "111122223333", "us-east-1", "Mu0KsOhtH1ar15Z")]
    [InlineData(null, null, "111122223333", "us-east-1", "Mu0KsOhtH1ar15Z_")]
    public void Create_MalformedPart_Throws(string? prefix, string? org, string account, string region, string unique)
    {
        Should.Throw<ArgumentException>(() => LogFileKey.Create(prefix, org, account, region, Delivery, unique));
    }

    [Fact]
    public void Create_PrefixOver200Characters_Throws()
    {
        Should.Throw<ArgumentException>(() =>
            LogFileKey.Create(new string('p', 201), null, "111122223333", "us-east-1", Delivery, "Mu0KsOhtH1ar15ZZ"));
    }

    [Theory]
    [InlineData(null, null, LogFileKind.Events)]
    [InlineData("logs", null, LogFileKind.Events)]
    [InlineData("a/b/c", "o-exampleorgid", LogFileKind.Events)]
    [InlineData(null, "o-exampleorgid", LogFileKind.Insight)]
    [InlineData("AWSLogs", "o-exampleorgid", LogFileKind.Insight)]
    [InlineData("x/AWSLogs/o-abcdefghij", null, LogFileKind.Events)]
    public void Parse_BuiltKey_RoundTrips(string? prefix, string? org, LogFileKind kind)
    {
        var built = LogFileKey.Create(prefix, org, "123456789012", "apiso-centralnorth-2r", new DateTimeOffset(2023, 12, 31, 23, 59, 59, TimeSpan.Zero), "A6kvhMoVeCsc7v8U", kind);

        var parsed = LogFileKey.Parse(built.Key);

        parsed.ShouldBe(built);
        parsed.KeyPrefix.ShouldBe(prefix);
        parsed.OrganizationId.ShouldBe(org);
        parsed.AccountId.ShouldBe("123456789012");
        parsed.Region.ShouldBe("apiso-centralnorth-2r");
        parsed.DeliveryTime.ShouldBe(new DateTimeOffset(2023, 12, 31, 23, 59, 0, TimeSpan.Zero));
        parsed.Unique.ShouldBe("A6kvhMoVeCsc7v8U");
        parsed.Kind.ShouldBe(kind);
    }

    [Fact]
    public void Parse_TrailscraperSampleName_UnderItsFolders_Parses()
    {
        var key = "AWSLogs/111111111111/CloudTrail/eu-central-1/2017/12/11/111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz";

        var parsed = LogFileKey.Parse(key);

        parsed.DeliveryTime.ShouldBe(new DateTimeOffset(2017, 12, 11, 15, 5, 0, TimeSpan.Zero));
        parsed.Key.ShouldBe(key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/02/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-1_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/999922223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail-Insight_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T021000Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T2510Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15Z.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/8/1/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/01/111122223333_CloudTrail-Digest_us-east-2_trail_us-east-2_20150801T021000Z.json.gz")]
    [InlineData("Logs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/org/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("/AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("../AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz/")]
    public void TryParse_NotALogFileKey_ReturnsFalse(string key)
    {
        LogFileKey.TryParse(key, out var parsed).ShouldBeFalse();
        parsed.ShouldBeNull();
        Should.Throw<FormatException>(() => LogFileKey.Parse(key));
    }
}
