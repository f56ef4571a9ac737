namespace Contrail.Delivery.Selection;

/// <summary>A <see cref="BasicSelector"/> ready to test records. Immutable.</summary>
internal sealed class CompiledBasicSelector
{
    private readonly bool? _readOnly;
    private readonly bool _management;
    private readonly TextSet _excludedSources;
    private readonly Dictionary<string, DataResourceRule>.AlternateLookup<ReadOnlySpan<char>> _dataRules;
    private readonly bool _hasDataRules;

    public CompiledBasicSelector(BasicSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        _readOnly = selector.ReadWriteType switch
        {
            "ReadOnly" => true,
            "WriteOnly" => false,
            _ => null,
        };
        _management = selector.IncludeManagementEvents;
        _excludedSources = new TextSet(selector.ExcludeManagementEventSources ?? []);

        // Two DataResources of one type in a selector: their values are pooled.
        var rules = new Dictionary<string, DataResourceRule>(StringComparer.Ordinal);
        foreach (var group in (selector.DataResources ?? []).GroupBy(r => r.Type, StringComparer.Ordinal))
        {
            rules[group.Key] = new DataResourceRule(group.Key, group.SelectMany(r => r.Values ?? []));
        }

        _dataRules = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _hasDataRules = rules.Count > 0;
    }

    /// <summary>The record fields this selector reads.</summary>
    public int NeededFields =>
        RecordFields.Bit(RecordField.EventCategory)
        | (_readOnly is null ? 0 : RecordFields.Bit(RecordField.ReadOnly))
        | (_excludedSources.IsEmpty ? 0 : RecordFields.Bit(RecordField.EventSource))
        | (_hasDataRules ? RecordFields.Bit(RecordField.ResourcesType) | RecordFields.Bit(RecordField.ResourcesArn) : 0);

    public bool Matches(ref RecordView record, EventKind kind)
    {
        if (_readOnly is { } wantReadOnly)
        {
            // A record without readOnly (or with a non-boolean one) counts as a write.
            var isReadOnly = record.TryGet(RecordField.ReadOnly, out var readOnly) && readOnly.SequenceEqual("true");
            if (isReadOnly != wantReadOnly)
            {
                return false;
            }
        }

        switch (kind)
        {
            case EventKind.Management:
                return _management
                    && !(record.TryGet(RecordField.EventSource, out var source) && _excludedSources.Contains(source));
            case EventKind.Data:
                if (!_hasDataRules)
                {
                    return false;
                }

                for (var i = 0; i < record.ResourceCount; i++)
                {
                    if (record.TryGetResource(i, arn: false, out var type)
                        && _dataRules.TryGetValue(type, out var rule)
                        && record.TryGetResource(i, arn: true, out var arn)
                        && rule.Matches(arn))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
