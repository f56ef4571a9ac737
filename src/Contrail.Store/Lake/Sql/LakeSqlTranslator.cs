using System.Text;

namespace Contrail.Store.Lake.Sql;

/// <summary>
/// Rewrites CloudTrail Lake SQL (Trino) into DuckDB SQL, token by token, outside string literals,
/// quoted identifiers and comments:
/// <list type="bullet">
/// <item>a bare event data store id (hyphenated UUID) becomes the quoted, lower-case name of its
/// table, <c>"5e2676f8-9fce-46ef-8142-3e36a94e6691"</c>;</item>
/// <item>a call of a function in <see cref="LakeFunctions.Renames"/> is renamed (not after a dot,
/// so <c>t.date</c> and <c>trino.date(…)</c> stay).</item>
/// </list>
/// Everything else passes through: what the query reads is checked afterwards on DuckDB's parse
/// tree of the result (<see cref="LakeQueryTree"/>), not here. Stateless and thread-safe.
/// </summary>
internal static class LakeSqlTranslator
{
    private const int UuidLength = 36;

    /// <summary>The DuckDB text of <paramref name="sql"/>.</summary>
    public static string Translate(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var output = new StringBuilder(sql.Length + 32);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                i = CopyQuoted(sql, i, c, output);
            }
            else if (c == '-' && At(sql, i + 1) == '-')
            {
                var end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                output.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
                output.Append(sql, i, end - i);
                i = end;
            }
            else if (IsUuidAt(sql, i))
            {
                output.Append('"').Append(sql.AsSpan(i, UuidLength).ToString().ToLowerInvariant()).Append('"');
                i += UuidLength;
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < sql.Length && IsWordChar(sql[i]))
                {
                    i++;
                }

                var word = sql[start..i];
                output.Append(IsCall(sql, start, i) && LakeFunctions.Renames.TryGetValue(word, out var renamed) ? renamed : word);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    /// <summary>Whether <paramref name="text"/> is a hyphenated UUID, the form of an event data store id.</summary>
    public static bool IsStoreId(string text) => text.Length == UuidLength && IsUuidAt(text, 0);

    private static int CopyQuoted(string sql, int start, char quote, StringBuilder output)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (At(sql, i + 1) == quote)
                {
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            i++;
        }

        output.Append(sql, start, i - start);
        return i;
    }

    // A word followed by "(" and not preceded by "." (a qualified name is the user's own choice).
    private static bool IsCall(string sql, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && char.IsWhiteSpace(sql[before]))
        {
            before--;
        }

        if (before >= 0 && sql[before] == '.')
        {
            return false;
        }

        var after = end;
        while (after < sql.Length && char.IsWhiteSpace(sql[after]))
        {
            after++;
        }

        return After(sql, after) == '(';
    }

    private static bool IsUuidAt(string sql, int i)
    {
        if (i + UuidLength > sql.Length || (i > 0 && (IsWordChar(sql[i - 1]) || sql[i - 1] == '-')))
        {
            return false;
        }

        for (var k = 0; k < UuidLength; k++)
        {
            var c = sql[i + k];
            var ok = k is 8 or 13 or 18 or 23 ? c == '-' : char.IsAsciiHexDigit(c);
            if (!ok)
            {
                return false;
            }
        }

        var next = At(sql, i + UuidLength);
        return !IsWordChar(next) && next != '-';
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';

    private static char At(string sql, int i) => i < sql.Length ? sql[i] : '\0';

    private static char After(string sql, int i) => At(sql, i);
}
