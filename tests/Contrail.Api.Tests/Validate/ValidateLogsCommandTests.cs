using System.Text;
using Contrail.Tests.Support;
using static Contrail.Api.Tests.Validate.ValidateLogsHarness;

namespace Contrail.Api.Tests.Validate;

/// <summary><c>contrail validate-logs</c>: the AWS CLI's output, byte for byte (spec §3.4), and Contrail's marked additions.</summary>
public sealed class ValidateLogsCommandTests : IDisposable
{
    private const string Startup = "Validating log files for trail arn:aws:cloudtrail:us-east-1:111122223333:trail/mytrail between 2024-01-01T00:00:00Z and 2024-01-01T03:00:00Z\n\n";
    private const string Requested = "Results requested for 2024-01-01T00:00:00Z to 2024-01-01T03:00:00Z\n";
    private const string FoundAll = "Results found for 2024-01-01T00:00:00Z to 2024-01-01T03:00:00Z:\n";

    private readonly ValidateLogsHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string ValidLines(IEnumerable<TestDigest> newestFirst) => string.Concat(newestFirst.Select(d =>
        $"Digest file\t{_h.S3(d.Key)}\tvalid\n" + string.Concat(d.LogFiles.Select(l => $"Log file\t{_h.S3(l.Key)}\tvalid\n"))));

