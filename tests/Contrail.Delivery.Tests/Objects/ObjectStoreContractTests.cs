using System.Text;
using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Tests.Objects;

/// <summary>
/// <see cref="IObjectStore"/>'s documented contract, run against every store (a subclass per store):
/// what passes here for <see cref="LocalObjectStore"/> must pass for <see cref="S3ObjectStore"/> on a real
/// S3 server. Keys are ones both stores can hold.
/// </summary>
public abstract class ObjectStoreContractTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    /// <summary>The store under test.</summary>
    protected abstract IObjectStore Store { get; }

    /// <summary>A bucket that exists and is empty when each test starts.</summary>
    protected abstract string Bucket { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string MissingBucket() => $"missing-{Guid.NewGuid():N}";

    [Fact]
    public async Task PutAsync_ThenGet_BodyAndMetadataRoundTrip()
    {
        var body = Enumerable.Range(0, 256 * 4).Select(i => (byte)i).ToArray();
        var metadata = new Dictionary<string, string> { ["signature"] = "abc123", ["signature-algorithm"] = "SHA256withRSA", ["note"] = "a \"quoted\"; value=1" };

        await Store.PutAsync(Bucket, "AWSLogs/1/a.json.gz", body, metadata);
        var stored = await Store.GetAsync(Bucket, "AWSLogs/1/a.json.gz");

        stored.ShouldNotBeNull();
        stored.Body.ToArray().ShouldBe(body);
        stored.Metadata.ShouldBe(metadata, ignoreOrder: true);
    }

    [Fact]
    public async Task OpenReadAsync_StreamsTheBodyWithItsLengthAndMetadata_AndAMissingObjectIsNull()
    {
        var body = new byte[3 << 20];
        new Random(3).NextBytes(body);
        var metadata = new Dictionary<string, string> { ["signature"] = "abc123" };
        await Store.PutAsync(Bucket, "AWSLogs/1/big.json.gz", body, metadata);

        var opened = await Store.OpenReadAsync(Bucket, "AWSLogs/1/big.json.gz");

        opened.ShouldNotBeNull();
        await using (opened)
        {
            opened.Length.ShouldBe(body.Length);
            opened.Metadata.ShouldBe(metadata, ignoreOrder: true);
            using var copy = new MemoryStream();
            await opened.Body.CopyToAsync(copy);
            copy.ToArray().ShouldBe(body);
        }

        (await Store.OpenReadAsync(Bucket, "AWSLogs/1/missing.json.gz")).ShouldBeNull();
        (await Store.OpenReadAsync(MissingBucket(), "AWSLogs/1/big.json.gz")).ShouldBeNull();
    }

    [Fact]
    public async Task OpenReadAsync_ObjectReplacedWhileOpen_GoesOnReadingTheVersionItOpened()
    {
        var first = Enumerable.Repeat((byte)'a', 1 << 20).ToArray();
        await Store.PutAsync(Bucket, "k.json.gz", first, NoMetadata);
        var opened = await Store.OpenReadAsync(Bucket, "k.json.gz");
        opened.ShouldNotBeNull();
        await using (opened)
        {
            var head = new byte[1000];
            await opened.Body.ReadExactlyAsync(head);

            await Store.PutAsync(Bucket, "k.json.gz", Bytes("second"), NoMetadata);

            using var rest = new MemoryStream();
            await opened.Body.CopyToAsync(rest);
            (head.Length + rest.Length).ShouldBe(first.Length);
            rest.ToArray().ShouldAllBe(b => b == (byte)'a');
        }

        (await Store.GetAsync(Bucket, "k.json.gz"))!.Body.ToArray().ShouldBe(Bytes("second"));
    }

    [Fact]
    public async Task PutAsync_SameKeyAgain_ReplacesBodyAndMetadata()
    {
        await Store.PutAsync(Bucket, "k.json.gz", Bytes("first"), new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        await Store.PutAsync(Bucket, "k.json.gz", Bytes("second!"), new Dictionary<string, string> { ["a"] = "3" });

        var stored = await Store.GetAsync(Bucket, "k.json.gz");
        stored!.Body.ToArray().ShouldBe(Bytes("second!"));
        stored.Metadata.ShouldBe(new Dictionary<string, string> { ["a"] = "3" });
        var listing = await Store.ListAsync(Bucket, null, null, 10);
        listing.Objects.Select(o => o.Key).ShouldBe(["k.json.gz"]);
        listing.Objects[0].Size.ShouldBe(7);
    }

    [Fact]
    public async Task PutAsync_RetriedWithTheSameBytes_LeavesOneIdenticalObject()
    {
        var body = Bytes("{\"Records\":[]}");
        await Store.PutAsync(Bucket, "AWSLogs/retry.json.gz", body, NoMetadata);
        await Store.PutAsync(Bucket, "AWSLogs/retry.json.gz", body, NoMetadata);

        (await Store.GetAsync(Bucket, "AWSLogs/retry.json.gz"))!.Body.ToArray().ShouldBe(body);
        (await Store.ListAsync(Bucket, "AWSLogs/", null, 10)).Objects.Select(o => o.Key).ShouldBe(["AWSLogs/retry.json.gz"]);
    }

    [Fact]
    public async Task PutAsync_EmptyBody_RoundTrips()
    {
        await Store.PutAsync(Bucket, "empty", ReadOnlyMemory<byte>.Empty, NoMetadata);

        (await Store.GetAsync(Bucket, "empty"))!.Body.Length.ShouldBe(0);
        (await Store.HeadAsync(Bucket, "empty"))!.Size.ShouldBe(0);
    }

    [Fact]
    public async Task HeadAsync_Existing_SizeTimeAndMetadata_MissingNull()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await Store.PutAsync(Bucket, "h", Bytes("12345"), new Dictionary<string, string> { ["x"] = "y" });

        var head = await Store.HeadAsync(Bucket, "h");

        head.ShouldNotBeNull();
        head.Key.ShouldBe("h");
        head.Size.ShouldBe(5);
        head.LastModified.ShouldBeGreaterThan(before);
        head.LastModified.ShouldBeLessThan(DateTimeOffset.UtcNow.AddSeconds(5));
        head.Metadata.ShouldBe(new Dictionary<string, string> { ["x"] = "y" });
        (await Store.HeadAsync(Bucket, "missing")).ShouldBeNull();
        (await Store.GetAsync(Bucket, "missing")).ShouldBeNull();
        (await Store.GetAsync(Bucket, "h/deeper")).ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_PrefixStartAfterAndMax_OrderedByKey()
    {
        foreach (var key in new[] { "b/2", "a/1", "a/10", "a/2", "ab", "c", "a-", "a/Z" })
        {
            await Store.PutAsync(Bucket, key, Bytes(key), NoMetadata);
        }

        (await Store.ListAsync(Bucket, null, null, 100)).Objects.Select(o => o.Key)
            .ShouldBe(["a-", "a/1", "a/10", "a/2", "a/Z", "ab", "b/2", "c"]);
        (await Store.ListAsync(Bucket, "a/", null, 100)).Objects.Select(o => o.Key).ShouldBe(["a/1", "a/10", "a/2", "a/Z"]);
        (await Store.ListAsync(Bucket, "a/1", null, 100)).Objects.Select(o => o.Key).ShouldBe(["a/1", "a/10"]);
        (await Store.ListAsync(Bucket, "a", "a/10", 100)).Objects.Select(o => o.Key).ShouldBe(["a/2", "a/Z", "ab"]);
        var page = await Store.ListAsync(Bucket, null, null, 3);
        page.Objects.Select(o => o.Key).ShouldBe(["a-", "a/1", "a/10"]);
        page.Objects.Select(o => o.Size).ShouldBe([2L, 3L, 4L]);
        page.IsTruncated.ShouldBeTrue();
        var rest = await Store.ListAsync(Bucket, null, "a/10", 5);
        rest.Objects.Select(o => o.Key).ShouldBe(["a/2", "a/Z", "ab", "b/2", "c"]);
        rest.IsTruncated.ShouldBeFalse();
        var exact = await Store.ListAsync(Bucket, "a/", null, 4);
        exact.Objects.Count.ShouldBe(4);
        exact.IsTruncated.ShouldBeFalse("nothing more matches the prefix");
        (await Store.ListAsync(Bucket, "zz/", null, 10)).Objects.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_PagingWithStartAfter_EveryKeyOnceInOrder()
    {
        var keys = Enumerable.Range(0, 23).Select(i => $"AWSLogs/111122223333/CloudTrail/us-east-1/{i:D3}.json.gz").ToList();
        foreach (var key in keys)
        {
            await Store.PutAsync(Bucket, key, Bytes(key), NoMetadata);
        }

        await Store.PutAsync(Bucket, "other/outside-the-prefix", Bytes("x"), NoMetadata);
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await Store.ListAsync(Bucket, "AWSLogs/", after, 5);
            pages++;
            page.Objects.Count.ShouldBeLessThanOrEqualTo(5);
            seen.AddRange(page.Objects.Select(o => o.Key));
            if (!page.IsTruncated)
            {
                break;
            }

            page.Objects.Count.ShouldBe(5, "a truncated page is full");
            after = page.Objects[^1].Key;
        }

        seen.ShouldBe(keys);
        pages.ShouldBe(5);
    }

    [Fact]
    public async Task ListAsync_NonAsciiKeys_Utf8ByteOrder()
    {
        // UTF-8 order: 'z' (7A) < 'é' (C3 A9) < U+E000 (EE 80 80) < U+1F600 (F0 9F 98 80); UTF-16 order would put U+1F600 first of the last two.
        string[] expected = ["u/z", "u/é", "u/\uE000", "u/😀"];
        foreach (var key in expected.Reverse())
        {
            await Store.PutAsync(Bucket, key, Bytes(key), NoMetadata);
        }

        (await Store.ListAsync(Bucket, "u/", null, 10)).Objects.Select(o => o.Key).ShouldBe(expected);
        (await Store.ListAsync(Bucket, "u/", "u/\uE000", 10)).Objects.Select(o => o.Key).ShouldBe(["u/😀"]);
        (await Store.GetAsync(Bucket, "u/😀"))!.Body.ToArray().ShouldBe(Bytes("u/😀"));
    }

    [Fact]
    public async Task ListAsync_MaxKeysZero_EmptyPage_TruncatedWhenAnythingMatches()
    {
        await Store.PutAsync(Bucket, "p/one", Bytes("1"), NoMetadata);

        var some = await Store.ListAsync(Bucket, "p/", null, 0);
        some.Objects.ShouldBeEmpty();
        some.IsTruncated.ShouldBeTrue();
        var none = await Store.ListAsync(Bucket, "q/", null, 0);
        none.Objects.ShouldBeEmpty();
        none.IsTruncated.ShouldBeFalse();
    }

    [Fact]
    public async Task DeleteAsync_Existing_TrueAndGone_ThenFalse()
    {
        await Store.PutAsync(Bucket, "d/x", Bytes("x"), NoMetadata);
        await Store.PutAsync(Bucket, "d/y", Bytes("y"), NoMetadata);

        (await Store.DeleteAsync(Bucket, "d/x")).ShouldBeTrue();
        (await Store.DeleteAsync(Bucket, "d/x")).ShouldBeFalse();
        (await Store.DeleteAsync(Bucket, "d/never")).ShouldBeFalse();
        (await Store.GetAsync(Bucket, "d/x")).ShouldBeNull();
        (await Store.HeadAsync(Bucket, "d/x")).ShouldBeNull();
        (await Store.ListAsync(Bucket, "d/", null, 10)).Objects.Select(o => o.Key).ShouldBe(["d/y"]);
    }

    [Fact]
    public async Task MissingBucket_HasNoObjects()
    {
        var missing = MissingBucket();

        (await Store.GetAsync(missing, "k")).ShouldBeNull();
        (await Store.HeadAsync(missing, "k")).ShouldBeNull();
        var listing = await Store.ListAsync(missing, null, null, 10);
        listing.Objects.ShouldBeEmpty();
        listing.IsTruncated.ShouldBeFalse();
        (await Store.DeleteAsync(missing, "k")).ShouldBeFalse();
    }

    [Fact]
    public async Task BucketExistsAsync_TrueForABucketWithObjects_FalseForAMissingOne()
    {
        await Store.PutAsync(Bucket, "exists/k", Bytes("x"), NoMetadata);

        (await Store.BucketExistsAsync(Bucket)).ShouldBeTrue();
        (await Store.BucketExistsAsync(MissingBucket())).ShouldBeFalse();
        await Should.ThrowAsync<ArgumentException>(() => Store.BucketExistsAsync("Bad_Bucket"));
    }

    [Fact]
    public async Task ETag_WhenTheStoreKeepsOne_IsTheQuotedMd5OfASinglePartBody()
    {
        var body = Bytes("etag body");
        var md5 = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(body))}\"";
        await Store.PutAsync(Bucket, "etag/k", body, NoMetadata);

        var head = await Store.HeadAsync(Bucket, "etag/k");
        var listed = (await Store.ListAsync(Bucket, "etag/", null, 10)).Objects.ShouldHaveSingleItem();

        (head!.ETag ?? md5).ShouldBe(md5);
        (listed.ETag ?? md5).ShouldBe(md5);
    }

    [Fact]
    public async Task PutAsync_WithServerSideEncryption_StoresTheObject()
    {
        await Store.PutAsync(Bucket, "sse/s3", Bytes("s3"), NoMetadata, new ObjectWriteOptions { ServerSideEncryption = ObjectWriteOptions.Aes256 });
        await Store.PutAsync(Bucket, "sse/kms", Bytes("kms"), NoMetadata, ObjectWriteOptions.Kms("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));

        (await Store.GetAsync(Bucket, "sse/s3"))!.Body.ToArray().ShouldBe(Bytes("s3"));
        (await Store.GetAsync(Bucket, "sse/kms"))!.Body.ToArray().ShouldBe(Bytes("kms"));
    }

    [Fact]
    public async Task InvalidArguments_ArgumentException()
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync("Bad_Bucket", "k", Bytes("x"), NoMetadata));
        await Should.ThrowAsync<ArgumentException>(() => Store.GetAsync("ab", "k"));
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(Bucket, "", Bytes("x"), NoMetadata));
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(Bucket, "a/../b", Bytes("x"), NoMetadata));
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(Bucket, "k", Bytes("x"), NoMetadata, new ObjectWriteOptions { ServerSideEncryption = "DES" }));
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(Bucket, "k", Bytes("x"), NoMetadata, new ObjectWriteOptions { KmsKeyId = "key" }));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(Bucket, null, null, -1));
        (await Store.HeadAsync(Bucket, "k")).ShouldBeNull("nothing was stored by a refused put");
    }
}
