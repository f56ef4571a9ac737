using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Objects;
using Contrail.Events.Records;
using Contrail.Journal;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Tests.S3Read;

/// <summary>
/// Every S3 call is audited as S3 records it in CloudTrail: object reads and listings as data events,
/// bucket-level calls as management events, refusals with their error code. The AWS SDK for .NET is the client.
/// </summary>
public sealed class S3ReadAuditTests : IAsyncLifetime
{
    private const string Bucket = "audited-bucket";
    private const string Key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/01/file.json.gz";

    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        await _server.Services.GetRequiredService<IObjectStore>().PutAsync(Bucket, Key, S3ReadBoto3Tests.Gzip("{\"Records\":[]}"), new Dictionary<string, string>());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetObject_IsADataEvent_WithTheObjectAndBucketAsResources()
    {
        using var s3 = S3ReadClients.Sdk(_server.Endpoint);
        using (var got = await s3.GetObjectAsync(Bucket, Key))
        {
            using var body = new MemoryStream();
            await got.ResponseStream.CopyToAsync(body);
            body.ToArray().ShouldBe(S3ReadBoto3Tests.Gzip("{\"Records\":[]}"));
        }

        var record = Single(Audited(), "GetObject");

        record.GetProperty("eventSource").GetString().ShouldBe("s3.amazonaws.com");
        record.GetProperty("managementEvent").GetBoolean().ShouldBeFalse();
        record.GetProperty("eventCategory").GetString().ShouldBe("Data");
        record.GetProperty("readOnly").GetBoolean().ShouldBeTrue();
        record.GetProperty("userIdentity").GetProperty("accessKeyId").GetString().ShouldBe(TestServer.AccessKeyId);
        record.TryGetProperty("errorCode", out _).ShouldBeFalse();
        var parameters = record.GetProperty("requestParameters");
        parameters.GetProperty("bucketName").GetString().ShouldBe(Bucket);
        parameters.GetProperty("key").GetString().ShouldBe(Key);
        record.GetProperty("resources").EnumerateArray().Select(r => (r.GetProperty("type").GetString(), r.GetProperty("ARN").GetString())).ShouldBe(
        [
            ("AWS::S3::Object", $"arn:aws:s3:::{Bucket}/{Key}"),
            ("AWS::S3::Bucket", $"arn:aws:s3:::{Bucket}"),
        ]);
    }

    [Fact]
    public async Task ListingsAreDataEvents_BucketCallsManagement_RefusalsKeepTheirCodes()
    {
        using var s3 = S3ReadClients.Sdk(_server.Endpoint);
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "AWSLogs/" });
        listed.S3Objects.Select(o => o.Key).ShouldBe([Key]);
        (await s3.ListObjectsAsync(new ListObjectsRequest { BucketName = Bucket })).S3Objects.Count.ShouldBe(1);
        (await s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = Bucket })).Location.Value.ShouldBeNullOrEmpty();
        (await s3.GetObjectMetadataAsync(Bucket, Key)).ContentLength.ShouldBeGreaterThan(0);
        var refused = await Should.ThrowAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "new", ContentBody = "x" }));
        refused.ErrorCode.ShouldBe("AccessDenied");
        var missing = await Should.ThrowAsync<AmazonS3Exception>(() => s3.GetObjectAsync(Bucket, "missing"));
        missing.ErrorCode.ShouldBe("NoSuchKey");

        var records = Audited();
        foreach (var name in new[] { "ListObjectsV2", "ListObjects", "HeadObject" })
        {
            var record = Single(records, name);
            record.GetProperty("eventCategory").GetString().ShouldBe("Data", name);
            record.GetProperty("managementEvent").GetBoolean().ShouldBeFalse(name);
        }

        Single(records, "ListObjectsV2").GetProperty("requestParameters").GetProperty("prefix").GetString().ShouldBe("AWSLogs/");
        var location = Single(records, "GetBucketLocation");
        location.GetProperty("eventCategory").GetString().ShouldBe("Management");
        location.GetProperty("readOnly").GetBoolean().ShouldBeTrue();
        var put = Single(records, "PutObject");
        put.GetProperty("errorCode").GetString().ShouldBe("AccessDenied");
        put.GetProperty("readOnly").GetBoolean().ShouldBeFalse();
        put.GetProperty("eventCategory").GetString().ShouldBe("Data");
        var get = Single(records, "GetObject");
        get.GetProperty("errorCode").GetString().ShouldBe("NoSuchKey");
        get.GetProperty("requestParameters").GetProperty("key").GetString().ShouldBe("missing");
    }

    [Fact]
    public async Task EventHistory_HasTheBucketCallsButNotTheDataEvents()
    {
        using var s3 = S3ReadClients.Sdk(_server.Endpoint);
        (await s3.GetObjectAsync(Bucket, Key)).Dispose();
        await s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = Bucket });

        // The indexer takes the journal in order: once the later GetBucketLocation is found, GetObject was seen too.
        await Eventually.WaitAsync(() => LookupAsync("GetBucketLocation"), n => n == 1, what: "GetBucketLocation in event history");
        (await LookupAsync("GetObject")).ShouldBe(0, "data events are not event history, as in CloudTrail");
    }

    [Fact]
    public async Task WrongSecret_AuditedAsSignatureDoesNotMatch_WithTheClaimedKey()
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(S3TestSigner.Request(HttpMethod.Get, _server.Endpoint, $"/{Bucket}/{Key}", secret: "not-it"));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);

        var record = Single(Audited(), "GetObject");
        record.GetProperty("errorCode").GetString().ShouldBe("SignatureDoesNotMatch");
        record.GetProperty("userIdentity").GetProperty("accessKeyId").GetString().ShouldBe(TestServer.AccessKeyId);
        record.GetProperty("eventSource").GetString().ShouldBe("s3.amazonaws.com");
    }

    private async Task<int> LookupAsync(string eventName)
    {
        var response = await _server.Client.CallAsync("LookupEvents", $$"""{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"{{eventName}}"}]}""");
        response.IsSuccess.ShouldBeTrue(response.Body);
        return JsonDocument.Parse(response.Body).RootElement.GetProperty("Events").GetArrayLength();
    }

    /// <summary>The s3.amazonaws.com records in the journal (written before each answer, so all are there).</summary>
    private List<JsonElement> Audited()
    {
        var journal = _server.Services.GetRequiredService<Contrail.Journal.Journal>();
        using var reader = journal.OpenReader(0);
        var batch = new List<JournalRecord>();
        while (reader.ReadBatch(batch, 1000, 1 << 24) > 0)
        {
        }

        return batch.Select(r => JsonDocument.Parse(JournalEnvelope.Decode(r.Payload).Json).RootElement)
            .Where(r => r.GetProperty("eventSource").GetString() == "s3.amazonaws.com")
            .ToList();
    }

    private static JsonElement Single(List<JsonElement> records, string eventName) =>
        records.Where(r => r.GetProperty("eventName").GetString() == eventName).ShouldHaveSingleItem($"one {eventName} record");
}
