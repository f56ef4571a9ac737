using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;

namespace Contrail.Api.Tests.Trails;

/// <summary>The tag rules of spec §4.10 (<see cref="TrailTags"/>), without a server.</summary>
public sealed class TrailTagsTests
{
    private static (List<TrailTag>? Tags, string? Code) Parse(object body)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(body));
        var error = TrailTags.Parse(document.RootElement, out var tags);
        return (tags, error?.Code);
    }

    private static object List(params object[] tags) => new { TagsList = tags };

    [Fact]
    public void Parse_KeyWithoutValue_ValueIsNull()
    {
        var (tags, code) = Parse(List(new { Key = "team", Value = "sec" }, new { Key = "flag" }));

        code.ShouldBeNull();
        tags.ShouldBe([new TrailTag("team", "sec"), new TrailTag("flag", null)]);
    }

    [Fact]
    public void Parse_NoTagsList_NullAndNoError()
    {
        var (tags, code) = Parse(new { });

        tags.ShouldBeNull();
        code.ShouldBeNull();
    }

    [Fact]
    public void Parse_LimitsCountUnicodeCharacters_NotUtf16Units()
    {
        var emoji = "\U0001F600"; // two UTF-16 units, one character
        Parse(List(new { Key = string.Concat(Enumerable.Repeat(emoji, 128)), Value = string.Concat(Enumerable.Repeat(emoji, 256)) })).Code.ShouldBeNull();
        Parse(List(new { Key = new string('k', 128), Value = new string('v', 256) })).Code.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "v")]
    [InlineData("k", "")]
    [InlineData(null, "v")]
    public void Parse_EmptyOrMissingKeyOrEmptyValue_InvalidTagParameter(string? key, string value) =>
        Parse(List(new Dictionary<string, string?> { ["Key"] = key, ["Value"] = value })).Code.ShouldBe("InvalidTagParameterException");

    [Fact]
    public void Parse_KeyOf129OrValueOf257_InvalidTagParameter()
    {
        Parse(List(new { Key = new string('k', 129), Value = "v" })).Code.ShouldBe("InvalidTagParameterException");
        Parse(List(new { Key = "k", Value = new string('v', 257) })).Code.ShouldBe("InvalidTagParameterException");
    }

    [Fact]
    public void Parse_SameKeyTwice_InvalidTagParameter_EvenWithTheSameValue()
    {
        Parse(List(new { Key = "team", Value = "a" }, new { Key = "team", Value = "b" })).Code.ShouldBe("InvalidTagParameterException");
        Parse(List(new { Key = "team", Value = "a" }, new { Key = "team", Value = "a" })).Code.ShouldBe("InvalidTagParameterException");
    }

    [Fact]
    public void Parse_KeysDifferingInCase_AreDifferentKeys() =>
        Parse(List(new { Key = "Team", Value = "a" }, new { Key = "team", Value = "b" })).Tags!.Count.ShouldBe(2);

    [Fact]
    public void Parse_201Tags_ValidationException_200Accepted()
    {
        Parse(List([.. Enumerable.Range(0, 201).Select(i => (object)new { Key = $"k{i}" })])).Code.ShouldBe("ValidationException");
        Parse(List([.. Enumerable.Range(0, 200).Select(i => (object)new { Key = $"k{i}" })])).Code.ShouldBeNull();
    }

    [Fact]
    public void Parse_WrongJsonTypes_SerializationException()
    {
        Parse(new { TagsList = "team=sec" }).Code.ShouldBe("SerializationException");
        Parse(new { TagsList = new[] { "team" } }).Code.ShouldBe("SerializationException");
        Parse(List(new { Key = 5 })).Code.ShouldBe("SerializationException");
    }

    [Fact]
    public void Add_ExistingKey_ReplacesItsValueInPlace_NewKeysAppended()
    {
        TrailTags.Add([new("a", "1"), new("b", "2")], [new("b", null), new("c", "3")], out var result).ShouldBeNull();

        result.ShouldBe([new TrailTag("a", "1"), new TrailTag("b", null), new TrailTag("c", "3")]);
    }

    [Fact]
    public void Add_UpTo50_Accepted_51_TagsLimitExceeded()
    {
        var current = Enumerable.Range(0, 49).Select(i => new TrailTag($"k{i}", null)).ToList();

        TrailTags.Add(current, [new("k49", null)], out var fifty).ShouldBeNull();
        fifty.Count.ShouldBe(50);
        TrailTags.Add(fifty, [new("k0", "replaced")], out _).ShouldBeNull("replacing a value does not add a tag");
        var error = TrailTags.Add(fifty, [new("k50", null)], out _);
        error!.Code.ShouldBe("TagsLimitExceededException");
        error.Message.ShouldEndWith("Currently, the limit is 50.");
    }

    [Fact]
    public void Remove_ByKey_ValueNotCompared_UnknownKeysIgnored()
    {
        var result = TrailTags.Remove([new("a", "1"), new("b", "2"), new("c", null)], [new("a", "other"), new("c", null), new("zzz", null)]);

        result.ShouldBe([new TrailTag("b", "2")]);
    }
}
