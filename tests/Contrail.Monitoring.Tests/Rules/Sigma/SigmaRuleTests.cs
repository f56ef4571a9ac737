using System.Text;
using System.Text.Json;
using Contrail.Monitoring.Rules.Sigma;

namespace Contrail.Monitoring.Tests.Rules.Sigma;

public sealed class SigmaRuleTests
{
    private const string Record = """
        {"eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","errorCode":null,"readOnly":false,"count":5,
         "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/Alice","sessionContext":{"attributes":{"mfaAuthenticated":"false"}}},
         "resources":[{"ARN":"arn:aws:iam::111122223333:user/bob"},{"ARN":"arn:aws:s3:::bucket"}],"requestParameters":{"userName":"bob*"}}
        """;

    private static SigmaRule Compile(string detection, string condition)
    {
        var json = $$$"""[{"id":"r","title":"t","logsource":{"product":"aws","service":"cloudtrail"},"detection":{{{detection}}},"condition":{{{JsonSerializer.Serialize(condition)}}}}]""";
        return SigmaRuleSet.Load(Encoding.UTF8.GetBytes(json)).ShouldHaveSingleItem();
    }

    private static bool Matches(string detection, string condition = "selection")
    {
        var rule = Compile(detection, condition);
        rule.Unsupported.ShouldBeNull();
        using var document = JsonDocument.Parse(Record);
        return rule.Matches(document.RootElement);
    }

    public static TheoryData<string, string, bool> Cases => new()
    {
        { """{"selection":{"eventName":"createaccesskey"}}""", "selection", true },
        { """{"selection":{"eventName":"CreateAccessKey","eventSource":"s3.amazonaws.com"}}""", "selection", false },
        { """{"selection":{"eventName":["DeleteUser","CreateAccessKey"]}}""", "selection", true },
        { """{"selection":{"eventName":"Create*Key"}}""", "selection", true },
        { """{"selection":{"eventName":"Create?ccessKey"}}""", "selection", true },
        { """{"selection":{"eventName|contains":"ACCESS"}}""", "selection", true },
        { """{"selection":{"eventName|startswith":"Delete"}}""", "selection", false },
        { """{"selection":{"eventName|endswith":"key"}}""", "selection", true },
        { """{"selection":{"eventName|contains|all":["Create","Key"]}}""", "selection", true },
        { """{"selection":{"eventName|contains|all":["Create","User"]}}""", "selection", false },
        { """{"selection":{"userIdentity.arn|re":":user/A.+$"}}""", "selection", true },
        { """{"selection":{"userIdentity.arn|re":":user/a.+$"}}""", "selection", false },
        { """{"selection":{"userIdentity.sessionContext.attributes.mfaAuthenticated":"FALSE"}}""", "selection", true },
        { """{"selection":{"errorCode":null}}""", "selection", true },
        { """{"selection":{"errorMessage":null}}""", "selection", true },
        { """{"selection":{"eventName":null}}""", "selection", false },
        { """{"selection":{"readOnly":false,"count":5}}""", "selection", true },
        { """{"selection":{"resources.ARN|endswith":":bucket"}}""", "selection", true },
        { """{"selection":{"requestParameters.userName":"bob\\*"}}""", "selection", true },
        { """{"selection":{"requestParameters.userName":"bobx\\*"}}""", "selection", false },
        { """{"selection":{"errorCode|exists":false,"eventName|exists":true}}""", "selection", true },
        { """{"selection":[{"eventName":"Nope"},{"eventSource":"iam.amazonaws.com"}]}""", "selection", true },
        { """{"selection":{"eventSource":"iam.amazonaws.com"},"filter":{"userIdentity.type":"Root"}}""", "selection and not filter", true },
        { """{"selection":{"eventSource":"iam.amazonaws.com"},"filter_a":{"userIdentity.type":"Root"},"filter_b":{"eventName":"CreateAccessKey"}}""", "selection and not 1 of filter_*", false },
        { """{"sel_a":{"eventSource":"iam.amazonaws.com"},"sel_b":{"eventName":"CreateAccessKey"}}""", "all of sel_*", true },
        { """{"sel_a":{"eventSource":"s3.amazonaws.com"},"sel_b":{"eventName":"CreateAccessKey"}}""", "all of them", false },
        { """{"sel_a":{"eventSource":"s3.amazonaws.com"},"sel_b":{"eventName":"CreateAccessKey"}}""", "1 of them", true },
        { """{"a":{"eventSource":"s3.amazonaws.com"},"b":{"eventName":"CreateAccessKey"},"c":{"readOnly":true}}""", "(a or b) and not c", true },
        { """{"a":{"eventSource":"s3.amazonaws.com"},"b":{"eventName":"CreateAccessKey"},"c":{"readOnly":false}}""", "a or b and not c", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_FollowsSigmaSemantics(string detection, string condition, bool expected) => Matches(detection, condition).ShouldBe(expected);

    [Theory]
    [InlineData("""{"selection":{"eventName|base64":"x"}}""", "selection", "modifier |base64 on eventName")]
    [InlineData("""{"selection":["keyword"]}""", "selection", "search identifier selection is a keyword list")]
    [InlineData("""{"selection":{"eventName":"x"}}""", "selection | count() > 5", "aggregation in the condition 'selection | count() > 5'")]
    [InlineData("""{"selection":{"eventName":"x"}}""", "other", "unknown search identifier 'other'")]
    [InlineData("""{"selection":{"eventName":"x"}}""", "1 of filter_*", "no search identifier matches 'filter_*'")]
    [InlineData("""{"selection":{"eventName":"x"}}""", "(selection", "an unclosed parenthesis in '(selection'")]
    public void Compile_UnsupportedConstruct_SaysWhich(string detection, string condition, string reason)
    {
        var rule = Compile(detection, condition);
        rule.Supported.ShouldBeFalse();
        rule.Unsupported.ShouldBe(reason);
        using var document = JsonDocument.Parse(Record);
        rule.Matches(document.RootElement).ShouldBeFalse();
    }
}
