namespace Contrail.Api.Rules.Delivery;

/// <summary>
/// Appends JSON lines to files (log-file targets, the dead-letter file), each kept open once used.
/// A line is the JSON bytes and <c>\n</c>; <see cref="Flush"/> makes everything appended durable
/// (fsync) before the journal position that covers it is saved. Thread-safe: one lock for all files
/// (appends are short; the fsync happens once per journal batch). An I/O error reaches the caller,
/// which stops (fail-stop: nothing is acknowledged past it).
/// </summary>
internal sealed class JsonLinesAppender : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FileStream> _files = new(StringComparer.Ordinal);
    private readonly HashSet<FileStream> _dirty = [];

    public void Append(string path, ReadOnlySpan<byte> json)
    {
        lock (_lock)
        {
            if (!_files.TryGetValue(path, out var file))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                file = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.Append,
                    Access = FileAccess.Write,
                    Share = FileShare.Read,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                    BufferSize = 64 << 10,
                });
                _files[path] = file;
            }

            file.Write(json);
            file.WriteByte((byte)'\n');
            _dirty.Add(file);
        }
    }

    /// <summary>Writes out and fsyncs every file appended to since the last flush.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            foreach (var file in _dirty)
            {
                file.Flush(flushToDisk: true);
            }

            _dirty.Clear();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var file in _files.Values)
            {
                file.Dispose();
            }

            _files.Clear();
            _dirty.Clear();
        }
    }
}
