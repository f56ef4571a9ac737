namespace Contrail.Monitoring.FilterPatterns;

/// <summary>The six comparison operators of spec §8.1 (<c>= != &lt; &gt; &lt;= &gt;=</c>).</summary>
internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
