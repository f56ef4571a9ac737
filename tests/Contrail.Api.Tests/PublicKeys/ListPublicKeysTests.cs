using System.Security.Cryptography;
using System.Text.Json;
using Contrail.Api.Tests.Auth;
using Contrail.Api.Tests.Support;
using Contrail.Client;
using Contrail.Delivery.Digests;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Tests.PublicKeys;

/// <summary><c>ListPublicKeys</c> on the wire (spec §2.5, §4.7), against the server on loopback.</summary>
public sealed class ListPublicKeysTests : IAsyncLifetime
{
    private static readonly TimeSpan Rotation = TimeSpan.FromDays(30);

    // Whole seconds: key windows are whole seconds.
    private readonly DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private readonly string _directory = TempDirectory.Create("public-keys");
    private TestServer? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        TempDirectory.Delete(_directory);
    }

    private async Task<TestServer> Start() => _server = await TestServer.StartAsync(_directory);

    private Task<ContrailResponse> List(object body) => _server!.Client.CallAsync("ListPublicKeys", JsonSerializer.Serialize(body));

    private static JsonElement[] Keys(ContrailResponse response)
    {
        response.Status.ShouldBe(200, response.Body);
        return [.. JsonDocument.Parse(response.Body).RootElement.GetProperty("PublicKeyList").EnumerateArray()];
    }

    /// <summary>Two keys made before the server starts: [now-70d, now-40d) and [now-35d, now-5d).</summary>
    private (PublicKeyInfo Old, PublicKeyInfo Newer) PrepareTwoOldKeys()
    {
        var clock = new FixedTimeProvider(_now.AddDays(-70));
        using var ring = SigningKeyRing.Open(Path.Combine(_directory, "keys"), clock, Rotation);
        var old = ring.KeyFor(clock.Now).Public;
        clock.Now = _now.AddDays(-35);
        var newer = ring.KeyFor(clock.Now).Public;
        return (old, newer);
    }

    [Fact]
    public async Task ListPublicKeys_FirstCall_MakesTheCurrentKey_Base64Pkcs1ValueAndItsMd5Fingerprint()
    {
        var server = await Start();

        var listed = Keys(await List(new { }));

        var entry = listed.ShouldHaveSingleItem();
        var value = entry.GetProperty("Value").GetString()!;
        value.ShouldStartWith("MIIBCgKCAQEA", Case.Sensitive, "PKCS#1 RSAPublicKey of a 2048-bit key");
        var der = Convert.FromBase64String(value);
        entry.GetProperty("Fingerprint").GetString().ShouldBe(Convert.ToHexStringLower(MD5.HashData(der)));
        var start = DateTimeOffset.FromUnixTimeSeconds(entry.GetProperty("ValidityStartTime").GetInt64());
        var end = DateTimeOffset.FromUnixTimeSeconds(entry.GetProperty("ValidityEndTime").GetInt64());
        start.ShouldBeInRange(_now.AddMinutes(-1), DateTimeOffset.UtcNow);
        (end - start).ShouldBe(SigningKeyRing.DefaultRotation);

        var ring = server.Services.GetRequiredService<SigningKeyRing>();
        var key = ring.KeyFor(DateTimeOffset.UtcNow);
        key.Fingerprint.ShouldBe(entry.GetProperty("Fingerprint").GetString(), "the key served is the one that signs digests now");
        using var rsa = RSA.Create();
        rsa.ImportRSAPublicKey(der, out _);
        var data = "digest"u8.ToArray();
        rsa.VerifyData(data, key.Sign(data), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
        Directory.GetFiles(Path.Combine(_directory, "keys")).Length.ShouldBe(1);
        Keys(await List(new { })).ShouldHaveSingleItem().GetProperty("Fingerprint").GetString().ShouldBe(key.Fingerprint);
    }

    [Fact]
    public async Task ListPublicKeys_TimeRange_ListsTheKeysWhoseValidityOverlapsIt_OldestFirst()
    {
        var (old, newer) = PrepareTwoOldKeys();
        await Start();

        string?[] Fingerprints(ContrailResponse r) => [.. Keys(r).Select(k => k.GetProperty("Fingerprint").GetString())];

        Fingerprints(await List(new { StartTime = _now.AddDays(-80).ToUnixTimeSeconds(), EndTime = _now.AddDays(-75).ToUnixTimeSeconds() }))
            .ShouldBeEmpty("entirely before the first key: nothing");

        // Both old keys have expired: as AWS, there is still a current key, made by the first call.
        var current = Fingerprints(await List(new { })).ShouldHaveSingleItem();
        current.ShouldNotBe(newer.Fingerprint);
        Fingerprints(await List(new { StartTime = _now.AddDays(-60).ToUnixTimeSeconds(), EndTime = _now.AddDays(-50).ToUnixTimeSeconds() }))
            .ShouldBe([old.Fingerprint]);
        Fingerprints(await List(new { StartTime = _now.AddDays(-60).ToUnixTimeSeconds(), EndTime = _now.AddDays(-30).ToUnixTimeSeconds() }))
            .ShouldBe([old.Fingerprint, newer.Fingerprint]);
        Fingerprints(await List(new { StartTime = _now.AddDays(-38).ToUnixTimeSeconds() + 0.5, EndTime = _now.AddDays(-37).ToUnixTimeSeconds() + 0.25 }))
            .ShouldBeEmpty("fractional epoch seconds, in the gap between the keys");
        Fingerprints(await List(new { StartTime = (_now.AddDays(-40).ToUnixTimeSeconds() - 1) + 0.999 }))
            .ShouldBe([old.Fingerprint, newer.Fingerprint, current], "EndTime defaults to now; the old key's last instant is inside");
        Fingerprints(await List(new { StartTime = _now.AddDays(-40).ToUnixTimeSeconds() }))
            .ShouldBe([newer.Fingerprint, current], "ValidityEndTime is exclusive");

        var entry = Keys(await List(new { StartTime = _now.AddDays(-70).ToUnixTimeSeconds(), EndTime = _now.AddDays(-70).ToUnixTimeSeconds() })).ShouldHaveSingleItem();
        entry.GetProperty("Value").GetString().ShouldBe(Convert.ToBase64String(old.Der));
        entry.GetProperty("ValidityStartTime").GetInt64().ShouldBe(_now.AddDays(-70).ToUnixTimeSeconds());
        entry.GetProperty("ValidityEndTime").GetInt64().ShouldBe(_now.AddDays(-40).ToUnixTimeSeconds());
        Directory.GetFiles(Path.Combine(_directory, "keys")).Length.ShouldBe(3, "one current key, made once");
    }

    [Theory]
    [InlineData("""{"StartTime":1700000100,"EndTime":1700000000}""", "InvalidTimeRangeException")]
    [InlineData("""{"EndTime":1700000000}""", "InvalidTimeRangeException")]
    [InlineData("""{"NextToken":"abc"}""", "InvalidTokenException")]
    [InlineData("""{"StartTime":1700000000,"NextToken":""}""", "InvalidTokenException")]
    [InlineData("""{"StartTime":"yesterday"}""", "SerializationException")]
    [InlineData("""{"EndTime":true}""", "SerializationException")]
    [InlineData("""{"NextToken":5}""", "SerializationException")]
    [InlineData("[]", "SerializationException")]
    public async Task ListPublicKeys_BadInput_AnswersItsCloudTrailError(string body, string code)
    {
        await Start();

        var response = await _server!.Client.CallAsync("ListPublicKeys", body);

        response.Status.ShouldBe(400);
        response.ErrorCode.ShouldBe(code);
        JsonDocument.Parse(response.Body).RootElement.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ListPublicKeys_IsAuditedAsAReadOnlyManagementEvent()
    {
        await Start();
        Keys(await List(new { StartTime = _now.AddDays(-1).ToUnixTimeSeconds() }));

        var lookup = await Eventually.WaitAsync(
            () => _server!.Client.CallAsync("LookupEvents", """{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"ListPublicKeys"}]}"""),
            r => r.IsSuccess && JsonDocument.Parse(r.Body).RootElement.GetProperty("Events").GetArrayLength() == 1,
            what: "the ListPublicKeys call in event history");

        var found = JsonDocument.Parse(lookup.Body).RootElement.GetProperty("Events")[0];
        found.GetProperty("EventSource").GetString().ShouldBe("cloudtrail.amazonaws.com");
        found.GetProperty("ReadOnly").GetString().ShouldBe("true");
        var record = JsonDocument.Parse(found.GetProperty("CloudTrailEvent").GetString()!).RootElement;
        record.GetProperty("managementEvent").GetBoolean().ShouldBeTrue();
        record.GetProperty("requestParameters").GetProperty("startTime").GetInt64().ShouldBe(_now.AddDays(-1).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Start_WithADamagedKeyFile_FailsNamingIt_AndKeepsTheFile()
    {
        PrepareTwoOldKeys();
        var damaged = Directory.GetFiles(Path.Combine(_directory, "keys")).Order(StringComparer.Ordinal).First();
        await File.WriteAllTextAsync(damaged, "{}");

        var thrown = await Should.ThrowAsync<SigningKeyCorruptedException>(Start);

        thrown.Message.ShouldContain(damaged);
        (await File.ReadAllTextAsync(damaged)).ShouldBe("{}");
        Directory.GetFiles(Path.Combine(_directory, "keys")).Length.ShouldBe(2);
    }
}
