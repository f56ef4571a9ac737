using System.Text;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Delivery;

namespace Contrail.Api.Tests.Delivery;

public sealed class DeliveryFieldsTests
{
    private static readonly Trail AnyTrail = new() { Name = "t", TrailArn = "arn:aws:cloudtrail:us-east-1:111122223333:trail/t", HomeRegion = "us-east-1", S3BucketName = "b" };

    [Fact]
    public void Read_TopLevelMembersOnly_AndRequestParametersName()
    {
        var json = """{"userIdentity":{"eventName":"Nested","awsRegion":"xx"},"eventName":"StartLogging","eventSource":"cloudtrail.amazonaws.com","awsRegion":"eu-west-1","requestParameters":{"deep":{"name":"no"},"name":"trail1"},"eventCategory":"Management","n":1,"b":[1,{"errorCode":"x"}]}""";
        var fields = DeliveryFields.Read(Encoding.UTF8.GetBytes(json));
        fields.ShouldBe(new DeliveryFields("Management", "eu-west-1", "StartLogging", "cloudtrail.amazonaws.com", null, "trail1"));
    }

    [Fact]
    public void Read_EscapedNamesAndValues()
    {
        var fields = DeliveryFields.Read("""{"aws\u0052egion":"us-west-2","eventName":"A\u0042"}"""u8);
        fields.AwsRegion.ShouldBe("us-west-2");
        fields.EventName.ShouldBe("AB");
    }

    [Theory]
    [InlineData("""{"userIdentity":{"awsRegion":"xx","eventSource":"yy"},"eventSource":"iam.amazonaws.com","awsRegion":"us-east-1","requestParameters":{}}""", "us-east-1", "iam.amazonaws.com")]
    [InlineData("""{"awsRegion":"eu-west-1","requestParameters":{"eventSource":"no"},"eventSource":"s3.amazonaws.com"}""", "eu-west-1", "s3.amazonaws.com")]
    [InlineData("""{"eventName":"X","awsRegion":"ap-south-1"}""", "ap-south-1", null)]
    [InlineData("""{"eventName":"X"}""", null, null)]
    [InlineData("""[1]""", null, null)]
    public void ReadRegion_TopLevelAwsRegionAndEventSource_AsReadDoes(string record, string? region, string? source)
    {
        var bytes = Encoding.UTF8.GetBytes(record);
        DeliveryFields.ReadRegion(bytes).ShouldBe((region, source));
        var full = DeliveryFields.Read(bytes);
        (full.AwsRegion, full.EventSource).ShouldBe((region, source));
        var texts = new TextCache();
        for (var i = 0; i < 2; i++)
        {
            DeliveryFields.ReadRoute(bytes, texts).ShouldBe((region, source is not null && DeliveryFields.GlobalServiceSources.Contains(source)), "seen before: " + (i > 0));
        }
    }

    [Theory]
    [InlineData("""{"awsRegion":"us-east-1","eventSource":"sts.amazonaws.com"}""")]
    [InlineData("""{"awsRegion":"us-east-1","eventSource":"st\u0073.amazonaws.com"}""")]
    [InlineData("""{"eventSource":"iam.amazonaws.com","eventSource":"s3.amazonaws.com","awsRegion":"us-east-1"}""")]
    [InlineData("""{"awsRegion":"us-east-1","eventSource":"s3.amazonaws.com","eventSource":"iam.amazonaws.com"}""")]
    [InlineData("""{"awsRegion":"eu-west-1","awsRegion":"us-\u0065ast-1","eventSource":{"x":1},"eventSource":"signin.amazonaws.com"}""")]
    [InlineData("""{"awsRegion":1,"eventSource":"cloudfront.amazonaws.com"}""")]
    public void ReadRoute_StopsWhereReadRegionStops_SameRegionAndGlobalSource(string record)
    {
        var bytes = Encoding.UTF8.GetBytes(record);
        var (region, source) = DeliveryFields.ReadRegion(bytes);

        DeliveryFields.ReadRoute(bytes, new TextCache()).ShouldBe((region, source is not null && DeliveryFields.GlobalServiceSources.Contains(source)));
    }

    [Theory]
    [InlineData("""{"eventName":"X"}""", true)]
    [InlineData("""{"eventCategory":"Management"}""", true)]
    [InlineData("""{"eventCategory":"Data"}""", false)]
    [InlineData("""{"eventCategory":"ActivityAuditLog"}""", false)]
    [InlineData("""{"eventCategory":"Insight"}""", false)]
    public void Selects_DefaultSelectors_ManagementEventsOnly(string record, bool selected) =>
        TrailDelivery.Selects(AnyTrail, Encoding.UTF8.GetBytes(record)).ShouldBe(selected);

    [Fact]
    public void Selects_FollowsTheTrailsSelectors_AndRecompilesWhenTheyChange()
    {
        var writeOnly = AnyTrail with { EventSelectors = [new EventSelector("WriteOnly", true, [], [])] };
        TrailDelivery.Selects(writeOnly, """{"eventCategory":"Management","readOnly":false}"""u8).ShouldBeTrue();
        TrailDelivery.Selects(writeOnly, """{"eventCategory":"Management","readOnly":true}"""u8).ShouldBeFalse();

        var s3Data = writeOnly with
        {
            EventSelectors = null,
            AdvancedEventSelectors = [new AdvancedEventSelector("s3", [
                new AdvancedFieldSelector("eventCategory", ["Data"], null, null, null, null, null),
                new AdvancedFieldSelector("resources.type", ["AWS::S3::Object"], null, null, null, null, null)])],
        };
        TrailDelivery.Selects(s3Data, """{"eventCategory":"Data","resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::b/k"}]}"""u8).ShouldBeTrue();
        TrailDelivery.Selects(s3Data, """{"eventCategory":"Management","readOnly":false}"""u8).ShouldBeFalse();
    }
}
