using System.Text;
using System.Text.Json;
using Contrail.Monitoring.FilterPatterns;

namespace Contrail.Monitoring.Tests.FilterPatterns;

/// <summary>Evaluation of each operator and edge case, on small records.</summary>
public sealed class FilterPatternMatchTests
{
    // The JSON example of [CWL] "JSON Metric Filter Examples".
    private const string DocumentedEvent = """
        {
          "eventType": "UpdateTrail",
          "sourceIPAddress": "111.111.111.111",
          "arrayKey": ["value", "another value"],
          "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}],
          "SomeObject": null,
          "ThisFlag": true
        }
        """;

    // The JSON example of [CWL] "JSON Compound Conditions" (spec §8.1 examples).
    private const string CompoundEvent = """
        {
          "user": {"id": 1, "email": "John.Stiles@example.com"},
          "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}],
          "actions": ["GET", "PUT", "DELETE"],
          "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]
        }
        """;

    private const string Kinds = """
        {"s":"text","empty":"","n":5,"f":2.5,"t":true,"no":false,"z":null,"o":{"k":"v"},"a":[1,"two",null],"ns":"5","ws":" 5","big":1e400}
        """;

    [Theory]
    [InlineData("""{ $.eventType = "UpdateTrail" }""")]
    [InlineData("""{ $.sourceIPAddress != 123.123.* }""")]
    [InlineData("""{ $.arrayKey[0] = "value" }""")]
    [InlineData("""{ $.objectList[1].id = 2 }""")]
    [InlineData("""{ $.SomeObject IS NULL }""")]
    [InlineData("""{ $.SomeOtherObject NOT EXISTS }""")]
    [InlineData("""{ $.ThisFlag IS TRUE }""")]
    public void Matches_DocumentedExamples_Match(string pattern) => Matches(pattern, DocumentedEvent).ShouldBeTrue();

    [Theory]
    [InlineData("""{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }""", true)]
    [InlineData("""{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }""", false)]
    [InlineData("""{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }""", true)]
    [InlineData("""{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }""", false)]
    [InlineData("""{ $.coordinates[2][0] = 7 && $.users[1].id >= 3 }""", true)]
    public void Matches_DocumentedCompoundExamples_FollowPrecedence(string pattern, bool expected) =>
        Matches(pattern, CompoundEvent).ShouldBe(expected);

    // Spec §8.1 / [CWL]: a selector that reaches an array or object matches neither = nor !=.
    [Theory]
    [InlineData("""{ $.users = 1 }""")]
    [InlineData("""{ $.users != 1 }""")]
    [InlineData("""{ $.user = * }""")]
    [InlineData("""{ $.user != "x" }""")]
    [InlineData("""{ $.users = %.% }""")]
    public void Matches_SelectorOnArrayOrObject_NeverMatches(string pattern) => Matches(pattern, CompoundEvent).ShouldBeFalse();

