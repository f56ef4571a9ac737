using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary><c>{"wildcard": "…"}</c>: a string value matching the glob (<see cref="WildcardGlob"/>).</summary>
internal sealed class WildcardMatcher(WildcardGlob glob) : ValueMatcher
{
    public override bool Matches(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && glob.Matches(value.GetString()!);
}
