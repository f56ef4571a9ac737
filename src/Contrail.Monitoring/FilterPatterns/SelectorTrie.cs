namespace Contrail.Monitoring.FilterPatterns;

/// <summary>Builds the <see cref="SelectorNode"/> trie of one pattern and numbers its nodes.</summary>
internal sealed class SelectorTrie
{
    public SelectorTrie() => Root = new SelectorNode(Count++);

    public SelectorNode Root { get; }

    /// <summary>Nodes in the trie, root included: the length of the <see cref="FieldValue"/> array a scan fills.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="selector"/> (once, however often it is added) and returns its slot.</summary>
    public int Add(Selector selector)
    {
        var node = Root;
        foreach (var step in selector.Steps)
        {
            node = node.Child(step, () => new SelectorNode(Count++));
        }

        return node.Id;
    }
}
