using System.Text.Json;
using Contrail.Api.Service;
using Contrail.Journal.Segments;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// Every metric alarm and its history: the one owner of <c>DATA_DIR/monitoring/alarms.json</c>, loaded at
/// start and rewritten atomically (<see cref="DiskSync.ReplaceFile"/>) on every change, before the change is
/// visible (as the trail and metric filter catalogs). Thread-safe: one lock serializes changes; readers get
/// immutable snapshots. A failed write throws and leaves the catalog as it was.
/// Each state transition is then appended to <c>alarm-state-changes.jsonl</c> and raised as
/// <see cref="StateChanged"/>, in commit order (both under the lock).
/// </summary>
internal sealed class AlarmCatalog
{
    /// <summary>How many alarms the catalog holds at most (CloudWatch's quota is per region and larger; this bounds the file).</summary>
    public const int MaxAlarms = 5000;

    /// <summary>History entries kept per alarm name (the oldest are dropped first).</summary>
    public const int MaxHistoryPerAlarm = 100;

    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly AlarmStateChangeLog _changes;
    private volatile Snapshot _snapshot;

    public AlarmCatalog(ContrailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.Combine(settings.DataDirectory, "monitoring");
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _path = Path.Combine(directory, "alarms.json");
        _changes = new AlarmStateChangeLog(Path.Combine(directory, "alarm-state-changes.jsonl"), settings.Identity);
        _snapshot = Load(_path);
    }

    /// <summary>
    /// Raised after each committed state transition (evaluation or SetAlarmState), under the catalog's lock and
    /// in commit order: a handler must be quick and must not call back into the catalog.
    /// </summary>
    public event Action<AlarmStateChange>? StateChanged;

    /// <summary>The file the catalog persists to.</summary>
    public string FilePath => _path;

    /// <summary>The file each state change is appended to (one JSON event a line).</summary>
    public string StateChangesPath => _changes.FilePath;

    /// <summary>Every alarm, ordered by name (ordinal).</summary>
    public IReadOnlyList<MetricAlarm> List() => _snapshot.Alarms;

    /// <summary>The history, oldest first.</summary>
    public IReadOnlyList<AlarmHistoryItem> History() => _snapshot.History;

    public MetricAlarm? Find(string name) => _snapshot.Alarms.FirstOrDefault(a => a.AlarmName == name);

    /// <summary>
    /// Creates an alarm (state INSUFFICIENT_DATA, "Unchecked: Initial alarm creation"), or replaces the
    /// configuration of the one of that name, keeping its state and ARN (as PutMetricAlarm does).
    /// </summary>
    public AlarmPutOutcome Put(MetricAlarm alarm, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        lock (_lock)
        {
            var snapshot = _snapshot;
            var existing = snapshot.Alarms.FirstOrDefault(a => a.AlarmName == alarm.AlarmName);
            if (existing is null && snapshot.Alarms.Count >= MaxAlarms)
            {
                return AlarmPutOutcome.LimitReached;
            }

            var ms = now.ToUnixTimeMilliseconds();
            var stored = existing is null
                ? alarm with
                {
                    AlarmConfigurationUpdatedTimestamp = ms,
                    StateValue = "INSUFFICIENT_DATA",
                    StateReason = "Unchecked: Initial alarm creation",
                    StateReasonData = null,
                    StateUpdatedTimestamp = ms,
                    StateTransitionedTimestamp = ms,
                }
                : alarm with
                {
                    AlarmArn = existing.AlarmArn,
                    AlarmConfigurationUpdatedTimestamp = ms,
                    StateValue = existing.StateValue,
                    StateReason = existing.StateReason,
                    StateReasonData = existing.StateReasonData,
                    StateUpdatedTimestamp = existing.StateUpdatedTimestamp,
                    StateTransitionedTimestamp = existing.StateTransitionedTimestamp,
                };
            var alarms = snapshot.Alarms.Where(a => !ReferenceEquals(a, existing)).Append(stored).ToList();
            var verb = existing is null ? "created" : "updated";
            var data = AlarmHistoryData.Configuration(existing is null ? "Create" : "Update", existing, stored);
            Commit(alarms, [(stored.AlarmName, ms, "ConfigurationUpdate", $"Alarm \"{stored.AlarmName}\" {verb}", data)]);
            return existing is null ? AlarmPutOutcome.Added : AlarmPutOutcome.Updated;
        }
    }

    /// <summary>Deletes every named alarm, or none when any is missing: the missing names then, else empty.</summary>
    public IReadOnlyList<string> Delete(IReadOnlyCollection<string> names, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(names);
        lock (_lock)
        {
            var snapshot = _snapshot;
            var missing = names.Where(n => snapshot.Alarms.All(a => a.AlarmName != n)).Distinct(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                return missing;
            }

            var ms = now.ToUnixTimeMilliseconds();
            var deleted = snapshot.Alarms.Where(a => names.Contains(a.AlarmName)).ToList();
            Commit([.. snapshot.Alarms.Where(a => !names.Contains(a.AlarmName))],
                [.. deleted.Select(a => (a.AlarmName, ms, "ConfigurationUpdate", $"Alarm \"{a.AlarmName}\" deleted", AlarmHistoryData.Configuration("Delete", a, null)))]);
            return [];
        }
    }

