using System.Runtime.CompilerServices;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Delivery.Selection;

namespace Contrail.Api.Delivery;

/// <summary>
/// A trail's event selectors, compiled once per trail version (see docs/dev/event-selection.md for
/// the semantics). Trails are immutable records replaced whole on every change, so the cache is
/// keyed by the instance and a changed trail compiles again. Thread-safe.
/// </summary>
internal static class TrailSelection
{
    private static readonly ConditionalWeakTable<Trail, EventSelectorMatcher> Compiled = [];

    public static EventSelectorMatcher MatcherFor(Trail trail) =>
        Compiled.GetValue(trail, static t => EventSelectorMatcher.Compile(
            t.AdvancedEventSelectors is { Count: > 0 } ? null : t.EventSelectors?.Select(ToBasic).ToList(),
            t.AdvancedEventSelectors?.Select(ToAdvanced).ToList()));

    private static BasicSelector ToBasic(EventSelector s) => new(
        s.ReadWriteType,
        s.IncludeManagementEvents,
        [.. s.DataResources.Select(d => new DataResourceSelector(d.Type, d.Values))],
        s.ExcludeManagementEventSources);

    private static AdvancedSelector ToAdvanced(AdvancedEventSelector s) => new(
        s.Name,
        [.. s.FieldSelectors.Select(f => new FieldCondition(f.Field, f.EqualTo, f.StartsWith, f.EndsWith, f.NotEquals, f.NotStartsWith, f.NotEndsWith))]);
}
