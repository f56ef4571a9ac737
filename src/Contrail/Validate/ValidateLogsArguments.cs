namespace Contrail.Validate;

/// <summary>
/// The command line of <c>contrail validate-logs</c>, as given: the AWS CLI's options (spec §3.1) and
/// Contrail's (where to read, keys file, credentials). Times and the ARN are checked later, in the AWS CLI's
/// order and with its messages.
/// </summary>
internal sealed record ValidateLogsArguments
{
    public const string DefaultEndpoint = "http://127.0.0.1:5080";
    public const string DefaultDataDirectory = "contrail-data";

    private static readonly string[] ValueOptions =
    [
        "--trail-arn", "--start-time", "--end-time", "--s3-bucket", "--s3-prefix", "--account-id", "--region",
        "--endpoint-url", "--credentials-file", "--data-dir", "--s3-endpoint", "--s3-region", "--local-dir",
        "--public-keys", "--organization-id",
    ];

    public string TrailArn { get; init; } = string.Empty;

    public string StartTime { get; init; } = string.Empty;

    public string? EndTime { get; init; }

    public string? S3Bucket { get; init; }

    public string? S3Prefix { get; init; }

    public string? AccountId { get; init; }

    public bool Verbose { get; init; }

    /// <summary>The source region (<c>--region</c>); null for the trail's home region.</summary>
    public string? Region { get; init; }

    public Uri Endpoint { get; init; } = new(DefaultEndpoint);

    public string? CredentialsFile { get; init; }

    public string DataDirectory { get; init; } = DefaultDataDirectory;

    public Uri? S3Endpoint { get; init; }

    public string? S3Region { get; init; }

    public string? LocalDirectory { get; init; }

    public string? PublicKeysFile { get; init; }

    public string? OrganizationId { get; init; }

    public bool ContrailChecks { get; init; } = true;

    /// <summary>Reads the command line; false with a message for unknown options, missing values, required options or conflicts.</summary>
    public static bool TryParse(string[] args, out ValidateLogsArguments parsed, out string? error)
    {
        parsed = new ValidateLogsArguments();
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool verbose = false, noContrailChecks = false;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (name == "--verbose" && inline is null)
            {
                verbose = true;
                continue;
            }

            if (name == "--no-contrail-checks" && inline is null)
            {
                noContrailChecks = true;
                continue;
            }

            if (!ValueOptions.Contains(name))
            {
                error = $"unknown option '{args[i]}' (see contrail --help).";
                return false;
            }

            var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
            if (string.IsNullOrEmpty(value))
            {
                error = $"{name} needs a value.";
                return false;
            }

            values[name] = value;
        }

        var missing = new[] { "--trail-arn", "--start-time" }.Where(o => !values.ContainsKey(o)).ToList();
        if (missing.Count > 0)
        {
            error = $"the following arguments are required: {string.Join(", ", missing)}";
            return false;
        }

        if (!TryUrl(values, "--endpoint-url", out var endpoint, out error) || !TryUrl(values, "--s3-endpoint", out var s3Endpoint, out error))
        {
            return false;
        }

        var localDirectory = values.GetValueOrDefault("--local-dir");
        error = (localDirectory, s3Endpoint, values.ContainsKey("--s3-region"), values.ContainsKey("--s3-bucket")) switch
        {
            (not null, not null, _, _) => "--local-dir and --s3-endpoint are two places to read from; give one.",
            (not null, _, _, false) => "--local-dir needs --s3-bucket: the bucket the copy was made from (digests name it).",
            (_, null, true, _) => "--s3-region needs --s3-endpoint.",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        parsed = new ValidateLogsArguments
        {
            TrailArn = values["--trail-arn"],
            StartTime = values["--start-time"],
            EndTime = values.GetValueOrDefault("--end-time"),
            S3Bucket = values.GetValueOrDefault("--s3-bucket"),
            S3Prefix = values.GetValueOrDefault("--s3-prefix"),
            AccountId = values.GetValueOrDefault("--account-id"),
            Verbose = verbose,
            Region = values.GetValueOrDefault("--region"),
            Endpoint = endpoint ?? new Uri(DefaultEndpoint),
            CredentialsFile = values.GetValueOrDefault("--credentials-file"),
            DataDirectory = values.GetValueOrDefault("--data-dir") ?? DefaultDataDirectory,
            S3Endpoint = s3Endpoint,
            S3Region = values.GetValueOrDefault("--s3-region"),
            LocalDirectory = localDirectory,
            PublicKeysFile = values.GetValueOrDefault("--public-keys"),
            OrganizationId = values.GetValueOrDefault("--organization-id"),
            ContrailChecks = !noContrailChecks,
        };
        return true;
    }

    private static bool TryUrl(Dictionary<string, string> values, string name, out Uri? url, out string? error)
    {
        url = null;
        error = null;
        if (!values.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            error = $"{name} must be an absolute http or https URL such as {DefaultEndpoint}; got '{text}'.";
            url = null;
            return false;
        }

        return true;
    }
}
