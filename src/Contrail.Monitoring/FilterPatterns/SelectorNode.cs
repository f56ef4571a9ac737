using System.Text;
using System.Text.Json;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// One node of the trie of a pattern's selectors: the root is <c>$</c>, each edge a property name
/// or an array index. <c>$.a.b</c> and <c>$.a[0]</c> share the node for <c>$.a</c>, so a record
/// is read once whatever the number of conditions. <see cref="Id"/> is the node's slot in the
/// scanned <see cref="FieldValue"/>s. Built by <see cref="SelectorTrie"/>, read-only afterwards.
/// </summary>
internal sealed class SelectorNode(int id)
{
    private readonly List<byte[]> _names = [];
    private readonly List<SelectorNode> _properties = [];
    private readonly List<int> _indexes = [];
    private readonly List<SelectorNode> _elements = [];

    public int Id { get; } = id;

    public int PropertyCount => _names.Count;

    public bool HasElements => _indexes.Count > 0;

    /// <summary>The child for the property name the reader is on; null when no selector goes there.</summary>
    public SelectorNode? FindProperty(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _names.Count; i++)
        {
            // ValueTextEquals compares unescaped text, so an escaped name in the record still matches.
            if (reader.ValueTextEquals(_names[i]))
            {
                return _properties[i];
            }
        }

        return null;
    }

    /// <summary>The child for array element <paramref name="index"/>; null when no selector goes there.</summary>
    public SelectorNode? FindElement(int index)
    {
        for (var i = 0; i < _indexes.Count; i++)
        {
            if (_indexes[i] == index)
            {
                return _elements[i];
            }
        }

        return null;
    }

    internal SelectorNode Child(SelectorStep step, Func<SelectorNode> create)
    {
        if (step.IsProperty)
        {
            var name = Encoding.UTF8.GetBytes(step.Name!);
            var at = _names.FindIndex(n => n.AsSpan().SequenceEqual(name));
            if (at >= 0)
            {
                return _properties[at];
            }

            var node = create();
            _names.Add(name);
            _properties.Add(node);
            return node;
        }

        var index = _indexes.IndexOf(step.Index);
        if (index >= 0)
        {
            return _elements[index];
        }

        var element = create();
        _indexes.Add(step.Index);
        _elements.Add(element);
        return element;
    }
}
