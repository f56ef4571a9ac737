using System.Security.Cryptography;
using System.Text;
using Contrail.Journal.Segments;

namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// The key that signs delivery notifications: <c>CONTRAIL_NOTIFICATION_SECRET</c> when set, else the
/// content of <c>DATA_DIR/notification-secret</c>, generated on first use (64 lowercase hex
/// characters from 32 random bytes) and written owner-only and atomically. The key is the UTF-8 bytes
/// of the text, without surrounding white space (docs/dev/notifications.md).
/// </summary>
internal static class NotificationSecret
{
    public const string FileName = "notification-secret";
    public const string Variable = "CONTRAIL_NOTIFICATION_SECRET";

    /// <summary>Shorter secrets are refused: 16 characters is the least a guess should have to cover.</summary>
    public const int MinimumLength = 16;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Returns the secret; <c>CreatedFile</c> is the file's path when this call created it, else null.
    /// Throws <see cref="InvalidOperationException"/> when the secret is too short or the file is
    /// accessible by group or others (as ssh refuses such a private key).
    /// </summary>
    public static (string Secret, string? CreatedFile) LoadOrCreate(string dataDirectory, IReadOnlyDictionary<string, string?> environment) =>
        LoadOrCreate(dataDirectory, environment, FileName, Variable);

    /// <summary>As <see cref="LoadOrCreate(string, IReadOnlyDictionary{string, string?})"/>, for another key: its own file under the data directory and variable (rule webhooks use <c>rules-secret</c>).</summary>
    public static (string Secret, string? CreatedFile) LoadOrCreate(string dataDirectory, IReadOnlyDictionary<string, string?> environment, string fileName, string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.GetValueOrDefault(variable) is { Length: > 0 } fromEnvironment)
        {
            return (Checked(fromEnvironment.Trim(), variable), null);
        }

        var path = Path.Combine(dataDirectory, fileName);
        if (File.Exists(path))
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
            {
                throw new InvalidOperationException(
                    $"Permissions {Convert.ToString((int)mode, 8)} for '{path}' are too open: the notification secret must not be accessible by others. Run: chmod 600 '{path}'");
            }

            return (Checked(File.ReadAllText(path, Encoding.UTF8).Trim(), path), null);
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        // ReplaceFile writes a temp file created 0600 (never readable by others), fsyncs it, renames it
        // and fsyncs the directory: a crash leaves either no file or the whole secret.
        DiskSync.ReplaceFile(path, Encoding.UTF8.GetBytes(secret + "\n"));
        File.SetUnixFileMode(path, OwnerOnly);
        return (secret, path);
    }

    private static string Checked(string secret, string source) => secret.Length >= MinimumLength
        ? secret
        : throw new InvalidOperationException($"The notification secret from {source} is {secret.Length} characters; it needs at least {MinimumLength}.");
}
