using System.Text.Json;
using Contrail.Api.Service;
using Contrail.Journal.Segments;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// The trails of this account and region: the one owner of <c>DATA_DIR/config/trails.json</c>,
/// loaded at start and rewritten atomically (<see cref="DiskSync.ReplaceFile"/>) on every change, before the
/// change is visible. Thread-safe: one lock serializes changes (control-plane calls are rare), and
/// readers get immutable snapshots. A failed write throws and leaves the catalog as it was.
/// </summary>
internal sealed class TrailCatalog
{
    private readonly Lock _lock = new();
    private readonly string _path;
    private Dictionary<string, Trail> _trails;

    public TrailCatalog(ContrailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.Combine(settings.DataDirectory, "config");
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _path = Path.Combine(directory, "trails.json");
        _trails = Load(_path);
    }

    /// <summary>The file the catalog persists to.</summary>
    public string FilePath => _path;

    /// <summary>Every trail, ordered by name (ordinal): what delivery iterates.</summary>
    public IReadOnlyList<Trail> List()
    {
        lock (_lock)
        {
            return [.. _trails.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];
        }
    }

    public Trail? Find(string name)
    {
        lock (_lock)
        {
            return _trails.GetValueOrDefault(name);
        }
    }

    /// <summary>
    /// Adds a trail unless one of that name exists or the catalog already holds
    /// <paramref name="maxTrails"/> trails; both are decided under the lock, so concurrent adds
    /// cannot pass the limit. A catalog loaded with more trails than the limit keeps them all.
    /// </summary>
    public TrailAddOutcome Add(Trail trail, int maxTrails)
    {
        ArgumentNullException.ThrowIfNull(trail);
        lock (_lock)
        {
            if (_trails.ContainsKey(trail.Name))
            {
                return TrailAddOutcome.NameTaken;
            }

            if (_trails.Count >= maxTrails)
            {
                return TrailAddOutcome.LimitReached;
            }

            Commit(new Dictionary<string, Trail>(_trails, StringComparer.Ordinal) { [trail.Name] = trail });
            return TrailAddOutcome.Added;
        }
    }

    /// <summary>Applies <paramref name="change"/> to a trail under the lock; null when there is no such trail.
    /// A change that returns the trail it was given writes nothing.</summary>
    public Trail? Update(string name, Func<Trail, Trail> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (!_trails.TryGetValue(name, out var current))
            {
                return null;
            }

            var changed = change(current);
            if (ReferenceEquals(changed, current))
            {
                return current;
            }

            var updated = changed with { Name = current.Name, TrailArn = current.TrailArn };
            Commit(new Dictionary<string, Trail>(_trails, StringComparer.Ordinal) { [name] = updated });
            return updated;
        }
    }

    /// <summary>Removes a trail, its tags and selectors with it; false when there is no such trail.</summary>
    public bool Remove(string name)
    {
        lock (_lock)
        {
            if (!_trails.ContainsKey(name))
            {
                return false;
            }

            var next = new Dictionary<string, Trail>(_trails, StringComparer.Ordinal);
            next.Remove(name);
            Commit(next);
            return true;
        }
    }

    // Caller holds _lock. The file is written first: if that throws, _trails is untouched.
    private void Commit(Dictionary<string, Trail> next)
    {
        var document = new TrailsDocument(TrailsDocument.CurrentVersion, [.. next.Values.OrderBy(t => t.Name, StringComparer.Ordinal)]);
        DiskSync.ReplaceFile(_path, JsonSerializer.SerializeToUtf8Bytes(document, TrailJsonContext.Default.TrailsDocument));
        _trails = next;
    }

    private static Dictionary<string, Trail> Load(string path)
    {
        var trails = new Dictionary<string, Trail>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return trails;
        }

        var document = JsonSerializer.Deserialize(File.ReadAllBytes(path), TrailJsonContext.Default.TrailsDocument)
            ?? throw new InvalidDataException($"{path} is empty.");
        if (document.Version != TrailsDocument.CurrentVersion)
        {
            throw new InvalidDataException($"{path} has version {document.Version}; this build reads version {TrailsDocument.CurrentVersion}.");
        }

        foreach (var trail in document.Trails)
        {
            trails.Add(trail.Name, trail);
        }

        return trails;
    }
}
