namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// DuckDB's type ids (<c>duckdb_type</c> in duckdb.h, numbered as there). The comment on each says
/// what <see cref="DuckDbConnection.ExecuteAsync"/> returns for a value of that type; types marked
/// "unsupported" refuse the query with <see cref="DuckDbFailure.UnsupportedType"/> (CAST them to VARCHAR).
/// </summary>
internal enum DuckDbTypeId
{
    /// <summary>Unsupported.</summary>
    Invalid = 0,

    /// <summary><see cref="bool"/>.</summary>
    Boolean = 1,

    /// <summary><see cref="sbyte"/>.</summary>
    TinyInt = 2,

    /// <summary><see cref="short"/>.</summary>
    SmallInt = 3,

    /// <summary><see cref="int"/>.</summary>
    Integer = 4,

    /// <summary><see cref="long"/>.</summary>
    BigInt = 5,

    /// <summary><see cref="byte"/>.</summary>
    UTinyInt = 6,

    /// <summary><see cref="ushort"/>.</summary>
    USmallInt = 7,

    /// <summary><see cref="uint"/>.</summary>
    UInteger = 8,

    /// <summary><see cref="ulong"/>.</summary>
    UBigInt = 9,

    /// <summary><see cref="float"/>.</summary>
    Float = 10,

    /// <summary><see cref="double"/>.</summary>
    Double = 11,

    /// <summary><see cref="DateTime"/> of kind UTC (µs; the engine's time zone is UTC).</summary>
    Timestamp = 12,

    /// <summary><see cref="DateOnly"/>.</summary>
    Date = 13,

    /// <summary><see cref="TimeOnly"/> (µs).</summary>
    Time = 14,

    /// <summary><see cref="DuckDbInterval"/>.</summary>
    Interval = 15,

    /// <summary><see cref="Int128"/>.</summary>
    HugeInt = 16,

    /// <summary><see cref="string"/>; also JSON, a VARCHAR with the alias <c>JSON</c>.</summary>
    Varchar = 17,

    /// <summary><see cref="byte"/>[].</summary>
    Blob = 18,

    /// <summary><see cref="decimal"/>; a value beyond its range (28 digits) is <see cref="DuckDbFailure.ValueOutOfRange"/>.</summary>
    Decimal = 19,

    /// <summary><see cref="DateTime"/> of kind UTC (seconds).</summary>
    TimestampS = 20,

    /// <summary><see cref="DateTime"/> of kind UTC (ms).</summary>
    TimestampMs = 21,

    /// <summary><see cref="DateTime"/> of kind UTC (ns, truncated to .NET's 100 ns ticks).</summary>
    TimestampNs = 22,

    /// <summary><see cref="string"/>: the member's name.</summary>
    Enum = 23,

    /// <summary><see cref="object"/>?[] of the element type's values.</summary>
    List = 24,

    /// <summary><see cref="DuckDbStruct"/>.</summary>
    Struct = 25,

    /// <summary><see cref="KeyValuePair{TKey, TValue}"/>&lt;object, object?&gt;[] in the map's order.</summary>
    Map = 26,

    /// <summary><see cref="Guid"/>.</summary>
    Uuid = 27,

    /// <summary>Unsupported.</summary>
    Union = 28,

    /// <summary>Unsupported.</summary>
    Bit = 29,

    /// <summary>Unsupported.</summary>
    TimeTz = 30,

    /// <summary><see cref="DateTimeOffset"/> with offset zero (µs).</summary>
    TimestampTz = 31,

    /// <summary><see cref="UInt128"/>.</summary>
    UHugeInt = 32,

    /// <summary><see cref="object"/>?[] of the element type's values (fixed length).</summary>
    Array = 33,

    /// <summary>Unsupported (only in function signatures).</summary>
    Any = 34,

    /// <summary>Unsupported.</summary>
    BigNum = 35,

    /// <summary>Always null (the type of a bare NULL inside a nested value).</summary>
    SqlNull = 36,

    /// <summary>Unsupported (only during binding).</summary>
    StringLiteral = 37,

    /// <summary>Unsupported (only during binding).</summary>
    IntegerLiteral = 38,

    /// <summary><see cref="TimeOnly"/> (ns, truncated to .NET's 100 ns ticks).</summary>
    TimeNs = 39,

    /// <summary>Unsupported.</summary>
    Geometry = 40,

    /// <summary>Unsupported.</summary>
    Variant = 41,
}
