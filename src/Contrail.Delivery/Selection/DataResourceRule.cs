namespace Contrail.Delivery.Selection;

/// <summary>
/// The ARNs one basic selector selects for one resource type. A value <c>arn:PARTITION:SERVICE</c>
/// (two colons) selects every ARN that starts with it followed by ':'; otherwise Lambda and
/// DynamoDB values are exact ARNs and every other type's values (S3 objects) are ARN prefixes.
/// </summary>
internal sealed class DataResourceRule
{
    private readonly TextSet _exact;
    private readonly TextSet _prefixes;

    public DataResourceRule(string type, IEnumerable<string> values)
    {
        var exactTypes = type is "AWS::Lambda::Function" or "AWS::DynamoDB::Table";
        var exact = new List<string>();
        var prefixes = new List<string>();
        foreach (var value in values)
        {
            if (IsWholeService(value))
            {
                prefixes.Add(value + ":");
            }
            else if (exactTypes)
            {
                exact.Add(value);
            }
            else
            {
                prefixes.Add(value);
            }
        }

        _exact = new TextSet(exact);
        _prefixes = new TextSet(prefixes);
    }

    public bool Matches(ReadOnlySpan<char> arn) => _exact.Contains(arn) || _prefixes.HasPrefixOf(arn);

    /// <summary>Whether <paramref name="value"/> is <c>arn:PARTITION:SERVICE</c>: three non-empty parts, nothing after.</summary>
    internal static bool IsWholeService(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 3 && parts[0] == "arn" && parts[1].Length > 0 && parts[2].Length > 0;
    }
}
