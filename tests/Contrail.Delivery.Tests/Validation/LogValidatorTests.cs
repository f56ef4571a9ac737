using System.Security.Cryptography;
using System.Text;
using Contrail.Delivery.Validation;
using Contrail.Tests.Support;
using static Contrail.Delivery.Tests.Validation.ValidationHarness;

namespace Contrail.Delivery.Tests.Validation;

/// <summary>The AWS CLI's checks (spec §3.3), on chains a test-only producer signs: 3 hourly digests over 2 log files each.</summary>
public sealed class LogValidatorTests : IDisposable
{
    private readonly ValidationHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task ValidateAsync_IntactChain_EveryDigestAndLogFileValidNewestFirst()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldBe(Expected(Enumerable.Reverse(chain)));
        (tally.ValidDigests, tally.InvalidDigests, tally.ValidLogFiles, tally.InvalidLogFiles).ShouldBe((3, 0, 6, 0));
        tally.FoundStart.ShouldBe(T0);
        tally.FoundEnd.ShouldBe(T0.AddHours(3));
        tally.HasInvalid.ShouldBeFalse();
    }

    [Fact]
    public async Task ValidateAsync_LogFileChanged_HashValueDoesNotMatch()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        var changed = chain[1].LogFiles[0];
        await _h.ReplaceAsync(changed.Key, s => (TestTrail.Gzip(Encoding.UTF8.GetBytes("""{"Records":[]}""")), s.Metadata));

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldContain($"L hash value doesn't match {changed.Key}");
        (tally.ValidLogFiles, tally.InvalidLogFiles).ShouldBe((5, 1));
        tally.HasInvalid.ShouldBeTrue();
    }

    [Fact]
    public async Task ValidateAsync_LogFileDeleted_NotFound()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        var deleted = chain[0].LogFiles[1];
        (await _h.Store.DeleteAsync(_h.Trail.Bucket, deleted.Key)).ShouldBeTrue();

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldContain($"L not found {deleted.Key}");
        (tally.ValidLogFiles, tally.InvalidLogFiles).ShouldBe((5, 1));
    }

    [Fact]
    public async Task ValidateAsync_LogFileNotGzip_InvalidFormat()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        var broken = chain[2].LogFiles[0];
        await _h.ReplaceAsync(broken.Key, s => ("not gzip at all"u8.ToArray(), s.Metadata));

        var (findings, _) = await _h.RunAsync();

        Describe(findings).ShouldContain($"L invalid format {broken.Key}");
    }

    [Fact]
    public async Task ValidateAsync_MiddleDigestDeleted_NotFoundAndTheChainResumesBelowIt()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        await _h.Store.DeleteAsync(_h.Trail.Bucket, chain[1].Key);

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldBe([
            .. Expected([chain[2]]),
            $"D not found {chain[1].Key}",
            .. Expected([chain[0]]),
        ]);
        (tally.ValidDigests, tally.InvalidDigests, tally.ValidLogFiles).ShouldBe((2, 1, 4));
        tally.DigestChainProblems.ShouldBe(0);
    }

    [Fact]
    public async Task ValidateAsync_TwoConsecutiveDigestsDeleted_ContrailReportsTheBrokenChain()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 4);
        await _h.Store.DeleteAsync(_h.Trail.Bucket, chain[1].Key);
        await _h.Store.DeleteAsync(_h.Trail.Bucket, chain[2].Key);

        var (findings, tally) = await _h.RunAsync(end: T0.AddHours(4));

        // The AWS CLI's view: one digest not found (the one the newest names), then the oldest valid.
        Describe(findings).ShouldBe([
            .. Expected([chain[3]]),
            $"D not found {chain[2].Key}",
            $"D valid {chain[0].Key}",
            $"break {chain[0].Key} {chain[2].Key} 2024-01-01T01:00:00Z 2024-01-01T02:00:00Z",
            .. chain[0].LogFiles.Select(l => $"L valid {l.Key}"),
        ]);
        var broken = findings.OfType<DigestChainBreakFinding>().Single();
        broken.NewerKey.ShouldBe(chain[3].Key);
        broken.IsContrailCheck.ShouldBeTrue();
        (tally.InvalidDigests, tally.DigestChainProblems).ShouldBe((1, 1));
    }

    [Fact]
    public async Task ValidateAsync_DigestReplacedByAnotherValidDigest_ContrailReportsTheLinkMismatch()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);

        // A second, validly signed digest for the middle hour (a fork): the AWS CLI accepts it.
        var other = await _h.Trail.PutLogFileAsync(T0.AddHours(1).AddMinutes(20));
        await _h.Trail.PutDigestAsync(T0.AddHours(1), T0.AddHours(2), [other], chain[0]);

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldBe([
            .. Expected([chain[2]]),
            $"D valid {chain[1].Key}",
            $"link Signature {chain[1].Key}",
            $"link HashValue {chain[1].Key}",
            $"L valid {other.Key}",
            .. Expected([chain[0]]),
            .. chain[1].LogFiles.Select(l => $"unlisted {l.Key}"),
        ]);
        findings.OfType<DigestLinkFinding>().First().NewerKey.ShouldBe(chain[2].Key);
        (tally.ValidDigests, tally.InvalidDigests).ShouldBe((3, 0));
        tally.HasInvalid.ShouldBeTrue();
    }

    [Fact]
    public async Task ValidateAsync_DigestMoved_HasBeenMovedFromItsOriginalLocation()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);

        // The oldest digest copied over the middle one: it names another key.
        await _h.ReplaceAsync(chain[1].Key, _ => (TestTrail.Gzip(chain[0].Json), new Dictionary<string, string> { ["signature"] = chain[0].Signature, ["signature-algorithm"] = "SHA256withRSA" }));

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldBe([
            .. Expected([chain[2]]),
            $"D has been moved from its original location {chain[1].Key}",
            .. Expected([chain[0]]),
        ]);
        (tally.ValidDigests, tally.InvalidDigests).ShouldBe((2, 1));
        tally.DigestChainProblems.ShouldBe(0);
    }

    [Fact]
    public async Task ValidateAsync_SignatureOfOtherBytes_SignatureVerificationFailed()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        var forged = Convert.ToHexStringLower(_h.Trail.Key.SignData("something else"u8.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        await _h.ReplaceAsync(chain[1].Key, s => (s.Body.ToArray(), new Dictionary<string, string> { ["signature"] = forged, ["signature-algorithm"] = "SHA256withRSA" }));

        var (findings, _) = await _h.RunAsync();

        Describe(findings).ShouldContain($"D signature verification failed {chain[1].Key}");
    }

    [Fact]
    public async Task ValidateAsync_NoSignatureMetadata_SignatureVerificationFailed()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        await _h.ReplaceAsync(chain[2].Key, s => (s.Body.ToArray(), new Dictionary<string, string> { ["signature"] = chain[2].Signature }));

        var (findings, _) = await _h.RunAsync();

        Describe(findings)[0].ShouldBe($"D signature verification failed {chain[2].Key}");
    }

    [Fact]
    public async Task ValidateAsync_SignatureNotHex_TheAwsCliReasonForIt()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 1);
        await _h.ReplaceAsync(chain[0].Key, s => (s.Body.ToArray(), new Dictionary<string, string> { ["signature"] = "abc", ["signature-algorithm"] = "SHA256withRSA" }));

        var (findings, _) = await _h.RunAsync(end: T0.AddHours(1));

        findings.OfType<DigestFileFinding>().Single().Reason.ShouldBe("Odd-length string");
    }

    [Fact]
    public async Task ValidateAsync_UnknownFingerprint_PublicKeyNotFoundForEachDigest()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        using var otherKey = RSA.Create(2048);
        var other = otherKey.ExportRSAPublicKey();
        var options = _h.Options();
        options.PublicKeys = new FixedPublicKeySource([new DigestPublicKey(other, Convert.ToHexStringLower(MD5.HashData(other)))]);

        var (findings, tally) = await RunAsync(options);

        Describe(findings).ShouldBe([.. Enumerable.Reverse(chain).Select(d => $"D public key not found in region us-east-1 for fingerprint {_h.Trail.Fingerprint} {d.Key}")]);
        (tally.ValidDigests, tally.InvalidDigests).ShouldBe((0, 3));
        tally.FoundStart.ShouldBeNull();
    }

    [Fact]
    public async Task ValidateAsync_KeyIsNotPkcs1_UnableToLoadPkcs1Key()
    {
        await _h.Trail.PutHourlyChainAsync(T0, 1);
        var options = _h.Options(end: T0.AddHours(1));
        options.PublicKeys = new FixedPublicKeySource([new DigestPublicKey(_h.Trail.Key.ExportSubjectPublicKeyInfo(), _h.Trail.Fingerprint)]);

        var (findings, _) = await RunAsync(options);

        findings.OfType<DigestFileFinding>().Single().Reason.ShouldBe($"Unable to load PKCS #1 key with fingerprint {_h.Trail.Fingerprint}");
    }

    [Fact]
    public async Task ValidateAsync_ChainRestarted_GapNoticeAndNothingInvalid()
    {
        var first = await _h.Trail.PutHourlyChainAsync(T0, 1);
        var second = await _h.Trail.PutHourlyChainAsync(T0.AddHours(2), 1);

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldBe([
            .. Expected(second),
            "gap 2024-01-01T01:00:00Z 2024-01-01T02:00:00Z",
            .. Expected(first),
        ]);
        tally.HasInvalid.ShouldBeFalse();
    }

    [Fact]
    public async Task ValidateAsync_LogFileNoDigestLists_ContrailReportsItAtTheEnd()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        var added = await _h.Trail.PutLogFileAsync(T0.AddHours(1).AddMinutes(30));
        await _h.Trail.PutLogFileAsync(T0.AddHours(3).AddMinutes(5)); // after the last digest: not covered
        await _h.Trail.PutLogFileAsync(T0.AddHours(3).AddMinutes(-1)); // within a minute of the covered end

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldBe([.. Expected(Enumerable.Reverse(chain)), $"unlisted {added.Key}"]);
        findings[^1].IsContrailCheck.ShouldBeTrue();
        (tally.ValidDigests, tally.ValidLogFiles, tally.UnlistedLogFiles).ShouldBe((3, 6, 1));
        tally.HasInvalid.ShouldBeTrue();
    }

    [Fact]
    public async Task ValidateAsync_AnotherTrailDeliversToTheSameFolder_ItsFilesAreNotReported()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        using var other = new TestTrail(_h.Store, trailName: "othertrail", key: _h.Trail.Key);
        await other.PutHourlyChainAsync(T0, 3);

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldBe(Expected(Enumerable.Reverse(chain)));
        tally.HasInvalid.ShouldBeFalse();
    }

    [Fact]
    public async Task ValidateAsync_AnotherTrailsDigestsDoNotVerify_ItsFilesAreReported()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        using var forger = new TestTrail(_h.Store, trailName: "forged");
        var forged = await forger.PutHourlyChainAsync(T0, 1, logsPerHour: 1);

        var (findings, _) = await _h.RunAsync();

        Describe(findings).ShouldBe([.. Expected(Enumerable.Reverse(chain)), $"unlisted {forged[0].LogFiles[0].Key}"]);
    }

    [Fact]
    public async Task ValidateAsync_ContrailChecksOff_OnlyTheAwsCliFindings()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        await _h.Trail.PutLogFileAsync(T0.AddHours(1).AddMinutes(30));
        var options = _h.Options();
        options.ContrailChecks = false;

        var (findings, tally) = await RunAsync(options);

        Describe(findings).ShouldBe(Expected(Enumerable.Reverse(chain)));
        tally.HasInvalid.ShouldBeFalse();
    }

    [Fact]
    public async Task ValidateAsync_DigestNotGzip_InvalidFormat()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        await _h.ReplaceAsync(chain[1].Key, s => (RandomNumberGenerator.GetBytes(300), s.Metadata));

        var (findings, tally) = await _h.RunAsync();

        Describe(findings).ShouldBe([.. Expected([chain[2]]), $"D invalid format {chain[1].Key}", .. Expected([chain[0]])]);
        (tally.ValidDigests, tally.InvalidDigests).ShouldBe((2, 1));
    }

    [Fact]
    public async Task ValidateAsync_DigestWithoutARequiredMember_InvalidFormat()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 1);
        var json = Encoding.UTF8.GetString(chain[0].Json).Replace("\"digestStartTime\"", "\"digestBeginTime\"", StringComparison.Ordinal);
        await _h.ReplaceAsync(chain[0].Key, s => (TestTrail.Gzip(Encoding.UTF8.GetBytes(json)), s.Metadata));

        var (findings, _) = await _h.RunAsync(end: T0.AddHours(1));

        Describe(findings).ShouldBe([$"D invalid format {chain[0].Key}"]);
    }

    [Fact]
    public async Task ValidateAsync_LogFileWithASecondGzipMember_AwsCliValidButContrailReportsTheTrailingData()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 1);
        var log = chain[0].LogFiles[0];
        var appended = TestTrail.Gzip("""{"Records":[{"eventName":"Injected"}]}"""u8.ToArray());
        await _h.ReplaceAsync(log.Key, s => ([.. s.Body.ToArray(), .. appended], s.Metadata));

        var (findings, tally) = await _h.RunAsync(end: T0.AddHours(1));

        Describe(findings).ShouldBe([
            $"D valid {chain[0].Key}",
            $"L valid {log.Key}",
            $"trailing {appended.Length} {log.Key}",
            $"L valid {chain[0].LogFiles[1].Key}",
        ]);
        (tally.ValidLogFiles, tally.LogFilesWithTrailingData).ShouldBe((2, 1));
    }

    [Fact]
    public async Task ValidateAsync_NoPublicKeys_StopsWithTheAwsCliMessage()
    {
        await _h.Trail.PutHourlyChainAsync(T0, 3);
        var options = _h.Options();
        options.PublicKeys = new FixedPublicKeySource([]);

        var error = await Should.ThrowAsync<LogValidationException>(() => RunAsync(options));

        error.Message.ShouldBe("No public keys found between 2024-01-01T00:00:00Z and 2024-01-01T05:00:00Z");
    }

    [Fact]
    public async Task ValidateAsync_NoDigests_NoFindings()
    {
        var (findings, tally) = await _h.RunAsync();

        findings.ShouldBeEmpty();
        tally.HasInvalid.ShouldBeFalse();
    }

    [Fact]
    public async Task ValidateAsync_RangeInsideTheChain_OnlyDigestsTheAwsCliWouldReach()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 6);

        // 02:00–03:00: listed from 02:00 to 04:00 (end + 1 h); walked down while digestStartTime >= 02:00.
        var (findings, tally) = await _h.RunAsync(T0.AddHours(2), T0.AddHours(3));

        Describe(findings).ShouldBe(Expected([chain[3], chain[2], chain[1]]));
        tally.FoundStart.ShouldBe(T0.AddHours(2));
        tally.FoundEnd.ShouldBe(T0.AddHours(3));
    }

    [Fact]
    public async Task ValidateAsync_ManyLogFilesHashedInParallel_BoundedAndReportedInDigestOrder()
    {
        var logs = new List<TestLogFile>();
        for (var i = 0; i < 40; i++)
        {
            logs.Add(await _h.Trail.PutLogFileAsync(T0.AddMinutes(1 + i)));
        }

        var digest = await _h.Trail.PutDigestAsync(T0, T0.AddHours(1), logs, null);
        var options = _h.Options(end: T0.AddHours(1));
        var store = new ShuffledDelayStore(_h.Store);
        options.Store = store;
        options.MaxParallelDownloads = 4;

        var (findings, _) = await RunAsync(options);

        Describe(findings).ShouldBe(Expected([digest]));
        store.MaxInFlight.ShouldBeLessThanOrEqualTo(4 + 1); // the digest itself is read by the walk, alongside
        store.MaxInFlight.ShouldBeGreaterThan(1);

        // Log files are streamed, never read whole; the digest (small, with its metadata) is.
        store.Opens.ShouldBe(logs.Count);
        store.Gets.ShouldBe(1);
    }
}
