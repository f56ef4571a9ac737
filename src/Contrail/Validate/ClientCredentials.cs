namespace Contrail.Validate;

/// <summary>
/// The access key <c>validate-logs</c> signs its calls to a Contrail server with: <c>--credentials-file FILE</c>
/// (an AWS shared-credentials file: profile <c>AWS_PROFILE</c>, else <c>contrail</c>, else <c>default</c>), else
/// <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>, else the server's own <c>DATA_DIR/root-credentials</c>
/// (docs/dev/root-credentials.md).
/// </summary>
internal sealed record ClientCredentials(string AccessKeyId, string SecretAccessKey)
{
    public const string RootCredentialsFile = "root-credentials";

    /// <summary>Resolves the credentials; null with a message when there are none or the file is unusable.</summary>
    public static ClientCredentials? Resolve(string? credentialsFile, string dataDirectory, IReadOnlyDictionary<string, string?> environment, out string? error)
    {
        error = null;
        var profile = environment.GetValueOrDefault("AWS_PROFILE") is { Length: > 0 } p ? p : null;
        if (credentialsFile is not null)
        {
            return FromFile(credentialsFile, profile, out error);
        }

        if (environment.GetValueOrDefault("AWS_ACCESS_KEY_ID") is { Length: > 0 } keyId
            && environment.GetValueOrDefault("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret)
        {
            return new ClientCredentials(keyId, secret);
        }

        var root = Path.Combine(dataDirectory, RootCredentialsFile);
        if (File.Exists(root))
        {
            return FromFile(root, profile, out error);
        }

        error = $"Unable to locate credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --credentials-file (default: {root}).";
        return null;
    }

    private static ClientCredentials? FromFile(string path, string? profile, out string? error)
    {
        error = null;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"Unable to read the credentials file {path}: {e.Message}";
            return null;
        }

        var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                current = profiles.TryGetValue(name, out var existing) ? existing : profiles[name] = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }

            if (current is not null && line.Split('=', 2) is [var key, var value])
            {
                current[key.Trim()] = value.Trim();
            }
        }

        foreach (var name in profile is not null ? [profile] : new[] { "contrail", "default" })
        {
            if (profiles.TryGetValue(name, out var values)
                && values.GetValueOrDefault("aws_access_key_id") is { Length: > 0 } keyId
                && values.GetValueOrDefault("aws_secret_access_key") is { Length: > 0 } secret)
            {
                return new ClientCredentials(keyId, secret);
            }
        }

        error = $"No credentials in {path} (profile {profile ?? "contrail or default"}).";
        return null;
    }
}
