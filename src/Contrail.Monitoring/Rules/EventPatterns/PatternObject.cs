using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// One object level of an event pattern: every field must match (AND), and in every <c>$or</c> group
/// one alternative must. Leaf semantics: the field's value, or any element of it when it is an array
/// (arrays nest flat), must satisfy one alternative of the list; an absent field (or empty array)
/// satisfies only <c>{"exists": false}</c>. A nested pattern over an array of objects matches when one
/// element does; over an absent field or a non-object, its fields are all absent.
/// </summary>
internal sealed class PatternObject(PatternField[] fields, PatternObject[][] orGroups)
{
    private const int MaxDepth = 64;

    public IReadOnlyList<PatternField> Fields => fields;

    public IReadOnlyList<PatternObject[]> OrGroups => orGroups;

    /// <summary>
    /// Matches the object <paramref name="value"/> (null: absent). At the event's top level,
    /// <paramref name="detail"/> (when given) stands in for the member <c>detail</c>.
    /// </summary>
    public bool Matches(JsonElement? value, JsonElement? detail, int depth = 0)
    {
        foreach (var field in fields)
        {
            var member = detail is { } d && depth == 0 && field.Name == "detail" ? d : Member(value, field.Name);
            var ok = field.Nested is { } nested ? MatchesNested(nested, member, depth + 1) : MatchesLeaf(field.Alternatives, member);
            if (!ok)
            {
                return false;
            }
        }

        foreach (var group in orGroups)
        {
            var any = false;
            foreach (var alternative in group)
            {
                if (alternative.Matches(value, detail, depth))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonElement? Member(JsonElement? value, string name) =>
        value is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var member) ? member : null;

    private static bool MatchesNested(PatternObject nested, JsonElement? member, int depth)
    {
        if (member is { ValueKind: JsonValueKind.Array } array && depth < MaxDepth)
        {
            foreach (var element in array.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object && nested.Matches(element, null, depth))
                {
                    return true;
                }
            }

            return array.GetArrayLength() == 0 && nested.Matches(null, null, depth);
        }

        return nested.Matches(member is { ValueKind: JsonValueKind.Object } ? member : null, null, depth);
    }

    private static bool MatchesLeaf(ValueMatcher[] alternatives, JsonElement? member)
    {
        if (member is not { } value || (value.ValueKind == JsonValueKind.Array && !HasLeaf(value, 0)))
        {
            foreach (var alternative in alternatives)
            {
                if (alternative.MatchesAbsent)
                {
                    return true;
                }
            }

            return false;
        }

        return MatchesAny(alternatives, value, 0);
    }

    private static bool MatchesAny(ValueMatcher[] alternatives, JsonElement value, int depth)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (depth >= MaxDepth)
            {
                return false;
            }

            foreach (var element in value.EnumerateArray())
            {
                if (MatchesAny(alternatives, element, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var alternative in alternatives)
        {
            if (alternative.Matches(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLeaf(JsonElement array, int depth)
    {
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Array || (depth < MaxDepth && HasLeaf(element, depth + 1)))
            {
                return true;
            }
        }

        return false;
    }
}
