namespace Contrail.Monitoring.Insights;

/// <summary>One attribution of <c>insightContext.attributions</c>: the top values of an attribute during the Insight and in the baseline.</summary>
/// <param name="Attribute"><c>userIdentityArn</c>, <c>userAgent</c> or <c>errorCode</c>.</param>
public sealed record InsightAttribution(string Attribute, IReadOnlyList<InsightAttributionValue> Insight, IReadOnlyList<InsightAttributionValue> Baseline);

/// <summary>A value and its average per minute.</summary>
public sealed record InsightAttributionValue(string Value, double Average);
