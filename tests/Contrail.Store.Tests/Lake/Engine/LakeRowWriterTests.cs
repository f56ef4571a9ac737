using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Contrail.Store.Lake.Schema;
using Contrail.Tests.Support;

namespace Contrail.Store.Tests.Lake.Engine;

public sealed class LakeRowWriterTests
{
    [Fact]
    public void TryWrite_OtrfSample_MatchesGolden()
    {
        var record = SampleRecords.Read(SampleRecords.Files().Single(f => f.Contains("otrf", StringComparison.Ordinal)))[0];
        var row = Row(SampleRecords.Compact(record));
        AssertGolden("otrf-first-row.json", row);
    }

    [Fact]
    public void TryWrite_RecordWithResources_MatchesGolden()
    {
        var record = SampleRecords.Files().SelectMany(SampleRecords.Read)
            .First(r => r.TryGetProperty("resources", out var resources) && resources.GetArrayLength() > 0);
        AssertGolden("resources-row.json", Row(SampleRecords.Compact(record)));
    }

    [Fact]
    public void TryWrite_MixedCaseAndNested_LowerCasesNamesAndKeepsNestedJsonAsText()
    {
        var row = JsonDocument.Parse(Row("""{"eventID":"e1","EventTime":"2023-01-22T10:11:12Z","requestParameters":{"bucketName":"b","n":5,"tags":[{"k":1}],"none":null},"userIdentity":{"Type":"IAMUser","SESSIONCONTEXT":{"attributes":{"creationDate":"20131102T010628Z"}}},"readOnly":"true","unknown":1}"""u8.ToArray())).RootElement;
        row.GetProperty("eventtime").GetString().ShouldBe("2023-01-22 10:11:12.000000");
        var parameters = row.GetProperty("requestparameters");
        parameters.GetProperty("bucketName").GetString().ShouldBe("b");
        parameters.GetProperty("n").GetString().ShouldBe("5");
        parameters.GetProperty("tags").GetString().ShouldBe("""[{"k":1}]""");
        parameters.GetProperty("none").ValueKind.ShouldBe(JsonValueKind.Null);
        row.GetProperty("useridentity").GetProperty("type").GetString().ShouldBe("IAMUser");
        row.GetProperty("useridentity").GetProperty("sessioncontext").GetProperty("attributes").GetProperty("creationdate").GetString().ShouldBe("2013-11-02 01:06:28.000000");
        row.GetProperty("readonly").GetBoolean().ShouldBeTrue();
        row.TryGetProperty("unknown", out _).ShouldBeFalse();
        row.GetProperty("eventjson").GetString()!.ShouldContain("\"unknown\":1");
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"eventName\":\"NoId\"}")]
    [InlineData("{\"eventID\":5}")]
    public void TryWrite_NotARecordWithAnId_WritesNothing(string json)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            LakeRowWriter.TryWrite(writer, Encoding.UTF8.GetBytes(json), out var id).ShouldBeFalse();
            id.ShouldBeNull();
        }

        buffer.WrittenCount.ShouldBe(0);
    }

    private static string Row(byte[] record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            LakeRowWriter.TryWrite(writer, record, out _).ShouldBeTrue();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Lake", "Golden", name);
        var expected = File.Exists(path) ? File.ReadAllText(path) : "";
        if (expected != actual)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), name), actual);
        }

        actual.ShouldBe(expected, $"the row format changed; the new row is in {Path.Combine(Path.GetTempPath(), name)}; update docs/dev/lake-engine.md and the golden file together");
    }
}
