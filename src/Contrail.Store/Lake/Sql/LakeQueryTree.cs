using System.Text.Json;

namespace Contrail.Store.Lake.Sql;

/// <summary>
/// What the Lake checks in DuckDB's parse tree of a translated query (the JSON of
/// <c>json_serialize_sql</c>): every table it names (<c>"type":"BASE_TABLE"</c>, including a file
/// name written as a table), every table function (<c>"type":"TABLE_FUNCTION"</c>:
/// <c>read_csv</c>, <c>query</c>, <c>duckdb_settings</c> …), the names its CTEs define, and the
/// output column names Trino would give (alias; a column reference's last name; else
/// <c>_colN</c>), or null when the select list has a <c>*</c>.
/// </summary>
internal sealed class LakeQueryTree
{
    private const int MaxJsonDepth = 4096;

    private LakeQueryTree()
    {
    }

    /// <summary>The parser's message when it refused the text (a syntax error, or not a SELECT).</summary>
    public string? Error { get; private set; }

    /// <summary>Tables named anywhere in the query.</summary>
    public List<LakeTableReference> Tables { get; } = [];

    /// <summary>Table functions called anywhere in the query.</summary>
    public List<string> TableFunctions { get; } = [];

    /// <summary>Names of the common table expressions the query defines.</summary>
    public HashSet<string> CteNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Trino's names of the output columns, or null to keep DuckDB's.</summary>
    public IReadOnlyList<string>? ColumnNames { get; private set; }

    /// <summary>Reads the serialized parse tree.</summary>
    /// <exception cref="JsonException">Not JSON, or nested too deeply.</exception>
    public static LakeQueryTree Read(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        var tree = new LakeQueryTree();
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True)
        {
            tree.Error = root.TryGetProperty("error_message", out var message) ? message.GetString() : "The query does not parse.";
            return tree;
        }

        tree.Walk(root);
        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() == 1)
        {
            tree.ColumnNames = Names(statements[0].GetProperty("node"));
        }

        return tree;
    }

    private void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
                {
                    if (type.ValueEquals("BASE_TABLE"))
                    {
                        Tables.Add(new LakeTableReference(Text(element, "catalog_name"), Text(element, "schema_name"), Text(element, "table_name")));
                    }
                    else if (type.ValueEquals("TABLE_FUNCTION"))
                    {
                        TableFunctions.Add(element.TryGetProperty("function", out var function) ? Text(function, "function_name") : "?");
                    }
                }

                if (element.TryGetProperty("cte_map", out var ctes) && ctes.TryGetProperty("map", out var map) && map.ValueKind == JsonValueKind.Array)
                {
                    foreach (var entry in map.EnumerateArray())
                    {
                        CteNames.Add(Text(entry, "key"));
                    }
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }

                break;
        }
    }

    private static List<string>? Names(JsonElement node)
    {
        while (Text(node, "type") == "SET_OPERATION_NODE" && node.TryGetProperty("left", out var left))
        {
            node = left;
        }

        if (Text(node, "type") != "SELECT_NODE" || !node.TryGetProperty("select_list", out var list))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var expression in list.EnumerateArray())
        {
            var alias = Text(expression, "alias");
            var kind = Text(expression, "class");
            if (kind is "STAR" or "COLUMNS")
            {
                return null;
            }

            names.Add(alias.Length > 0 ? alias
                : kind == "COLUMN_REF" && expression.TryGetProperty("column_names", out var parts) && parts.GetArrayLength() > 0 ? parts[parts.GetArrayLength() - 1].GetString()!
                : "_col" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return names;
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
