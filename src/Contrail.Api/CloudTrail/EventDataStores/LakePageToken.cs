using System.Buffers.Text;
using System.Text;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// The NextToken of ListEventDataStores and ListChannels: <c>base64url("v1:" + last name returned)</c>.
/// Pages continue strictly after that name (lists are ordered by name), so they stay correct while
/// stores or channels are added or deleted.
/// </summary>
internal static class LakePageToken
{
    private const string Prefix = "v1:";

    public static string Encode(string lastName) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastName));

    public static bool TryDecode(string token, out string? after)
    {
        after = null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length == Prefix.Length)
            {
                return false;
            }

            after = text[Prefix.Length..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The index of the first item of the page after <paramref name="after"/> in a list ordered by name.</summary>
    public static int Start<T>(IReadOnlyList<T> items, Func<T, string> name, string? after)
    {
        var start = 0;
        while (after is not null && start < items.Count && string.CompareOrdinal(name(items[start]), after) <= 0)
        {
            start++;
        }

        return start;
    }
}
