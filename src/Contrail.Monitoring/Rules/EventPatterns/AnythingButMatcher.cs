using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// <c>{"anything-but": …}</c>: a present leaf value that none of the excluded alternatives match
/// (values, or a nested <c>prefix</c>, <c>suffix</c>, <c>wildcard</c> or <c>equals-ignore-case</c>).
/// An absent field does not match, as EventBridge's.
/// </summary>
internal sealed class AnythingButMatcher(ValueMatcher[] excluded) : ValueMatcher
{
    public override bool Matches(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return false;
        }

        foreach (var matcher in excluded)
        {
            if (matcher.Matches(value))
            {
                return false;
            }
        }

        return true;
    }
}
