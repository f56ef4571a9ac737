using System.Globalization;
using Contrail.Store.Lake.DuckDb.Native;

namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// A column's DuckDB type with everything needed to read its values: element, key and value types
/// of nested types, struct fields, decimal width and scale, enum members. Immutable; read from a
/// <c>duckdb_logical_type</c> once per query.
/// </summary>
internal sealed class DuckDbLogicalType
{
    private DuckDbLogicalType(DuckDbTypeId id) => Id = id;

    /// <summary>The type id.</summary>
    public DuckDbTypeId Id { get; }

    /// <summary>The alias a type was created under (<c>JSON</c> for a JSON column, a VARCHAR), or null.</summary>
    public string? Alias { get; private init; }

    /// <summary>The element type of a LIST or ARRAY.</summary>
    public DuckDbLogicalType? ElementType { get; private init; }

    /// <summary>The length of an ARRAY.</summary>
    public ulong ArraySize { get; private init; }

    /// <summary>The key type of a MAP.</summary>
    public DuckDbLogicalType? KeyType { get; private init; }

    /// <summary>The value type of a MAP.</summary>
    public DuckDbLogicalType? ValueType { get; private init; }

    /// <summary>The fields of a STRUCT, in order; empty for other types.</summary>
    public IReadOnlyList<DuckDbStructField> Fields { get; private init; } = [];

    /// <summary>Digits of a DECIMAL.</summary>
    public byte Width { get; private init; }

    /// <summary>Digits after the point of a DECIMAL.</summary>
    public byte Scale { get; private init; }

    /// <summary>The integer type holding a DECIMAL's unscaled value or an ENUM's member index.</summary>
    public DuckDbTypeId StorageType { get; private init; }

    /// <summary>The members of an ENUM, by index.</summary>
    public IReadOnlyList<string> EnumMembers { get; private init; } = [];

    /// <summary>The type as DuckDB's <c>typeof()</c> writes it: <c>VARCHAR</c>, <c>DECIMAL(18,3)</c>, <c>STRUCT(a INTEGER, b VARCHAR[])</c>.</summary>
    public string Name => field ??= Alias ?? Describe();

    /// <summary>Whether <see cref="DuckDbVectorReader"/> can read this type and every type nested in it.</summary>
    public bool IsSupported => Id switch
    {
        DuckDbTypeId.List or DuckDbTypeId.Array => ElementType!.IsSupported,
        DuckDbTypeId.Map => KeyType!.IsSupported && ValueType!.IsSupported,
        DuckDbTypeId.Struct => Fields.All(f => f.Type.IsSupported),
        DuckDbTypeId.Decimal => StorageType is DuckDbTypeId.SmallInt or DuckDbTypeId.Integer or DuckDbTypeId.BigInt or DuckDbTypeId.HugeInt,
        DuckDbTypeId.Enum => StorageType is DuckDbTypeId.UTinyInt or DuckDbTypeId.USmallInt or DuckDbTypeId.UInteger,
        DuckDbTypeId.Invalid or DuckDbTypeId.Union or DuckDbTypeId.Bit or DuckDbTypeId.TimeTz or DuckDbTypeId.Any
            or DuckDbTypeId.BigNum or DuckDbTypeId.StringLiteral or DuckDbTypeId.IntegerLiteral
            or DuckDbTypeId.Geometry or DuckDbTypeId.Variant => false,
        _ => Enum.IsDefined(Id),
    };

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Reads a <c>duckdb_logical_type</c>; the caller keeps owning (and destroys) <paramref name="handle"/>.</summary>
    internal static DuckDbLogicalType FromHandle(nint handle)
    {
        var id = DuckDbNative.duckdb_get_type_id(handle);
        var alias = DuckDbNative.Take(DuckDbNative.duckdb_logical_type_get_alias(handle));
        return id switch
        {
            DuckDbTypeId.List => new(id) { Alias = alias, ElementType = Child(DuckDbNative.duckdb_list_type_child_type(handle)) },
            DuckDbTypeId.Array => new(id)
            {
                Alias = alias,
                ElementType = Child(DuckDbNative.duckdb_array_type_child_type(handle)),
                ArraySize = DuckDbNative.duckdb_array_type_array_size(handle),
            },
            DuckDbTypeId.Map => new(id)
            {
                Alias = alias,
                KeyType = Child(DuckDbNative.duckdb_map_type_key_type(handle)),
                ValueType = Child(DuckDbNative.duckdb_map_type_value_type(handle)),
            },
            DuckDbTypeId.Struct => new(id) { Alias = alias, Fields = StructFields(handle) },
            DuckDbTypeId.Decimal => new(id)
            {
                Alias = alias,
                Width = DuckDbNative.duckdb_decimal_width(handle),
                Scale = DuckDbNative.duckdb_decimal_scale(handle),
                StorageType = DuckDbNative.duckdb_decimal_internal_type(handle),
            },
            DuckDbTypeId.Enum => new(id)
            {
                Alias = alias,
                StorageType = DuckDbNative.duckdb_enum_internal_type(handle),
                EnumMembers = EnumMembersOf(handle),
            },
            _ => new(id) { Alias = alias },
        };
    }

