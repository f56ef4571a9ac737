using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Digests;
using Contrail.Delivery.Objects;

namespace Contrail.Api.Tests.Delivery;

/// <summary>A delivered digest file as a validator sees it: key, exact JSON bytes, and the object's signature metadata.</summary>
internal sealed record DeliveredDigest(string Key, string Region, byte[] Json, JsonElement Root, string Signature, string Algorithm)
{
    public string? Previous => Root.GetProperty("previousDigestS3Object").GetString();

    public string Start => Root.GetProperty("digestStartTime").GetString()!;

    public string End => Root.GetProperty("digestEndTime").GetString()!;

    public IEnumerable<string> LogFileKeys => Root.GetProperty("logFiles").EnumerateArray().Select(f => f.GetProperty("s3Object").GetString()!);
}

/// <summary>Reads a bucket's digest files and checks them as spec §2 and §3.3 say a validator does, and more.</summary>
internal static partial class DigestChains
{
    /// <summary>AWS's member order, spec §2.2.</summary>
    public static readonly string[] Members =
    [
        "awsAccountId", "digestStartTime", "digestEndTime", "digestS3Bucket", "digestS3Object", "digestPublicKeyFingerprint",
        "digestSignatureAlgorithm", "newestEventTime", "oldestEventTime", "previousDigestS3Bucket", "previousDigestS3Object",
        "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature", "logFiles",
    ];

    [GeneratedRegex(@"^AWSLogs/(?<acct>\d{12})/CloudTrail-Digest/(?<region>[a-z0-9-]+)/(?<y>\d{4})/(?<m>\d\d)/(?<d>\d\d)/(?<acct2>\d{12})_CloudTrail-Digest_(?<region2>[a-z0-9-]+)_(?<trail>[A-Za-z0-9._-]+)_(?<home>[a-z0-9-]+)_(?<ts>\d{8}T\d{6}Z)\.json\.gz$")]
    private static partial Regex KeyPattern();

    /// <summary>Every digest in the bucket, in key order (per region, oldest first).</summary>
    public static async Task<List<DeliveredDigest>> ReadAsync(string dataDirectory, string bucket)
    {
        var store = new LocalObjectStore(dataDirectory);
        var digests = new List<DeliveredDigest>();
        string? after = null;
        while (true)
        {
            var listing = await store.ListAsync(bucket, "AWSLogs/", after, 1000);
            foreach (var info in listing.Objects.Where(o => o.Key.Contains("/CloudTrail-Digest/", StringComparison.Ordinal)))
            {
                var stored = (await store.GetAsync(bucket, info.Key))!;
                var json = Gunzip(stored.Body.ToArray());
                var match = KeyPattern().Match(info.Key);
                match.Success.ShouldBeTrue($"digest key {info.Key} is not CloudTrail's");
                digests.Add(new DeliveredDigest(info.Key, match.Groups["region"].Value, json, JsonDocument.Parse(json).RootElement.Clone(),
                    stored.Metadata.GetValueOrDefault("signature") ?? "", stored.Metadata.GetValueOrDefault("signature-algorithm") ?? ""));
            }

            if (!listing.IsTruncated)
            {
                return digests;
            }

            after = listing.Objects[^1].Key;
        }
    }

    /// <summary>
    /// Creates and starts trail <paramref name="trail"/> on a server started with short delivery and digest
    /// intervals, puts three batches of records 1.5 s apart, stops it, and waits for its final digest:
    /// every delivered log file is then listed. Returns the digests and the log files.
    /// </summary>
    public static async Task<(List<DeliveredDigest> Digests, IReadOnlyList<DeliveredFile> Files)> LogThenStopAsync(
        Uri endpoint, Contrail.Client.ContrailClient client, string dataDirectory, string trail)
    {
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", trail, "--s3-bucket-name", DeliveryHarness.Bucket);
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", trail);
        for (var i = 0; i < 3; i++)
        {
            await DeliveryHarness.PutManagementAsync(client, DeliveryHarness.NewIds(10));
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }

        await DeliveryHarness.CliOkAsync(endpoint, "stop-logging", "--name", trail);
        var digests = await Eventually.WaitAsync(() => ReadAsync(dataDirectory, DeliveryHarness.Bucket),
            d => ListsEveryFileUpToStop(d, DeliveryHarness.ReadFiles(dataDirectory)),
            TimeSpan.FromSeconds(30), "the stopped trail's files are all in digests");
        return (digests, DeliveryHarness.ReadFiles(dataDirectory));
    }

    /// <summary>
    /// Whether <paramref name="files"/> (read after <paramref name="digests"/>) hold the trail's StopLogging
    /// record and every one of them is listed by a digest: the final digest is out.
    /// </summary>
    public static bool ListsEveryFileUpToStop(IReadOnlyList<DeliveredDigest> digests, IReadOnlyList<DeliveredFile> files) =>
        files.SelectMany(f => f.Records).Any(r => r.GetProperty("eventName").GetString() == "StopLogging")
        && files.Select(f => f.Key).ToHashSet().SetEquals(digests.SelectMany(x => x.LogFileKeys));

