namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary>Selector steps: a string is a property name, an int an array index.</summary>
internal sealed record RefSelector(IReadOnlyList<object> Steps);
