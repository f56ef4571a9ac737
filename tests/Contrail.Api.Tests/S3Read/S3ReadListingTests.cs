using Contrail.Api.S3Read.Buckets;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Objects;

namespace Contrail.Api.Tests.S3Read;

/// <summary>
/// ListObjects' walk over the embedded store against a plain reference (sort, filter, roll up, page):
/// every page of every listing, followed by its markers, sees each key or common prefix exactly once.
/// </summary>
public sealed class S3ReadListingTests : IAsyncLifetime
{
    private const string Bucket = "listing";

    private static readonly string[] Keys =
    [
        "a/b/c", "a/c", "a/d/e/f", "a-b", "a.b", "ab/c", "b/ä", "b/z", "b/😀/x", "b/\uE000/y", "c/+/1", "c/%/2", "c/ /3", "d", "e/x/y/z", "e/x/z",
    ];

    private readonly string _directory = TempDirectory.Create("s3read-listing");
    private LocalObjectStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new LocalObjectStore(_directory);
        foreach (var key in Keys)
        {
            await _store.PutAsync(Bucket, key, new byte[] { 1, 2, 3 }, new Dictionary<string, string>());
        }
    }

    public Task DisposeAsync()
    {
        TempDirectory.Delete(_directory);
        return Task.CompletedTask;
    }

    public static TheoryData<string, string?> Listings() => new()
    {
        { "", null }, { "", "/" }, { "a", "/" }, { "a", "b" }, { "a/", "/" }, { "b/", "/" }, { "c/", "/" }, { "", "b" }, { "e/", "/" }, { "", "x/" }, { "zz", "/" },
    };

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task EveryPageSize_FollowingNextMarker_ListsWhatTheReferenceDoes(string prefix, string? delimiter)
    {
        var expected = Reference(Keys, prefix, delimiter);

        for (var maxKeys = 1; maxKeys <= expected.Count + 1; maxKeys++)
        {
            var seen = new List<string>();
            string? marker = null;
            for (var pages = 0; ; pages++)
            {
                pages.ShouldBeLessThan(expected.Count + 2, "paging ends");
                var page = await ObjectLister.ListAsync(_store, Bucket, prefix, marker, delimiter, maxKeys, CancellationToken.None);
                (page.Contents.Count + page.CommonPrefixes.Count).ShouldBeLessThanOrEqualTo(maxKeys);
                seen.AddRange(page.Contents.Select(c => c.Key).Concat(page.CommonPrefixes).Order(ObjectKeyComparer.Instance));
                if (!page.IsTruncated)
                {
                    break;
                }

                marker = page.Last;
            }

            seen.ShouldBe(expected, $"prefix '{prefix}', delimiter '{delimiter}', max-keys {maxKeys}");
        }
    }

    [Fact]
    public async Task MarkerInsideACommonPrefix_ThatPrefixIsNotListedAgain()
    {
        var page = await ObjectLister.ListAsync(_store, Bucket, "", "b/ä", "/", 1000, CancellationToken.None);

        page.CommonPrefixes.ShouldBe(["c/", "e/"]);
        page.Contents.Select(c => c.Key).ShouldBe(["d"]);
    }

    [Fact]
    public async Task MaxKeysZero_NothingAndNotTruncated()
    {
        var page = await ObjectLister.ListAsync(_store, Bucket, "", null, null, 0, CancellationToken.None);

        page.Contents.ShouldBeEmpty();
        page.IsTruncated.ShouldBeFalse();
    }

    private static List<string> Reference(IEnumerable<string> keys, string prefix, string? delimiter)
    {
        var rows = new SortedSet<string>(ObjectKeyComparer.Instance);
        foreach (var key in keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var at = delimiter is null ? -1 : key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            rows.Add(at < 0 ? key : key[..(at + delimiter!.Length)]);
        }

        return [.. rows];
    }
}
