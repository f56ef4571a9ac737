using System.Security.Cryptography;
using Contrail.Journal.Segments;

namespace Contrail.Delivery.Digests;

/// <summary>
/// The keys that sign digest files (spec §2.4, §2.5), one file each in a directory
/// (<c>DATA_DIR/keys</c>, docs/dev/signing-keys.md). A key signs the digests whose
/// <c>digestEndTime</c> falls in its validity window; when none covers a time, a new RSA-2048 key
/// is made for <c>rotation</c> (so keys rotate as the newest expires). Keys are never deleted:
/// <c>ListPublicKeys</c> serves old ones so that old digests stay verifiable.
/// Thread-safe. Disposing releases the private keys; the <see cref="SigningKey"/>s handed out can no longer sign.
/// </summary>
public sealed class SigningKeyRing : IDisposable
{
    /// <summary>How long a key signs when no rotation is configured: 30 days, as CloudTrail's (spec §2.5).</summary>
    public static readonly TimeSpan DefaultRotation = TimeSpan.FromDays(30);

    private const int KeyBits = 2048;
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly TimeSpan _rotation;
    private readonly Lock _lock = new();

    // Ordered by ValidFrom, then fingerprint. Replaced (never changed in place) under _lock.
    private SigningKey[] _keys;
    private bool _disposed;

    private SigningKeyRing(string directory, TimeProvider time, TimeSpan rotation, SigningKey[] keys)
    {
        _directory = directory;
        _time = time;
        _rotation = rotation;
        _keys = keys;
    }

    /// <summary>
    /// Opens the key directory, creating it owner-only (0700) when missing, and loads every key
    /// file in it. Leftover <c>*.json.tmp</c> files (a key write cut short: that key was never
    /// used) are deleted; files not ending <c>.json</c> are ignored.
    /// </summary>
    /// <param name="directory">The key directory, e.g. <c>DATA_DIR/keys</c>.</param>
    /// <param name="time">The clock: a new key starts no later than now.</param>
    /// <param name="rotation">How long a new key signs; at least one second, whole seconds (a fraction is dropped). See <see cref="DefaultRotation"/>.</param>
    /// <exception cref="SigningKeyCorruptedException">A key file cannot be read or is not valid; it is named.</exception>
    public static SigningKeyRing Open(string directory, TimeProvider time, TimeSpan rotation)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(rotation, TimeSpan.FromSeconds(1));
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full, DirectoryMode);
            // The new directory's entry must survive a crash as the key files in it do.
            DiskSync.Directory(Path.GetDirectoryName(full)!);
        }

        var keys = new List<SigningKey>();
        try
        {
            foreach (var path in Directory.EnumerateFiles(full))
            {
                var name = Path.GetFileName(path);
                if (name.EndsWith(SigningKeyFile.Extension + SigningKeyFile.TempSuffix, StringComparison.Ordinal))
                {
                    File.Delete(path);
                }
                else if (SigningKeyFile.IsKeyFileName(name))
                {
                    keys.Add(SigningKeyFile.Load(path));
                }
            }
        }
        catch
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }

            throw;
        }

        keys.Sort(Compare);
        return new SigningKeyRing(full, time, TimeSpan.FromSeconds(Math.Floor(rotation.TotalSeconds)), [.. keys]);
    }

    /// <summary>
    /// The key that signs a digest whose <c>digestEndTime</c> is <paramref name="at"/>: of the keys
    /// whose [ValidFrom, ValidTo) covers it, the one that starts last. When none does (first use, or
    /// the newest key has expired), makes an RSA-2048 key valid from min(<paramref name="at"/>, now)
    /// (rounded down to the second; from <paramref name="at"/> if that would end before it) for the
    /// rotation, writes it durably (temp file created 0600, fsync, rename, directory fsync) and
    /// returns it. Serialized: concurrent callers never make two keys for the same moment.
    /// </summary>
    /// <exception cref="IOException">The new key could not be stored; nothing was made.</exception>
    public SigningKey KeyFor(DateTimeOffset at)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Covering(_keys, at) is { } existing)
            {
                return existing;
            }

            var now = _time.GetUtcNow();
            var validFrom = WholeSeconds(at < now ? at : now);
            if (validFrom + _rotation <= at)
            {
                validFrom = WholeSeconds(at);
            }

            var key = Create(validFrom, validFrom + _rotation);
            var keys = new List<SigningKey>(_keys) { key };
            keys.Sort(Compare);
            _keys = [.. keys];
            return key;
        }
    }

    /// <summary>
    /// The public part of every key whose validity [ValidFrom, ValidTo) overlaps
    /// [<paramref name="start"/>, <paramref name="end"/>], ordered by ValidFrom. Makes no key.
    /// </summary>
    public IReadOnlyList<PublicKeyInfo> Between(DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        SigningKey[] keys;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            keys = _keys;
        }

        var found = new List<PublicKeyInfo>();
        foreach (var key in keys)
        {
            if (key.ValidFrom <= end && key.ValidTo > start)
            {
                found.Add(key.Public);
            }
        }

        return found;
    }

    /// <summary>Releases every private key.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var key in _keys)
            {
                key.Dispose();
            }
        }
    }

    private static SigningKey? Covering(SigningKey[] keys, DateTimeOffset at)
    {
        // Ordered by ValidFrom: the last covering key is the one that starts last.
        for (var i = keys.Length - 1; i >= 0; i--)
        {
            if (keys[i].ValidFrom <= at && at < keys[i].ValidTo)
            {
                return keys[i];
            }
        }

        return null;
    }

    private SigningKey Create(DateTimeOffset validFrom, DateTimeOffset validTo)
    {
        var key = new SigningKey(RSA.Create(KeyBits), validFrom, validTo);
        try
        {
            // ReplaceFile creates PATH.tmp with mode 0600 (never readable by others, not even briefly),
            // fsyncs it, renames it to PATH and fsyncs the directory. A crash leaves no key file or the
            // whole one; a leftover .tmp is deleted at the next Open (that key was never returned).
            DiskSync.ReplaceFile(Path.Combine(_directory, SigningKeyFile.FileName(validFrom, key.Fingerprint)), SigningKeyFile.Serialize(key));
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    private static int Compare(SigningKey a, SigningKey b)
    {
        var byStart = a.ValidFrom.CompareTo(b.ValidFrom);
        return byStart != 0 ? byStart : string.CompareOrdinal(a.Fingerprint, b.Fingerprint);
    }
}
