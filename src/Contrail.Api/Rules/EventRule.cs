namespace Contrail.Api.Rules;

/// <summary>
/// One rule on the default event bus, as persisted (docs/dev/rules.md): its pattern as given, its state
/// (<c>ENABLED</c> or <c>DISABLED</c>), description, creation time (Unix milliseconds) and targets.
/// </summary>
internal sealed record EventRule(string Name, string EventPattern, string State, string? Description, long CreatedAt, IReadOnlyList<RuleTarget> Targets)
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEnabled => State == Enabled;
}