    [Fact]
    public async Task ValidateLogs_IntactChainVerbose_EveryLineAndTheSummaryExactly()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);

        var result = await _h.RunAsync("--verbose");

        result.ShouldBe(new CommandResult(
            0,
            Startup + ValidLines(Enumerable.Reverse(chain)) + "\n" + Requested + FoundAll + "\n3/3 digest files valid\n6/6 log files valid\n",
            string.Empty));
    }

    [Fact]
    public async Task ValidateLogs_IntactChain_OnlyTheSummary()
    {
        await _h.Trail.PutHourlyChainAsync(T0, 3);

        var result = await _h.RunAsync();

        result.ShouldBe(new CommandResult(0, Startup + Requested + FoundAll + "\n3/3 digest files valid\n6/6 log files valid\n", string.Empty));
    }

    [Fact]
    public async Task ValidateLogs_LogFileChanged_ErrorOnStderrAndExitOne()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        var changed = chain[1].LogFiles[1];
        await _h.ReplaceAsync(changed.Key, s => (TestTrail.Gzip("""{"Records":[{"eventName":"Forged"}]}"""u8.ToArray()), s.Metadata));

        var result = await _h.RunAsync();

        result.ShouldBe(new CommandResult(
            1,
            Startup + Requested + FoundAll + "\n3/3 digest files valid\n5/6 log files valid, 1/6 log files INVALID\n",
            $"Log file\t{_h.S3(changed.Key)}\tINVALID: hash value doesn't match\n\n"));
    }

    [Fact]
    public async Task ValidateLogs_MiddleDigestDeletedVerbose_BlankLineBeforeTheErrorAndBeforeTheSummary()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        await _h.Store.DeleteAsync(_h.Bucket, chain[1].Key);

        var result = await _h.RunAsync("--verbose");

        result.ShouldBe(new CommandResult(
            1,
            Startup + ValidLines([chain[2]]) + ValidLines([chain[0]]) + "\n" + Requested + FoundAll + "\n2/3 digest files valid, 1/3 digest files INVALID\n4/4 log files valid\n",
            $"\nDigest file\t{_h.S3(chain[1].Key)}\tINVALID: not found\n\n"));
    }

    [Fact]
    public async Task ValidateLogs_LogFileDeletedAndDigestNotGzip_EachErrorFollowedByABlankLine()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        await _h.Store.DeleteAsync(_h.Bucket, chain[2].LogFiles[0].Key);
        await _h.ReplaceAsync(chain[1].Key, s => (Encoding.UTF8.GetBytes("garbage"), s.Metadata));

        var result = await _h.RunAsync();

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe(
            $"Log file\t{_h.S3(chain[2].LogFiles[0].Key)}\tINVALID: not found\n\n" +
            $"Digest file\t{_h.S3(chain[1].Key)}\tINVALID: invalid format\n\n");
        result.Stdout.ShouldEndWith("\n2/3 digest files valid, 1/3 digest files INVALID\n3/4 log files valid, 1/4 log files INVALID\n");
    }

    [Fact]
    public async Task ValidateLogs_TwoConsecutiveDigestsDeleted_ContrailLineAndSummaryLine()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 4);
        await _h.Store.DeleteAsync(_h.Bucket, chain[1].Key);
        await _h.Store.DeleteAsync(_h.Bucket, chain[2].Key);

        var result = await ValidateLogsHarness.RunAsync([.. _h.Arguments(), "--end-time", "2024-01-01T04:00:00Z"]);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe(
            $"Digest file\t{_h.S3(chain[2].Key)}\tINVALID: not found\n\n" +
            $"(contrail) Digest chain\t{_h.S3(chain[0].Key)}\tINVALID: chain broken between this digest and {_h.S3(chain[3].Key)}: more digests deleted than {_h.S3(chain[2].Key)}, none covers 2024-01-01T01:00:00Z to 2024-01-01T02:00:00Z\n\n");
        result.Stdout.ShouldEndWith("\n2/3 digest files valid, 1/3 digest files INVALID\n4/4 log files valid\n(contrail) INVALID: 1 digest chain problem\n");
    }

    [Fact]
    public async Task ValidateLogs_ChainRestarted_GapLineAndExitZero()
    {
        await _h.Trail.PutHourlyChainAsync(T0, 1);
        await _h.Trail.PutHourlyChainAsync(T0.AddHours(2), 1);

        var result = await _h.RunAsync();

        result.ShouldBe(new CommandResult(
            0,
            Startup + Requested + FoundAll + "\n2/2 digest files valid\n4/4 log files valid\n",
            "No log files were delivered by CloudTrail between 2024-01-01T01:00:00Z and 2024-01-01T02:00:00Z\n\n"));
    }

    [Fact]
    public async Task ValidateLogs_LogFileNoDigestLists_ContrailLineAndExitOne()
    {
        await _h.Trail.PutHourlyChainAsync(T0, 3);
        var added = await _h.Trail.PutLogFileAsync(T0.AddHours(2).AddMinutes(20));

        var result = await _h.RunAsync();

        result.ShouldBe(new CommandResult(
            1,
            Startup + Requested + FoundAll + "\n3/3 digest files valid\n6/6 log files valid\n(contrail) INVALID: 1 log file not listed in any digest\n",
            $"(contrail) Log file\t{_h.S3(added.Key)}\tINVALID: not listed in any digest\n\n"));
    }

    [Fact]
    public async Task ValidateLogs_NoContrailChecks_TheAwsCliVerdictOnly()
    {
        await _h.Trail.PutHourlyChainAsync(T0, 3);
        await _h.Trail.PutLogFileAsync(T0.AddHours(2).AddMinutes(20));

        var result = await _h.RunAsync("--no-contrail-checks");

        result.ShouldBe(new CommandResult(0, Startup + Requested + FoundAll + "\n3/3 digest files valid\n6/6 log files valid\n", string.Empty));
    }

    [Fact]
    public async Task ValidateLogs_NoDigests_NoDigestsFound()
    {
        var result = await _h.RunAsync();

        result.ShouldBe(new CommandResult(0, Startup + Requested + "No digests found\n", string.Empty));
    }

    [Fact]
    public async Task ValidateLogs_NoValidDigest_NoValidDigestsFoundInRange()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 1);
        await _h.ReplaceAsync(chain[0].Key, s => (s.Body.ToArray(), new Dictionary<string, string>()));

        var result = await _h.RunAsync();

        result.ShouldBe(new CommandResult(
            1,
            Startup + Requested + "No valid digests found in range\n\n0/1 digest files valid, 1/1 digest files INVALID\n",
            $"Digest file\t{_h.S3(chain[0].Key)}\tINVALID: signature verification failed\n\n"));
    }

    [Fact]
    public async Task ValidateLogs_NoPublicKeys_FatalAfterTheStartupLine()
    {
        await _h.Trail.PutHourlyChainAsync(T0, 1);
        await File.WriteAllTextAsync(_h.KeysFile, """{"PublicKeyList":[]}""");

        var result = await _h.RunAsync();

        result.ShouldBe(new CommandResult(255, Startup, "\nNo public keys found between 2024-01-01T00:00:00Z and 2024-01-01T05:00:00Z\n"));
    }

    [Theory]
    [InlineData("--trail-arn", "foo", "\nInvalid trail ARN provided: foo\n")]
    [InlineData("--start-time", "garbage", "\nUnable to parse date value: garbage\n")]
    [InlineData("--end-time", "2023-12-31", "\nInvalid time range specified: start-time must occur before end-time\n")]
    public async Task ValidateLogs_BadArnOrTimes_TheAwsCliMessageAndExit255(string option, string value, string stderr)
    {
        var result = await ValidateLogsHarness.RunAsync([.. _h.Arguments(), option, value]);

        result.ShouldBe(new CommandResult(255, string.Empty, stderr));
    }

    [Theory]
    [InlineData("the following arguments are required: --start-time", "--trail-arn", "arn:aws:cloudtrail:us-east-1:111122223333:trail/t")]
    [InlineData("unknown option '--bogus'", "--bogus")]
    [InlineData("--local-dir needs --s3-bucket", "--trail-arn", "a", "--start-time", "b", "--local-dir", "/tmp")]
    [InlineData("--s3-region needs --s3-endpoint", "--trail-arn", "a", "--start-time", "b", "--s3-region", "us-east-1")]
    public async Task ValidateLogs_UsageError_ExitTwo(string message, params string[] args)
    {
        var result = await ValidateLogsHarness.RunAsync(args);

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldStartWith("contrail validate-logs: ");
        result.Stderr.ShouldContain(message);
    }

    [Fact]
    public async Task ValidateLogs_OfflineCopyWithSignatureFiles_AllValidWithoutAServer()
    {
        var chain = await _h.Trail.PutHourlyChainAsync(T0, 3);
        var copy = Path.Combine(_h.Directory, "copy");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_h.Store.BucketsDirectory, _h.Bucket), "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(Path.Combine(_h.Store.BucketsDirectory, _h.Bucket), file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, key))!);
            File.Copy(file, Path.Combine(copy, key));
        }

        foreach (var digest in chain)
        {
            await File.WriteAllTextAsync(Path.Combine(copy, digest.Key + ".signature"), digest.Signature + "\n");
        }

        var result = await ValidateLogsHarness.RunAsync([
            "--trail-arn", _h.Trail.TrailArn, "--start-time", "2024-01-01T00:00:00Z", "--end-time", "2024-01-01T03:00:00Z",
            "--s3-bucket", _h.Bucket, "--local-dir", copy, "--public-keys", _h.KeysFile, "--verbose",
        ]);

        result.ShouldBe(new CommandResult(0, Startup + ValidLines(Enumerable.Reverse(chain)) + "\n" + Requested + FoundAll + "\n3/3 digest files valid\n6/6 log files valid\n", string.Empty));
    }

    [Fact]
    public async Task ValidateLogs_Online_AsksTheServerForTheTrailAndTheKeysSigned()
    {
        using var h = new ValidateLogsHarness(prefix: "audit");
        await h.Trail.PutHourlyChainAsync(T0, 3);
        using var server = new FakeCloudTrail { PublicKeysJson = h.Trail.PublicKeysJson };
        server.Trails.Add($$"""{"Name":"other","TrailARN":"arn:aws:cloudtrail:us-east-1:111122223333:trail/other","S3BucketName":"elsewhere"}""");
        server.Trails.Add($$"""{"Name":"mytrail","TrailARN":"{{h.Trail.TrailArn}}","S3BucketName":"{{h.Bucket}}","S3KeyPrefix":"audit","IsOrganizationTrail":false}""");
        var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" };

        var result = await ValidateLogsHarness.RunAsync(
            ["--trail-arn", h.Trail.TrailArn, "--start-time", "2024-01-01T00:00:00Z", "--end-time", "2024-01-01T03:00:00Z", "--data-dir", h.DataDirectory, "--endpoint-url", server.Endpoint],
            environment);

        result.ShouldBe(new CommandResult(0, Startup + Requested + FoundAll + "\n3/3 digest files valid\n6/6 log files valid\n", string.Empty));
        var calls = server.Calls.ToList();
        calls.Select(c => c.Operation).ShouldBe(["DescribeTrails", "ListPublicKeys"]);
        calls[0].Body.ShouldBe("{}");
        calls[1].Body.ShouldBe("""{"StartTime":1704067200,"EndTime":1704085200}""");
        calls.ShouldAllBe(c => c.Authorization != null && c.Authorization.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", StringComparison.Ordinal) && c.Authorization.Contains("/us-east-1/cloudtrail/aws4_request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateLogs_OnlineOrganizationTrail_NeedsTheAccountAndFindsTheOrganizationFolder()
    {
        using var h = new ValidateLogsHarness(organizationId: "o-a1b2c3d4e5");
        await h.Trail.PutHourlyChainAsync(T0, 3);
        using var server = new FakeCloudTrail { PublicKeysJson = h.Trail.PublicKeysJson };
        server.Trails.Add($$"""{"TrailARN":"{{h.Trail.TrailArn}}","S3BucketName":"{{h.Bucket}}","IsOrganizationTrail":true}""");
        var credentials = Path.Combine(h.Directory, "credentials");
        await File.WriteAllTextAsync(credentials, "[contrail]\naws_access_key_id = AKIAFROMFILE\naws_secret_access_key = s\n");
        string[] args = ["--trail-arn", h.Trail.TrailArn, "--start-time", "2024-01-01T00:00:00Z", "--end-time", "2024-01-01T03:00:00Z", "--data-dir", h.DataDirectory, "--endpoint-url", server.Endpoint, "--credentials-file", credentials];

        var withoutAccount = await ValidateLogsHarness.RunAsync(args);
        var withAccount = await ValidateLogsHarness.RunAsync([.. args, "--account-id", h.Trail.AccountId]);

        withoutAccount.ShouldBe(new CommandResult(255, string.Empty, "\nMissing required parameter for organization trail: '--account-id'\n"));
        withAccount.ShouldBe(new CommandResult(0, Startup + Requested + FoundAll + "\n3/3 digest files valid\n6/6 log files valid\n", string.Empty));
        server.Calls.Last().Authorization.ShouldNotBeNull().ShouldContain("Credential=AKIAFROMFILE/");
    }

    [Fact]
    public async Task ValidateLogs_TrailNotOnTheServer_TheAwsCliMessage()
    {
        using var server = new FakeCloudTrail();
        var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" };

        var result = await ValidateLogsHarness.RunAsync(
            ["--trail-arn", _h.Trail.TrailArn, "--start-time", "2024-01-01", "--data-dir", _h.DataDirectory, "--endpoint-url", server.Endpoint], environment);

        result.ShouldBe(new CommandResult(255, string.Empty, $"\nA trail could not be found for {_h.Trail.TrailArn}\n"));
    }

    [Fact]
    public async Task ValidateLogs_StderrIsNotATerminal_NoProgressEvenWhenSlow()
    {
        await _h.Trail.PutHourlyChainAsync(T0, 3);
        var clock = new ManualClock(T0.AddDays(1));

        var result = await ValidateLogsHarness.RunAsync(_h.Arguments(), time: clock, terminal: false);

        result.Stderr.ShouldBeEmpty();
    }
}
