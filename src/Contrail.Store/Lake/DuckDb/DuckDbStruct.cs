namespace Contrail.Store.Lake.DuckDb;

/// <summary>A STRUCT value: its fields' names and values, in the type's order.</summary>
internal sealed class DuckDbStruct
{
    private readonly IReadOnlyList<DuckDbStructField> _fields;
    private readonly object?[] _values;

    internal DuckDbStruct(IReadOnlyList<DuckDbStructField> fields, object?[] values)
    {
        _fields = fields;
        _values = values;
    }

    /// <summary>The number of fields.</summary>
    public int Count => _values.Length;

    /// <summary>The fields' names; empty strings in an unnamed struct.</summary>
    public IEnumerable<string> Names => _fields.Select(f => f.Name);

    /// <summary>The fields' values.</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <summary>The value of the field at <paramref name="index"/>.</summary>
    public object? this[int index] => _values[index];

    /// <summary>The value of the field named <paramref name="name"/>, matched case-insensitively as DuckDB does.</summary>
    /// <exception cref="KeyNotFoundException">No field has that name.</exception>
    public object? this[string name]
    {
        get
        {
            for (var i = 0; i < _fields.Count; i++)
            {
                if (string.Equals(_fields[i].Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return _values[i];
                }
            }

            throw new KeyNotFoundException($"The struct has no field '{name}'.");
        }
    }
}
