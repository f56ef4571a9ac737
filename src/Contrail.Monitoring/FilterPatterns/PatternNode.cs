namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// A node of a parsed pattern. <see cref="object.ToString"/> prints the node back as pattern text,
/// every <c>&amp;&amp;</c> and <c>||</c> group in parentheses, so the printed form shows how the
/// parser grouped the pattern.
/// </summary>
internal abstract record PatternNode;
