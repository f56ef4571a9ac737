namespace Contrail.Monitoring.FilterPatterns;

/// <summary>The bounds the parser and the record scanner enforce (see docs/dev/filter-patterns.md).</summary>
internal static class PatternLimits
{
    /// <summary>
    /// Deepest nesting of parentheses a pattern may have. Parsing and evaluation recurse once per
    /// level, so the bound keeps both off the end of the stack; CloudWatch caps a pattern at 1024
    /// characters, which real patterns never nest this deep within.
    /// </summary>
    public const int MaxNesting = 100;

    /// <summary>Regular expressions one pattern may hold (CloudWatch's quota: 2 per JSON filter pattern).</summary>
    public const int MaxRegexes = 2;

    /// <summary>
    /// Deepest JSON nesting a record may have; a deeper record is malformed for matching purposes
    /// and matches nothing. Above <see cref="System.Text.Json"/>'s default of 64 so that a deep
    /// <c>requestParameters</c> does not hide a record from an alarm.
    /// </summary>
    public const int MaxJsonDepth = 256;
}
