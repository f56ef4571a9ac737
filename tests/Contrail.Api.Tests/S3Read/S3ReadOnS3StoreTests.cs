using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Contrail.Api.Service;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Objects;
using Contrail.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Tests.S3Read;

/// <summary>
/// The S3 subset over an S3-compatible store (<c>serve --s3-endpoint</c>, moto here): Contrail reads
/// whatever store it delivers to, with the store's own ETags, and tells a missing bucket by HeadBucket.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class S3ReadOnS3StoreTests(MotoServer moto) : IAsyncLifetime
{
    private readonly string _dataDirectory = TempDirectory.Create("s3read-on-s3");
    private WebApplication _app = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        var s3 = new S3ObjectStoreOptions
        {
            Endpoint = new Uri(moto.Endpoint),
            Region = MotoServer.Region,
            Credentials = new BasicAWSCredentials(MotoServer.AccessKeyId, MotoServer.SecretAccessKey),
            MaxErrorRetry = 0,
        };
        var settings = new ContrailSettings(_dataDirectory, new ServiceIdentity(TestServer.AccountId, TestServer.Region), TestServer.AccessKeyId, TestServer.Secret, S3: s3);
        _app = ContrailApplication.Build(settings, ["--urls", "http://127.0.0.1:0"], logging: l => l.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        _endpoint = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        TempDirectory.Delete(_dataDirectory);
    }

    [Fact]
    public async Task ListAndGet_ThroughContrail_TheStoresBytesMetadataAndETags()
    {
        var bucket = await moto.CreateBucketAsync("s3read");
        using var store = moto.Client();
        var put = new PutObjectRequest { BucketName = bucket, Key = "AWSLogs/1/a b.json.gz", ContentBody = "{\"Records\":[]}" };
        put.Metadata["signature"] = "abcdef";
        await store.PutObjectAsync(put);
        await store.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "AWSLogs/2/c.json.gz", ContentBody = "second" });
        var upstream = (await store.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.ToDictionary(o => o.Key, o => o.ETag);

        using var contrail = S3ReadClients.Sdk(_endpoint);
        var listed = await contrail.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/", Prefix = "AWSLogs/" });
        var all = await contrail.ListObjectsAsync(new ListObjectsRequest { BucketName = bucket });
        using var got = await contrail.GetObjectAsync(bucket, "AWSLogs/1/a b.json.gz");
        using var reader = new StreamReader(got.ResponseStream);

        listed.CommonPrefixes.ShouldBe(["AWSLogs/1/", "AWSLogs/2/"]);
        all.S3Objects.ToDictionary(o => o.Key, o => o.ETag).ShouldBe(upstream, "the store's ETags, as S3 gave them");
        (await reader.ReadToEndAsync()).ShouldBe("{\"Records\":[]}");
        got.ETag.ShouldBe(upstream["AWSLogs/1/a b.json.gz"]);
        got.Metadata["signature"].ShouldBe("abcdef");
    }

    [Fact]
    public async Task MissingBucketAndKey_NoSuchBucketAndNoSuchKey()
    {
        var bucket = await moto.CreateBucketAsync("s3read-empty");
        using var contrail = S3ReadClients.Sdk(_endpoint);

        var empty = await contrail.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        var noBucket = await Should.ThrowAsync<AmazonS3Exception>(() => contrail.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket + "-gone" }));
        var noKey = await Should.ThrowAsync<AmazonS3Exception>(() => contrail.GetObjectAsync(bucket, "missing"));

        (empty.S3Objects ?? []).ShouldBeEmpty();
        noBucket.ErrorCode.ShouldBe("NoSuchBucket");
        noKey.ErrorCode.ShouldBe("NoSuchKey");
    }
}
