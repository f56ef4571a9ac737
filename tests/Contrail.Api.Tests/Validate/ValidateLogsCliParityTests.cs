using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Objects;
using Contrail.Tests.Support;

namespace Contrail.Api.Tests.Validate;

/// <summary>
/// The real <c>aws cloudtrail validate-logs</c> (AWS CLI v1 of the machine image; S3 on moto through
/// <c>AWS_ENDPOINT_URL_S3</c>, ListPublicKeys and DescribeTrails on a loopback fake) and
/// <c>contrail validate-logs</c> on the same files: same stdout, same stderr, same exit code, in every
/// scenario; Contrail's own checks off for the comparison, then on: never a lower exit code.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ValidateLogsCliParityTests(MotoServer moto)
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Scenarios => [.. Arrangements.Keys];

    private static Dictionary<string, Func<Scenario, Task>> Arrangements => new()
    {
        ["intact"] = s => s.Trail.PutHourlyChainAsync(T0, 3),
        ["log-changed"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            await s.PutAsync(chain[1].LogFiles[0].Key, TestTrail.Gzip("""{"Records":[]}"""u8.ToArray()));
        },
        ["log-deleted"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            await s.Store.DeleteAsync(s.Trail.Bucket, chain[2].LogFiles[1].Key);
        },
        ["log-not-gzip"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            await s.PutAsync(chain[0].LogFiles[0].Key, "plain text"u8.ToArray());
        },
        ["log-second-member"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            var log = chain[1].LogFiles[1];
            var body = (await s.Store.GetAsync(s.Trail.Bucket, log.Key))!.Body.ToArray();
            await s.PutAsync(log.Key, [.. body, .. TestTrail.Gzip("""{"Records":[{"eventName":"Injected"}]}"""u8.ToArray())]);
        },
        ["log-added"] = async s =>
        {
            await s.Trail.PutHourlyChainAsync(T0, 3);
            await s.Trail.PutLogFileAsync(T0.AddMinutes(90));
        },
        ["digest-deleted"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            await s.Store.DeleteAsync(s.Trail.Bucket, chain[1].Key);
        },
        ["two-digests-deleted"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 4);
            await s.Store.DeleteAsync(s.Trail.Bucket, chain[1].Key);
            await s.Store.DeleteAsync(s.Trail.Bucket, chain[2].Key);
        },
        ["digest-moved"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            await s.PutAsync(chain[1].Key, TestTrail.Gzip(chain[0].Json), chain[0].Signature);
        },
        ["digest-forked"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            var other = await s.Trail.PutLogFileAsync(T0.AddMinutes(80));
            await s.Trail.PutDigestAsync(T0.AddHours(1), T0.AddHours(2), [other], chain[0]);
        },
        ["digest-bad-signature"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            var forged = Convert.ToHexStringLower(s.Trail.Key.SignData("other"u8.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            await s.PutAsync(chain[2].Key, TestTrail.Gzip(chain[2].Json), forged);
        },
        ["digest-no-signature"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            await s.Store.PutAsync(s.Trail.Bucket, chain[1].Key, TestTrail.Gzip(chain[1].Json), new Dictionary<string, string>());
        },
        ["digest-not-gzip"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            await s.PutAsync(chain[1].Key, Encoding.UTF8.GetBytes("garbage"), chain[1].Signature);
        },
        ["digest-unknown-key"] = async s =>
        {
            await s.Trail.PutHourlyChainAsync(T0, 3);
            using var other = RSA.Create(2048);
            var der = other.ExportRSAPublicKey();
            s.Keys = TestTrail.PublicKeyListJson((der, Convert.ToHexStringLower(MD5.HashData(der))));
        },
        ["chain-restarted"] = async s =>
        {
            await s.Trail.PutHourlyChainAsync(T0, 1);
            await s.Trail.PutHourlyChainAsync(T0.AddHours(2), 2);
        },
        ["range-inside"] = async s =>
        {
            await s.Trail.PutHourlyChainAsync(T0, 6);
            s.Range = ("2024-01-01T02:00:00Z", "2024-01-01T03:00:00Z");
        },
        ["described-trail-with-prefix"] = async s =>
        {
            await s.Trail.PutHourlyChainAsync(T0, 3);
            s.ViaDescribeTrails = true;
        },
        ["no-digests"] = _ => Task.CompletedTask,
        ["backfill"] = async s =>
        {
            var chain = await s.Trail.PutHourlyChainAsync(T0, 3);
            var late = await s.Trail.PutLogFileAsync(T0.AddMinutes(100));
            await s.Trail.PutDigestAsync(T0.AddHours(1), T0.AddHours(2), [late], null, backfillGenerated: T0.AddHours(2).AddMinutes(30));
        },
        ["source-region"] = async s =>
        {
            await s.Trail.PutHourlyChainAsync(T0, 3);
            s.Arguments = ["--region", "eu-west-1"];
        },
        ["organization-trail"] = async s =>
        {
            await s.Trail.PutHourlyChainAsync(T0, 3);
            s.ViaDescribeTrails = true;
            s.Arguments = ["--account-id", s.Trail.AccountId];
        },
    };

    private static Dictionary<string, (string Says, int Exit)> CliVerdicts => new()
    {
        ["intact"] = ("\n3/3 digest files valid\n6/6 log files valid\n", 0),
        ["log-changed"] = ("\n5/6 log files valid, 1/6 log files INVALID\n", 1),
        ["log-deleted"] = ("\n5/6 log files valid, 1/6 log files INVALID\n", 1),
        ["log-not-gzip"] = ("\n5/6 log files valid, 1/6 log files INVALID\n", 1),
        ["log-second-member"] = ("\n3/3 digest files valid\n6/6 log files valid\n", 0),
        ["log-added"] = ("\n3/3 digest files valid\n6/6 log files valid\n", 0),
        ["digest-deleted"] = ("\n2/3 digest files valid, 1/3 digest files INVALID\n4/4 log files valid\n", 1),
        ["two-digests-deleted"] = ("\n2/3 digest files valid, 1/3 digest files INVALID\n4/4 log files valid\n", 1),
        ["digest-moved"] = ("\n2/3 digest files valid, 1/3 digest files INVALID\n4/4 log files valid\n", 1),
        ["digest-forked"] = ("\n3/3 digest files valid\n5/5 log files valid\n", 0),
        ["digest-bad-signature"] = ("\n2/3 digest files valid, 1/3 digest files INVALID\n4/4 log files valid\n", 1),
        ["digest-no-signature"] = ("\n2/3 digest files valid, 1/3 digest files INVALID\n4/4 log files valid\n", 1),
        ["digest-not-gzip"] = ("\n2/3 digest files valid, 1/3 digest files INVALID\n4/4 log files valid\n", 1),
        ["digest-unknown-key"] = ("No valid digests found in range\n\n0/3 digest files valid, 3/3 digest files INVALID\n", 1),
        ["chain-restarted"] = ("\n3/3 digest files valid\n6/6 log files valid\n", 0),
        ["range-inside"] = ("\n3/3 digest files valid\n6/6 log files valid\n", 0),
        ["described-trail-with-prefix"] = ("\n3/3 digest files valid\n6/6 log files valid\n", 0),
        ["no-digests"] = ("No digests found\n", 0),
        ["backfill"] = ("\n3/3 digest files valid\n1/1 backfill digest files valid\n7/7 log files valid\n", 0),
        ["source-region"] = ("\n3/3 digest files valid\n6/6 log files valid\n", 0),
        ["organization-trail"] = ("\n3/3 digest files valid\n6/6 log files valid\n", 0),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task ValidateLogs_Scenario_SameOutputAsTheAwsCli(string scenario)
    {
        var bucket = await moto.CreateBucketAsync("ct-validate");
        using var store = new S3ObjectStore(new S3ObjectStoreOptions
        {
            Endpoint = new Uri(moto.Endpoint),
            Region = MotoServer.Region,
            Credentials = new BasicAWSCredentials(MotoServer.AccessKeyId, MotoServer.SecretAccessKey),
            MaxErrorRetry = 0,
        });
        using var trail = new TestTrail(
            store,
            bucket,
            prefix: scenario is "described-trail-with-prefix" or "organization-trail" ? "audit/ct" : null,
            sourceRegion: scenario == "source-region" ? "eu-west-1" : null,
            organizationId: scenario == "organization-trail" ? "o-a1b2c3d4e5" : null);
        var s = new Scenario(store, trail) { Keys = trail.PublicKeysJson };
        await Arrangements[scenario](s);
        using var cloudTrail = new FakeCloudTrail { PublicKeysJson = s.Keys };
        cloudTrail.Trails.Add($$$"""{"Name":"{{{trail.TrailName}}}","TrailARN":"{{{trail.TrailArn}}}","S3BucketName":"{{{bucket}}}","S3KeyPrefix":"audit/ct","IsOrganizationTrail":{{{(trail.OrganizationId is null ? "false" : "true")}}}}""");
        string[] common = ["--trail-arn", trail.TrailArn, "--start-time", s.Range.Start, "--end-time", s.Range.End, "--verbose", "--endpoint-url", cloudTrail.Endpoint, .. s.Arguments];
        if (!s.ViaDescribeTrails)
        {
            common = [.. common, "--s3-bucket", bucket];
        }

        var environment = moto.Environment();
        environment["AWS_ENDPOINT_URL_S3"] = moto.Endpoint;
        environment["AWS_ENDPOINT_URL_ORGANIZATIONS"] = cloudTrail.Endpoint;
        var cli = await Processes.AwsAsync(environment, ["cloudtrail", "validate-logs", .. common]);
        var contrailEnvironment = environment.ToDictionary(e => e.Key, e => (string?)e.Value);
        var ours = await ValidateLogsHarness.RunAsync([.. common, "--s3-endpoint", moto.Endpoint, "--no-contrail-checks"], contrailEnvironment);
        var oursWithChecks = await ValidateLogsHarness.RunAsync([.. common, "--s3-endpoint", moto.Endpoint], contrailEnvironment);

        // The AWS CLI did validate (not fail the same way as Contrail for some other reason).
        var (says, exit) = CliVerdicts[scenario];
        cli.Stdout.ShouldContain(says, Case.Sensitive, cli.Stderr);
        cli.ExitCode.ShouldBe(exit, cli.Stderr);
        ours.ShouldBe(new CommandResult(cli.ExitCode, cli.Stdout, cli.Stderr), $"scenario {scenario}");
        oursWithChecks.ExitCode.ShouldBeGreaterThanOrEqualTo(cli.ExitCode);
        var contrailOnly = new[] { "log-second-member", "log-added", "two-digests-deleted", "digest-forked" }.Contains(scenario);
        oursWithChecks.Stderr.Contains("(contrail) ", StringComparison.Ordinal).ShouldBe(contrailOnly, oursWithChecks.Stderr);
        if (contrailOnly)
        {
            oursWithChecks.ExitCode.ShouldBe(1);
        }
    }

    private sealed class Scenario(IObjectStore store, TestTrail trail)
    {
        public IObjectStore Store { get; } = store;

        public TestTrail Trail { get; } = trail;

        public string Keys { get; set; } = string.Empty;

        public (string Start, string End) Range { get; set; } = ("2024-01-01T00:00:00Z", "2024-01-01T04:00:00Z");

        public bool ViaDescribeTrails { get; set; }

        public string[] Arguments { get; set; } = [];

        public Task PutAsync(string key, byte[] body, string? signature = null) =>
            Store.PutAsync(Trail.Bucket, key, body, signature is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { ["signature"] = signature, ["signature-algorithm"] = "SHA256withRSA" });
    }
}
