using System.Text.Json;
using Contrail.Journal.Segments;

namespace Contrail.Journal.Cursors;

/// <summary>
/// Consumer positions, kept in memory and saved to <c>consumers.json</c> in the journal directory
/// (JSON object: consumer name → position). Saving writes a temp file, fsyncs it, renames it over
/// the old one and fsyncs the directory, so a crash leaves either the old or the new file.
/// Thread-safety: all members may be called from any thread; saves are serialized.
/// </summary>
internal sealed class CursorStore
{
    public const string FileName = "consumers.json";
    private const string TempFileName = FileName + ".tmp";

    private readonly string _directory;
    private readonly Lock _lock = new();
    private readonly Lock _saveLock = new();
    private readonly Dictionary<string, long> _current;
    private Dictionary<string, long> _saved;
    private bool _dirty;

    private CursorStore(string directory, Dictionary<string, long> saved)
    {
        _directory = directory;
        _saved = saved;
        _current = new Dictionary<string, long>(saved, StringComparer.Ordinal);
    }

    /// <summary>Positions as last saved: the only ones retention may act on.</summary>
    public IReadOnlyDictionary<string, long> Saved
    {
        get
        {
            lock (_lock)
            {
                return _saved;
            }
        }
    }

    public static CursorStore Load(string directory)
    {
        File.Delete(Path.Combine(directory, TempFileName));
        var path = Path.Combine(directory, FileName);
        var saved = File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(path), CursorJsonContext.Default.DictionaryStringInt64)
                ?? throw new InvalidDataException($"Journal consumer file {path} is empty.")
            : new Dictionary<string, long>(StringComparer.Ordinal);
        return new CursorStore(directory, new Dictionary<string, long>(saved, StringComparer.Ordinal));
    }

    public void Set(string consumer, long position)
    {
        lock (_lock)
        {
            if (_current.TryGetValue(consumer, out var old) && old == position)
            {
                return;
            }

            _current[consumer] = position;
            _dirty = true;
        }
    }

    /// <summary>Forgets <paramref name="consumer"/>; true when it was known. Takes effect on disk at the next save.</summary>
    public bool Remove(string consumer)
    {
        lock (_lock)
        {
            if (!_current.Remove(consumer))
            {
                return false;
            }

            _dirty = true;
            return true;
        }
    }

    /// <summary>The consumers currently registered.</summary>
    public IReadOnlyList<string> Names()
    {
        lock (_lock)
        {
            return [.. _current.Keys];
        }
    }

    public long? Get(string consumer)
    {
        lock (_lock)
        {
            return _current.TryGetValue(consumer, out var position) ? position : null;
        }
    }

    /// <summary>Saves the current positions if they changed; true when a save happened.</summary>
    public bool Save()
    {
        lock (_saveLock)
        {
            Dictionary<string, long> snapshot;
            lock (_lock)
            {
                if (!_dirty)
                {
                    return false;
                }

                snapshot = new Dictionary<string, long>(_current, StringComparer.Ordinal);
                _dirty = false;
            }

            try
            {
                Write(snapshot);
            }
            catch
            {
                lock (_lock)
                {
                    _dirty = true;
                }

                throw;
            }

            lock (_lock)
            {
                _saved = snapshot;
            }

            return true;
        }
    }

    private void Write(Dictionary<string, long> snapshot) =>
        DiskSync.ReplaceFile(Path.Combine(_directory, FileName), JsonSerializer.SerializeToUtf8Bytes(snapshot, CursorJsonContext.Default.DictionaryStringInt64));
}
