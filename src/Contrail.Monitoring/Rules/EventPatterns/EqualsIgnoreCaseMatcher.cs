using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary><c>{"equals-ignore-case": "…"}</c>: a string value equal to the operand, ignoring case (ordinal, invariant).</summary>
internal sealed class EqualsIgnoreCaseMatcher(string text) : ValueMatcher
{
    public override bool Matches(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), text, StringComparison.OrdinalIgnoreCase);
}
