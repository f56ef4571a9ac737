using System.Text.Json;
using Contrail.Journal.Segments;

namespace Contrail.Delivery.Objects;

/// <summary>Put, get, head and delete of single objects.</summary>
public sealed partial class LocalObjectStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// <paramref name="options"/> is checked and then ignored: files here are not encrypted (the data
    /// directory is owner-only; encrypt the disk if it must be).
    /// </remarks>
    public async Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> metadata,
        ObjectWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        options?.Validate();
        var (objectPath, metadataPath) = PathsOf(bucket, key);
        var metadataJson = EncodeMetadata(metadata);
        var gate = LockFor(bucket, key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Directory.Exists(objectPath))
            {
                throw new IOException($"Key '{key}' is a prefix of other keys in bucket '{bucket}' and cannot hold an object here.");
            }

            // Metadata first: once the object is visible, its metadata is already in place.
            await WriteAtomicallyAsync(metadataPath, metadataJson, cancellationToken).ConfigureAwait(false);
            await WriteAtomicallyAsync(objectPath, body, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<StoredObject?> GetAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var (objectPath, metadataPath) = PathsOf(bucket, key);
        var gate = LockFor(bucket, key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            byte[] body;
            try
            {
                body = await File.ReadAllBytesAsync(objectPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException && !File.Exists(objectPath))
            {
                return null;
            }

            var metadata = await ReadMetadataAsync(metadataPath, cancellationToken).ConfigureAwait(false);
            return new StoredObject(body, metadata);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The file is opened under the key's lock; a put meanwhile renames a new file over it, so the open
    /// stream goes on reading the version it opened.
    /// </remarks>
    public async Task<OpenedObject?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var (objectPath, metadataPath) = PathsOf(bucket, key);
        var gate = LockFor(bucket, key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            FileStream body;
            try
            {
                body = new FileStream(objectPath, System.IO.FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException && !File.Exists(objectPath))
            {
                return null;
            }

            try
            {
                var metadata = await ReadMetadataAsync(metadataPath, cancellationToken).ConfigureAwait(false);
                return new OpenedObject(body, body.Length, metadata);
            }
            catch
            {
                await body.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var (objectPath, metadataPath) = PathsOf(bucket, key);
        var gate = LockFor(bucket, key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var info = new FileInfo(objectPath);
            if (!info.Exists)
            {
                return null;
            }

            var metadata = await ReadMetadataAsync(metadataPath, cancellationToken).ConfigureAwait(false);
            return new ObjectInfo(key, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), metadata);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var (objectPath, metadataPath) = PathsOf(bucket, key);
        var gate = LockFor(bucket, key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!File.Exists(objectPath))
            {
                return false;
            }

            // Object first: a crash in between leaves orphan metadata, which nothing lists and a put replaces.
            File.Delete(objectPath);
            DiskSync.Directory(Path.GetDirectoryName(objectPath)!);
            if (File.Exists(metadataPath))
            {
                File.Delete(metadataPath);
                DiskSync.Directory(Path.GetDirectoryName(metadataPath)!);
            }

            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        EnsureDirectory(directory);
        var temp = Path.Combine(directory, TempFilePrefix + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = FileMode,
            };
            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            DiskSync.Directory(directory);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // The failure being reported matters more; a leftover temp file is never listed.
            }

            throw;
        }
    }

    // Creates the missing directories down to directory (DATA_DIR itself included), fsyncing each
    // parent so the new entries survive a crash.
    private static void EnsureDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        var missing = new Stack<string>();
        for (var current = directory; !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        while (missing.TryPop(out var next))
        {
            Directory.CreateDirectory(next, DirectoryMode);
            DiskSync.Directory(Path.GetDirectoryName(next)!);
        }
    }

    private static byte[] EncodeMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                ArgumentNullException.ThrowIfNull(value, nameof(metadata));
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadMetadataAsync(string path, CancellationToken cancellationToken)
    {
        byte[] json;
        try
        {
            json = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Dictionary<string, string>();
        }

        using var document = JsonDocument.Parse(json);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            metadata[property.Name] = property.Value.GetString() ?? string.Empty;
        }

        return metadata;
    }
}
