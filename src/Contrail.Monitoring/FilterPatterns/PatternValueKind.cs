namespace Contrail.Monitoring.FilterPatterns;

/// <summary>How the value on the right of a comparison is matched.</summary>
internal enum PatternValueKind
{
    /// <summary>A quoted string or a bare token that is not a number; <c>*</c> is a wildcard.</summary>
    Text,

    /// <summary>A bare token of the number grammar (sign, decimals, exponent).</summary>
    Number,

    /// <summary>A <c>%regex%</c> value.</summary>
    Regex,
}
