namespace Contrail.Api.Rules;

/// <summary>
/// The persisted form of the rule catalog, <c>DATA_DIR/rules/rules.json</c> (docs/dev/rules.md):
/// <code>{"Version": 1, "Rules": [EventRule, …]}</code> ordered by name (ordinal).
/// </summary>
internal sealed record RulesDocument(int Version, IReadOnlyList<EventRule> Rules)
{
    public const int CurrentVersion = 1;
}
