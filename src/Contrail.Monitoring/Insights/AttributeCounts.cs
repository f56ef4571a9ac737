namespace Contrail.Monitoring.Insights;

/// <summary>
/// Calls per value of each attributed field, at most a fixed number of distinct values per field
/// (the first ones seen; later new values are not tracked). Not thread-safe.
/// </summary>
public sealed class AttributeCounts
{
    /// <summary>The attributes, in the order CloudTrail lists them.</summary>
    public static readonly string[] Names = ["userIdentityArn", "userAgent", "errorCode"];

    /// <summary>By userIdentity.arn ("null" when absent).</summary>
    public Dictionary<string, long> UserIdentityArn { get; set; } = new(StringComparer.Ordinal);

    /// <summary>By userAgent ("null" when absent).</summary>
    public Dictionary<string, long> UserAgent { get; set; } = new(StringComparer.Ordinal);

    /// <summary>By errorCode ("null" for calls that succeeded).</summary>
    public Dictionary<string, long> ErrorCode { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The counts of attribute <paramref name="index"/> (0, 1, 2 in <see cref="Names"/> order).</summary>
    public Dictionary<string, long> Of(int index) => index switch
    {
        0 => UserIdentityArn,
        1 => UserAgent,
        _ => ErrorCode,
    };

    /// <summary>Counts one call.</summary>
    public void Add(string? userIdentityArn, string? userAgent, string? errorCode, int limit)
    {
        Add(UserIdentityArn, userIdentityArn ?? "null", 1, limit);
        Add(UserAgent, userAgent ?? "null", 1, limit);
        Add(ErrorCode, errorCode ?? "null", 1, limit);
    }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void Merge(AttributeCounts other, int limit)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            var into = Of(i);
            foreach (var (value, count) in other.Of(i))
            {
                Add(into, value, count, limit);
            }
        }
    }

    private static void Add(Dictionary<string, long> counts, string value, long count, int limit)
    {
        if (counts.TryGetValue(value, out var existing))
        {
            counts[value] = existing + count;
        }
        else if (counts.Count < limit)
        {
            counts[value] = count;
        }
    }
}
