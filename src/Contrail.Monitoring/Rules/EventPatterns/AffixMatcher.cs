using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// <c>{"prefix": "…"}</c> and <c>{"suffix": "…"}</c>, optionally case-insensitive
/// (<c>{"prefix": {"equals-ignore-case": "…"}}</c>): string values only. An empty affix matches every
/// string (and nothing else), as EventBridge's.
/// </summary>
internal sealed class AffixMatcher(string affix, bool suffix, bool ignoreCase) : ValueMatcher
{
    private readonly StringComparison _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public override bool Matches(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && Test(value.GetString()!);

    /// <summary>Whether <paramref name="text"/> has the affix.</summary>
    public bool Test(string text) => suffix ? text.EndsWith(affix, _comparison) : text.StartsWith(affix, _comparison);
}
