using System.Collections.Frozen;
using System.Text.Json;
using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// Reads and validates PutEventSelectors' selectors for shape (spec §4.4): either basic or advanced,
/// never both (<c>InvalidParameterCombinationException</c>); 1–5 basic selectors, ≤250 data
/// resource values, ≤500 advanced condition values, known fields and operators
/// (<c>InvalidEventSelectorsException</c>). Wrong JSON types are <c>SerializationException</c>s.
/// </summary>
internal static class EventSelectorParser
{
    public const int MaxBasicSelectors = 5;
    public const int MaxDataResourceValues = 250;
    public const int MaxAdvancedValues = 500;

    /// <summary>Advanced selectors of one event data store (CreateEventDataStore's documentation).</summary>
    public const int MaxEventDataStoreSelectors = 5;

    /// <summary>Event categories of events from outside CloudTrail: event data stores only, alone in their selector.</summary>
    private static readonly FrozenSet<string> OutsideCategories =
        FrozenSet.ToFrozenSet(["ActivityAuditLog", "ConfigurationItem", "Evidence", "Insight"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ReadWriteTypes = FrozenSet.ToFrozenSet(["ReadOnly", "WriteOnly", "All"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> DataResourcePrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS::S3::Object"] = "arn:aws:s3",
        ["AWS::Lambda::Function"] = "arn:aws:lambda",
        ["AWS::DynamoDB::Table"] = "arn:aws:dynamodb",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ExcludableSources = FrozenSet.ToFrozenSet(["kms.amazonaws.com", "rdsdata.amazonaws.com"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Fields = FrozenSet.ToFrozenSet(
        ["eventCategory", "eventSource", "eventName", "eventType", "readOnly", "resources.type", "resources.ARN",
         "sessionCredentialFromConsole", "userIdentity.arn", "errorCode", "vpcEndpointId"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> EqualsOnlyFields = FrozenSet.ToFrozenSet(["eventCategory", "readOnly", "resources.type"], StringComparer.Ordinal);

    private static readonly string[] Operators = ["Equals", "StartsWith", "EndsWith", "NotEquals", "NotStartsWith", "NotEndsWith"];

    public static (List<EventSelector>? Basic, List<AdvancedEventSelector>? Advanced, ApiError? Error) Parse(JsonElement request)
    {
        var error = TrailInput.First(
            JsonInput.Array(request, "EventSelectors", out var basic),
            JsonInput.Array(request, "AdvancedEventSelectors", out var advanced));
        if (error is not null)
        {
            return (null, null, error);
        }

        if (basic.HasValue == advanced.HasValue)
        {
            return (null, null, new ApiError(TrailErrors.InvalidParameterCombination,
                "Specify either EventSelectors or AdvancedEventSelectors, but not both."));
        }

        if (basic is { } list)
        {
            var (selectors, basicError) = ParseBasic(list);
            return (selectors, null, basicError);
        }

        var (advancedSelectors, advancedError) = ParseAdvanced(advanced!.Value, eventDataStore: false);
        return (null, advancedSelectors, advancedError);
    }

    private static (List<EventSelector>?, ApiError?) ParseBasic(JsonElement list)
    {
        var count = list.GetArrayLength();
        if (count is < 1 or > MaxBasicSelectors)
        {
            return (null, TrailErrors.Selectors($"A trail has 1 to {MaxBasicSelectors} event selectors; {count} were given."));
        }

        var selectors = new List<EventSelector>(count);
        var values = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiError.Serialization($"EventSelectors must be a list of objects; got {JsonInput.Kind(item)} in it."));
            }

            var error = TrailInput.First(
                JsonInput.String(item, "ReadWriteType", out var readWrite),
                TrailInput.Boolean(item, "IncludeManagementEvents", out var management),
                JsonInput.Array(item, "DataResources", out var resources),
                TrailInput.Strings(item, "ExcludeManagementEventSources", out var excluded));
            if (error is not null)
            {
                return (null, error);
            }

            if (readWrite is not null && !ReadWriteTypes.Contains(readWrite))
            {
                return (null, TrailErrors.Selectors($"ReadWriteType '{Clip(readWrite)}' is not valid; use ReadOnly, WriteOnly or All."));
            }

            foreach (var source in excluded ?? [])
            {
                if (!ExcludableSources.Contains(source))
                {
                    return (null, TrailErrors.Selectors($"ExcludeManagementEventSources may only contain kms.amazonaws.com and rdsdata.amazonaws.com; got '{Clip(source)}'."));
                }
            }

            var dataResources = new List<DataResource>();
            foreach (var resource in resources is { } r ? r.EnumerateArray() : default)
            {
                var (parsed, resourceError) = ParseDataResource(resource);
                if (resourceError is not null)
                {
                    return (null, resourceError);
                }

                values += parsed!.Values.Count;
                dataResources.Add(parsed);
            }

            if (values > MaxDataResourceValues)
            {
                return (null, TrailErrors.Selectors($"The event selectors of a trail have at most {MaxDataResourceValues} data resource values; {values} were given."));
            }

            selectors.Add(new EventSelector(readWrite ?? "All", management ?? true, dataResources, excluded ?? []));
        }

        return (selectors, null);
    }

    private static (DataResource?, ApiError?) ParseDataResource(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object)
        {
            return (null, ApiError.Serialization($"DataResources must be a list of objects; got {JsonInput.Kind(resource)} in it."));
        }

        var error = TrailInput.First(JsonInput.String(resource, "Type", out var type), TrailInput.Strings(resource, "Values", out var values));
        if (error is not null)
        {
            return (null, error);
        }

        if (type is null || !DataResourcePrefixes.TryGetValue(type, out var prefix))
        {
            return (null, TrailErrors.Selectors($"DataResource Type '{Clip(type ?? "null")}' is not valid; use AWS::S3::Object, AWS::Lambda::Function or AWS::DynamoDB::Table."));
        }

        foreach (var value in values ?? [])
        {
            if (!value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (null, TrailErrors.Selectors($"Value {Clip(value)} for DataResource Type {type} is not valid: it must be an ARN or ARN prefix starting with {prefix}."));
            }
        }

        return (new DataResource(type, values ?? []), null);
    }

    /// <summary>
    /// Reads an <c>AdvancedEventSelectors</c> list. For an event data store (<paramref name="eventDataStore"/>)
    /// at most <see cref="MaxEventDataStoreSelectors"/> selectors, and <c>eventCategory</c> may also be one of
    /// the categories of events from outside CloudTrail (<c>ActivityAuditLog</c>, <c>ConfigurationItem</c>,
    /// <c>Evidence</c>, <c>Insight</c>), in a selector of that one field selector only (spec §4.4).
    /// </summary>
    public static (List<AdvancedEventSelector>? Selectors, ApiError? Error) ParseAdvanced(JsonElement list, bool eventDataStore)
    {
        if (list.GetArrayLength() == 0)
        {
            return (null, TrailErrors.Selectors("AdvancedEventSelectors must contain at least one selector."));
        }

        if (eventDataStore && list.GetArrayLength() > MaxEventDataStoreSelectors)
        {
            return (null, TrailErrors.Selectors($"An event data store has at most {MaxEventDataStoreSelectors} advanced event selectors; {list.GetArrayLength()} were given."));
        }

        var selectors = new List<AdvancedEventSelector>(list.GetArrayLength());
        var total = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiError.Serialization($"AdvancedEventSelectors must be a list of objects; got {JsonInput.Kind(item)} in it."));
            }

            var error = TrailInput.First(JsonInput.String(item, "Name", out var name), JsonInput.Array(item, "FieldSelectors", out var fields));
            if (error is not null)
            {
                return (null, error);
            }

            if (name is { Length: > 1000 })
            {
                return (null, TrailErrors.Selectors("An advanced event selector's Name has at most 1000 characters."));
            }

            if (fields is not { } fieldList || fieldList.GetArrayLength() == 0)
            {
                return (null, TrailErrors.Selectors("Each advanced event selector needs at least one field selector in FieldSelectors."));
            }

            var parsed = new List<AdvancedFieldSelector>(fieldList.GetArrayLength());
            foreach (var field in fieldList.EnumerateArray())
            {
                var (selector, values, fieldError) = ParseField(field, eventDataStore);
                if (fieldError is not null)
                {
                    return (null, fieldError);
                }

                total += values;
                parsed.Add(selector!);
            }

            if (parsed.Find(f => f.Field == "eventCategory") is not { } category)
            {
                return (null, TrailErrors.Selectors("Each advanced event selector must have an eventCategory field selector."));
            }

            var categories = category.EqualTo ?? [];
            if (categories.Any(OutsideCategories.Contains) && (parsed.Count > 1 || categories.Count > 1))
            {
                return (null, TrailErrors.Selectors($"A selector for eventCategory {string.Join(", ", categories)} has only the eventCategory field selector, with one value."));
            }

            selectors.Add(new AdvancedEventSelector(name, parsed));
        }

        if (total > MaxAdvancedValues)
        {
            return (null, TrailErrors.Selectors($"The advanced event selectors of a trail have at most {MaxAdvancedValues} condition values; {total} were given."));
        }

        return (selectors, null);
    }

    private static (AdvancedFieldSelector?, int Values, ApiError?) ParseField(JsonElement field, bool eventDataStore)
    {
        if (field.ValueKind != JsonValueKind.Object)
        {
            return (null, 0, ApiError.Serialization($"FieldSelectors must be a list of objects; got {JsonInput.Kind(field)} in it."));
        }

        var error = JsonInput.String(field, "Field", out var name);
        if (error is not null)
        {
            return (null, 0, error);
        }

        if (name is null || !Fields.Contains(name))
        {
            return (null, 0, TrailErrors.Selectors($"Field '{Clip(name ?? "null")}' is not valid for a trail's advanced event selector; use one of {string.Join(", ", Fields.Order(StringComparer.Ordinal))}."));
        }

        var lists = new List<string>?[Operators.Length];
        var count = 0;
        for (var i = 0; i < Operators.Length; i++)
        {
            error = TrailInput.Strings(field, Operators[i], out lists[i]);
            if (error is not null)
            {
                return (null, 0, error);
            }

            if (lists[i] is not { } values)
            {
                continue;
            }

            if (values.Count == 0 || values.Exists(v => v.Length is < 1 or > 2048))
            {
                return (null, 0, TrailErrors.Selectors($"{Operators[i]} of field {name} needs 1 or more values of 1 to 2048 characters."));
            }

            if (i > 0 && EqualsOnlyFields.Contains(name))
            {
                return (null, 0, TrailErrors.Selectors($"Field {name} accepts only the Equals operator."));
            }

            count += values.Count;
        }

        if (count == 0)
        {
            return (null, 0, TrailErrors.Selectors($"Field selector {name} needs at least one operator (Equals, StartsWith, EndsWith, NotEquals, NotStartsWith, NotEndsWith)."));
        }

        if (name == "eventCategory" && lists[0]!.Exists(v => v is not ("Management" or "Data" or "NetworkActivity") && !(eventDataStore && OutsideCategories.Contains(v))))
        {
            return (null, 0, TrailErrors.Selectors(eventDataStore
                ? "eventCategory of an event data store's selector must be Management, Data, NetworkActivity, ActivityAuditLog, ConfigurationItem, Evidence or Insight."
                : "eventCategory of a trail's selector must be Management, Data or NetworkActivity."));
        }

        if (name == "readOnly" && lists[0]!.Exists(v => v is not ("true" or "false")))
        {
            return (null, 0, TrailErrors.Selectors("readOnly must equal \"true\" or \"false\"."));
        }

        return (new AdvancedFieldSelector(name, lists[0], lists[1], lists[2], lists[3], lists[4], lists[5]), count, null);
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
