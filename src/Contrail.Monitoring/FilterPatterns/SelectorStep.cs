namespace Contrail.Monitoring.FilterPatterns;

/// <summary>One step of a selector: a property (<c>.name</c>) or an array element (<c>[index]</c>).</summary>
/// <param name="Name">The property name; null for an array element.</param>
/// <param name="Index">The 0-based element index; -1 for a property.</param>
internal readonly record struct SelectorStep(string? Name, int Index)
{
    public static SelectorStep Property(string name) => new(name, -1);

    public static SelectorStep Element(int index) => new(null, index);

    public bool IsProperty => Name is not null;

    public override string ToString() => IsProperty ? "." + Name : "[" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
