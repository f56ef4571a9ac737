using System.Text;
using System.Text.Json;
using Contrail.Delivery.Selection;

namespace Contrail.Delivery.Tests.Selection;

public sealed class EventSelectorMatcherTests
{
    private const string S3Get = """{"eventCategory":"Data","readOnly":true,"eventSource":"s3.amazonaws.com","eventName":"GetObject","resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::b1/logs/a.txt"},{"type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::b1"}]}""";
    private const string LambdaInvoke = """{"eventCategory":"Data","readOnly":false,"eventSource":"lambda.amazonaws.com","eventName":"Invoke","resources":[{"type":"AWS::Lambda::Function","ARN":"arn:aws:lambda:us-east-1:1:function:f"}]}""";

    [Theory]
    [InlineData("""{"eventCategory":"Management","readOnly":true}""", true)]
    [InlineData("""{"eventCategory":"Management","readOnly":false}""", true)]
    [InlineData("""{"eventSource":"iam.amazonaws.com"}""", true)]
    [InlineData(S3Get, false)]
    [InlineData("""{"eventCategory":"Insight"}""", false)]
    [InlineData("""{"eventCategory":"NetworkActivity","eventSource":"s3.amazonaws.com"}""", false)]
    [InlineData("""{"eventCategory":"ActivityAuditLog"}""", false)]
    public void Compile_NoSelectors_SelectsAllManagementEvents(string record, bool expected)
    {
        EventSelectorMatcher.Compile(null, null).Matches(Bytes(record)).ShouldBe(expected);
        EventSelectorMatcher.Compile([], []).Matches(Bytes(record)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("All", """{"readOnly":true}""", true)]
    [InlineData("ReadOnly", """{"readOnly":true}""", true)]
    [InlineData("ReadOnly", """{"readOnly":false}""", false)]
    [InlineData("ReadOnly", """{"eventName":"x"}""", false)]
    [InlineData("WriteOnly", """{"readOnly":false}""", true)]
    [InlineData("WriteOnly", """{"readOnly":true}""", false)]
    [InlineData("WriteOnly", """{"eventName":"x"}""", true)]
    public void Matches_BasicReadWriteType_FitsReadOnly(string readWriteType, string record, bool expected) =>
        Basic(new BasicSelector(readWriteType, true, [], [])).Matches(Bytes(record)).ShouldBe(expected);

    [Fact]
    public void Matches_BasicExcludedSource_SkipsOnlyThatSource()
    {
        var matcher = Basic(new BasicSelector("All", true, [], ["kms.amazonaws.com"]));
        matcher.Matches(Bytes("""{"eventSource":"kms.amazonaws.com"}""")).ShouldBeFalse();
        matcher.Matches(Bytes("""{"eventSource":"rdsdata.amazonaws.com"}""")).ShouldBeTrue();
        matcher.Matches(Bytes("""{"eventName":"NoSource"}""")).ShouldBeTrue();
    }

    [Fact]
    public void Matches_BasicWithoutManagementEvents_SkipsManagementEvents() =>
        Basic(new BasicSelector("All", false, [], [])).Matches(Bytes("""{"eventCategory":"Management"}""")).ShouldBeFalse();

    [Theory]
    [InlineData("AWS::S3::Object", "arn:aws:s3", S3Get, true)]
    [InlineData("AWS::S3::Object", "arn:aws:s3:::b1/", S3Get, true)]
    [InlineData("AWS::S3::Object", "arn:aws:s3:::b1/logs/", S3Get, true)]
    [InlineData("AWS::S3::Object", "arn:aws:s3:::b2/", S3Get, false)]
    [InlineData("AWS::S3::Object", "arn:aws:lambda", S3Get, false)]
    [InlineData("AWS::Lambda::Function", "arn:aws:s3", S3Get, false)]
    [InlineData("AWS::Lambda::Function", "arn:aws:lambda", LambdaInvoke, true)]
    [InlineData("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:1:function:f", LambdaInvoke, true)]
    [InlineData("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:1:function:", LambdaInvoke, false)]
    [InlineData("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:1:function:f2", LambdaInvoke, false)]
    [InlineData("AWS::S3::Object", "arn:aws:s3", """{"eventCategory":"Data","resources":[{"type":"AWS::S3::Object","ARNPrefix":"arn:aws:s3:::b1/x"}]}""", true)]
    [InlineData("AWS::S3::Object", "arn:aws:s3", """{"eventCategory":"Management","resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::b1/x"}]}""", false)]
    public void Matches_BasicDataResource_SelectsByTypeAndArn(string type, string value, string record, bool expected) =>
        Basic(new BasicSelector("All", false, [new DataResourceSelector(type, [value])], [])).Matches(Bytes(record)).ShouldBe(expected);

    [Fact]
    public void Matches_BasicDataResourceReadOnly_AppliesReadWriteType()
    {
        var resources = new[] { new DataResourceSelector("AWS::S3::Object", ["arn:aws:s3"]) };
        Basic(new BasicSelector("WriteOnly", true, resources, [])).Matches(Bytes(S3Get)).ShouldBeFalse();
        Basic(new BasicSelector("ReadOnly", true, resources, [])).Matches(Bytes(S3Get)).ShouldBeTrue();
    }

    [Fact]
    public void Matches_BasicSelectors_AreOred()
    {
        var matcher = EventSelectorMatcher.Compile(
            [new BasicSelector("ReadOnly", true, [], []), new BasicSelector("All", false, [new DataResourceSelector("AWS::Lambda::Function", ["arn:aws:lambda"])], [])],
            null);
        matcher.Matches(Bytes(LambdaInvoke)).ShouldBeTrue();
        matcher.Matches(Bytes("""{"readOnly":true}""")).ShouldBeTrue();
        matcher.Matches(Bytes("""{"readOnly":false}""")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"Field":"eventCategory","EqualTo":["Data"]}""", S3Get, true)]
    [InlineData("""{"Field":"eventCategory","EqualTo":["Management"]}""", """{"eventName":"x"}""", true)]
    [InlineData("""{"Field":"readOnly","EqualTo":["true"]}""", S3Get, true)]
    [InlineData("""{"Field":"readOnly","EqualTo":["false"]}""", S3Get, false)]
    [InlineData("""{"Field":"readOnly","EqualTo":["false"]}""", """{"eventName":"x"}""", false)]
    [InlineData("""{"Field":"readOnly","NotEquals":["true"]}""", """{"eventName":"x"}""", true)]
    [InlineData("""{"Field":"eventName","EqualTo":["PutObject","GetObject"]}""", S3Get, true)]
    [InlineData("""{"Field":"eventName","StartsWith":["Get"],"EndsWith":["Item"]}""", S3Get, false)]
    [InlineData("""{"Field":"eventName","StartsWith":["Get"],"EndsWith":["Item","Object"]}""", S3Get, true)]
    [InlineData("""{"Field":"eventName","NotStartsWith":["Put","Get"]}""", S3Get, false)]
    [InlineData("""{"Field":"eventName","NotEndsWith":["Item"]}""", S3Get, true)]
    [InlineData("""{"Field":"eventName","EqualTo":["getobject"]}""", S3Get, false)]
    [InlineData("""{"Field":"resources.type","EqualTo":["AWS::S3::Bucket"]}""", S3Get, true)]
    [InlineData("""{"Field":"resources.ARN","NotStartsWith":["arn:aws:s3:::b1/"]}""", S3Get, true)]
    [InlineData("""{"Field":"resources.ARN","NotStartsWith":["arn:aws:s3:::b1"]}""", S3Get, false)]
    [InlineData("""{"Field":"resources.ARN","StartsWith":["arn:aws:s3:::b1/logs/"]}""", S3Get, true)]
    [InlineData("""{"Field":"resources.ARN","EqualTo":["arn:aws:s3:::b1"]}""", LambdaInvoke, false)]
    [InlineData("""{"Field":"resources.type","NotEquals":["AWS::S3::Object"]}""", """{"eventName":"x"}""", true)]
    [InlineData("""{"Field":"userIdentity.arn","EndsWith":["/a"]}""", """{"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/a"}}""", true)]
    [InlineData("""{"Field":"userIdentity.arn","EndsWith":["/a"]}""", """{"requestParameters":{"arn":"x/a"}}""", false)]
    [InlineData("""{"Field":"sessionCredentialFromConsole","EqualTo":["true"]}""", """{"sessionCredentialFromConsole":"true"}""", true)]
    [InlineData("""{"Field":"errorCode","EqualTo":["VpceAccessDenied"]}""", """{"eventCategory":"NetworkActivity","errorCode":"VpceAccessDenied"}""", true)]
    [InlineData("""{"Field":"vpcEndpointId","StartsWith":["vpce-"]}""", """{"vpcEndpointId":"vpce-0abc"}""", true)]
    [InlineData("""{"Field":"noSuchField","EqualTo":["x"]}""", S3Get, false)]
    [InlineData("""{"Field":"noSuchField","NotEquals":["x"]}""", S3Get, true)]
    [InlineData("""{"Field":"eventSource","EqualTo":["s3.amazonaws.com"]}""", """{"eventSource":"s3.amazon\u0061ws.com"}""", true)]
    public void Matches_AdvancedCondition_FollowsOperatorRules(string condition, string record, bool expected)
    {
        var parsed = JsonSerializer.Deserialize<FieldCondition>(condition)!;
        EventSelectorMatcher.Compile(null, [new AdvancedSelector("t", [parsed])]).Matches(Bytes(record)).ShouldBe(expected);
        ReferenceEvaluator.Matches(null, [new AdvancedSelector("t", [parsed])], Bytes(record)).ShouldBe(expected);
    }

    [Fact]
    public void Matches_AdvancedConditions_AndWithinSelectorOrAcross()
    {
        AdvancedSelector writes = new("w", [new("eventCategory", EqualTo: ["Management"]), new("readOnly", EqualTo: ["false"])]);
        AdvancedSelector s3 = new("s3", [new("eventCategory", EqualTo: ["Data"]), new("resources.type", EqualTo: ["AWS::S3::Object"])]);
        var matcher = EventSelectorMatcher.Compile(null, [writes, s3]);
        matcher.Matches(Bytes("""{"eventCategory":"Management","readOnly":false}""")).ShouldBeTrue();
        matcher.Matches(Bytes("""{"eventCategory":"Management","readOnly":true}""")).ShouldBeFalse();
        matcher.Matches(Bytes(S3Get)).ShouldBeTrue();
        matcher.Matches(Bytes(LambdaInvoke)).ShouldBeFalse();
    }

    [Fact]
    public void Compile_BasicAndAdvanced_Throws() =>
        Should.Throw<ArgumentException>(() => EventSelectorMatcher.Compile([BasicSelector.Default], [new AdvancedSelector(null, [])]));

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"eventCategory\":")]
    [InlineData("")]
    public void Matches_NotARecord_ThrowsJsonException(string record) =>
        Should.Throw<JsonException>(() => EventSelectorMatcher.Compile(null, null).Matches(Bytes(record)));

    private static EventSelectorMatcher Basic(BasicSelector selector) => EventSelectorMatcher.Compile([selector], null);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
