using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;
using Contrail.Tests.Support;

namespace Contrail.Delivery.Tests.Objects;

/// <summary>
/// What <see cref="S3ObjectStore"/> does beyond the shared contract: missing buckets on put, server-side
/// encryption as S3 reports it, Content-MD5, metadata S3 cannot carry, and failures as S3-style codes.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class S3ObjectStoreTests(MotoServer moto)
{
    private const string KmsKey = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static readonly Dictionary<string, string> NoMetadata = [];

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task PutAsync_MissingBucket_ObjectStoreExceptionNoSuchBucket()
    {
        using var store = S3Stores.On(moto);

        var error = await Should.ThrowAsync<ObjectStoreException>(() => store.PutAsync("never-created-bucket", "AWSLogs/k.json.gz", Bytes("x"), NoMetadata));

        error.ErrorCode.ShouldBe("NoSuchBucket");
        error.Message.ShouldContain("s3://never-created-bucket/AWSLogs/k.json.gz");
        error.InnerException.ShouldBeAssignableTo<AmazonS3Exception>();
    }

    [Fact]
    public async Task PutAsync_ServerSideEncryption_HeadObjectReportsIt()
    {
        var bucket = await moto.CreateBucketAsync("sse");
        using var plain = S3Stores.On(moto);
        using var defaultAes = S3Stores.On(moto, o => o.ServerSideEncryption = ObjectWriteOptions.Aes256);

        await plain.PutAsync(bucket, "aes", Bytes("a"), NoMetadata, new ObjectWriteOptions { ServerSideEncryption = ObjectWriteOptions.Aes256 });
        await plain.PutAsync(bucket, "kms", Bytes("k"), NoMetadata, ObjectWriteOptions.Kms(KmsKey));
        await defaultAes.PutAsync(bucket, "default", Bytes("d"), NoMetadata);
        await defaultAes.PutAsync(bucket, "override", Bytes("o"), NoMetadata, ObjectWriteOptions.Kms(KmsKey));

        using var client = moto.Client();
        var aes = await client.GetObjectMetadataAsync(bucket, "aes");
        aes.ServerSideEncryptionMethod.ShouldBe(ServerSideEncryptionMethod.AES256);
        var kms = await client.GetObjectMetadataAsync(bucket, "kms");
        kms.ServerSideEncryptionMethod.ShouldBe(ServerSideEncryptionMethod.AWSKMS);
        kms.ServerSideEncryptionKeyManagementServiceKeyId.ShouldBe(KmsKey);
        (await client.GetObjectMetadataAsync(bucket, "default")).ServerSideEncryptionMethod.ShouldBe(ServerSideEncryptionMethod.AES256);
        var overridden = await client.GetObjectMetadataAsync(bucket, "override");
        overridden.ServerSideEncryptionMethod.ShouldBe(ServerSideEncryptionMethod.AWSKMS);
        overridden.ServerSideEncryptionKeyManagementServiceKeyId.ShouldBe(KmsKey);
    }

    [Fact]
    public async Task PutAsync_OneWholePutWithContentMd5AndSignedPayload()
    {
        using var fake = new FakeS3Endpoint();
        using var store = new S3ObjectStore(S3Stores.OptionsFor(fake.Endpoint));
        var body = RandomNumberGenerator.GetBytes(100_000);

        await store.PutAsync("audit-logs", "AWSLogs/111122223333/CloudTrail/us-east-1/f.json.gz", body, new Dictionary<string, string> { ["signature"] = "abc" },
            ObjectWriteOptions.Kms(KmsKey));

        var put = fake.Requests.ShouldHaveSingleItem();
        put.Method.ShouldBe("PUT");
        put.Path.ShouldBe("/audit-logs/AWSLogs/111122223333/CloudTrail/us-east-1/f.json.gz");
        put.Body.ShouldBe(body);
        put.Headers["content-md5"].ShouldBe(Convert.ToBase64String(MD5.HashData(body)));
        put.Headers["x-amz-content-sha256"].ShouldBe(Convert.ToHexStringLower(SHA256.HashData(body)), "the payload is signed, not streamed in chunks");
        put.Headers.ContainsKey("content-encoding").ShouldBeFalse("aws-chunked is not used");
        put.Headers["x-amz-meta-signature"].ShouldBe("abc");
        put.Headers["x-amz-server-side-encryption"].ShouldBe("aws:kms");
        put.Headers["x-amz-server-side-encryption-aws-kms-key-id"].ShouldBe(KmsKey);
        put.Headers["authorization"].ShouldStartWith($"AWS4-HMAC-SHA256 Credential={MotoServer.AccessKeyId}/");
    }

    [Fact]
    public async Task PutAsync_StoreRefusesTheDigest_ObjectStoreExceptionBadDigest()
    {
        using var fake = new FakeS3Endpoint(_ => (400,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>BadDigest</Code><Message>The Content-MD5 you specified did not match what we received.</Message></Error>"));
        using var store = new S3ObjectStore(S3Stores.OptionsFor(fake.Endpoint));

        var error = await Should.ThrowAsync<ObjectStoreException>(() => store.PutAsync("audit-logs", "k", Bytes("x"), NoMetadata));

        error.ErrorCode.ShouldBe("BadDigest");
        fake.Requests.Count.ShouldBe(1, "a 400 is not retried");
    }

    [Theory]
    [InlineData("Signature", "v")]
    [InlineData("sig nature", "v")]
    [InlineData("", "v")]
    [InlineData("note", "é")]
    [InlineData("note", "line\nbreak")]
    [InlineData("note", " padded")]
    public async Task PutAsync_MetadataS3CannotCarryExactly_ArgumentException(string name, string value)
    {
        using var store = S3Stores.On(moto);

        await Should.ThrowAsync<ArgumentException>(() => store.PutAsync("audit-logs", "k", Bytes("x"), new Dictionary<string, string> { [name] = value }));
    }

    [Fact]
    public async Task UnreachableEndpoint_ObjectStoreExceptionServiceUnavailable()
    {
        using var store = new S3ObjectStore(S3Stores.OptionsFor(SilentEndpoint.Refusing()));

        (await Should.ThrowAsync<ObjectStoreException>(() => store.PutAsync("audit-logs", "k", Bytes("x"), NoMetadata))).ErrorCode.ShouldBe(S3ObjectStore.ServiceUnavailable);
        (await Should.ThrowAsync<ObjectStoreException>(() => store.GetAsync("audit-logs", "k"))).ErrorCode.ShouldBe(S3ObjectStore.ServiceUnavailable);
        (await Should.ThrowAsync<ObjectStoreException>(() => store.ListAsync("audit-logs", null, null, 10))).ErrorCode.ShouldBe(S3ObjectStore.ServiceUnavailable);
        (await Should.ThrowAsync<ObjectStoreException>(() => store.DeleteAsync("audit-logs", "k"))).ErrorCode.ShouldBe(S3ObjectStore.ServiceUnavailable);
    }

    [Fact]
    public async Task SilentEndpoint_ObjectStoreExceptionRequestTimeout()
    {
        using var silent = new SilentEndpoint();
        var options = S3Stores.OptionsFor(silent.Endpoint);
        options.Timeout = TimeSpan.FromSeconds(1);
        using var store = new S3ObjectStore(options);

        var error = await Should.ThrowAsync<ObjectStoreException>(() => store.PutAsync("audit-logs", "k", Bytes("x"), NoMetadata));

        error.ErrorCode.ShouldBe(S3ObjectStore.RequestTimeout);
    }

    [Fact]
    public async Task CallerCancels_OperationCanceled_NotAStoreError()
    {
        using var silent = new SilentEndpoint();
        using var store = new S3ObjectStore(S3Stores.OptionsFor(silent.Endpoint));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => store.PutAsync("audit-logs", "k", Bytes("x"), NoMetadata, null, cancel.Token));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("file:///tmp/x")]
    public void Options_EndpointNotHttp_ArgumentException(string endpoint) =>
        Should.Throw<ArgumentException>(() => new S3ObjectStore(S3Stores.OptionsFor(endpoint))).Message.ShouldContain("http");

    [Fact]
    public void Options_Invalid_ArgumentException()
    {
        Should.Throw<ArgumentException>(() => new S3ObjectStore(new S3ObjectStoreOptions { Endpoint = new Uri("/relative", UriKind.Relative) }));
        Should.Throw<ArgumentException>(() => new S3ObjectStore(new S3ObjectStoreOptions { Region = " " }));
        Should.Throw<ArgumentException>(() => new S3ObjectStore(new S3ObjectStoreOptions { ServerSideEncryption = "aws:kms:dsse" }));
        Should.Throw<ArgumentException>(() => new S3ObjectStore(new S3ObjectStoreOptions { Timeout = TimeSpan.Zero }));
    }

    [Fact]
    public void Credentials_FromTheAwsEnvironmentVariables()
    {
        S3Credentials.FromEnvironment(_ => null).ShouldBeNull();
        S3Credentials.FromEnvironment(n => n == "AWS_ACCESS_KEY_ID" ? "AKID" : null).ShouldBeNull("a key without a secret is not credentials");

        var basic = S3Credentials.FromEnvironment(n => n switch { "AWS_ACCESS_KEY_ID" => "AKID", "AWS_SECRET_ACCESS_KEY" => "secret", _ => null });
        var basicValues = basic.ShouldBeOfType<BasicAWSCredentials>().GetCredentials();
        basicValues.AccessKey.ShouldBe("AKID");
        basicValues.SecretKey.ShouldBe("secret");
        basicValues.UseToken.ShouldBeFalse();

        var session = S3Credentials.FromEnvironment(n => n switch { "AWS_ACCESS_KEY_ID" => "ASIA", "AWS_SECRET_ACCESS_KEY" => "secret", "AWS_SESSION_TOKEN" => "token", _ => null });
        session.ShouldBeOfType<SessionAWSCredentials>().GetCredentials().Token.ShouldBe("token");
    }

    [Fact]
    public void CodeOf_SdkFailures_S3StyleCodes()
    {
        S3ObjectStore.CodeOf(new AmazonS3Exception("x") { ErrorCode = "AccessDenied", StatusCode = HttpStatusCode.Forbidden }).ShouldBe("AccessDenied");
        S3ObjectStore.CodeOf(new AmazonS3Exception("x") { ErrorCode = "KMS.NotFoundException", StatusCode = HttpStatusCode.BadRequest }).ShouldBe("KMS.NotFoundException");
        S3ObjectStore.CodeOf(new AmazonS3Exception("x") { ErrorCode = "Forbidden", StatusCode = HttpStatusCode.Forbidden }).ShouldBe("AccessDenied");
        S3ObjectStore.CodeOf(new AmazonS3Exception("x") { StatusCode = HttpStatusCode.BadGateway }).ShouldBe(S3ObjectStore.ServiceUnavailable);
        S3ObjectStore.CodeOf(new AmazonS3Exception("x") { StatusCode = HttpStatusCode.InternalServerError }).ShouldBe("InternalError");
        S3ObjectStore.CodeOf(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))).ShouldBe(S3ObjectStore.ServiceUnavailable);
        S3ObjectStore.CodeOf(new AmazonServiceException("wrapped", new HttpRequestException("reset"))).ShouldBe(S3ObjectStore.ServiceUnavailable);
        S3ObjectStore.CodeOf(new TimeoutException()).ShouldBe(S3ObjectStore.RequestTimeout);
        S3ObjectStore.CodeOf(new InvalidOperationException()).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/var/lib/contrail/buckets/x")]
    [InlineData("Access Denied")]
    public void ObjectStoreException_CodeThatIsNotAPlainWord_InternalError(string? code) =>
        new ObjectStoreException(code, "m").ErrorCode.ShouldBe(ObjectStoreException.InternalError);
}
