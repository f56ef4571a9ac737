using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Objects;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Tests.S3Read;

/// <summary>
/// boto3's S3 client (path-style, the server's root credentials) reading the embedded object store
/// through Contrail's endpoint: what <c>aws cloudtrail validate-logs</c> needs (spec §3.6) and more.
/// </summary>
public sealed class S3ReadBoto3Tests : IAsyncLifetime
{
    private const string Bucket = "ct-bucket";

    private static readonly string[] ListingKeys =
    [
        "AWSLogs/a/1.json.gz", "AWSLogs/a/2.json.gz", "AWSLogs/b/1.json.gz", "AWSLogs/b/2.json.gz", "AWSLogs/b/3.json.gz", "other/x", "top.txt",
    ];

    private static readonly string[] WeirdKeys =
    [
        "weird/a b.txt", "weird/plus+sign", "weird/per%cent", "weird/per%2Fcent", "weird/ünïcödé/日本.json", "weird/emoji😀",
        "weird/tilde~!$&'()*,;=:@", "weird/q?uery#hash", "weird/amp&lt;", "weird/trailing.",
    ];

    private TestServer _server = null!;

    private IObjectStore Store => _server.Services.GetRequiredService<IObjectStore>();

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Listing_V1AndV2_PrefixMarkerStartAfterDelimiterPaging_InS3Order()
    {
        foreach (var key in ListingKeys.Reverse())
        {
            await Store.PutAsync(Bucket, key, Encoding.UTF8.GetBytes(key), new Dictionary<string, string>());
        }

        var result = await RunAsync("listing");

        result.GetProperty("location").ValueKind.ShouldBe(JsonValueKind.Null, "us-east-1 is an empty LocationConstraint");
        Keys(result.GetProperty("v1_all")).ShouldBe(ListingKeys);
        Keys(result.GetProperty("v1_prefix")).ShouldBe(["AWSLogs/b/1.json.gz", "AWSLogs/b/2.json.gz", "AWSLogs/b/3.json.gz"]);
        Keys(result.GetProperty("v1_marker")).ShouldBe(["AWSLogs/b/2.json.gz", "AWSLogs/b/3.json.gz", "other/x", "top.txt"]);
        Keys(result.GetProperty("v1_prefix_marker")).ShouldBe(["AWSLogs/b/1.json.gz", "AWSLogs/b/2.json.gz", "AWSLogs/b/3.json.gz"]);
        result.GetProperty("v1_pages").EnumerateArray().Select(Keys).ShouldBe(ListingKeys.Chunk(2).Select(c => c.ToList()).ToList());
        var first = result.GetProperty("v1_first_page");
        first.GetProperty("truncated").GetBoolean().ShouldBeTrue();
        first.GetProperty("next_marker").GetString().ShouldBe("AWSLogs/a/2.json.gz");
        first.GetProperty("max_keys").GetInt32().ShouldBe(2);
        var delimited = result.GetProperty("v1_delimited_pages").EnumerateArray()
            .Select(p => string.Join(",", Keys(p.GetProperty("keys")).Concat(Keys(p.GetProperty("prefixes"))))).ToList();
        delimited.ShouldBe(["AWSLogs/", "other/", "top.txt"]);
        Keys(result.GetProperty("v1_delimited")).ShouldBe(["AWSLogs/a/", "AWSLogs/b/"]);

        var v2 = result.GetProperty("v2_pages").EnumerateArray().ToList();
        v2.Select(p => Keys(p.GetProperty("keys"))).ShouldBe(ListingKeys.Chunk(2).Select(c => c.ToList()).ToList());
        v2.Select(p => p.GetProperty("count").GetInt32()).ShouldBe([2, 2, 2, 1]);
        v2.Select(p => p.GetProperty("truncated").GetBoolean()).ShouldBe([true, true, true, false]);
        Keys(result.GetProperty("v2_start_after")).ShouldBe(["AWSLogs/b/3.json.gz", "other/x", "top.txt"]);
        var v2Delimited = result.GetProperty("v2_delimited");
        Keys(v2Delimited.GetProperty("prefixes")).ShouldBe(["AWSLogs/a/", "AWSLogs/b/"]);
        Keys(v2Delimited.GetProperty("keys")).ShouldBeEmpty();
        v2Delimited.GetProperty("count").GetInt32().ShouldBe(2);
        Keys(result.GetProperty("v2_max_keys_zero").GetProperty("keys")).ShouldBeEmpty();

        var md5 = $"\"{Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("top.txt")))}\"";
        var entry = result.GetProperty("entry");
        entry.GetProperty("etag").GetString().ShouldBe(md5);
        entry.GetProperty("size").GetInt32().ShouldBe(7);
        entry.GetProperty("storage").GetString().ShouldBe("STANDARD");
        var modified = DateTimeOffset.Parse(entry.GetProperty("modified").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        modified.ShouldBe((await Store.HeadAsync(Bucket, "top.txt"))!.LastModified, TimeSpan.FromMilliseconds(1));
        result.GetProperty("head").GetProperty("etag").GetString().ShouldBe(md5, "a HEAD and a listing agree on the ETag");
    }

    [Fact]
    public async Task GetAndHeadObject_ExactBytesMetadataRangesAndAnyKey()
    {
        foreach (var key in WeirdKeys)
        {
            await Store.PutAsync(Bucket, key, Encoding.UTF8.GetBytes(key), new Dictionary<string, string>());
        }

        var log = Gzip("""{"Records":[{"eventName":"GetObject"}]}""");
        var metadata = new Dictionary<string, string> { ["signature"] = "0a1b2c3d", ["signature-algorithm"] = "SHA256withRSA" };
        await Store.PutAsync(Bucket, "logs/file.json.gz", log, metadata);

        var result = await RunAsync("objects", new() { ["S3_READ_KEYS"] = JsonSerializer.Serialize(WeirdKeys) });

        var bodies = result.GetProperty("bodies");
        foreach (var key in WeirdKeys)
        {
            bodies.GetProperty(key).GetString().ShouldBe(key, $"GetObject of {key}");
        }

        var ordered = WeirdKeys.Order(ObjectKeyComparer.Instance).ToList();
        Keys(result.GetProperty("listed")).ShouldBe(ordered, "ListObjects with encoding-type=url decodes back to every key");
        Keys(result.GetProperty("listed_v2")).ShouldBe(ordered);

        var got = result.GetProperty("log");
        Convert.FromBase64String(got.GetProperty("body").GetString()!).ShouldBe(log, "the stored gzip bytes, not inflated");
        got.GetProperty("encoding").ValueKind.ShouldBe(JsonValueKind.Null, "no Content-Encoding: clients would inflate");
        got.GetProperty("type").GetString().ShouldBe("application/octet-stream");
        got.GetProperty("length").GetInt32().ShouldBe(log.Length);
        got.GetProperty("status").GetInt32().ShouldBe(200);
        got.GetProperty("etag").GetString().ShouldBe($"\"{Convert.ToHexStringLower(MD5.HashData(log))}\"");
        Metadata(got.GetProperty("metadata")).ShouldBe(metadata, ignoreOrder: true);

        var head = result.GetProperty("head");
        Metadata(head.GetProperty("metadata")).ShouldBe(metadata, ignoreOrder: true);
        head.GetProperty("etag").GetString().ShouldBe(got.GetProperty("etag").GetString());
        head.GetProperty("length").GetInt32().ShouldBe(log.Length);

        var range = result.GetProperty("range");
        range.GetProperty("status").GetInt32().ShouldBe(206);
        Convert.FromBase64String(range.GetProperty("body").GetString()!).ShouldBe(log[2..6]);
        range.GetProperty("content_range").GetString().ShouldBe($"bytes 2-5/{log.Length}");
        Convert.FromBase64String(result.GetProperty("suffix").GetString()!).ShouldBe(log[^3..]);

        var presigned = result.GetProperty("presigned");
        presigned.GetProperty("status").GetInt32().ShouldBe(200, presigned.GetProperty("body").GetString());
        presigned.GetProperty("body").GetString().ShouldBe("weird/a b.txt");
    }

    [Fact]
    public async Task Errors_AreS3Codes_AndWritesChangeNothing()
    {
        await Store.PutAsync(Bucket, "present.txt", "still here"u8.ToArray(), new Dictionary<string, string>());

        var result = await RunAsync("errors");

        var missingKey = result.GetProperty("missing_key");
        Code(missingKey).ShouldBe("NoSuchKey");
        missingKey.GetProperty("status").GetInt32().ShouldBe(404);
        missingKey.GetProperty("error").GetProperty("Key").GetString().ShouldBe("no/such key");
        missingKey.GetProperty("request_id").GetString().ShouldNotBeNullOrEmpty();
        result.GetProperty("head_missing_key").GetProperty("status").GetInt32().ShouldBe(404);
        Code(result.GetProperty("missing_bucket_list")).ShouldBe("NoSuchBucket");
        Code(result.GetProperty("missing_bucket_list_v2")).ShouldBe("NoSuchBucket");
        Code(result.GetProperty("missing_bucket_get")).ShouldBe("NoSuchBucket");
        Code(result.GetProperty("missing_bucket_location")).ShouldBe("NoSuchBucket");
        foreach (var write in new[] { "put", "delete", "create_bucket" })
        {
            Code(result.GetProperty(write)).ShouldBe("AccessDenied", write);
            result.GetProperty(write).GetProperty("status").GetInt32().ShouldBe(403);
        }

        Code(result.GetProperty("acl")).ShouldBe("NotImplemented");
        result.GetProperty("acl").GetProperty("status").GetInt32().ShouldBe(501);
        Code(result.GetProperty("bad_max_keys")).ShouldBe("InvalidArgument");
        Code(result.GetProperty("wrong_secret")).ShouldBe("SignatureDoesNotMatch");
        result.GetProperty("wrong_secret").GetProperty("status").GetInt32().ShouldBe(403);
        Code(result.GetProperty("unknown_key")).ShouldBe("InvalidAccessKeyId");
        foreach (var unsigned in new[] { "unsigned", "sigv2_presigned" })
        {
            var answer = result.GetProperty(unsigned);
            answer.GetProperty("status").GetInt32().ShouldBe(403, unsigned);
            answer.GetProperty("body").GetString()!.ShouldContain("<Code>AccessDenied</Code>");
        }

        (await Store.HeadAsync(Bucket, "written.txt")).ShouldBeNull("a refused put writes nothing");
        (await Store.GetAsync(Bucket, "present.txt"))!.Body.ToArray().ShouldBe("still here"u8.ToArray(), "a refused delete deletes nothing");
        (await Store.BucketExistsAsync("new-bucket")).ShouldBeFalse("a refused CreateBucket creates nothing");
    }

    private async Task<JsonElement> RunAsync(string scenario, Dictionary<string, string>? extra = null)
    {
        var environment = _server.ClientEnvironment();
        foreach (var (name, value) in extra ?? [])
        {
            environment[name] = value;
        }

        var result = await Processes.PythonAsync(environment, "s3_read.py", scenario, Bucket);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static List<string> Keys(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static Dictionary<string, string> Metadata(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static string? Code(JsonElement error) => error.GetProperty("code").GetString();

    internal static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
