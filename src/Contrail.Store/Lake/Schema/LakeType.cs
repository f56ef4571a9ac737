using System.Text;

namespace Contrail.Store.Lake.Schema;

/// <summary>The type of a Lake column: a kind, with fields for a struct and an element type for a list.</summary>
internal sealed class LakeType
{
    private LakeType(LakeTypeKind kind, IReadOnlyList<LakeColumn> fields, LakeType? element)
    {
        Kind = kind;
        Fields = fields;
        Element = element;
    }

    /// <summary>Text.</summary>
    public static LakeType Varchar { get; } = new(LakeTypeKind.Varchar, [], null);

    /// <summary>A UTC timestamp.</summary>
    public static LakeType Timestamp { get; } = new(LakeTypeKind.Timestamp, [], null);

    /// <summary>A boolean.</summary>
    public static LakeType Boolean { get; } = new(LakeTypeKind.Boolean, [], null);

    /// <summary><c>MAP(VARCHAR, VARCHAR)</c>.</summary>
    public static LakeType Map { get; } = new(LakeTypeKind.Map, [], null);

    /// <summary>The kind.</summary>
    public LakeTypeKind Kind { get; }

    /// <summary>A struct's fields, in order; empty otherwise.</summary>
    public IReadOnlyList<LakeColumn> Fields { get; }

    /// <summary>A list's element type; null otherwise.</summary>
    public LakeType? Element { get; }

    /// <summary>A struct of <paramref name="fields"/>.</summary>
    public static LakeType Struct(params LakeColumn[] fields) => new(LakeTypeKind.Struct, fields, null);

    /// <summary>A list of <paramref name="element"/>.</summary>
    public static LakeType List(LakeType element) => new(LakeTypeKind.List, [], element);

    /// <summary>The DuckDB type, as in <c>CREATE TABLE</c>: <c>STRUCT("type" VARCHAR, …)</c>.</summary>
    public string DuckDbName()
    {
        var text = new StringBuilder();
        AppendDuckDbName(text);
        return text.ToString();
    }

    /// <summary>The structure <c>json_transform</c> reads this type with: <c>"VARCHAR"</c>, <c>{"a":…}</c>, <c>[…]</c>.</summary>
    public void AppendJsonStructure(StringBuilder text)
    {
        switch (Kind)
        {
            case LakeTypeKind.Struct:
                text.Append('{');
                for (var i = 0; i < Fields.Count; i++)
                {
                    text.Append(i == 0 ? "\"" : ",\"").Append(Fields[i].Name).Append("\":");
                    Fields[i].Type.AppendJsonStructure(text);
                }

                text.Append('}');
                break;
            case LakeTypeKind.List:
                text.Append('[');
                Element!.AppendJsonStructure(text);
                text.Append(']');
                break;
            default:
                text.Append('"');
                AppendDuckDbName(text);
                text.Append('"');
                break;
        }
    }

    private void AppendDuckDbName(StringBuilder text)
    {
        switch (Kind)
        {
            case LakeTypeKind.Varchar:
                text.Append("VARCHAR");
                break;
            case LakeTypeKind.Timestamp:
                text.Append("TIMESTAMP");
                break;
            case LakeTypeKind.Boolean:
                text.Append("BOOLEAN");
                break;
            case LakeTypeKind.Map:
                text.Append("MAP(VARCHAR, VARCHAR)");
                break;
            case LakeTypeKind.List:
                Element!.AppendDuckDbName(text);
                text.Append("[]");
                break;
            case LakeTypeKind.Struct:
                text.Append("STRUCT(");
                for (var i = 0; i < Fields.Count; i++)
                {
                    text.Append(i == 0 ? "\"" : ", \"").Append(Fields[i].Name).Append("\" ");
                    Fields[i].Type.AppendDuckDbName(text);
                }

                text.Append(')');
                break;
        }
    }
}