    /// <summary>
    /// Sets an alarm's state. A different state is a transition: state, reason, reason data and both
    /// timestamps change, a <c>StateUpdate</c> history entry is written, and the change is logged and raised.
    /// The same state changes nothing (CloudWatch records transitions only). Null when there is no such alarm.
    /// </summary>
    public AlarmStateChange? SetState(string name, string state, string reason, string? reasonData, DateTimeOffset now, out bool found)
    {
        lock (_lock)
        {
            var snapshot = _snapshot;
            var existing = snapshot.Alarms.FirstOrDefault(a => a.AlarmName == name);
            found = existing is not null;
            if (existing is null || existing.StateValue == state)
            {
                return null;
            }

            var ms = now.ToUnixTimeMilliseconds();
            var updated = existing with
            {
                StateValue = state,
                StateReason = reason,
                StateReasonData = reasonData,
                StateUpdatedTimestamp = ms,
                StateTransitionedTimestamp = ms,
            };
            var change = new AlarmStateChange(updated, existing.StateValue, existing.StateReason, existing.StateUpdatedTimestamp);
            Commit([.. snapshot.Alarms.Select(a => ReferenceEquals(a, existing) ? updated : a)],
                [(name, ms, "StateUpdate", $"Alarm updated from {existing.StateValue} to {state}", AlarmHistoryData.State(change))]);

            // The catalog file is the truth; the log and the event follow it. A failed append throws to the
            // caller (the state stays changed; the next transition is logged normally).
            _changes.Append(change);
            StateChanged?.Invoke(change);
            return change;
        }
    }

    /// <summary>Turns the actions of the named alarms on or off (names that do not exist are skipped, as CloudWatch does).</summary>
    public void SetActionsEnabled(IReadOnlyCollection<string> names, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(names);
        lock (_lock)
        {
            var snapshot = _snapshot;
            if (snapshot.Alarms.Any(a => names.Contains(a.AlarmName) && a.ActionsEnabled != enabled))
            {
                Commit([.. snapshot.Alarms.Select(a => names.Contains(a.AlarmName) ? a with { ActionsEnabled = enabled } : a)], []);
            }
        }
    }

    // Caller holds _lock. The file is written first: if that throws, the snapshot is untouched.
    private void Commit(List<MetricAlarm> alarms, IReadOnlyList<(string Name, long Timestamp, string Type, string Summary, string Data)> entries)
    {
        alarms.Sort((a, b) => string.CompareOrdinal(a.AlarmName, b.AlarmName));
        var snapshot = _snapshot;
        var sequence = snapshot.NextSequence;
        var history = new List<AlarmHistoryItem>(snapshot.History);
        foreach (var (name, timestamp, type, summary, data) in entries)
        {
            history.Add(new AlarmHistoryItem(sequence++, name, timestamp, type, summary, data));
            var kept = history.Count(h => h.AlarmName == name);
            if (kept > MaxHistoryPerAlarm)
            {
                history.Remove(history.First(h => h.AlarmName == name));
            }
        }

        var document = new AlarmsDocument(AlarmsDocument.CurrentVersion, sequence, alarms, history);
        DiskSync.ReplaceFile(_path, JsonSerializer.SerializeToUtf8Bytes(document, AlarmsJsonContext.Default.AlarmsDocument));
        _snapshot = new Snapshot(alarms, history, sequence);
    }

    private static Snapshot Load(string path)
    {
        if (!File.Exists(path))
        {
            return new Snapshot([], [], 1);
        }

        var document = JsonSerializer.Deserialize(File.ReadAllBytes(path), AlarmsJsonContext.Default.AlarmsDocument)
            ?? throw new InvalidDataException($"{path} is empty.");
        if (document.Version != AlarmsDocument.CurrentVersion)
        {
            throw new InvalidDataException($"{path} has version {document.Version}; this build reads version {AlarmsDocument.CurrentVersion}.");
        }

        var alarms = document.Alarms.Select(a => a with
        {
            OKActions = a.OKActions ?? [],
            AlarmActions = a.AlarmActions ?? [],
            InsufficientDataActions = a.InsufficientDataActions ?? [],
            Dimensions = a.Dimensions ?? [],
        }).ToList();
        alarms.Sort((a, b) => string.CompareOrdinal(a.AlarmName, b.AlarmName));
        return new Snapshot(alarms, [.. document.History ?? []], document.NextSequence);
    }

    private sealed record Snapshot(IReadOnlyList<MetricAlarm> Alarms, IReadOnlyList<AlarmHistoryItem> History, long NextSequence);
}