    [Theory]
    // = and != on each kind of field: only strings and numbers take part.
    [InlineData("$.s = text", true)]
    [InlineData("$.s != text", false)]
    [InlineData("$.s != other", true)]
    [InlineData("$.missing != other", false)]
    [InlineData("$.z != other", false)]
    [InlineData("$.t != other", false)]
    [InlineData("$.t = true", false)]
    [InlineData("$.z = null", false)]
    [InlineData("$.o != other", false)]
    [InlineData("$.a != other", false)]
    // = * is "there, and a string or a number"; != * never holds.
    [InlineData("$.s = *", true)]
    [InlineData("$.empty = *", true)]
    [InlineData("$.n = *", true)]
    [InlineData("$.s = \"*\"", true)]
    [InlineData("$.s = **", true)]
    [InlineData("$.missing = *", false)]
    [InlineData("$.z = *", false)]
    [InlineData("$.t = *", false)]
    [InlineData("$.o = *", false)]
    [InlineData("$.a = *", false)]
    [InlineData("$.s != *", false)]
    [InlineData("$.missing != *", false)]
    // Postfix tests.
    [InlineData("$.z IS NULL", true)]
    [InlineData("$.missing IS NULL", false)]
    [InlineData("$.empty IS NULL", false)]
    [InlineData("$.t IS TRUE", true)]
    [InlineData("$.no IS FALSE", true)]
    [InlineData("$.no IS TRUE", false)]
    [InlineData("$.s IS TRUE", false)]
    [InlineData("$.missing NOT EXISTS", true)]
    [InlineData("$.z NOT EXISTS", false)]
    [InlineData("$.empty NOT EXISTS", false)]
    [InlineData("$.o NOT EXISTS", false)]
    [InlineData("$.o.k NOT EXISTS", false)]
    [InlineData("$.o.other NOT EXISTS", true)]
    [InlineData("$.s.deeper NOT EXISTS", true)]
    [InlineData("$.a[2] IS NULL", true)]
    [InlineData("$.a[3] NOT EXISTS", true)]
    [InlineData("$.o[0] NOT EXISTS", true)]
    [InlineData("$.a.k NOT EXISTS", true)]
    // Array indexing.
    [InlineData("$.a[0] = 1", true)]
    [InlineData("$.a[1] = two", true)]
    [InlineData("$.a[1] = 1", false)]
    [InlineData("$.a[5] != 1", false)]
    // Numbers: all six operators, as doubles.
    [InlineData("$.n = 5", true)]
    [InlineData("$.n = 5.0", true)]
    [InlineData("$.n = 0.5e1", true)]
    [InlineData("$.n = +5", true)]
    [InlineData("$.n != 5", false)]
    [InlineData("$.n != 6", true)]
    [InlineData("$.n < 6", true)]
    [InlineData("$.n < 5", false)]
    [InlineData("$.n <= 5", true)]
    [InlineData("$.n > 4.99", true)]
    [InlineData("$.n > 5", false)]
    [InlineData("$.n >= 5", true)]
    [InlineData("$.f < 10e-3", false)]
    [InlineData("$.f > -1e3", true)]
    [InlineData("$.big > 1e308", true)]
    [InlineData("$.big = 1e999", true)]
    [InlineData("$.missing < 1", false)]
    [InlineData("$.t < 1", false)]
    // A number against a string field: compared as a number when the whole string is one.
    [InlineData("$.ns = 5", true)]
    [InlineData("$.ns = 5.0", true)]
    [InlineData("$.ns >= 5", true)]
    [InlineData("$.ns != 5", false)]
    [InlineData("$.ws = 5", false)]
    [InlineData("$.ws != 5", false)]
    [InlineData("$.s != 5", false)]
    [InlineData("$.s < 5", false)]
    // A string against a number field: compared with the number as written.
    [InlineData("$.n = \"5\"", true)]
    [InlineData("$.f = \"2.5\"", true)]
    [InlineData("$.f = 2*", true)]
    [InlineData("$.f = *.5", true)]
    [InlineData("$.n = \"5.0\"", false)]
    [InlineData("$.n != \"5.0\"", true)]
    // Regexes search the text, strings and numbers alike.
    [InlineData("$.s = %ex%", true)]
    [InlineData("$.s = %^ex%", false)]
    [InlineData("$.s = %^te.t$%", true)]
    [InlineData("$.s != %^te.t$%", false)]
    [InlineData("$.f = %^2\\.5$%", true)]
    [InlineData("$.n = %[0-9]%", true)]
    [InlineData("$.z = %.*%", false)]
    [InlineData("$.missing != %x%", false)]
    public void Matches_OperatorOnFieldKind_FollowsTheDocumentedSemantics(string expression, bool expected) =>
        Matches("{ " + expression + " }", Kinds).ShouldBe(expected);

