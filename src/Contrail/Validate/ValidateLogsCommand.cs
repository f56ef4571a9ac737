using System.Text.RegularExpressions;
using Amazon.Runtime;
using Contrail.Client;
using Contrail.Delivery.Objects;
using Contrail.Delivery.Validation;

namespace Contrail.Validate;

/// <summary>
/// <c>contrail validate-logs</c>: <c>aws cloudtrail validate-logs</c> with the same options and output (spec §3,
/// docs/validate-logs.md), reading a Contrail server's data directory, an S3-compatible store or a local copy of
/// a bucket, plus checks the AWS CLI does not make. Exit codes: 0 all valid, 1 something invalid, 2 a usage
/// error, 255 a fault that stopped the run (as the AWS CLI).
/// </summary>
internal static partial class ValidateLogsCommand
{
    private const string Name = "contrail validate-logs";

    // The AWS CLI's assert_cloudtrail_arn_is_valid (re.match: anchored at the start only; '.' is not a newline).
    [GeneratedRegex(@"^arn:.+:cloudtrail:.+:\d{12}:trail/.+")]
    private static partial Regex TrailArnPattern();

    public static Task<int> RunAsync(string[] args) => RunAsync(args, ValidateLogsHost.FromConsole());

    internal static async Task<int> RunAsync(string[] args, ValidateLogsHost host, CancellationToken cancellationToken = default)
    {
        if (!ValidateLogsArguments.TryParse(args, out var arguments, out var error) || !TryCheckSources(arguments, out var fileKeys, out error))
        {
            await host.Error.WriteAsync($"{Name}: {error}\n").ConfigureAwait(false);
            return 2;
        }

        var progress = host.ErrorIsTerminal ? new ValidationProgress(host.Error, host.Time) : null;
        var output = new ValidateLogsOutput(host.Out, host.Error, arguments.Verbose, progress);
        try
        {
            return await ValidateAsync(arguments, fileKeys, host, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LogValidationException or FormatException or ArgumentException)
        {
            output.Fatal(e.Message);
            return 255;
        }
        catch (ObjectStoreException e)
        {
            output.Fatal($"An error occurred ({e.ErrorCode}) when reading the object store: {e.Message}");
            return 255;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Fatal($"Unable to read the files: {e.Message}");
            return 255;
        }
    }

    private static async Task<int> ValidateAsync(ValidateLogsArguments arguments, List<DigestPublicKey>? fileKeys, ValidateLogsHost host, ValidateLogsOutput output, CancellationToken cancellationToken)
    {
        // The AWS CLI's order: the times, then the ARN, then the trail.
        var start = ValidationDates.Parse(arguments.StartTime);
        var end = arguments.EndTime is null ? host.Time.GetUtcNow().ToUniversalTime() : ValidationDates.Parse(arguments.EndTime);
        if (start > end)
        {
            throw new LogValidationException("Invalid time range specified: start-time must occur before end-time");
        }

        var arn = arguments.TrailArn;
        if (!TrailArnPattern().IsMatch(arn))
        {
            throw new LogValidationException($"Invalid trail ARN provided: {arn}");
        }

        var homeRegion = arn.Split(':')[3];
        var trailName = arn[(arn.LastIndexOf('/') + 1)..];
        using var server = new ServerConnection(arguments, host, homeRegion);
        string bucket;
        string? prefix;
        var organizationId = arguments.OrganizationId;
        var isOrganizationTrail = false;
        if (arguments.S3Bucket is null)
        {
            var trail = await server.Endpoint.DescribeTrailAsync(arn, cancellationToken).ConfigureAwait(false);
            (bucket, prefix, isOrganizationTrail) = (trail.Bucket, trail.Prefix, trail.IsOrganizationTrail);
            if (isOrganizationTrail && arguments.AccountId is null)
            {
                throw new LogValidationException("Missing required parameter for organization trail: '--account-id'");
            }
        }
        else
        {
            (bucket, prefix) = (arguments.S3Bucket, arguments.S3Prefix);
        }

        var accountId = arguments.AccountId ?? arn.Split(':')[4];
        using var stores = new StoreChoice(arguments, bucket, homeRegion, host.Environment);
        if (isOrganizationTrail && organizationId is null)
        {
            organizationId = await FindOrganizationAsync(stores.Store, bucket, prefix, accountId, cancellationToken).ConfigureAwait(false);
        }

        output.Startup(arn, start, end);
        var validator = new LogValidator(
            new LogValidationOptions
            {
                Store = stores.Store,
                Bucket = bucket,
                Prefix = prefix,
                AccountId = accountId,
                OrganizationId = organizationId,
                TrailName = trailName,
                HomeRegion = homeRegion,
                SourceRegion = arguments.Region,
                StartTime = start,
                EndTime = end,
                PublicKeys = fileKeys is not null ? new FixedPublicKeySource(fileKeys) : server.Endpoint,
                ContrailChecks = arguments.ContrailChecks,
            },
            host.Time);
        var tally = new ValidationTally(start, end);
        await foreach (var finding in validator.ValidateAsync(cancellationToken).ConfigureAwait(false))
        {
            tally.Add(finding);
            output.Write(finding);
        }

        output.Summary(tally, start, end);
        return tally.HasInvalid ? 1 : 0;
    }

    // What can be checked before anything is printed: the places to read from exist, the keys file parses.
    private static bool TryCheckSources(ValidateLogsArguments arguments, out List<DigestPublicKey>? fileKeys, out string? error)
    {
        fileKeys = null;
        error = null;
        if (arguments.LocalDirectory is { } local && !Directory.Exists(local))
        {
            error = $"--local-dir {local}: no such directory.";
            return false;
        }

        if (arguments.LocalDirectory is null && arguments.S3Endpoint is null && !Directory.Exists(arguments.DataDirectory))
        {
            error = $"no data directory at {Path.GetFullPath(arguments.DataDirectory)}: give the server's --data-dir, or read from --s3-endpoint or --local-dir.";
            return false;
        }

        if (arguments.PublicKeysFile is { } file)
        {
            try
            {
                fileKeys = PublicKeyListJson.Parse(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                error = $"--public-keys {file}: {(e is FormatException ? "not a ListPublicKeys response (aws cloudtrail list-public-keys output): " : string.Empty)}{e.Message}";
                return false;
            }
        }

        return true;
    }

    // An organization trail's files are under AWSLogs/<o-id>/<account>/: without --organization-id, the
    // first organization folder that holds the account is taken (Contrail has no Organizations API).
    private static async Task<string> FindOrganizationAsync(IObjectStore store, string bucket, string? prefix, string accountId, CancellationToken cancellationToken)
    {
        var root = (string.IsNullOrEmpty(prefix) ? string.Empty : prefix + "/") + "AWSLogs/";
        string? after = null;
        while (true)
        {
            var page = await store.ListAsync(bucket, root + "o-", after, 1, cancellationToken).ConfigureAwait(false);
            if (page.Objects.Count == 0)
            {
                throw new LogValidationException($"No organization folder under s3://{bucket}/{root}: pass --organization-id.");
            }

            var organization = page.Objects[0].Key[root.Length..].Split('/')[0];
            var inAccount = await store.ListAsync(bucket, $"{root}{organization}/{accountId}/", null, 1, cancellationToken).ConfigureAwait(false);
            if (inAccount.Objects.Count > 0)
            {
                return organization;
            }

            // Past every key of this organization: '0' sorts right after '/'.
            after = $"{root}{organization}0";
        }
    }

    /// <summary>The server, connected on first use (only when DescribeTrails or ListPublicKeys is needed).</summary>
    private sealed class ServerConnection(ValidateLogsArguments arguments, ValidateLogsHost host, string region) : IDisposable
    {
        private ContrailClient? _client;
        private CloudTrailEndpoint? _endpoint;

        public CloudTrailEndpoint Endpoint
        {
            get
            {
                if (_endpoint is null)
                {
                    var credentials = ClientCredentials.Resolve(arguments.CredentialsFile, arguments.DataDirectory, host.Environment, out var error)
                        ?? throw new LogValidationException(error!);

                    // Signed for the trail's home region: the server's region, whatever --region names.
                    _client = new ContrailClient(arguments.Endpoint, credentials.AccessKeyId, credentials.SecretAccessKey, region, time: host.Time);
                    _endpoint = new CloudTrailEndpoint(_client, arguments.Endpoint);
                }

                return _endpoint;
            }
        }

        public void Dispose() => _client?.Dispose();
    }

    /// <summary>The object store to read: a local bucket copy, an S3-compatible store, or the server's data directory.</summary>
    private sealed class StoreChoice : IDisposable
    {
        public StoreChoice(ValidateLogsArguments arguments, string bucket, string homeRegion, IReadOnlyDictionary<string, string?> environment)
        {
            if (arguments.LocalDirectory is { } local)
            {
                Store = new LocalBucketCopy(local, bucket);
            }
            else if (arguments.S3Endpoint is { } endpoint)
            {
                Store = new S3ObjectStore(new S3ObjectStoreOptions { Endpoint = endpoint, Region = arguments.S3Region ?? homeRegion, Credentials = S3Credentials(environment) });
            }
            else
            {
                Store = new LocalObjectStore(arguments.DataDirectory);
            }
        }

        public IObjectStore Store { get; }

        public void Dispose() => (Store as IDisposable)?.Dispose();

        // AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN); null leaves it to the AWS SDK's chain.
        private static AWSCredentials? S3Credentials(IReadOnlyDictionary<string, string?> environment) =>
            (environment.GetValueOrDefault("AWS_ACCESS_KEY_ID"), environment.GetValueOrDefault("AWS_SECRET_ACCESS_KEY"), environment.GetValueOrDefault("AWS_SESSION_TOKEN")) switch
            {
                ({ Length: > 0 } id, { Length: > 0 } secret, { Length: > 0 } token) => new SessionAWSCredentials(id, secret, token),
                ({ Length: > 0 } id, { Length: > 0 } secret, _) => new BasicAWSCredentials(id, secret),
                _ => null,
            };
    }
}
