using System.Globalization;
using System.Text;
using Contrail.Store.Lake.DuckDb;

namespace Contrail.Store.Lake.Sql;

/// <summary>
/// Prints result values as CloudTrail Lake (Trino) returns them in <c>QueryResultRows</c>, all as
/// strings: timestamps <c>2023-01-22 10:11:12.000</c>, booleans <c>true</c>, maps <c>{k=v, k2=v2}</c>,
/// lists <c>[a, b]</c>, structs <c>{name=value}</c>; a NULL column is null, a NULL inside a
/// nested value <c>null</c>.
/// </summary>
internal static class LakeValueFormatter
{
    /// <summary>The text of <paramref name="value"/> (a value of <see cref="DuckDbQueryResult.Rows"/>), or null for NULL.</summary>
    public static string? Format(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append(s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case DateTime time:
                text.Append(time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                text.Append(time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(" UTC");
                break;
            case DateOnly date:
                text.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly time:
                text.Append(time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                text.Append(f.ToString("R", CultureInfo.InvariantCulture));
                break;
            case Guid guid:
                text.Append(guid.ToString("D"));
                break;
            case byte[] bytes:
                text.Append(Convert.ToHexStringLower(bytes));
                break;
            case DuckDbInterval interval:
                text.Append(interval.Months.ToString(CultureInfo.InvariantCulture)).Append(" months ")
                    .Append(interval.Days.ToString(CultureInfo.InvariantCulture)).Append(" days ")
                    .Append(TimeSpan.FromMicroseconds(interval.Micros).ToString("c", CultureInfo.InvariantCulture));
                break;
            case KeyValuePair<object, object?>[] map:
                text.Append('{');
                for (var i = 0; i < map.Length; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, map[i].Key);
                    text.Append('=');
                    Append(text, map[i].Value);
                }

                text.Append('}');
                break;
            case object?[] list:
                text.Append('[');
                for (var i = 0; i < list.Length; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, list[i]);
                }

                text.Append(']');
                break;
            case DuckDbStruct row:
                text.Append('{');
                var index = 0;
                foreach (var name in row.Names)
                {
                    text.Append(index == 0 ? "" : ", ").Append(name).Append('=');
                    Append(text, row[index++]);
                }

                text.Append('}');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(value);
                break;
        }
    }
}
