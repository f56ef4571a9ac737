namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// A trail's <c>InsightSelector</c> (spec §4.5): the Insights type it turns on and, when given, the
/// event categories analysed (Management, Data; null means Management, as CloudTrail).
/// </summary>
internal sealed record InsightSelector(string InsightType, IReadOnlyList<string>? EventCategories = null)
{
    /// <summary>The categories analysed: those given, else Management.</summary>
    public IReadOnlyList<string> Categories => EventCategories is { Count: > 0 } given ? given : ["Management"];
}