    [Theory]
    [InlineData("AccessDenied*", "AccessDenied", true)]
    [InlineData("AccessDenied*", "AccessDeniedException", true)]
    [InlineData("AccessDenied*", "XAccessDenied", false)]
    [InlineData("*UnauthorizedOperation", "Client.UnauthorizedOperation", true)]
    [InlineData("*UnauthorizedOperation", "UnauthorizedOperationX", false)]
    [InlineData("Ev*ent", "EvXent", true)]
    [InlineData("Ev*ent", "Event", true)]
    [InlineData("Ev*ent", "Evnt", false)]
    [InlineData("ab*ba", "aba", false)]
    [InlineData("ab*ba", "abba", true)]
    [InlineData("*a*b*c*", "xaxbxcx", true)]
    [InlineData("*a*b*c*", "cba", false)]
    [InlineData("123.123.*", "123.123.4.5", true)]
    [InlineData("123.123.*", "123.124.4.5", false)]
    [InlineData("é*", "été", true)]
    [InlineData("*ConsoleLogin", "consolelogin", false)]
    [InlineData("ConsoleLogin", "ConsoleLogin ", false)]
    public void Matches_Wildcard_PrefixSuffixAndInfix(string value, string field, bool expected)
    {
        var record = JsonSerializer.Serialize(new Dictionary<string, string> { ["f"] = field });

        Matches($$"""{ $.f = "{{value}}" }""", record).ShouldBe(expected);
        Matches($$"""{ $.f != "{{value}}" }""", record).ShouldBe(!expected);
    }

    [Fact]
    public void Matches_UnquotedAndQuotedValues_AreEqual()
    {
        const string record = """{"eventSource":"kms.amazonaws.com","eventName":"DeleteGroupPolicy"}""";

        Matches("{$.eventSource=kms.amazonaws.com && $.eventName=DeleteGroupPolicy}", record).ShouldBeTrue();
        Matches("""{$.eventSource="kms.amazonaws.com" && $.eventName="DeleteGroupPolicy"}""", record).ShouldBeTrue();
    }

    [Fact]
    public void Matches_CaseSensitive_ForValuesAndNames()
    {
        const string record = """{"eventName":"ConsoleLogin"}""";

        Matches("{ $.eventName = ConsoleLogin }", record).ShouldBeTrue();
        Matches("{ $.eventName = consolelogin }", record).ShouldBeFalse();
        Matches("{ $.EventName = ConsoleLogin }", record).ShouldBeFalse();
    }

    [Fact]
    public void Matches_EscapedNamesAndValues_CompareUnescaped()
    {
        const string record = """{"event\u004eame":"Console\u004cogin","q":"say \"hi\"","p":"a\/b","u":"\u00e9t\u00e9"}""";

        Matches("{ $.eventName = ConsoleLogin }", record).ShouldBeTrue();
        Matches("""{ $.q = "say \"hi\"" }""", record).ShouldBeTrue();
        Matches("{ $.p = a/b }", record).ShouldBeTrue();
        Matches("{ $.u = été && $.u = %^.t.$% }", record).ShouldBeTrue();
    }

    [Fact]
    public void Matches_DuplicateProperty_FirstOccurrenceCounts()
    {
        const string record = """{"a":"first","b":{"c":1,"c":2},"a":"second"}""";

        Matches("{ $.a = first }", record).ShouldBeTrue();
        Matches("{ $.a = second }", record).ShouldBeFalse();
        Matches("{ $.b.c = 1 }", record).ShouldBeTrue();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("\"eventName\"")]
    [InlineData("{\"eventName\":")]
    [InlineData("{\"eventName\" \"x\"}")]
    public void Matches_NotAJsonObject_MatchesNoJsonPattern(string record)
    {
        Matches("{ $.missing NOT EXISTS }", record).ShouldBeFalse();
        FilterPattern.Parse("").Pattern!.Matches(Encoding.UTF8.GetBytes(record)).ShouldBeTrue();
    }

    [Fact]
    public void Matches_InvalidEscapeInAString_MatchesNothing() =>
        Matches("{ $.a = x }", """{"a":"\ud800"}""").ShouldBeFalse();

    [Fact]
    public void Matches_MalformedAfterTheLastSelectedField_IsNotRead() =>
        // The scan stops once every top-level field the pattern names has been read.
        Matches("{ $.eventName = ConsoleLogin }", """{"eventName":"ConsoleLogin", oops""").ShouldBeTrue();

