using System.Text;

namespace Contrail.Delivery.Objects;

/// <summary>
/// Orders keys as S3 does, by their UTF-8 bytes: the same as ordering by Unicode scalar values,
/// which differs from ordinal UTF-16 order only for characters above U+FFFF versus U+E000–U+FFFF.
/// </summary>
public sealed class ObjectKeyComparer : IComparer<string>
{
    /// <summary>The comparer (stateless, thread-safe).</summary>
    public static readonly ObjectKeyComparer Instance = new();

    /// <summary>Compares by UTF-8 bytes; null sorts first.</summary>
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft ? 1 : hasRight ? -1 : 0;
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }
}
