using Contrail.Delivery.LogFiles;

namespace Contrail.Delivery.Selection;

/// <summary>
/// Decides whether a trail's event selectors (spec §4.4) select a CloudTrail record. Compile once
/// per selector configuration, then call <see cref="Matches(ReadOnlySpan{byte})"/> per record. Immutable and safe to
/// share between threads. Semantics: docs/dev/event-selection.md.
/// </summary>
public sealed class EventSelectorMatcher
{
    private static readonly int ResourceBits = RecordFields.Bit(RecordField.ResourcesType) | RecordFields.Bit(RecordField.ResourcesArn);

    private readonly CompiledBasicSelector[] _basic;
    private readonly CompiledCondition[][] _advanced;
    private readonly int _neededFields;

    private EventSelectorMatcher(CompiledBasicSelector[] basic, CompiledCondition[][] advanced)
    {
        _basic = basic;
        _advanced = advanced;
        var needed = 0;
        foreach (var selector in basic)
        {
            needed |= selector.NeededFields;
        }

        foreach (var selector in advanced)
        {
            foreach (var condition in selector)
            {
                needed |= condition.Field switch
                {
                    RecordField.Unknown => 0,
                    RecordField.ResourcesType or RecordField.ResourcesArn => ResourceBits,
                    _ => RecordFields.Bit(condition.Field),
                };
            }
        }

        _neededFields = needed;
    }

    /// <summary>
    /// Compiles a trail's selectors. A trail has basic or advanced selectors, not both; when both
    /// are null or empty the result selects the default: all management events, read and write.
    /// </summary>
    /// <exception cref="ArgumentException">Both <paramref name="basic"/> and <paramref name="advanced"/> are non-empty.</exception>
    public static EventSelectorMatcher Compile(IReadOnlyList<BasicSelector>? basic, IReadOnlyList<AdvancedSelector>? advanced)
    {
        var hasBasic = basic is { Count: > 0 };
        var hasAdvanced = advanced is { Count: > 0 };
        if (hasBasic && hasAdvanced)
        {
            throw new ArgumentException("A trail has basic or advanced event selectors, not both.", nameof(advanced));
        }

        if (hasAdvanced)
        {
            return new EventSelectorMatcher([], [.. advanced!.Select(s => s.FieldSelectors.Select(c => new CompiledCondition(c)).ToArray())]);
        }

        var selectors = hasBasic ? basic! : [BasicSelector.Default];
        return new EventSelectorMatcher([.. selectors.Select(s => new CompiledBasicSelector(s))], []);
    }

    /// <summary>
    /// Whether the selectors select the record (compact or indented UTF-8 JSON of one record
    /// object). Reads only the fields the selectors test and stops once it has them; allocates
    /// nothing but pooled buffers.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The record is not a JSON object, or is malformed before the fields needed were read.</exception>
    public bool Matches(ReadOnlySpan<byte> recordJson) => Matches(recordJson, check: false, out _);

    /// <summary>
    /// As <see cref="Matches(ReadOnlySpan{byte})"/>, and in the same pass the check
    /// <see cref="LogFileWriter"/> makes before writing the record (read to its end, so a selected record
    /// need not be read again to be written). Selection answers and throws exactly as without the check.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The record is not a JSON object, or is malformed before the fields needed were read.</exception>
    public bool Matches(ReadOnlySpan<byte> recordJson, out RecordCheck check) => Matches(recordJson, check: true, out check);

    private bool Matches(ReadOnlySpan<byte> recordJson, bool check, out RecordCheck recordCheck)
    {
        var record = RecordView.Read(recordJson, _neededFields, check);
        try
        {
            recordCheck = record.Check;
            foreach (var selector in _advanced)
            {
                if (AllHold(selector, ref record))
                {
                    return true;
                }
            }

            if (_basic.Length > 0)
            {
                var kind = KindOf(ref record);
                foreach (var selector in _basic)
                {
                    if (selector.Matches(ref record, kind))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
        finally
        {
            record.Dispose();
        }
    }

    private static bool AllHold(CompiledCondition[] conditions, ref RecordView record)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Matches(ref record))
            {
                return false;
            }
        }

        return true;
    }

    private static EventKind KindOf(ref RecordView record)
    {
        if (!record.TryGet(RecordField.EventCategory, out var category))
        {
            return EventKind.Management;
        }

        return category.SequenceEqual("Management") ? EventKind.Management
            : category.SequenceEqual("Data") ? EventKind.Data
            : EventKind.Other;
    }
}
