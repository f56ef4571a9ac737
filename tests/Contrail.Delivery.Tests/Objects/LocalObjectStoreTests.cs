using System.Text;
using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;

namespace Contrail.Delivery.Tests.Objects;

public sealed class LocalObjectStoreTests : IDisposable
{
    private const string Bucket = "audit-logs";
    private static readonly Dictionary<string, string> NoMetadata = [];
    private readonly TempDirectory _directory = new();
    private readonly LocalObjectStore _store;

    public LocalObjectStoreTests() => _store = new LocalObjectStore(_directory.Path);

    public void Dispose() => _directory.Dispose();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task PutAsync_ThenGet_BodyAndMetadataRoundTrip()
    {
        var metadata = new Dictionary<string, string> { ["signature"] = "abc", ["signature-algorithm"] = "SHA256withRSA", ["note"] = "é \"q\"" };

        await _store.PutAsync(Bucket, "AWSLogs/1/a.json.gz", Bytes("body"), metadata);
        var stored = await _store.GetAsync(Bucket, "AWSLogs/1/a.json.gz");

        stored.ShouldNotBeNull();
        stored.Body.ToArray().ShouldBe(Bytes("body"));
        stored.Metadata.ShouldBe(metadata, ignoreOrder: true);
    }

    [Fact]
    public async Task PutAsync_Layout_ObjectUnderBucketsAndMetadataOutside()
    {
        await _store.PutAsync(Bucket, "a/b/c.json.gz", Bytes("xyz"), new Dictionary<string, string> { ["k"] = "v" });

        File.ReadAllBytes(Path.Combine(_directory.Path, "buckets", Bucket, "a", "b", "c.json.gz")).ShouldBe(Bytes("xyz"));
        File.Exists(Path.Combine(_directory.Path, "object-metadata", Bucket, "a", "b", "c.json.gz")).ShouldBeTrue();
        Directory.EnumerateFiles(Path.Combine(_directory.Path, "buckets"), "*", SearchOption.AllDirectories)
            .ShouldBe([Path.Combine(_directory.Path, "buckets", Bucket, "a", "b", "c.json.gz")]);
        File.GetUnixFileMode(Path.Combine(_directory.Path, "buckets", Bucket, "a", "b", "c.json.gz"))
            .ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task PutAsync_DataDirectoryMissing_CreatedOwnerOnly()
    {
        var root = Path.Combine(_directory.Path, "not", "yet");
        var store = new LocalObjectStore(root);

        await store.PutAsync(Bucket, "a/b", Bytes("x"), NoMetadata);

        File.GetUnixFileMode(root).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(Path.Combine(root, "buckets", Bucket, "a"))
            .ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        (await store.GetAsync(Bucket, "a/b"))!.Body.ToArray().ShouldBe(Bytes("x"));
    }

    [Fact]
    public async Task PutAsync_SameKeyAgain_ReplacesBodyAndMetadata()
    {
        await _store.PutAsync(Bucket, "k.json.gz", Bytes("first"), new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        await _store.PutAsync(Bucket, "k.json.gz", Bytes("second!"), new Dictionary<string, string> { ["a"] = "3" });

        var stored = await _store.GetAsync(Bucket, "k.json.gz");
        stored!.Body.ToArray().ShouldBe(Bytes("second!"));
        stored.Metadata.ShouldBe(new Dictionary<string, string> { ["a"] = "3" });
        var listing = await _store.ListAsync(Bucket, null, null, 10);
        listing.Objects.Select(o => o.Key).ShouldBe(["k.json.gz"]);
        listing.Objects[0].Size.ShouldBe(7);
    }

    [Fact]
    public async Task HeadAsync_Existing_SizeTimeAndMetadata_MissingNull()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await _store.PutAsync(Bucket, "h", Bytes("12345"), new Dictionary<string, string> { ["x"] = "y" });

        var head = await _store.HeadAsync(Bucket, "h");

        head.ShouldNotBeNull();
        head.Key.ShouldBe("h");
        head.Size.ShouldBe(5);
        head.LastModified.ShouldBeGreaterThan(before);
        head.Metadata["x"].ShouldBe("y");
        (await _store.HeadAsync(Bucket, "missing")).ShouldBeNull();
        (await _store.HeadAsync("other-bucket", "h")).ShouldBeNull();
        (await _store.GetAsync(Bucket, "missing")).ShouldBeNull();
        (await _store.GetAsync(Bucket, "h/deeper")).ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_PrefixStartAfterAndMax_OrderedByKey()
    {
        string[] keys = ["b/2", "a/1", "a/10", "a/2", "a/1/x", "ab", "c", "a-", "a/Z"];
        foreach (var key in keys.Where(k => k != "a/1/x"))
        {
            await _store.PutAsync(Bucket, key, Bytes(key), NoMetadata);
        }

        (await _store.ListAsync(Bucket, null, null, 100)).Objects.Select(o => o.Key)
            .ShouldBe(["a-", "a/1", "a/10", "a/2", "a/Z", "ab", "b/2", "c"]);
        (await _store.ListAsync(Bucket, "a/", null, 100)).Objects.Select(o => o.Key).ShouldBe(["a/1", "a/10", "a/2", "a/Z"]);
        (await _store.ListAsync(Bucket, "a/1", null, 100)).Objects.Select(o => o.Key).ShouldBe(["a/1", "a/10"]);
        (await _store.ListAsync(Bucket, "a", "a/10", 100)).Objects.Select(o => o.Key).ShouldBe(["a/2", "a/Z", "ab"]);
        var page = await _store.ListAsync(Bucket, null, null, 3);
        page.Objects.Select(o => o.Key).ShouldBe(["a-", "a/1", "a/10"]);
        page.IsTruncated.ShouldBeTrue();
        var rest = await _store.ListAsync(Bucket, null, "a/10", 5);
        rest.Objects.Select(o => o.Key).ShouldBe(["a/2", "a/Z", "ab", "b/2", "c"]);
        rest.IsTruncated.ShouldBeFalse();
        (await _store.ListAsync(Bucket, "zz/", null, 10)).Objects.ShouldBeEmpty();
        (await _store.ListAsync(Bucket, "../", null, 10)).Objects.ShouldBeEmpty();
        (await _store.ListAsync("no-such-bucket", null, null, 10)).Objects.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_NonAsciiKeys_Utf8ByteOrder()
    {
        // U+FF5E sorts before U+1F600 in UTF-8 (and code point) order, after it in UTF-16 ordinal order.
        await _store.PutAsync(Bucket, "k\U0001F600", Bytes("1"), NoMetadata);
        await _store.PutAsync(Bucket, "k\uFF5E", Bytes("2"), NoMetadata);

        (await _store.ListAsync(Bucket, "k", null, 10)).Objects.Select(o => o.Key).ShouldBe(["k\uFF5E", "k\U0001F600"]);
    }

    [Fact]
    public async Task ListAsync_LeftoverTempFileAndMetadata_NeverListed()
    {
        await _store.PutAsync(Bucket, "dir/real.json.gz", Bytes("r"), new Dictionary<string, string> { ["m"] = "1" });
        // What a crash between write and rename leaves behind.
        File.WriteAllBytes(Path.Combine(_store.BucketsDirectory, Bucket, "dir", ".tmp-0123456789abcdef"), Bytes("torn"));
        File.WriteAllBytes(Path.Combine(_store.BucketsDirectory, Bucket, ".tmp-deadbeef"), Bytes("torn"));

        var listing = await _store.ListAsync(Bucket, null, null, 100);

        listing.Objects.Select(o => o.Key).ShouldBe(["dir/real.json.gz"]);
        (await _store.GetAsync(Bucket, "dir/real.json.gz"))!.Body.ToArray().ShouldBe(Bytes("r"));
    }

    [Fact]
    public async Task DeleteAsync_Existing_GoneWithMetadata_MissingFalse()
    {
        await _store.PutAsync(Bucket, "d/x", Bytes("x"), new Dictionary<string, string> { ["m"] = "1" });

        (await _store.DeleteAsync(Bucket, "d/x")).ShouldBeTrue();

        (await _store.GetAsync(Bucket, "d/x")).ShouldBeNull();
        (await _store.ListAsync(Bucket, null, null, 10)).Objects.ShouldBeEmpty();
        File.Exists(Path.Combine(_store.MetadataDirectory, Bucket, "d", "x")).ShouldBeFalse();
        (await _store.DeleteAsync(Bucket, "d/x")).ShouldBeFalse();
        await _store.PutAsync(Bucket, "d/x", Bytes("again"), NoMetadata);
        (await _store.GetAsync(Bucket, "d/x"))!.Metadata.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/")]
    [InlineData("")]
    [InlineData("nul\0byte")]
    [InlineData(".tmp-sneaky")]
    [InlineData("a/.tmp-sneaky")]
    public async Task PutAsync_KeyEscapingOrInvalid_ArgumentException(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => _store.PutAsync(Bucket, key, Bytes("x"), NoMetadata));
        await Should.ThrowAsync<ArgumentException>(() => _store.GetAsync(Bucket, key));
        await Should.ThrowAsync<ArgumentException>(() => _store.DeleteAsync(Bucket, key));
        Directory.Exists(_store.BucketsDirectory).ShouldBeFalse();
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("Upper")]
    [InlineData("ab")]
    [InlineData("a..b")]
    [InlineData("-abc")]
    [InlineData("nul\0bucket")]
    public async Task PutAsync_InvalidBucket_ArgumentException(string bucket)
    {
        await Should.ThrowAsync<ArgumentException>(() => _store.PutAsync(bucket, "k", Bytes("x"), NoMetadata));
        await Should.ThrowAsync<ArgumentException>(() => _store.ListAsync(bucket, null, null, 1));
    }

    [Fact]
    public async Task PutAsync_KeyThatIsAnotherKeysDirectory_IOException()
    {
        await _store.PutAsync(Bucket, "a/b/c", Bytes("x"), NoMetadata);

        await Should.ThrowAsync<IOException>(() => _store.PutAsync(Bucket, "a/b", Bytes("y"), NoMetadata));
        (await _store.GetAsync(Bucket, "a/b/c"))!.Body.ToArray().ShouldBe(Bytes("x"));
    }

    [Fact]
    public async Task PutAsync_ConcurrentWritersOfSameAndOtherKeys_LastWriteWinsWholly()
    {
        var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(() => _store.PutAsync(
            Bucket, $"k{i % 4}", Bytes($"body-{i}"), new Dictionary<string, string> { ["i"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        await Task.WhenAll(tasks);

        var listing = await _store.ListAsync(Bucket, null, null, 100);
        listing.Objects.Select(o => o.Key).ShouldBe(["k0", "k1", "k2", "k3"]);
        for (var k = 0; k < 4; k++)
        {
            var stored = await _store.GetAsync(Bucket, $"k{k}");
            // Body and metadata come from the same put.
            Encoding.UTF8.GetString(stored!.Body.Span).ShouldBe($"body-{stored.Metadata["i"]}");
        }

        Directory.EnumerateFiles(_directory.Path, ".tmp-*", SearchOption.AllDirectories).ShouldBeEmpty();
    }
}
