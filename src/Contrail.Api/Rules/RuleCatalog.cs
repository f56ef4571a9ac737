using System.Text.Json;
using Contrail.Api.Service;
using Contrail.Journal.Segments;
using Contrail.Monitoring.Rules.EventPatterns;

namespace Contrail.Api.Rules;

/// <summary>
/// Every rule and its targets: the one owner of <c>DATA_DIR/rules/rules.json</c>, loaded at start and
/// rewritten atomically (<see cref="DiskSync.ReplaceFile"/>) on every change, before the change is
/// visible. Thread-safe: one lock serializes changes; readers get immutable snapshots, including the
/// enabled rules compiled (<see cref="Enabled"/>), rebuilt on each change. A failed write throws and
/// leaves the catalog as it was.
/// </summary>
internal sealed class RuleCatalog
{
    /// <summary>EventBridge's quota: 300 rules per event bus.</summary>
    public const int MaxRules = 300;

    /// <summary>EventBridge's quota: 5 targets per rule.</summary>
    public const int MaxTargetsPerRule = 5;

    private readonly Lock _lock = new();
    private readonly string _path;
    private volatile Snapshot _snapshot;

    public RuleCatalog(ContrailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory = Path.Combine(settings.DataDirectory, "rules");
        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _path = Path.Combine(Directory, "rules.json");
        _snapshot = Snapshot.Of(Load(_path), Directory);
    }

    /// <summary><c>DATA_DIR/rules</c>: the catalog, the consumer's position, log-file targets and dead letters.</summary>
    public string Directory { get; }

    /// <summary>The file the catalog persists to.</summary>
    public string FilePath => _path;

    /// <summary>Every rule, ordered by name (ordinal).</summary>
    public IReadOnlyList<EventRule> List() => _snapshot.Rules;

    /// <summary>The enabled rules that have targets, compiled (an immutable snapshot, replaced on every change).</summary>
    public IReadOnlyList<CompiledRule> Enabled => _snapshot.Enabled;

    public EventRule? Find(string name) => _snapshot.Rules.FirstOrDefault(r => r.Name == name);

    /// <summary>
    /// Adds a rule or replaces the one of that name (keeping its creation time and targets; what the call
    /// omits is not kept, as EventBridge's). False when a new rule would pass <see cref="MaxRules"/>.
    /// The pattern must have been validated.
    /// </summary>
    public bool Put(string name, string eventPattern, string state, string? description, long createdAt)
    {
        lock (_lock)
        {
            var rules = _snapshot.Rules;
            var existing = rules.FirstOrDefault(r => r.Name == name);
            if (existing is null && rules.Count >= MaxRules)
            {
                return false;
            }

            var rule = new EventRule(name, eventPattern, state, description, existing?.CreatedAt ?? createdAt, existing?.Targets ?? []);
            Commit([.. rules.Where(r => !ReferenceEquals(r, existing)), rule]);
            return true;
        }
    }

    public RuleDeleteOutcome Delete(string name, bool force)
    {
        lock (_lock)
        {
            var existing = Find(name);
            if (existing is null)
            {
                return RuleDeleteOutcome.NotFound;
            }

            if (existing.Targets.Count > 0 && !force)
            {
                return RuleDeleteOutcome.HasTargets;
            }

            Commit([.. _snapshot.Rules.Where(r => !ReferenceEquals(r, existing))]);
            return RuleDeleteOutcome.Deleted;
        }
    }

    /// <summary>Sets the state; false when there is no such rule.</summary>
    public bool SetState(string name, bool enabled) =>
        Change(name, r => r with { State = enabled ? EventRule.Enabled : EventRule.Disabled });

    /// <summary>
    /// Adds or replaces targets by id. Null when there is no such rule; else the ids refused because the
    /// rule would pass <see cref="MaxTargetsPerRule"/> (the others are stored).
    /// </summary>
    public IReadOnlyList<string>? PutTargets(string name, IReadOnlyList<RuleTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var refused = new List<string>();
        var found = Change(name, rule =>
        {
            var next = rule.Targets.ToList();
            foreach (var target in targets)
            {
                var index = next.FindIndex(t => t.Id == target.Id);
                if (index >= 0)
                {
                    next[index] = target;
                }
                else if (next.Count < MaxTargetsPerRule)
                {
                    next.Add(target);
                }
                else
                {
                    refused.Add(target.Id);
                }
            }

            return rule with { Targets = next };
        });
        return found ? refused : null;
    }

    /// <summary>Removes targets by id (ids it does not have are ignored, as EventBridge's). False when there is no such rule.</summary>
    public bool RemoveTargets(string name, IReadOnlyCollection<string> ids) =>
        Change(name, rule => rule with { Targets = [.. rule.Targets.Where(t => !ids.Contains(t.Id))] });

    private bool Change(string name, Func<EventRule, EventRule> change)
    {
        lock (_lock)
        {
            var existing = Find(name);
            if (existing is null)
            {
                return false;
            }

            Commit([.. _snapshot.Rules.Where(r => !ReferenceEquals(r, existing)), change(existing)]);
            return true;
        }
    }

    // Caller holds _lock. The file is written first: if that throws, the snapshot is untouched.
    private void Commit(List<EventRule> next)
    {
        next.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var document = new RulesDocument(RulesDocument.CurrentVersion, next);
        DiskSync.ReplaceFile(_path, JsonSerializer.SerializeToUtf8Bytes(document, RulesJsonContext.Default.RulesDocument));
        _snapshot = Snapshot.Of(next, Directory);
    }

    private static List<EventRule> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var document = JsonSerializer.Deserialize(File.ReadAllBytes(path), RulesJsonContext.Default.RulesDocument)
            ?? throw new InvalidDataException($"{path} is empty.");
        if (document.Version != RulesDocument.CurrentVersion)
        {
            throw new InvalidDataException($"{path} has version {document.Version}; this build reads version {RulesDocument.CurrentVersion}.");
        }

        var rules = document.Rules.Select(r => r with { Targets = r.Targets ?? [] }).ToList();
        rules.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return rules;
    }

    private sealed record Snapshot(IReadOnlyList<EventRule> Rules, IReadOnlyList<CompiledRule> Enabled)
    {
        public static Snapshot Of(List<EventRule> rules, string directory) => new(
            rules,
            [.. rules.Where(r => r.IsEnabled && r.Targets.Count > 0)
                .Select(r => new CompiledRule(r, Compile(r), [.. r.Targets.Select(t => CompiledTarget.Of(t, directory))]))]);

        private static EventPattern Compile(EventRule rule)
        {
            var (pattern, error) = EventPattern.Parse(rule.EventPattern);
            return pattern ?? throw new InvalidDataException($"The stored pattern of rule {rule.Name} does not parse: {error}");
        }
    }
}
