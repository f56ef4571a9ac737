namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary>
/// A value: <see cref="Kind"/> is "quoted" (Text is the intended string, printed with escapes),
/// "bare" (Text printed as is; a number if it has the number grammar) or "regex" (Text between %).
/// </summary>
internal sealed record RefValue(string Kind, string Text);
