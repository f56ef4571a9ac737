using Contrail.Monitoring.FilterPatterns;

namespace Contrail.Monitoring.Tests.FilterPatterns;

/// <summary>
/// Golden parse tests: each valid pattern's grouping, printed back (every &amp;&amp;/|| group in
/// parentheses, strings quoted), and each invalid pattern's exact error.
/// </summary>
public sealed class PatternParserTests
{
    [Theory]
    // The examples of spec §8.1 and [CWL].
    [InlineData("""{ $.eventType = "UpdateTrail" }""", """$.eventType = "UpdateTrail" """)]
    [InlineData("""{$.eventName=CreateTrail}""", """$.eventName = "CreateTrail" """)]
    [InlineData("""{ ($.eventName = "CreateTrail") }""", """$.eventName = "CreateTrail" """)]
    [InlineData("""{ $.sourceIPAddress != 123.123.* }""", """$.sourceIPAddress != "123.123.*" """)]
    [InlineData("""{ $.eventSource=kms.amazonaws.com }""", """$.eventSource = "kms.amazonaws.com" """)]
    [InlineData("""{ $.arrayKey[0] = "value" }""", """$.arrayKey[0] = "value" """)]
    [InlineData("""{ $.objectList[1].id = 2 }""", """$.objectList[1].id = 2 """)]
    [InlineData("""{ $.coordinates[0][1] = nonmatch }""", """$.coordinates[0][1] = "nonmatch" """)]
    [InlineData("""{ $.SomeObject IS NULL }""", """$.SomeObject IS NULL """)]
    [InlineData("""{ $.SomeOtherObject NOT EXISTS }""", """$.SomeOtherObject NOT EXISTS """)]
    [InlineData("""{ $.ThisFlag IS TRUE }""", """$.ThisFlag IS TRUE """)]
    [InlineData("""{ $.ThisFlag IS FALSE }""", """$.ThisFlag IS FALSE """)]
    [InlineData("""{ $.latency >= 500 }""", """$.latency >= 500 """)]
    [InlineData("""{ $.numbers[0] < 10e3 }""", """$.numbers[0] < 10e3 """)]
    [InlineData("""{ $.numbers[0] < 10e-3 }""", """$.numbers[0] < 10e-3 """)]
    [InlineData("""{ $.processes[4].averageRuntime <= 55.5 }""", """$.processes[4].averageRuntime <= 55.5 """)]
    [InlineData("""{ $.errorCode != 500 }""", """$.errorCode != 500 """)]
    [InlineData("""{ $.latency > +1000 }""", """$.latency > +1000 """)]
    [InlineData("""{ $.number[0] = 1e-3 }""", """$.number[0] = 1e-3 """)]
    [InlineData("""{ $.number[0] != 1e+3 }""", """$.number[0] != 1e+3 """)]
    [InlineData("""{ $.latency = * }""", """$.latency = "*" """)]
    [InlineData("""{ $.message = %bind: address already in use% }""", """$.message = %bind: address already in use% """)]
    // Precedence: () > && > ||.
    [InlineData("""{ $.a = 1 || $.b = 2 && $.c = 3 }""", """($.a = 1 || ($.b = 2 && $.c = 3)) """)]
    [InlineData("""{ ($.a = 1 || $.b = 2) && $.c = 3 }""", """(($.a = 1 || $.b = 2) && $.c = 3) """)]
    [InlineData("""{ $.a = 1 && $.b = 2 && $.c = 3 || $.d = 4 }""", """(($.a = 1 && $.b = 2 && $.c = 3) || $.d = 4) """)]
    [InlineData("""{ ((($.a = 1))) }""", """$.a = 1 """)]
    // Values: escapes, bare tokens, numbers and not-quite-numbers.
    [InlineData("""{ $.a = "say \"hi\" \\ there" }""", """$.a = "say \"hi\" \\ there" """)]
    [InlineData("""{ $.a = "" }""", """$.a = "" """)]
    [InlineData("""{ $.a = "400" }""", """$.a = "400" """)]
    [InlineData("""{ $.a = x&y }""", """$.a = "x&y" """)]
    [InlineData("""{ $.a = -5 }""", """$.a = -5 """)]
    [InlineData("""{ $.a = 1E5 }""", """$.a = 1E5 """)]
    [InlineData("""{ $.a = 5. }""", """$.a = "5." """)]
    [InlineData("""{ $.a = .5 }""", """$.a = ".5" """)]
    [InlineData("""{ $.a = 0x1F }""", """$.a = "0x1F" """)]
    [InlineData("""{ $.user-name_1.x = é* }""", """$.user-name_1.x = "é*" """)]
    // Whitespace is optional between tokens and may be any ASCII whitespace.
    [InlineData("\t{\n$.a\t=\tb\r\n}\n", """$.a = "b" """)]
    [InlineData("""{$.a IS NULL&&$.b NOT EXISTS||($.c<=-1)}""", """(($.a IS NULL && $.b NOT EXISTS) || $.c <= -1) """)]
    [InlineData("""{ $.a NOT    EXISTS }""", """$.a NOT EXISTS """)]
    public void Parse_ValidPattern_GroupsAsCloudWatchDoes(string text, string expected)
    {
        var (pattern, error) = FilterPattern.Parse(text);

        error.ShouldBeNull();
        pattern.ShouldNotBeNull();
        pattern.Syntax.ToString().ShouldBe(expected.TrimEnd());
        pattern.MatchesEverything.ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \" \" ")]
    [InlineData("\"\"")]
    public void Parse_EmptyOrBlankPhrase_MatchesEverything(string text)
    {
        var (pattern, error) = FilterPattern.Parse(text);

        error.ShouldBeNull();
        pattern.ShouldNotBeNull();
        pattern.MatchesEverything.ShouldBeTrue();
    }

    [Fact]
    public void Parse_QuotedEscapes_UnescapeOnlyQuoteAndBackslash()
    {
        var value = Value("""{ $.a = "C:\temp \"x\" \\y" }""");

        value.Kind.ShouldBe(PatternValueKind.Text);
        value.Text.ShouldBe("""C:\temp "x" \y""");
    }

    [Theory]
    [InlineData("""{ $.a = 404 }""", "Number", "404")]
    [InlineData("""{ $.a = "404" }""", "Text", "404")]
    [InlineData("""{ $.a = 4* }""", "Text", "4*")]
    [InlineData("""{ $.a = %4.4% }""", "Regex", "4.4")]
    public void Parse_Value_KindFollowsTheToken(string text, string kind, string valueText)
    {
        var value = Value(text);

        value.Kind.ToString().ShouldBe(kind);
        value.Text.ShouldBe(valueText);
    }

    [Theory]
    [InlineData("ERROR", "expected '{' at 0")]
    [InlineData("  ?ERROR ?WARN", "expected '{' at 2")]
    [InlineData("[ip, user, status_code = 4*]", "expected '{' at 0")]
    [InlineData("\" x \"", "expected '{' at 0")]
    [InlineData("{", "expected a selector or '(' at 1")]
    [InlineData("{}", "expected a selector or '(' at 1")]
    [InlineData("{ }", "expected a selector or '(' at 2")]
    [InlineData("{ eventName = x }", "expected a selector or '(' at 2")]
    [InlineData("{ $.eventName }", "expected a comparison operator, IS or NOT EXISTS at 14")]
    [InlineData("{ $.a EXISTS }", "expected a comparison operator, IS or NOT EXISTS at 6")]
    [InlineData("{ $.a@b = 1 }", "expected a comparison operator, IS or NOT EXISTS at 5")]
    [InlineData("{ $.a ISNULL }", "expected a comparison operator, IS or NOT EXISTS at 6")]
    [InlineData("{ $.a = }", "expected a value at 8")]
    [InlineData("{ $.a =", "expected a value at 7")]
    [InlineData("{ $.a == 1 }", "expected a value at 7")]
    [InlineData("{ $.a =< 1 }", "expected a value at 7")]
    [InlineData("{ $.a = (b) }", "expected a value at 8")]
    [InlineData("{ $.a = b", "expected '&&', '||' or '}' at 9")]
    [InlineData("{ $.a = b c }", "expected '&&', '||' or '}' at 10")]
    [InlineData("{ $.a = 1 & $.b = 2 }", "expected '&&', '||' or '}' at 10")]
    [InlineData("{ $.a = \"b }", "expected '\"' at 12")]
    [InlineData("{ $.a = \"b\\\" }", "expected '\"' at 14")]
    [InlineData("{ $ = 1 }", "expected '.' or '[' at 3")]
    [InlineData("{ $. = 1 }", "expected a property name at 4")]
    [InlineData("{ $.a. = 1 }", "expected a property name at 6")]
    [InlineData("{ $.a[] = 1 }", "expected an array index at 6")]
    [InlineData("{ $.a[x] = 1 }", "expected an array index at 6")]
    [InlineData("{ $.a[-1] = 1 }", "expected an array index at 6")]
    [InlineData("{ $.a[1 = 1 }", "expected ']' at 7")]
    [InlineData("{ $.a[99999999999] = 1 }", "expected an array index of at most 2147483647 at 6")]
    [InlineData("{ $.a < abc }", "expected a number at 8")]
    [InlineData("{ $.a >= \"5\" }", "expected a number at 9")]
    [InlineData("{ $.a > * }", "expected a number at 8")]
    [InlineData("{ $.a <= %5% }", "expected a number at 9")]
    [InlineData("{ $.a IS NOT NULL }", "expected NULL, TRUE or FALSE at 9")]
    [InlineData("{ $.a IS null }", "expected NULL, TRUE or FALSE at 9")]
    [InlineData("{ $.a IS }", "expected NULL, TRUE or FALSE at 9")]
    [InlineData("{ $.a NOT NULL }", "expected EXISTS at 10")]
    [InlineData("{ $.a not exists }", "expected a comparison operator, IS or NOT EXISTS at 6")]
    [InlineData("{ $.a IS NULLS }", "expected NULL, TRUE or FALSE at 9")]
    [InlineData("{ ($.a = 1 }", "expected '&&', '||' or ')' at 11")]
    [InlineData("{ $.a = 1) }", "expected '&&', '||' or '}' at 9")]
    [InlineData("{ $.a = 1 } x", "expected the end of the pattern at 12")]
    [InlineData("{ $.a = 1 }}", "expected the end of the pattern at 11")]
    [InlineData("{ $.a = 1 && }", "expected a selector or '(' at 13")]
    [InlineData("{ $.a = 1 || || $.b = 2 }", "expected a selector or '(' at 13")]
    [InlineData("{ && $.a = 1 }", "expected a selector or '(' at 2")]
    [InlineData("{ () }", "expected a selector or '(' at 3")]
    [InlineData("{ $.a = %% }", "expected a regular expression at 9")]
    [InlineData("{ $.a = %abc }", "expected '%' at 14")]
    [InlineData("{ $.a = %ab(c)% }", "expected a letter, a digit, a space, one of _#=@/;,-: or a regex operator ^$?[]{}|\\*+. at 11")]
    [InlineData("{ $.a = %été% }", "expected a letter, a digit, a space, one of _#=@/;,-: or a regex operator ^$?[]{}|\\*+. at 9")]
    [InlineData("{ $.a = %[a-% }", "expected a valid regular expression (UnterminatedBracket) at 12")]
    [InlineData("{ $.a = %a{2,1}% }", "expected a valid regular expression (ReversedQuantifierRange) at 15")]
    [InlineData("{ $.a = %a% || $.b = %b% || $.c = %c% }", "expected at most 2 regular expressions in a pattern at 34")]
    public void Parse_InvalidPattern_ReturnsPositionAndWhatWasExpected(string text, string message)
    {
        var (pattern, error) = FilterPattern.Parse(text);

        pattern.ShouldBeNull();
        error.ShouldNotBeNull();
        error.Message.ShouldBe(message);
        error.ToString().ShouldBe(message);
        error.Position.ShouldBeInRange(0, text.Length);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_Parses()
    {
        var text = "{" + new string('(', 100) + "$.a = 1" + new string(')', 100) + "}";

        FilterPattern.Parse(text).Pattern.ShouldNotBeNull();
    }

    [Fact]
    public void Parse_NestingPastTheLimit_IsAnErrorNotAStackOverflow()
    {
        var text = "{" + new string('(', 100_000) + "$.a = 1" + new string(')', 100_000) + "}";

        FilterPattern.Parse(text).Error!.Message.ShouldBe("expected at most 100 nested parentheses at 101");
    }

    [Fact]
    public void Parse_LongFlatChain_ParsesWithoutDeepRecursion()
    {
        var text = "{" + string.Join(" || ", Enumerable.Range(0, 20_000).Select(i => $"$.a = {i}")) + "}";

        var pattern = FilterPattern.Parse(text).Pattern.ShouldNotBeNull();
        pattern.Matches("""{"a":19999}"""u8).ShouldBeTrue();
    }

    [Fact]
    public void Parse_Null_Throws() => Should.Throw<ArgumentNullException>(() => FilterPattern.Parse(null!));

    private static PatternValue Value(string text) =>
        FilterPattern.Parse(text).Pattern.ShouldNotBeNull().Syntax.ShouldBeOfType<ComparisonNode>().Value;
}
