using System.Collections.Frozen;

namespace Contrail.Store.Lake.Sql;

/// <summary>
/// Trino functions that DuckDB names or means differently (spec §6.1, lake-sql.md), and how a
/// call is rewritten: to DuckDB's own function (<c>approx_distinct</c> → <c>approx_count_distinct</c>)
/// or to a macro in the <c>trino</c> schema with Trino's meaning (<c>element_at(map, k)</c> is the
/// value, DuckDB's a one-element list). Functions that mean the same in both (<c>date_trunc</c>,
/// <c>date_diff</c>, <c>json_extract</c>, <c>year</c>, <c>hour</c>, <c>map_keys</c> …) are left as written.
/// </summary>
internal static class LakeFunctions
{
    /// <summary>Trino name (lower-case) → the name the translated SQL calls.</summary>
    public static FrozenDictionary<string, string> Renames { get; } = new Dictionary<string, string>
    {
        ["approx_distinct"] = "approx_count_distinct",
        ["approx_percentile"] = "approx_quantile",
        ["arbitrary"] = "any_value",
        ["array_distinct"] = "list_distinct",
        ["array_max"] = "list_max",
        ["array_min"] = "list_min",
        ["array_join"] = "array_to_string",
        ["day_of_month"] = "dayofmonth",
        ["day_of_year"] = "dayofyear",
        ["doy"] = "dayofyear",
        ["week_of_year"] = "week",
        ["year_of_week"] = "isoyear",
        ["yow"] = "isoyear",
        ["regexp_like"] = "regexp_matches",
        ["from_unixtime"] = "to_timestamp",
        ["to_unixtime"] = "epoch",
        ["element_at"] = "trino.element_at",
        ["date_add"] = "trino.date_add",
        ["date"] = "trino.date",
        ["day_of_week"] = "trino.day_of_week",
        ["dow"] = "trino.day_of_week",
        ["millisecond"] = "trino.millisecond",
        ["from_iso8601_timestamp"] = "trino.from_iso8601_timestamp",
        ["from_iso8601_date"] = "trino.from_iso8601_date",
        ["json_extract_scalar"] = "trino.json_extract_scalar",
        ["json_parse"] = "trino.json_parse",
        ["json_format"] = "trino.json_format",
        ["is_json_scalar"] = "trino.is_json_scalar",
        ["json_array_get"] = "trino.json_array_get",
        ["json_array_contains"] = "trino.json_array_contains",
        ["slice"] = "trino.slice",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The trusted statements that define the <c>trino</c> macros; run at every open (they live in the database file).</summary>
    public static IReadOnlyList<string> Setup { get; } =
    [
        "CREATE SCHEMA IF NOT EXISTS trino",
        "CREATE OR REPLACE MACRO trino.element_at(m, k) AS m[k]",
        "CREATE OR REPLACE MACRO trino.date_add(unit, n, ts) AS ts + n * CAST('1 ' || unit AS INTERVAL)",
        "CREATE OR REPLACE MACRO trino.date(x) AS CAST(x AS DATE)",
        "CREATE OR REPLACE MACRO trino.day_of_week(x) AS isodow(x)",
        "CREATE OR REPLACE MACRO trino.millisecond(x) AS date_part('millisecond', x) % 1000",
        "CREATE OR REPLACE MACRO trino.from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)",
        "CREATE OR REPLACE MACRO trino.from_iso8601_date(s) AS CAST(s AS DATE)",
        "CREATE OR REPLACE MACRO trino.json_extract_scalar(j, p) AS CASE WHEN json_type(j, p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(j, p) END",
        "CREATE OR REPLACE MACRO trino.json_parse(s) AS CAST(s AS JSON)",
        "CREATE OR REPLACE MACRO trino.json_format(j) AS CAST(j AS VARCHAR)",
        "CREATE OR REPLACE MACRO trino.is_json_scalar(j) AS json_type(j) NOT IN ('OBJECT', 'ARRAY')",
        "CREATE OR REPLACE MACRO trino.json_array_get(j, i) AS json_extract(j, '$[' || CASE WHEN i < 0 THEN '#' || CAST(i AS VARCHAR) ELSE CAST(i AS VARCHAR) END || ']')",
        "CREATE OR REPLACE MACRO trino.json_array_contains(j, v) AS list_contains(json_extract_string(j, '$[*]'), CAST(v AS VARCHAR))",
        "CREATE OR REPLACE MACRO trino.slice(a, s, n) AS list_slice(a, s, s + n - 1)",
    ];
}