    public static byte[] Gunzip(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>
    /// Checks one region's digests (oldest first): names, members, signatures with <paramref name="keys"/>,
    /// links and contiguous windows within each chain, and the hash of every log file listed.
    /// Returns how many chains there are (digests whose previous members are null).
    /// </summary>
    public static async Task<int> VerifyAsync(IReadOnlyList<DeliveredDigest> digests, string dataDirectory, string bucket, string trailName,
        IReadOnlyList<PublicKeyInfo> keys)
    {
        var store = new LocalObjectStore(dataDirectory);
        var chains = 0;
        DeliveredDigest? previous = null;
        foreach (var digest in digests)
        {
            var match = KeyPattern().Match(digest.Key);
            match.Groups["acct"].Value.ShouldBe(TestServer.AccountId);
            match.Groups["acct2"].Value.ShouldBe(TestServer.AccountId);
            match.Groups["region2"].Value.ShouldBe(digest.Region);
            match.Groups["trail"].Value.ShouldBe(trailName);
            match.Groups["home"].Value.ShouldBe(TestServer.Region);
            digest.Root.EnumerateObject().Select(p => p.Name).ShouldBe(Members);
            var end = digest.End;
            digest.Key[^24..^8].ShouldBe(end.Replace("-", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal), "the key's timestamp is digestEndTime");
            $"{match.Groups["y"]}-{match.Groups["m"]}-{match.Groups["d"]}".ShouldBe(end[..10]);
            digest.Root.GetProperty("awsAccountId").GetString().ShouldBe(TestServer.AccountId);
            digest.Root.GetProperty("digestS3Bucket").GetString().ShouldBe(bucket);
            digest.Root.GetProperty("digestS3Object").GetString().ShouldBe(digest.Key);
            digest.Root.GetProperty("digestSignatureAlgorithm").GetString().ShouldBe("SHA256withRSA");
            digest.Algorithm.ShouldBe("SHA256withRSA");
            string.CompareOrdinal(digest.Start, end).ShouldBeLessThan(0, $"{digest.Key} has an empty window");

            var hash = Convert.ToHexStringLower(SHA256.HashData(digest.Json));
            var previousSignature = digest.Root.GetProperty("previousDigestSignature").GetString();
            var signed = Encoding.UTF8.GetBytes($"{end}\n{bucket}/{digest.Key}\n{hash}\n{previousSignature ?? "null"}");
            var fingerprint = digest.Root.GetProperty("digestPublicKeyFingerprint").GetString();
            var key = keys.SingleOrDefault(k => k.Fingerprint == fingerprint);
            key.ShouldNotBeNull($"no public key with fingerprint {fingerprint}");
            using (var rsa = RSA.Create())
            {
                rsa.ImportRSAPublicKey(key.Der, out _);
                rsa.VerifyData(signed, Convert.FromHexString(digest.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    .ShouldBeTrue($"the signature of {digest.Key} does not verify");
            }

            if (digest.Previous is null)
            {
                chains++;
                foreach (var member in new[] { "previousDigestS3Bucket", "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature" })
                {
                    digest.Root.GetProperty(member).ValueKind.ShouldBe(JsonValueKind.Null, $"{member} of a chain start");
                }

                if (previous is not null)
                {
                    string.CompareOrdinal(digest.Start, previous.End).ShouldBeGreaterThanOrEqualTo(0, "a new chain starts after the last one ended");
                }
            }
            else
            {
                previous.ShouldNotBeNull($"{digest.Key} names a previous digest but is the first");
                digest.Previous.ShouldBe(previous.Key, "each digest names the one before it: no fork, no gap");
                digest.Root.GetProperty("previousDigestS3Bucket").GetString().ShouldBe(bucket);
                previousSignature.ShouldBe(previous.Signature);
                digest.Root.GetProperty("previousDigestHashValue").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(previous.Json)));
                digest.Root.GetProperty("previousDigestHashAlgorithm").GetString().ShouldBe("SHA-256");
                digest.Start.ShouldBe(previous.End, "windows are contiguous");
            }

            foreach (var file in digest.Root.GetProperty("logFiles").EnumerateArray())
            {
                var fileKey = file.GetProperty("s3Object").GetString()!;
                file.GetProperty("s3Bucket").GetString().ShouldBe(bucket);
                file.GetProperty("hashAlgorithm").GetString().ShouldBe("SHA-256");
                var body = await store.GetAsync(bucket, fileKey);
                body.ShouldNotBeNull($"{fileKey} listed in {digest.Key} does not exist");
                file.GetProperty("hashValue").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Gunzip(body.Body.ToArray()))));
                fileKey.ShouldContain($"/CloudTrail/{digest.Region}/");
            }

            previous = digest;
        }

        return chains;
    }
}
