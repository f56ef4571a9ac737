using System.Text.Json;

namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// What the gate needs from DuckDB's parse tree, the JSON <c>json_serialize_sql</c> writes:
/// <code>
/// {"error":false,"statements":[{"node":{"type":"SELECT_NODE", … {"class":"SUBQUERY", …, "subquery":{"node":…}} …}}]}
/// {"error":true,"error_type":"not implemented","error_message":"Only SELECT statements can be serialized to json!"}
/// </code>
/// <see cref="SubqueryDepth"/> is the deepest nesting of subquery expressions (scalar, EXISTS, IN,
/// ANY): DuckDB's planner takes time exponential in it (nested EXISTS: 0.1 s at 15 levels, 0.9 s
/// at 18; scalar subqueries: 0.5 s at 20, 8 s at 24, on this machine), before any interrupt is
/// looked at. Derived tables and CTEs nest cheaply and are not counted.
/// </summary>
/// <param name="Error">Whether DuckDB's parser refused to serialize the text.</param>
/// <param name="ErrorType">The parser's category, as it names it ("not implemented", "parser").</param>
/// <param name="ErrorMessage">The parser's message.</param>
/// <param name="SubqueryDepth">The deepest nesting of subquery expressions; 0 for none.</param>
internal readonly record struct DuckDbParseTree(bool Error, string? ErrorType, string? ErrorMessage, int SubqueryDepth)
{
    // DuckDB's max_expression_depth (see DuckDbOptions.MaxExpressionDepth) bounds the tree's depth
    // well below this; a deeper document is refused as too complex, not read.
    private const int MaxJsonDepth = 4096;

    /// <summary>Reads the parse tree of <c>json_serialize_sql</c>.</summary>
    /// <exception cref="JsonException">Not JSON, or nested deeper than any tree DuckDB allows.</exception>
    public static DuckDbParseTree Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxJsonDepth });

        // For each open object: whether it is a subquery expression.
        var subqueries = new List<bool>();
        var (depth, deepest, error) = (0, 0, false);
        string? errorType = null, errorMessage = null, property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    subqueries.Add(false);
                    break;
                case JsonTokenType.EndObject:
                    if (subqueries[^1])
                    {
                        depth--;
                    }

                    subqueries.RemoveAt(subqueries.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.String when property == "class" && reader.ValueTextEquals("SUBQUERY"u8) && !subqueries[^1]:
                    subqueries[^1] = true;
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case JsonTokenType.String when reader.CurrentDepth == 1 && property == "error_type":
                    errorType = reader.GetString();
                    break;
                case JsonTokenType.String when reader.CurrentDepth == 1 && property == "error_message":
                    errorMessage = reader.GetString();
                    break;
                case JsonTokenType.True when reader.CurrentDepth == 1 && property == "error":
                    error = true;
                    break;
            }
        }

        return new DuckDbParseTree(error, errorType, errorMessage, deepest);
    }
}
