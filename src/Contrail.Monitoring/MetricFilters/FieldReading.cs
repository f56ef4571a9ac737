using System.Globalization;

namespace Contrail.Monitoring.MetricFilters;

/// <summary>What a <see cref="FieldSelector"/> found: the text of a string, number or literal.</summary>
/// <param name="Text">A string's unescaped text, a number's JSON text, or <c>true</c>, <c>false</c>, <c>null</c>.</param>
/// <param name="IsNumber">True for a JSON number.</param>
/// <param name="IsLiteral">True for JSON <c>true</c>, <c>false</c> and <c>null</c>.</param>
public readonly record struct FieldReading(string Text, bool IsNumber, bool IsLiteral = false)
{
    /// <summary>True for JSON <c>null</c> (not the string "null").</summary>
    public bool IsNull => IsLiteral && Text == "null";

    /// <summary>
    /// The value as a metric value: a JSON number, or a string whose whole text is a number
    /// (<c>"250"</c>, as CloudTrail writes many numbers); null for anything else or a non-finite result.
    /// </summary>
    public double? AsNumber() =>
        !IsLiteral && CompiledMetricFilter.TryParseConstant(Text, out var value) ? value : null;
}
