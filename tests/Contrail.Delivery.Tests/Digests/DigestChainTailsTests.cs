using System.Security.Cryptography;
using Contrail.Delivery.Digests;
using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;

namespace Contrail.Delivery.Tests.Digests;

/// <summary><see cref="DigestChainTails"/>: the newest readable digest per region of one trail, and nothing of other trails.</summary>
public sealed class DigestChainTailsTests : IDisposable
{
    private const string Bucket = "trail-bucket";
    private const string Account = "111122223333";
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly RSA _rsa = RSA.Create(2048);

    public void Dispose()
    {
        _rsa.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task FindAsync_NewestPerRegion_OtherTrailsAndBackfillIgnored_AnUnreadableNewestPassedOver()
    {
        var store = new LocalObjectStore(_directory.Path);
        var home1 = await PutAsync(store, "us-east-1", "audit", T0.AddHours(1), null);
        var home2 = await PutAsync(store, "us-east-1", "audit", T0.AddHours(2), home1.Link);
        var west = await PutAsync(store, "us-west-2", "audit", T0.AddHours(1), null);
        await PutAsync(store, "us-east-1", "audit-other", T0.AddHours(5), null);
        await PutAsync(store, "eu-west-1", "other", T0.AddHours(5), null);

        // A newer one in us-west-2 that is not a digest (damaged): the one before it is the tail.
        var damagedKey = DigestFile.KeyOf("logs", null, Account, "us-west-2", "audit", "us-east-1", T0.AddHours(3));
        await store.PutAsync(Bucket, damagedKey, "not gzip"u8.ToArray(), new Dictionary<string, string> { ["signature"] = "00" });
        await store.PutAsync(Bucket, damagedKey[..^".json.gz".Length] + "_backfill.json.gz", "x"u8.ToArray(), new Dictionary<string, string>());

        var tails = await DigestChainTails.FindAsync(store, Bucket, "logs", null, Account, "audit", "us-east-1", CancellationToken.None);

        tails.ShouldBe([
            new DigestChainTail("us-east-1", T0.AddHours(2), home2.Link),
            new DigestChainTail("us-west-2", T0.AddHours(1), west.Link),
        ]);
    }

    [Fact]
    public async Task FindAsync_NoDigests_Empty()
    {
        var store = new LocalObjectStore(_directory.Path);

        (await DigestChainTails.FindAsync(store, Bucket, null, null, Account, "audit", "us-east-1", CancellationToken.None)).ShouldBeEmpty();
    }

    private async Task<DigestObject> PutAsync(LocalObjectStore store, string region, string trail, DateTimeOffset end, DigestLink? previous)
    {
        var key = DigestFile.KeyOf("logs", null, Account, region, trail, "us-east-1", end);
        var digest = DigestFile.Build(Bucket, key, Account, end.AddHours(-1), end, [], previous, "fp",
            data => _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        await store.PutAsync(Bucket, key, digest.Body, digest.Metadata);
        return digest;
    }
}
