using System.Security.Cryptography;
using System.Text;

namespace Contrail.Api.Auth;

/// <summary>
/// The root access key: from <c>CONTRAIL_ROOT_ACCESS_KEY_ID</c> and <c>CONTRAIL_ROOT_SECRET_ACCESS_KEY</c>,
/// else from <c>&lt;data&gt;/root-credentials</c> (AWS shared-credentials form, profile <c>[contrail]</c>),
/// created owner-only on first start.
/// </summary>
internal static class RootCredentials
{
    public const string FileName = "root-credentials";
    public const string Profile = "contrail";
    public const string AccessKeyIdVariable = "CONTRAIL_ROOT_ACCESS_KEY_ID";
    public const string SecretVariable = "CONTRAIL_ROOT_SECRET_ACCESS_KEY";

    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Returns the root key; <c>CreatedFile</c> is the path of the file when this call created it, else null.
    /// Throws <see cref="InvalidOperationException"/> when only one variable is set, the file is malformed,
    /// or the file is readable by group or others.
    /// </summary>
    public static (string AccessKeyId, string Secret, string? CreatedFile) LoadOrCreate(string dataDirectory, IReadOnlyDictionary<string, string?> environment, string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentNullException.ThrowIfNull(environment);
        var envKey = environment.GetValueOrDefault(AccessKeyIdVariable);
        var envSecret = environment.GetValueOrDefault(SecretVariable);
        if (!string.IsNullOrEmpty(envKey) && !string.IsNullOrEmpty(envSecret))
        {
            return (envKey, envSecret, null);
        }

        if (!string.IsNullOrEmpty(envKey) || !string.IsNullOrEmpty(envSecret))
        {
            var set = string.IsNullOrEmpty(envKey) ? SecretVariable : AccessKeyIdVariable;
            var unset = string.IsNullOrEmpty(envKey) ? AccessKeyIdVariable : SecretVariable;
            throw new InvalidOperationException($"{set} is set but {unset} is not: set both to choose the root key, or neither to use {FileName} in the data directory.");
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var (keyId, secret) = Load(path);
            return (keyId, secret, null);
        }

        var (newKeyId, newSecret) = Create(path, accountId);
        return (newKeyId, newSecret, path);
    }

    private static (string, string) Load(string path)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            throw new InvalidOperationException(
                $"Permissions {Convert.ToString((int)mode, 8)} for '{path}' are too open: the root credentials must not be accessible by others. Run: chmod 600 '{path}'");
        }

        string? keyId = null, secret = null;
        var inProfile = false;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                inProfile = line == $"[{Profile}]";
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (!inProfile || eq < 0)
            {
                continue;
            }

            var name = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (name == "aws_access_key_id")
            {
                keyId = value;
            }
            else if (name == "aws_secret_access_key")
            {
                secret = value;
            }
        }

        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"'{path}' has no aws_access_key_id and aws_secret_access_key under [{Profile}]. Fix or remove it (a new key is then created).");
        }

        return (keyId, secret);
    }

    private static (string, string) Create(string path, string accountId)
    {
        var keyId = "AKIA" + RandomNumberGenerator.GetString(Base32, 16);
        var secret = RandomNumberGenerator.GetString(SecretAlphabet, 40);
        var text = $"# Contrail root credentials for account {accountId}. Keep this file private (mode 600).\n[{Profile}]\naws_access_key_id = {keyId}\naws_secret_access_key = {secret}\n";

        // CreateNew with the mode set at open(2): the file is never readable by others, not even briefly,
        // and a file created concurrently is not overwritten.
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var stream = File.Open(path, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }

        // The umask may have cleared bits but never adds any; make the mode exact regardless.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (keyId, secret);
    }
}