    [Theory]
    [InlineData(200, true)]
    [InlineData(300, false)]
    public void Matches_DeepRecord_IsReadUpTo256Levels(int depth, bool expected)
    {
        var deep = new string('[', depth) + new string(']', depth);

        Matches("{ $.eventName = x }", $$"""{"requestParameters":{{deep}},"eventName":"x"}""").ShouldBe(expected);
    }

    [Fact]
    public void Matches_ManySelectors_UsesMoreSlotsThanTheStackHolds()
    {
        var fields = Enumerable.Range(0, 50).ToArray();
        var record = "{" + string.Join(",", fields.Select(i => $"\"f{i}\":{{\"v\":{i}}}")) + "}";
        var pattern = "{ " + string.Join(" && ", fields.Select(i => $"$.f{i}.v = {i}")) + " }";

        Matches(pattern, record).ShouldBeTrue();
        Matches(pattern.Replace("$.f49.v = 49", "$.f49.v = 48", StringComparison.Ordinal), record).ShouldBeFalse();
    }

    [Fact]
    public void Matches_LongStringAgainstRegex_SearchesAllOfIt()
    {
        var record = JsonSerializer.Serialize(new Dictionary<string, string> { ["m"] = new string('x', 10_000) + "needle" });

        Matches("{ $.m = %needle$% }", record).ShouldBeTrue();
    }

    [Fact]
    public void Matches_SamePatternFromManyThreads_GivesTheSameAnswers()
    {
        var pattern = FilterPattern.Parse("""{ ($.a = "x*") && ($.n > 3) }""").Pattern!;
        var records = Enumerable.Range(0, 1000).Select(i => Encoding.UTF8.GetBytes($$"""{"a":"{{(i % 2 == 0 ? "xy" : "yx")}}","n":{{i % 7}}}""")).ToArray();
        var expected = records.Select(r => pattern.Matches(r)).ToArray();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < records.Length; i++)
            {
                pattern.Matches(records[i]).ShouldBe(expected[i]);
            }
        });
        expected.Count(m => m).ShouldBe(Enumerable.Range(0, 1000).Count(i => i % 2 == 0 && i % 7 > 3));
    }

    [Fact]
    public void Matches_CisPatternsOnCompactRecords_AllocateNothing()
    {
        var patterns = CisPack.Filters.Select(f => FilterPattern.Parse(f.Pattern).Pattern!).ToArray();
        var records = new[]
        {
            """{"eventVersion":"1.08","userIdentity":{"type":"Root","arn":"arn:aws:iam::123456789012:root"},"eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","errorMessage":"Failed authentication","additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Failure"}}"""u8.ToArray(),
            """{"eventVersion":"1.08","userIdentity":{"type":"IAMUser"},"eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","errorCode":"Client.UnauthorizedOperation","sourceIPAddress":"1.2.3.4","eventType":"AwsApiCall"}"""u8.ToArray(),
        };
        var matches = 0;
        foreach (var pattern in patterns)
        {
            foreach (var record in records)
            {
                matches += pattern.Matches(record) ? 1 : 0;
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var pattern in patterns)
            {
                foreach (var record in records)
                {
                    matches += pattern.Matches(record) ? 1 : 0;
                }
            }
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        // 2b and 6 on the first (not 3: it has no eventType, and != on a missing field is false); 1 and 1b on the second.
        matches.ShouldBe(101 * 4);
    }

    /// <summary>Parses <paramref name="pattern"/> and matches <paramref name="record"/>; bytes and JsonElement must agree.</summary>
    private static bool Matches(string pattern, string record)
    {
        var (compiled, error) = FilterPattern.Parse(pattern);
        error.ShouldBeNull();
        var fromBytes = compiled!.Matches(Encoding.UTF8.GetBytes(record));
        try
        {
            using var document = JsonDocument.Parse(record);
            compiled.Matches(document.RootElement).ShouldBe(fromBytes);
        }
        catch (JsonException)
        {
            // Not JSON: only the bytes overload applies.
        }

        return fromBytes;
    }
}
