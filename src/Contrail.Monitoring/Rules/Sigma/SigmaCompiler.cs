using System.Text.Json;

namespace Contrail.Monitoring.Rules.Sigma;

/// <summary>
/// Compiles a Sigma rule's <c>detection</c> and <c>condition</c> into a matcher over a CloudTrail record
/// (docs/dev/rules.md lists the subset). Supported: search identifiers that are a map (fields ANDed) or a
/// list of maps (ORed); field values that are a value or a list (ORed; ANDed with <c>|all</c>);
/// <c>null</c> (absent or null); modifiers <c>contains</c>, <c>startswith</c>, <c>endswith</c>, <c>all</c>,
/// <c>re</c>, <c>exists</c>; dotted field names walk nested objects (and arrays, any element); conditions
/// with <c>and</c>, <c>or</c>, <c>not</c>, parentheses, <c>1 of X*</c>, <c>all of X*</c>, <c>1 of them</c>,
/// <c>all of them</c>. Anything else (aggregations after <c>|</c>, <c>near</c>, keyword lists, other
/// modifiers such as <c>fieldref</c> or <c>expand</c>) makes the rule unsupported, with the reason.
/// </summary>
internal static class SigmaCompiler
{
    public static (Func<JsonElement, bool>? Matcher, string? Unsupported) Compile(JsonElement detection, JsonElement condition)
    {
        try
        {
            if (detection.ValueKind != JsonValueKind.Object)
            {
                throw new Unsupported("detection is not a map");
            }

            var searches = new Dictionary<string, Func<JsonElement, bool>>(StringComparer.Ordinal);
            foreach (var item in detection.EnumerateObject())
            {
                // "timeframe" only bounds aggregations, which are refused in the condition.
                if (item.Name is not ("condition" or "timeframe"))
                {
                    searches[item.Name] = Search(item.Name, item.Value);
                }
            }

            var conditions = condition.ValueKind == JsonValueKind.Array ? condition.EnumerateArray().ToArray() : [condition];
            var compiled = conditions.Select(c => c.ValueKind == JsonValueKind.String
                ? new SigmaConditionParser(c.GetString()!, searches).Parse()
                : throw new Unsupported("the condition is not a string")).ToArray();
            return (compiled.Length == 1 ? compiled[0] : record => compiled.Any(c => c(record)), null);
        }
        catch (Unsupported e)
        {
            return (null, e.Message);
        }
    }

    private static Func<JsonElement, bool> Search(string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return Map(value);
            case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Object):
                var maps = value.EnumerateArray().Select(Map).ToArray();
                return record => maps.Any(m => m(record));
            default:
                throw new Unsupported($"search identifier {name} is a keyword list");
        }
    }

    private static Func<JsonElement, bool> Map(JsonElement map)
    {
        var fields = map.EnumerateObject().Select(f => Field(f.Name, f.Value)).ToArray();
        return record =>
        {
            foreach (var field in fields)
            {
                if (!field(record))
                {
                    return false;
                }
            }

            return true;
        };
    }

    private static Func<JsonElement, bool> Field(string key, JsonElement value)
    {
        var parts = key.Split('|');
        var path = parts[0].Split('.');
        string? modifier = null;
        var all = false;
        var exists = false;
        foreach (var part in parts.Skip(1))
        {
            switch (part)
            {
                case "all":
                    all = true;
                    break;
                case "exists":
                    exists = true;
                    break;
                case "contains" or "startswith" or "endswith" or "re" when modifier is null:
                    modifier = part;
                    break;
                default:
                    throw new Unsupported($"modifier |{part} on {parts[0]}");
            }
        }

        if (exists)
        {
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) || modifier is not null || all)
            {
                throw new Unsupported($"|exists on {parts[0]} takes true or false alone");
            }

            var wanted = value.GetBoolean();
            return record => Values(record, path).Any(v => v.ValueKind != JsonValueKind.Null) == wanted;
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value];
        if (items.Length == 0)
        {
            throw new Unsupported($"an empty value list on {parts[0]}");
        }

        var tests = items.Select(item => Test(item, modifier, parts[0])).ToArray();
        return record =>
        {
            var values = Values(record, path);
            return all ? tests.All(t => t(values)) : tests.Any(t => t(values));
        };
    }

    // One value of the rule against the event's values at the path (any of them).
    private static Func<List<JsonElement>, bool> Test(JsonElement item, string? modifier, string field)
    {
        if (item.ValueKind == JsonValueKind.Null)
        {
            return modifier is null
                ? values => values.Count == 0 || values.All(v => v.ValueKind == JsonValueKind.Null)
                : throw new Unsupported($"null with a modifier on {field}");
        }

        var text = item.ValueKind switch
        {
            JsonValueKind.String => item.GetString()!,
            JsonValueKind.Number => item.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw new Unsupported($"a nested value on {field}"),
        };
        var test = SigmaValue.Compile(text, modifier);
        return values =>
        {
            foreach (var value in values)
            {
                if (SigmaValue.Text(value) is { } eventText && test(eventText))
                {
                    return true;
                }
            }

            return false;
        };
    }

    /// <summary>The values at a dotted path; arrays on the way (and at the end) contribute every element.</summary>
    internal static List<JsonElement> Values(JsonElement record, string[] path)
    {
        var found = new List<JsonElement>();
        Walk(record, path, 0, found);
        return found;
    }

    private static void Walk(JsonElement element, string[] path, int index, List<JsonElement> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, path, index, found);
            }

            return;
        }

        if (index == path.Length)
        {
            found.Add(element);
            return;
        }

        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(path[index], out var next))
        {
            Walk(next, path, index + 1, found);
        }
    }

    /// <summary>Why a rule cannot be compiled; never leaves <see cref="Compile"/>.</summary>
    internal sealed class Unsupported(string message) : Exception(message);
}