    private static DuckDbLogicalType Child(nint handle)
    {
        try
        {
            return FromHandle(handle);
        }
        finally
        {
            DuckDbNative.duckdb_destroy_logical_type(ref handle);
        }
    }

    private static DuckDbStructField[] StructFields(nint handle)
    {
        var fields = new DuckDbStructField[checked((int)DuckDbNative.duckdb_struct_type_child_count(handle))];
        for (var i = 0; i < fields.Length; i++)
        {
            var name = DuckDbNative.Take(DuckDbNative.duckdb_struct_type_child_name(handle, (ulong)i)) ?? "";
            fields[i] = new DuckDbStructField(name, Child(DuckDbNative.duckdb_struct_type_child_type(handle, (ulong)i)));
        }

        return fields;
    }

    private static string[] EnumMembersOf(nint handle)
    {
        var members = new string[DuckDbNative.duckdb_enum_dictionary_size(handle)];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = DuckDbNative.Take(DuckDbNative.duckdb_enum_dictionary_value(handle, (ulong)i)) ?? "";
        }

        return members;
    }

    private string Describe() => Id switch
    {
        DuckDbTypeId.List => ElementType!.Name + "[]",
        DuckDbTypeId.Array => ElementType!.Name + "[" + ArraySize.ToString(CultureInfo.InvariantCulture) + "]",
        DuckDbTypeId.Map => $"MAP({KeyType!.Name}, {ValueType!.Name})",
        DuckDbTypeId.Struct => "STRUCT(" + string.Join(", ", Fields.Select(f => f.Name.Length == 0 ? f.Type.Name : Identifier(f.Name) + " " + f.Type.Name)) + ")",
        DuckDbTypeId.Decimal => $"DECIMAL({Width.ToString(CultureInfo.InvariantCulture)},{Scale.ToString(CultureInfo.InvariantCulture)})",
        DuckDbTypeId.Enum => "ENUM(" + string.Join(", ", EnumMembers.Select(m => "'" + m.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")",
        DuckDbTypeId.Timestamp => "TIMESTAMP",
        DuckDbTypeId.TimestampS => "TIMESTAMP_S",
        DuckDbTypeId.TimestampMs => "TIMESTAMP_MS",
        DuckDbTypeId.TimestampNs => "TIMESTAMP_NS",
        DuckDbTypeId.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbTypeId.TimeTz => "TIME WITH TIME ZONE",
        DuckDbTypeId.TimeNs => "TIME_NS",
        DuckDbTypeId.SqlNull => "\"NULL\"",
        DuckDbTypeId.BigNum => "BIGNUM",
        _ => Id.ToString().ToUpperInvariant(),
    };

    // DuckDB quotes a field name unless it is a plain identifier (it also quotes keywords, which this does not).
    private static string Identifier(string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return plain ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
