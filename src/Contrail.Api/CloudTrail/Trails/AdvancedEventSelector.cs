namespace Contrail.Api.CloudTrail.Trails;

/// <summary>An advanced event selector (spec §4.4): its field selectors are ANDed.</summary>
internal sealed record AdvancedEventSelector(string? Name, IReadOnlyList<AdvancedFieldSelector> FieldSelectors);
