using System.Text.Json;
using Contrail.Delivery.Selection;

namespace Contrail.Delivery.Tests.Selection;

/// <summary>
/// The selector semantics of docs/dev/event-selection.md written as plainly as possible over
/// <see cref="JsonDocument"/>: slow, allocating, and easy to check by reading.
/// </summary>
internal static class ReferenceEvaluator
{
    public static bool Matches(IReadOnlyList<BasicSelector>? basic, IReadOnlyList<AdvancedSelector>? advanced, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (advanced is { Count: > 0 })
        {
            return advanced.Any(selector => selector.FieldSelectors.All(condition => Holds(condition, root)));
        }

        var selectors = basic is { Count: > 0 } ? basic : [new BasicSelector("All", true, [], [])];
        return selectors.Any(selector => Matches(selector, root));
    }

    /// <summary>A field's text: a string as is, a boolean as "true"/"false", anything else (or absent) null.</summary>
    public static string? Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    public static string Category(JsonElement root) => Text(root, "eventCategory") ?? "Management";

    public static List<(string? Type, string? Arn)> Resources(JsonElement root)
    {
        var list = new List<(string?, string?)>();
        if (root.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                list.Add((Text(resource, "type"), Text(resource, "ARN") ?? Text(resource, "ARNPrefix")));
            }
        }

        return list;
    }

    private static bool Matches(BasicSelector selector, JsonElement root)
    {
        var isReadOnly = Text(root, "readOnly") == "true";
        if (selector.ReadWriteType == "ReadOnly" && !isReadOnly)
        {
            return false;
        }

        if (selector.ReadWriteType == "WriteOnly" && isReadOnly)
        {
            return false;
        }

        var category = Category(root);
        if (category == "Management")
        {
            return selector.IncludeManagementEvents && !selector.ExcludeManagementEventSources.Contains(Text(root, "eventSource"));
        }

        if (category == "Data")
        {
            foreach (var (type, arn) in Resources(root))
            {
                foreach (var resource in selector.DataResources)
                {
                    if (type == resource.Type && arn is not null && resource.Values.Any(value => ValueSelects(resource.Type, value, arn)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool ValueSelects(string type, string value, string arn)
    {
        var parts = value.Split(':');
        if (parts.Length == 3 && parts[0] == "arn" && parts[1] != "" && parts[2] != "")
        {
            return arn.StartsWith(value + ":", StringComparison.Ordinal);
        }

        return type is "AWS::Lambda::Function" or "AWS::DynamoDB::Table"
            ? arn == value
            : arn.StartsWith(value, StringComparison.Ordinal);
    }

    private static bool Holds(FieldCondition condition, JsonElement root)
    {
        switch (condition.Field)
        {
            case "resources.type":
            case "resources.ARN":
                var values = Resources(root).Select(r => condition.Field == "resources.type" ? r.Type : r.Arn).ToList();
                return values.Count == 0 ? HoldsFor(condition, null) : values.Any(v => HoldsFor(condition, v));
            case "eventCategory":
                return HoldsFor(condition, Category(root));
            case "userIdentity.arn":
                return HoldsFor(condition, root.TryGetProperty("userIdentity", out var identity) ? Text(identity, "arn") : null);
            case "managementEvent" or "readOnly" or "eventSource" or "eventName" or "eventType" or "errorCode" or "vpcEndpointId" or "sessionCredentialFromConsole":
                return HoldsFor(condition, Text(root, condition.Field));
            default:
                return HoldsFor(condition, null);
        }
    }

    private static bool HoldsFor(FieldCondition c, string? v)
    {
        if (v is null)
        {
            return c.EqualTo is null && c.StartsWith is null && c.EndsWith is null;
        }

        return (c.EqualTo is null || c.EqualTo.Any(x => v == x))
            && (c.StartsWith is null || c.StartsWith.Any(x => v.StartsWith(x, StringComparison.Ordinal)))
            && (c.EndsWith is null || c.EndsWith.Any(x => v.EndsWith(x, StringComparison.Ordinal)))
            && (c.NotEquals is null || !c.NotEquals.Any(x => v == x))
            && (c.NotStartsWith is null || !c.NotStartsWith.Any(x => v.StartsWith(x, StringComparison.Ordinal)))
            && (c.NotEndsWith is null || !c.NotEndsWith.Any(x => v.EndsWith(x, StringComparison.Ordinal)));
    }
}
