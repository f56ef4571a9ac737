using System.Text;
using System.Text.Json;
using Contrail.Monitoring.Rules;
using Contrail.Monitoring.Rules.EventPatterns;

namespace Contrail.Monitoring.Tests.Rules.EventPatterns;

public sealed class EventPatternMatchTests
{
    private const string Event = """
        {"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"AWS API Call via CloudTrail","source":"aws.iam",
         "account":"111122223333","time":"2026-12-02T10:00:00Z","region":"us-east-1","resources":[],
         "detail":{"eventName":"DeleteUser","eventSource":"iam.amazonaws.com","sourceIPAddress":"10.1.2.3","errorCode":null,
                   "userIdentity":{"type":"IAMUser","userName":"Alice","sessionContext":{"mfa":false}},
                   "requestParameters":{"userName":"bob","tags":["team-a","team-b"],"count":7,"nested":[{"k":"x"},{"k":"y"}]},
                   "readOnly":false,"apiVersion":"2010-05-08"}}
        """;

    public static TheoryData<string, bool> Cases => new()
    {
        { """{"source":["aws.iam"]}""", true },
        { """{"source":["aws.ec2"]}""", false },
        { """{"source":["aws.ec2","aws.iam"]}""", true },
        { """{"detail":{"eventName":[{"prefix":"Delete"}]}}""", true },
        { """{"detail":{"eventName":[{"prefix":"delete"}]}}""", false },
        { """{"detail":{"eventName":[{"prefix":{"equals-ignore-case":"delete"}}]}}""", true },
        { """{"detail":{"eventName":[{"suffix":"User"}]}}""", true },
        { """{"detail":{"eventName":[{"suffix":{"equals-ignore-case":"USER"}}]}}""", true },
        { """{"detail":{"eventName":[{"suffix":"Role"}]}}""", false },
        { """{"detail":{"eventName":[{"equals-ignore-case":"deleteuser"}]}}""", true },
        { """{"detail":{"eventName":[{"anything-but":"DeleteUser"}]}}""", false },
        { """{"detail":{"eventName":[{"anything-but":["CreateUser","GetUser"]}]}}""", true },
        { """{"detail":{"eventName":[{"anything-but":{"prefix":"Delete"}}]}}""", false },
        { """{"detail":{"eventName":[{"anything-but":{"prefix":["Get","List"]}}]}}""", true },
        { """{"detail":{"eventName":[{"anything-but":{"suffix":"User"}}]}}""", false },
        { """{"detail":{"eventName":[{"anything-but":{"wildcard":"Del*"}}]}}""", false },
        { """{"detail":{"eventName":[{"anything-but":{"equals-ignore-case":["deleteuser"]}}]}}""", false },
        { """{"detail":{"missing":[{"anything-but":"x"}]}}""", false },
        { """{"detail":{"requestParameters":{"count":[{"numeric":[">",5,"<=",7]}]}}}""", true },
        { """{"detail":{"requestParameters":{"count":[{"numeric":[">",7]}]}}}""", false },
        { """{"detail":{"requestParameters":{"count":[{"numeric":["=",7.0]}]}}}""", true },
        { """{"detail":{"requestParameters":{"count":[7]}}}""", true },
        { """{"detail":{"requestParameters":{"count":["7"]}}}""", false },
        { """{"detail":{"requestParameters":{"userName":[{"numeric":[">",0]}]}}}""", false },
        { """{"detail":{"errorCode":[{"exists":true}]}}""", true },
        { """{"detail":{"errorMessage":[{"exists":false}]}}""", true },
        { """{"detail":{"errorMessage":[{"exists":true}]}}""", false },
        { """{"detail":{"errorCode":[null]}}""", true },
        { """{"detail":{"userIdentity":[{"exists":true}]}}""", false },
        { """{"detail":{"nothere":{"deeper":[{"exists":false}]}}}""", true },
        { """{"detail":{"eventName":[{"wildcard":"D*e*r"}]}}""", true },
        { """{"detail":{"eventName":[{"wildcard":"*Role"}]}}""", false },
        { """{"detail":{"sourceIPAddress":[{"cidr":"10.1.0.0/16"}]}}""", true },
        { """{"detail":{"sourceIPAddress":[{"cidr":"10.2.0.0/16"}]}}""", false },
        { """{"detail":{"sourceIPAddress":[{"cidr":"10.1.2.200/24"}]}}""", true },
        { """{"detail":{"requestParameters":{"tags":["team-b"]}}}""", true },
        { """{"detail":{"requestParameters":{"tags":[{"prefix":"team-c"}]}}}""", false },
        { """{"detail":{"requestParameters":{"nested":{"k":["y"]}}}}""", true },
        { """{"detail":{"requestParameters":{"nested":{"k":["z"]}}}}""", false },
        { """{"detail":{"userIdentity":{"sessionContext":{"mfa":[false]}}}}""", true },
        { """{"detail":{"readOnly":[true]}}""", false },
        { """{"detail":{"eventName":[{"exactly":"DeleteUser"}]}}""", true },
        { """{"source":["aws.iam"],"$or":[{"detail":{"eventName":["CreateUser"]}},{"detail":{"userIdentity":{"userName":["Alice"]}}}]}""", true },
        { """{"source":["aws.iam"],"$or":[{"detail":{"eventName":["CreateUser"]}},{"detail":{"userIdentity":{"userName":["Bob"]}}}]}""", false },
        { """{"detail":{"$or":[{"eventName":["CreateUser"]},{"requestParameters":{"count":[{"numeric":["<",10]}]}}]}}""", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_OnEnvelopedEvent_FollowsEventBridgeSemantics(string pattern, bool expected)
    {
        var (compiled, error) = EventPattern.Parse(pattern);
        error.ShouldBeNull();
        using var document = JsonDocument.Parse(Event);
        compiled!.Matches(document.RootElement).ShouldBe(expected);
        compiled.Matches(Encoding.UTF8.GetBytes(Event)).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_HeaderAndDetailApart_AgreesWithTheWholeEvent(string pattern, bool expected)
    {
        var (compiled, _) = EventPattern.Parse(pattern);
        using var document = JsonDocument.Parse(Event);
        var detail = document.RootElement.GetProperty("detail");
        var header = CloudTrailEnvelope.WriteHeader(detail, Encoding.UTF8.GetBytes(detail.GetRawText()), "111122223333", "us-east-1");
        using var headerDocument = JsonDocument.Parse(header);
        compiled!.Matches(headerDocument.RootElement, detail).ShouldBe(expected);
    }

    [Fact]
    public void WriteHeader_FromARecord_HasEventBridgesMembers()
    {
        const string Record = """{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"PutBucketPolicy","eventTime":"2026-12-02T10:11:12.345Z","awsRegion":"eu-west-1","recipientAccountId":"444455556666","eventType":"AwsApiCall","eventID":"0a7e8feb-b491-4cf7-a9f1-bf3703467718"}""";
        using var record = JsonDocument.Parse(Record);
        var bytes = Encoding.UTF8.GetBytes(Record);
        using var header = JsonDocument.Parse(CloudTrailEnvelope.WriteHeader(record.RootElement, bytes, "111122223333", "us-east-1"));
        Encoding.UTF8.GetString(CloudTrailEnvelope.WriteEvent(header.RootElement, bytes)).ShouldBe(
            """{"version":"0","id":"0a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"AWS API Call via CloudTrail","source":"aws.s3","account":"444455556666","time":"2026-12-02T10:11:12Z","region":"eu-west-1","resources":[],"detail":""" + Record + "}");
    }

    [Fact]
    public void WriteHeader_WithoutEventId_DerivesTheSameIdFromTheSameBytes()
    {
        const string Record = """{"eventSource":"sts.amazonaws.com","eventType":"AwsConsoleSignIn"}""";
        using var record = JsonDocument.Parse(Record);
        var bytes = Encoding.UTF8.GetBytes(Record);
        using var first = JsonDocument.Parse(CloudTrailEnvelope.WriteHeader(record.RootElement, bytes, "111122223333", "us-east-1"));
        using var second = JsonDocument.Parse(CloudTrailEnvelope.WriteHeader(record.RootElement, bytes, "111122223333", "us-east-1"));
        first.RootElement.GetProperty("id").GetString().ShouldBe(second.RootElement.GetProperty("id").GetString());
        Guid.Parse(first.RootElement.GetProperty("id").GetString()!).ShouldNotBe(Guid.Empty);
        first.RootElement.GetProperty("detail-type").GetString().ShouldBe("AWS Console Sign In via CloudTrail");
        first.RootElement.GetProperty("account").GetString().ShouldBe("111122223333");
        first.RootElement.GetProperty("region").GetString().ShouldBe("us-east-1");
        first.RootElement.GetProperty("source").GetString().ShouldBe("aws.sts");
    }
}
