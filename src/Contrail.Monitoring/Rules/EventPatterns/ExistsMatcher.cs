using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// <c>{"exists": true}</c> matches a field that is present with a leaf value (null included, an object
/// not: EventBridge's exists works on leaves only); <c>{"exists": false}</c> matches an absent field.
/// An empty array counts as absent.
/// </summary>
internal sealed class ExistsMatcher(bool exists) : ValueMatcher
{
    public override bool MatchesAbsent => !exists;

    public override bool Matches(JsonElement value) => exists && value.ValueKind != JsonValueKind.Object;
}
