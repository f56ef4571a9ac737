using System.Text;
using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;
using Contrail.Delivery.Validation;
using Contrail.Tests.Support;
using static Contrail.Delivery.Tests.Validation.ValidationHarness;

namespace Contrail.Delivery.Tests.Validation;

/// <summary>Offline validation: a bucket copied to a directory, its digests' signatures in sidecar files.</summary>
public sealed class LocalBucketCopyTests : IDisposable
{
    private readonly ValidationHarness _h = new();
    private readonly TempDirectory _copy = new();

    public void Dispose()
    {
        _h.Dispose();
        _copy.Dispose();
    }

    [Fact]
    public async Task ValidateAsync_CopyWithHeadObjectSidecars_AllValid()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        await CopyAsync((key, metadata) =>
        {
            // What `aws s3api head-object --bucket B --key K > K.metadata.json` saves.
            var json = $$$"""{"AcceptRanges":"bytes","ContentLength":123,"Metadata":{"signature":"{{{metadata["signature"]}}}","signature-algorithm":"SHA256withRSA"}}""";
            File.WriteAllText(PathOf(key) + LocalBucketCopy.MetadataSuffix, json);
        });

        var (findings, tally) = await RunAsync(CopyOptions());

        Describe(findings).ShouldBe(Expected(Enumerable.Reverse(chain)));
        tally.HasInvalid.ShouldBeFalse();
    }

    [Fact]
    public async Task ValidateAsync_CopyWithSignatureFiles_AllValid()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        await CopyAsync((key, metadata) => File.WriteAllText(PathOf(key) + LocalBucketCopy.SignatureSuffix, metadata["signature"] + "\n"));

        var (findings, _) = await RunAsync(CopyOptions());

        Describe(findings).ShouldBe(Expected(Enumerable.Reverse(chain)));
    }

    [Fact]
    public async Task ValidateAsync_CopyWithoutSignatures_SignatureVerificationFailed()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 1);
        await CopyAsync((_, _) => { });

        var (findings, _) = await RunAsync(CopyOptions(T0.AddHours(1)));

        Describe(findings).ShouldBe([$"D signature verification failed {chain[0].Key}"]);
    }

    [Fact]
    public async Task ValidateAsync_ContrailDataDirectoryBucket_UsesTheStoreMetadata()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 2);
        var options = CopyOptions(T0.AddHours(2));
        options.Store = new LocalBucketCopy(Path.Combine(_h.Store.BucketsDirectory, _h.Trail.Bucket), _h.Trail.Bucket);

        var (findings, _) = await RunAsync(options);

        Describe(findings).ShouldBe(Expected(Enumerable.Reverse(chain)));
    }

    [Fact]
    public async Task ListAsync_Sidecars_AreNotObjects()
    {
        Directory.CreateDirectory(Path.Combine(_copy.Path, "AWSLogs"));
        File.WriteAllText(Path.Combine(_copy.Path, "AWSLogs", "a.json.gz"), "a");
        File.WriteAllText(Path.Combine(_copy.Path, "AWSLogs", "a.json.gz" + LocalBucketCopy.SignatureSuffix), "00");
        File.WriteAllText(Path.Combine(_copy.Path, "AWSLogs", "a.json.gz" + LocalBucketCopy.MetadataSuffix), "{}");
        File.WriteAllText(Path.Combine(_copy.Path, "AWSLogs", "b.json.gz"), "b");
        var store = new LocalBucketCopy(_copy.Path, "copied");

        var listing = await store.ListAsync("copied", "AWSLogs/", "AWSLogs/a.json.gz", 10);

        listing.Objects.Select(o => o.Key).ShouldBe(["AWSLogs/b.json.gz"]);
        (await store.ListAsync("other", "AWSLogs/", null, 10)).Objects.ShouldBeEmpty();
        (await store.GetAsync("copied", "../outside")).ShouldBeNull();
        await Should.ThrowAsync<NotSupportedException>(() => store.PutAsync("copied", "k", Encoding.UTF8.GetBytes("x"), new Dictionary<string, string>()));
    }

    private LogValidationOptions CopyOptions(DateTimeOffset? end = null)
    {
        var options = _h.Options(end: end);
        options.Store = new LocalBucketCopy(_copy.Path, _h.Trail.Bucket);
        return options;
    }

    private string PathOf(string key) => Path.Combine(_copy.Path, key);

    // What `aws s3 sync s3://B DIR` makes: the objects as files, no metadata; `sidecar` adds what the test wants.
    private async Task CopyAsync(Action<string, IReadOnlyDictionary<string, string>> sidecar)
    {
        string? after = null;
        while (true)
        {
            var page = await _h.Store.ListAsync(_h.Trail.Bucket, null, after, 100);
            foreach (var info in page.Objects)
            {
                var stored = (await _h.Store.GetAsync(_h.Trail.Bucket, info.Key))!;
                Directory.CreateDirectory(Path.GetDirectoryName(PathOf(info.Key))!);
                await File.WriteAllBytesAsync(PathOf(info.Key), stored.Body.ToArray());
                if (stored.Metadata.Count > 0)
                {
                    sidecar(info.Key, stored.Metadata);
                }
            }

            if (!page.IsTruncated)
            {
                return;
            }

            after = page.Objects[^1].Key;
        }
    }
}
