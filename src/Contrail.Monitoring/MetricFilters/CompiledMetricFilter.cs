using System.Globalization;
using Contrail.Monitoring.FilterPatterns;

namespace Contrail.Monitoring.MetricFilters;

/// <summary>
/// A <see cref="MetricFilterDefinition"/> ready to evaluate: its pattern compiled, its value and
/// dimension selectors parsed. Immutable and thread-safe.
/// </summary>
public sealed class CompiledMetricFilter
{
    private readonly FilterPattern _pattern;
    private readonly double _constant;
    private readonly FieldSelector? _valueSelector;
    private readonly (string Name, FieldSelector Selector)[] _dimensions;
    private readonly MetricSeriesKey? _fixedKey;

    private CompiledMetricFilter(MetricFilterDefinition definition, FilterPattern pattern, double constant, FieldSelector? valueSelector,
        (string Name, FieldSelector Selector)[] dimensions)
    {
        Definition = definition;
        _pattern = pattern;
        _constant = constant;
        _valueSelector = valueSelector;
        _dimensions = dimensions;
        var transformation = definition.Transformation;
        _fixedKey = dimensions.Length == 0 ? new MetricSeriesKey(transformation.MetricNamespace, transformation.MetricName, []) : null;
    }

    /// <summary>The filter as it was put.</summary>
    public MetricFilterDefinition Definition { get; }

    /// <summary>The series a filter without dimensions publishes to; null when dimensions decide it per record.</summary>
    public MetricSeriesKey? FixedKey => _fixedKey;

    /// <summary>
    /// Compiles a definition whose parts were validated (the API checks them first); throws
    /// <see cref="ArgumentException"/> when they are not valid.
    /// </summary>
    public static CompiledMetricFilter Compile(MetricFilterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (pattern, error) = FilterPattern.Parse(definition.FilterPattern);
        if (pattern is null)
        {
            throw new ArgumentException($"The filter pattern is not valid: {error}.", nameof(definition));
        }

        var transformation = definition.Transformation;
        var constant = 0d;
        var valueSelector = FieldSelector.TryParse(transformation.MetricValue);
        if (valueSelector is null && !TryParseConstant(transformation.MetricValue, out constant))
        {
            throw new ArgumentException($"The metric value '{transformation.MetricValue}' is neither a number nor a selector.", nameof(definition));
        }

        var dimensions = transformation.Dimensions
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => (d.Key, FieldSelector.TryParse(d.Value) ?? throw new ArgumentException($"The dimension value '{d.Value}' is not a selector.", nameof(definition))))
            .ToArray();
        return new CompiledMetricFilter(definition, pattern, constant, valueSelector, dimensions);
    }

    /// <summary>A metric value given as a number: what <c>double</c> parses, finite, invariant culture, no spaces.</summary>
    public static bool TryParseConstant(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    /// <summary>
    /// Evaluates the filter on one record (UTF-8 JSON). On <see cref="MetricFilterOutcome.Published"/>,
    /// <paramref name="key"/> and <paramref name="value"/> say what to add where.
    /// </summary>
    public MetricFilterOutcome Evaluate(ReadOnlySpan<byte> record, out MetricSeriesKey? key, out double value)
    {
        key = null;
        value = 0;
        if (!_pattern.Matches(record))
        {
            return MetricFilterOutcome.NoMatch;
        }

        if (_valueSelector is null)
        {
            value = _constant;
        }
        else if (_valueSelector.Read(record)?.AsNumber() is { } number)
        {
            value = number;
        }
        else
        {
            return MetricFilterOutcome.Unpublishable;
        }

        if (_fixedKey is not null)
        {
            key = _fixedKey;
            return MetricFilterOutcome.Published;
        }

        var pairs = new KeyValuePair<string, string>[_dimensions.Length];
        for (var i = 0; i < _dimensions.Length; i++)
        {
            if (_dimensions[i].Selector.Read(record) is not { IsNull: false } reading)
            {
                return MetricFilterOutcome.Unpublishable;
            }

            pairs[i] = new(_dimensions[i].Name, reading.Text);
        }

        var transformation = Definition.Transformation;
        key = new MetricSeriesKey(transformation.MetricNamespace, transformation.MetricName, pairs);
        return MetricFilterOutcome.Published;
    }
}
