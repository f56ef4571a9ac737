namespace Contrail.Delivery.Selection;

/// <summary>
/// A <see cref="FieldCondition"/> ready to test records. Operators that were given are ANDed; a
/// null operator was not given. On a missing field Equals/StartsWith/EndsWith fail and the Not…
/// operators hold. A resources.* condition holds when it holds for any one resource (each
/// condition picks its own resource), or, with no resources, when it holds for a missing value.
/// </summary>
internal sealed class CompiledCondition
{
    private readonly TextSet? _equals;
    private readonly TextSet? _startsWith;
    private readonly TextSet? _endsWith;
    private readonly TextSet? _notEquals;
    private readonly TextSet? _notStartsWith;
    private readonly TextSet? _notEndsWith;

    public CompiledCondition(FieldCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Field = RecordFields.Parse(condition.Field);
        _equals = Set(condition.EqualTo);
        _startsWith = Set(condition.StartsWith);
        _endsWith = Set(condition.EndsWith);
        _notEquals = Set(condition.NotEquals);
        _notStartsWith = Set(condition.NotStartsWith);
        _notEndsWith = Set(condition.NotEndsWith);
    }

    public RecordField Field { get; }

    public bool Matches(ref RecordView record)
    {
        switch (Field)
        {
            case RecordField.Unknown:
                return HoldsForMissing();
            case RecordField.ResourcesType:
            case RecordField.ResourcesArn:
                if (record.ResourceCount == 0)
                {
                    return HoldsForMissing();
                }

                var arn = Field == RecordField.ResourcesArn;
                for (var i = 0; i < record.ResourceCount; i++)
                {
                    if (record.TryGetResource(i, arn, out var value) ? HoldsFor(value) : HoldsForMissing())
                    {
                        return true;
                    }
                }

                return false;
            case RecordField.EventCategory:
                // Records before eventVersion 1.07 have no eventCategory: they are management events.
                return HoldsFor(record.TryGet(Field, out var category) ? category : "Management");
            default:
                return record.TryGet(Field, out var scalar) ? HoldsFor(scalar) : HoldsForMissing();
        }
    }

    private static TextSet? Set(IReadOnlyList<string>? values) => values is null ? null : new TextSet(values);

    private bool HoldsForMissing() => _equals is null && _startsWith is null && _endsWith is null;

    private bool HoldsFor(ReadOnlySpan<char> value) =>
        (_equals is null || _equals.Contains(value))
        && (_startsWith is null || _startsWith.HasPrefixOf(value))
        && (_endsWith is null || _endsWith.HasSuffixOf(value))
        && (_notEquals is null || !_notEquals.Contains(value))
        && (_notStartsWith is null || !_notStartsWith.HasPrefixOf(value))
        && (_notEndsWith is null || !_notEndsWith.HasSuffixOf(value));
}
