using System.Collections;
using System.Text.RegularExpressions;
using Contrail.Api.Auth;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Rules.Delivery;
using Contrail.Api.Service;
using Contrail.Delivery.Digests;
using Contrail.Delivery.Objects;
using Contrail.Journal;
using Microsoft.AspNetCore.Builder;

namespace Contrail.Serve;

/// <summary><c>contrail serve</c>: runs the service on the embedded default (one data directory).</summary>
internal static partial class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex RegionPattern();

    // AWS Organizations' organization id pattern.
    [GeneratedRegex(@"^o-[a-z0-9]{10,32}\z")]
    private static partial Regex OrganizationPattern();

    public static async Task<int> RunAsync(string[] args)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        if (!TryParse(args, environment, out var settings, out var hostArgs, out var error))
        {
            await Console.Error.WriteLineAsync($"contrail serve: {error}").ConfigureAwait(false);
            return 2;
        }

        WebApplication app;
        try
        {
            app = ContrailApplication.Build(settings!, hostArgs);
        }
        catch (JournalCorruptedException e)
        {
            // Fail-stop: never skip over damage silently. The operator decides whether to repair.
            await Console.Error.WriteLineAsync($"contrail serve: {e.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"contrail serve: to drop the damaged record and everything after it, run: contrail journal repair --data-dir {settings!.DataDirectory}").ConfigureAwait(false);
            return 3;
        }
        catch (SigningKeyCorruptedException e)
        {
            // Never regenerate a damaged key: the digests it signed could no longer be validated.
            await Console.Error.WriteLineAsync($"contrail serve: {e.Message}").ConfigureAwait(false);
            return 3;
        }

        var organization = settings!.Identity.OrganizationId is { } org ? $", organization {org}" : "";
        Console.WriteLine($"Contrail: account {settings.Identity.AccountId}{organization}, region {settings.Identity.Region}, data in {settings.DataDirectory}");
        if (settings.S3 is { } s3)
        {
            Console.WriteLine($"Contrail: trails deliver to the S3 store at {s3.Endpoint} (region {s3.Region}, server-side encryption {s3.ServerSideEncryption ?? "bucket default"})");
        }

        if (settings.Notifications is { } notifications)
        {
            Console.WriteLine($"Contrail: trails with an SNS topic notify {notifications.Origin} (signed with HMAC-SHA256, see docs/dev/notifications.md)");
        }
        if (settings.CisMetricFiltersLogGroup is { } cis)
        {
            Console.WriteLine($"Contrail: the CIS metric filters are on log group {cis} (aws logs describe-metric-filters --log-group-name {cis})");
        }

        await app.StartAsync().ConfigureAwait(false);
        if (settings.MetricsEndpoint)
        {
            Console.WriteLine("Contrail: GET /metrics serves the metric filters' metrics to anyone who can reach the port (Prometheus text format, no authentication)");
        }

        foreach (var url in app.Urls)
        {
            Console.WriteLine($"Contrail: listening on {url}  (aws cloudtrail lookup-events --endpoint-url {url} --region {settings.Identity.Region})");
        }

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Reads the command line and environment into validated settings; creates the data directory owner-only.</summary>
    internal static bool TryParse(string[] args, IReadOnlyDictionary<string, string?> environment, out ContrailSettings? settings, out string[] hostArgs, out string? error)
    {
        settings = null;
        error = null;
        var dataDir = "contrail-data";
        var urls = DefaultUrls;
        TimeSpan? deliveryInterval = null, keyRotation = null, digestInterval = null;
        string? s3Endpoint = null, s3Region = null, s3Sse = null;
        Uri? notificationUrl = null;
        var metrics = false;
        string? cisLogGroup = null;
        Contrail.Monitoring.Insights.InsightOptions? insights = null;
        int? ruleMaxAttempts = null;
        string? sigmaPath = null, sigmaTarget = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--metrics")
            {
                // A switch: serve GET /metrics (Prometheus) without authentication.
                metrics = true;
                continue;
            }

            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (name is not ("--data-dir" or "--urls" or "--delivery-interval" or "--key-rotation" or "--digest-interval" or "--s3-endpoint" or "--s3-region" or "--s3-sse" or "--notification-url"
                or "--cis-metric-filters" or "--insights-baseline" or "--insights-warm-up" or "--insights-sigma" or "--insights-min-ratio" or "--insights-min-count"
                or "--rule-max-attempts" or "--sigma-rules" or "--sigma-target"))
            {
                error = $"unknown option '{args[i]}' (see contrail --help).";
                hostArgs = [];
                return false;
            }

            var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                error = $"{name} needs a value.";
                hostArgs = [];
                return false;
            }

            if (name == "--data-dir")
            {
                dataDir = value;
            }
            else if (name == "--delivery-interval")
            {
                if (!TryParseDuration(value, out var interval))
                {
                    error = $"--delivery-interval must be a positive duration such as 5s, 2m or 1h; got '{value}'.";
                    hostArgs = [];
                    return false;
                }

                deliveryInterval = interval;
            }
            else if (name == "--digest-interval")
            {
                if (!TryParseDuration(value, out var interval) || interval < TimeSpan.FromSeconds(1))
                {
                    error = $"--digest-interval must be a duration of at least a second such as 10s, 5m or 1h; got '{value}'.";
                    hostArgs = [];
                    return false;
                }

                digestInterval = interval;
            }
            else if (name == "--key-rotation")
            {
                if (!TryParseDuration(value, out var rotation))
                {
                    error = $"--key-rotation must be a positive duration such as 720h (30 days), 24h or 30m; got '{value}'.";
                    hostArgs = [];
                    return false;
                }

                keyRotation = rotation;
            }
            else if (name == "--cis-metric-filters")
            {
                if (Contrail.Api.Logs.MetricFilters.MetricFilterInput.LogGroupName(value) is { } invalid)
                {
                    error = $"--cis-metric-filters must be a log group name (1 to 512 of letters, digits and ._-/#); got '{value}'.";
                    hostArgs = [];
                    return false;
                }

                cisLogGroup = value;
            }
            else if (name.StartsWith("--insights-", StringComparison.Ordinal))
            {
                insights ??= new Contrail.Monitoring.Insights.InsightOptions();
                if (!TryInsightOption(insights, name, value, out error))
                {
                    hostArgs = [];
                    return false;
                }
            }
            else if (name == "--sigma-rules")
            {
                sigmaPath = value;
            }
            else if (name == "--sigma-target")
            {
                if (Contrail.Api.Rules.RuleTargetArn.Classify(value, out _, out _).Error is { } invalid)
                {
                    error = $"--sigma-target: {invalid}";
                    hostArgs = [];
                    return false;
                }

                sigmaTarget = value;
            }
            else if (name == "--rule-max-attempts")
            {
                if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var attempts) || attempts is < 1 or > 100)
                {
                    error = $"--rule-max-attempts must be a whole number from 1 to 100; got '{value}'.";
                    hostArgs = [];
                    return false;
                }

                ruleMaxAttempts = attempts;
            }
            else if (name == "--s3-endpoint")
            {
                s3Endpoint = value;
            }
            else if (name == "--s3-region")
            {
                s3Region = value;
            }
            else if (name == "--s3-sse")
            {
                s3Sse = value;
            }
            else if (name == "--notification-url")
            {
                if (!NotificationTarget.TryParseUrl(value, out notificationUrl, out error))
                {
                    hostArgs = [];
                    return false;
                }
            }
            else
            {
                urls = value;
            }
        }

        hostArgs = ["--urls", urls];
        var account = environment.GetValueOrDefault("CONTRAIL_ACCOUNT_ID") is { Length: > 0 } a ? a : ServiceIdentity.DefaultAccountId;
        var region = environment.GetValueOrDefault("CONTRAIL_REGION") is { Length: > 0 } r ? r : ServiceIdentity.DefaultRegion;
        if (!AccountPattern().IsMatch(account))
        {
            error = $"CONTRAIL_ACCOUNT_ID must be 12 digits; got '{account}'.";
            return false;
        }

        if (!RegionPattern().IsMatch(region))
        {
            error = $"CONTRAIL_REGION must be a region name such as us-east-1; got '{region}'.";
            return false;
        }

        var organization = environment.GetValueOrDefault("CONTRAIL_ORGANIZATION_ID") is { Length: > 0 } o ? o : null;
        if (organization is not null && !OrganizationPattern().IsMatch(organization))
        {
            error = $"CONTRAIL_ORGANIZATION_ID must be an organization id such as o-a1b2c3d4e5 (o- and 10 to 32 lower-case letters or digits); got '{organization}'.";
            return false;
        }

        if (!TryS3Options(s3Endpoint, s3Region, s3Sse, region, out var s3, out error))
        {
            return false;
        }

        var fullDataDir = Path.GetFullPath(dataDir);
        Directory.CreateDirectory(fullDataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string keyId, secret;
        try
        {
            (keyId, secret, var created) = RootCredentials.LoadOrCreate(fullDataDir, environment, account);
            if (created is not null)
            {
                Console.WriteLine($"Contrail: created root credentials in {created} (profile 'contrail'; owner-only).");
            }
            else if (!environment.ContainsKey("CONTRAIL_ROOT_ACCESS_KEY_ID"))
            {
                Console.WriteLine($"Contrail: root credentials are in {Path.Combine(fullDataDir, RootCredentials.FileName)} (profile 'contrail').");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or FormatException)
        {
            error = e.Message;
            return false;
        }

        NotificationTarget? notifications = null;
        if (notificationUrl is not null)
        {
            try
            {
                var (notificationSecret, createdSecret) = NotificationSecret.LoadOrCreate(fullDataDir, environment);
                notifications = new NotificationTarget(notificationUrl, notificationSecret);
                if (createdSecret is not null)
                {
                    Console.WriteLine($"Contrail: created the notification signing secret in {createdSecret} (owner-only).");
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                error = e.Message;
                return false;
            }
        }

        Contrail.Api.Rules.Sigma.SigmaRuleSettings? sigma = null;
        if ((sigmaPath is null) != (sigmaTarget is null))
        {
            error = "--sigma-rules and --sigma-target go together: the rule file and where its matches are sent.";
            return false;
        }

        if (sigmaPath is not null)
        {
            try
            {
                var rules = Contrail.Monitoring.Rules.Sigma.SigmaRuleSet.LoadFile(sigmaPath);
                Console.WriteLine($"Contrail: {rules.Count(r => r.Supported)} of {rules.Count} Sigma rules from {sigmaPath} are matched; the rest:");
                foreach (var rule in rules.Where(r => !r.Supported))
                {
                    Console.WriteLine($"Contrail:   {rule.File}: {rule.Unsupported}");
                }

                sigma = new Contrail.Api.Rules.Sigma.SigmaRuleSettings(Path.GetFullPath(sigmaPath), sigmaTarget!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
            {
                error = $"--sigma-rules {sigmaPath}: {e.Message}";
                return false;
            }
        }

        // Rule webhooks are signed with CONTRAIL_RULES_SECRET, else DATA_DIR/rules-secret (made on first use).
        RuleDeliveryPolicy ruleDelivery;
        try
        {
            var (ruleSecret, createdRuleSecret) = NotificationSecret.LoadOrCreate(fullDataDir, environment, RuleDispatcher.SecretFileName, RuleDispatcher.SecretVariable);
            ruleDelivery = RuleDeliveryPolicy.Default with { Secret = ruleSecret, MaxAttempts = ruleMaxAttempts ?? RuleDeliveryPolicy.Default.MaxAttempts };
            if (createdRuleSecret is not null)
            {
                Console.WriteLine($"Contrail: created the rule webhook signing secret in {createdRuleSecret} (owner-only).");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return false;
        }

        settings = new ContrailSettings(fullDataDir, new ServiceIdentity(account, region, organization), keyId, secret, deliveryInterval, s3, notifications, keyRotation, digestInterval,
            metrics, cisLogGroup, insights, ruleDelivery, sigma);
        return true;
    }

    /// <summary>
    /// <c>--insights-baseline</c> (whole hours, e.g. 168h), <c>--insights-warm-up</c> (e.g. 36h),
    /// <c>--insights-sigma</c>, <c>--insights-min-ratio</c>, <c>--insights-min-count</c> (docs/dev/insights.md).
    /// </summary>
    internal static bool TryInsightOption(Contrail.Monitoring.Insights.InsightOptions options, string name, string value, out string? error)
    {
        error = null;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        switch (name)
        {
            case "--insights-baseline" when TryParseDuration(value, out var baseline) && baseline.Ticks % TimeSpan.TicksPerHour == 0:
                options.Baseline = baseline;
                return true;
            case "--insights-baseline":
                error = $"--insights-baseline must be a whole number of hours such as 168h (7 days) or 24h; got '{value}'.";
                return false;
            case "--insights-warm-up" when value == "0":
                options.WarmUp = TimeSpan.Zero;
                return true;
            case "--insights-warm-up" when TryParseDuration(value, out var warmUp) && warmUp.Ticks % TimeSpan.TicksPerMinute == 0:
                options.WarmUp = warmUp;
                return true;
            case "--insights-warm-up":
                error = $"--insights-warm-up must be 0 or a whole number of minutes such as 36h or 90m; got '{value}'.";
                return false;
            case "--insights-sigma" when double.TryParse(value, System.Globalization.NumberStyles.Float, invariant, out var sigma) && double.IsFinite(sigma) && sigma >= 0:
                options.Sigma = sigma;
                return true;
            case "--insights-sigma":
                error = $"--insights-sigma must be a number, zero or more, such as 3; got '{value}'.";
                return false;
            case "--insights-min-ratio" when double.TryParse(value, System.Globalization.NumberStyles.Float, invariant, out var ratio) && double.IsFinite(ratio) && ratio >= 1:
                options.MinimumRatio = ratio;
                return true;
            case "--insights-min-ratio":
                error = $"--insights-min-ratio must be a number of at least 1 such as 2; got '{value}'.";
                return false;
            case "--insights-min-count" when long.TryParse(value, System.Globalization.NumberStyles.None, invariant, out var count) && count >= 1:
                options.MinimumCount = count;
                return true;
            default:
                error = $"--insights-min-count must be a whole number of at least 1 such as 10; got '{value}'.";
                return false;
        }
    }

    /// <summary>
    /// <c>--s3-endpoint URL</c> (absolute http/https), <c>--s3-region</c> (default: the service region) and
    /// <c>--s3-sse AES256|aws:kms</c>; the last two only with the first. Credentials come from the AWS
    /// environment variables when the store is made.
    /// </summary>
    internal static bool TryS3Options(string? endpoint, string? s3Region, string? sse, string serviceRegion, out S3ObjectStoreOptions? options, out string? error)
    {
        options = null;
        error = null;
        if (endpoint is null)
        {
            if (s3Region is not null || sse is not null)
            {
                error = $"{(s3Region is not null ? "--s3-region" : "--s3-sse")} needs --s3-endpoint.";
                return false;
            }

            return true;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            error = $"--s3-endpoint must be an absolute http or https URL such as http://127.0.0.1:9000; got '{endpoint}'.";
            return false;
        }

        if (s3Region is not null && !RegionPattern().IsMatch(s3Region))
        {
            error = $"--s3-region must be a region name such as us-east-1; got '{s3Region}'.";
            return false;
        }

        if (sse is not null && !(sse is ObjectWriteOptions.Aes256 or ObjectWriteOptions.AwsKms))
        {
            error = $"--s3-sse must be {ObjectWriteOptions.Aes256} or {ObjectWriteOptions.AwsKms}; got '{sse}'.";
            return false;
        }

        options = new S3ObjectStoreOptions { Endpoint = uri, Region = s3Region ?? serviceRegion, ServerSideEncryption = sse };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            options = null;
            return false;
        }

        return true;
    }

    /// <summary>A positive whole number followed by <c>s</c>, <c>m</c> or <c>h</c>: 5s, 2m, 1h.</summary>
    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        TimeSpan? parsed = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => null,
        };
        duration = parsed ?? default;
        return parsed is not null;
    }
}
