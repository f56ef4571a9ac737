using System.Text.Json;

namespace Contrail.Monitoring.Rules.Sigma;

/// <summary>
/// One Sigma rule for CloudTrail: its identity, and either its compiled matcher or why it is not
/// supported (<see cref="Unsupported"/>). Immutable; <see cref="Matches"/> is thread-safe.
/// </summary>
public sealed class SigmaRule
{
    private readonly Func<JsonElement, bool>? _matcher;

    internal SigmaRule(string id, string title, string level, string file, Func<JsonElement, bool>? matcher, string? unsupported)
    {
        Id = id;
        Title = title;
        Level = level;
        File = file;
        _matcher = matcher;
        Unsupported = unsupported;
    }

    /// <summary>The rule's <c>id</c> (a UUID).</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>The rule's <c>level</c> (informational, low, medium, high, critical).</summary>
    public string Level { get; }

    /// <summary>The rule's file in the Sigma repository.</summary>
    public string File { get; }

    /// <summary>Null when the rule is supported; else the first construct it uses that Contrail does not evaluate.</summary>
    public string? Unsupported { get; }

    public bool Supported => _matcher is not null;

    /// <summary>Whether a CloudTrail record (the record itself, not an EventBridge envelope) matches; false for unsupported rules.</summary>
    public bool Matches(JsonElement record) => _matcher is not null && _matcher(record);
}
