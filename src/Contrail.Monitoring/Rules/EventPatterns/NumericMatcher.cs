using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// <c>{"numeric": [">", 0, "&lt;=", 5]}</c> or <c>{"numeric": ["=", 5]}</c>: a number value within the
/// range (bounds as doubles; a missing bound is open). Strings that look like numbers do not match.
/// </summary>
internal sealed class NumericMatcher(double lower, bool lowerInclusive, double upper, bool upperInclusive) : ValueMatcher
{
    public override bool Matches(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && Test(number);

    public bool Test(double number) =>
        (lowerInclusive ? number >= lower : number > lower) && (upperInclusive ? number <= upper : number < upper);
}
