using Contrail.Monitoring.Rules.EventPatterns;

namespace Contrail.Monitoring.Tests.Rules.EventPatterns;

public sealed class EventPatternErrorTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "[]", "Filter is not an object" },
        { """{"source":"aws.iam"}""", "\"source\" must be an object or an array" },
        { """{"source":[]}""", "Empty arrays are not allowed" },
        { """{"source":[["a"]]}""", "Match value must be String, number, true, false, or null" },
        { """{"source":[{}]}""", "Match expression name not found" },
        { """{"source":[{"regex":"a.*"}]}""", "Unrecognized match type regex" },
        { """{"source":[{"prefix":1}]}""", "prefix match pattern must be a string" },
        { """{"source":[{"suffix":{"wildcard":"a"}}]}""", "Unsupported suffix pattern: wildcard" },
        { """{"source":[{"prefix":"a","suffix":"b"}]}""", "Only one key allowed in match expression" },
        { """{"source":[{"exists":"yes"}]}""", "exists match pattern must be either true or false." },
        { """{"source":[{"numeric":5}]}""", "Value of numeric must be an array." },
        { """{"source":[{"numeric":[]}]}""", "Invalid member in numeric match: ]" },
        { """{"source":[{"numeric":["!=",5]}]}""", "Unrecognized numeric range operator: !=" },
        { """{"source":[{"numeric":[">","5"]}]}""", "Value of > must be numeric" },
        { """{"source":[{"numeric":["=",5,"<",6]}]}""", "Too many elements in numeric expression" },
        { """{"source":[{"numeric":[">",5,">",6]}]}""", "Bad numeric range operator: >" },
        { """{"source":[{"numeric":[">",6,"<",5]}]}""", "Bottom must be less than top" },
        { """{"source":[{"anything-but":true}]}""", "Value of anything-but must be an array or single string/number value." },
        { """{"source":[{"anything-but":["a",1]}]}""", "Inside anything but list, either all values are number or string, mixed type is not supported" },
        { """{"source":[{"anything-but":[null]}]}""", "Inside anything but list, start|null|boolean is not supported." },
        { """{"source":[{"anything-but":{"numeric":[">",1]}}]}""", "Unsupported anything-but pattern: numeric" },
        { """{"source":[{"anything-but":{"prefix":""}}]}""", "Null prefix/suffix not allowed" },
        { """{"source":[{"wildcard":"a**b"}]}""", "Consecutive wildcard characters at pos 2" },
        { """{"source":[{"wildcard":"a\\b"}]}""", "Invalid escape character at pos 2" },
        { """{"source":[{"cidr":"10.0.0.0"}]}""", "Malformed CIDR, one '/' required" },
        { """{"source":[{"cidr":"10.0.0.0/x"}]}""", "Malformed CIDR, mask bits must be an integer" },
        { """{"source":[{"cidr":"10.0.0.0/33"}]}""", "IPv4 mask bits must be < 32" },
        { """{"source":[{"cidr":"banana/8"}]}""", "Nonstandard IP address: banana" },
        { """{"$or":[{"source":["a"]}]}""", "\"$or\" must be an array of at least two objects" },
        { "{}", "Empty objects are not allowed" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Parse_InvalidPattern_ReturnsEventBridgesReason(string pattern, string reason)
    {
        var (compiled, error) = EventPattern.Parse(pattern);
        compiled.ShouldBeNull();
        error.ShouldNotBeNull();
        error.Reason.ShouldBe(reason);
        error.Message.ShouldBe("Event pattern is not valid. Reason: " + reason);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"a":[1,]}""")]
    [InlineData("")]
    public void Parse_MalformedJson_IsAnErrorValue(string pattern)
    {
        var (compiled, error) = EventPattern.Parse(pattern);
        compiled.ShouldBeNull();
        error!.Reason.ShouldStartWith("Malformed JSON at line 1");
    }
}
