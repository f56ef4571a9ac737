namespace Contrail.Delivery.Selection;

/// <summary>An advanced event selector (spec §4.4): it selects a record when all its conditions hold.</summary>
/// <param name="Name">An optional name; not used for matching.</param>
/// <param name="FieldSelectors">The conditions, ANDed. An empty list selects every record.</param>
public sealed record AdvancedSelector(string? Name, IReadOnlyList<FieldCondition> FieldSelectors);
