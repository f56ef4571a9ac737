namespace Contrail.Monitoring.FilterPatterns;

/// <summary><c>selector op value</c>, e.g. <c>$.eventName = "ConsoleLogin"</c> or <c>$.latency &gt;= 500</c>.</summary>
internal sealed record ComparisonNode(Selector Selector, ComparisonOperator Operator, PatternValue Value) : PatternNode
{
    public static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };

    public override string ToString() => $"{Selector} {OperatorText(Operator)} {Value}";
}
