using System.Runtime.CompilerServices;
using System.Text;
using Contrail.Store.Lake.DuckDb.Native;

namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// Reads the values of one vector of a data chunk (and of the vectors nested in it) as .NET values,
/// following the layouts of duckdb.h. A vector is an array of fixed-size slots, one per row, plus a
/// validity mask (bit <c>row % 64</c> of word <c>row / 64</c> set = not NULL; no mask = no NULLs):
/// <code>
/// BOOLEAN 1 byte, 0 or 1          TINYINT…UBIGINT, FLOAT, DOUBLE: the C type
/// DATE    int32 days since 1970-01-01   TIME, TIMESTAMP(_TZ): int64 µs (TIMESTAMP_S/_MS/_NS: s, ms, ns)
/// HUGEINT, UUID: {uint64 lower; int64 upper}  (UUID: upper's top bit flipped)
/// INTERVAL {int32 months; int32 days; int64 micros}
/// VARCHAR, BLOB: 16 bytes {uint32 length; 12 bytes inline} or {uint32 length; 4 bytes prefix; char* data}
///                inline when length &lt;= 12
/// LIST, MAP: {uint64 offset; uint64 length} into the child vector (a MAP's child is STRUCT(key, value))
/// ARRAY: no slots; row r's elements are child rows r*size … r*size+size-1
/// STRUCT: no slots; one child vector per field, same row
/// DECIMAL, ENUM: stored as the integer <see cref="DuckDbLogicalType.StorageType"/>
/// </code>
/// Valid only while the chunk is alive; one reader per vector per chunk.
/// </summary>
internal sealed unsafe class DuckDbVectorReader
{
    private const int StringSize = 16;
    private const int InlineLength = 12;
    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly DuckDbLogicalType _type;
    private readonly byte* _data;
    private readonly ulong* _validity;
    private readonly DuckDbVectorReader? _element;
    private readonly DuckDbVectorReader[] _children = [];

    /// <summary>A reader of <paramref name="vector"/>, whose type is <paramref name="type"/> (which must be <see cref="DuckDbLogicalType.IsSupported"/>).</summary>
    public DuckDbVectorReader(nint vector, DuckDbLogicalType type)
    {
        _type = type;
        _data = (byte*)DuckDbNative.duckdb_vector_get_data(vector);
        _validity = DuckDbNative.duckdb_vector_get_validity(vector);
        switch (type.Id)
        {
            case DuckDbTypeId.List:
                _element = new DuckDbVectorReader(DuckDbNative.duckdb_list_vector_get_child(vector), type.ElementType!);
                break;
            case DuckDbTypeId.Array:
                _element = new DuckDbVectorReader(DuckDbNative.duckdb_array_vector_get_child(vector), type.ElementType!);
                break;
            case DuckDbTypeId.Map:
                var entries = DuckDbNative.duckdb_list_vector_get_child(vector);
                _children =
                [
                    new DuckDbVectorReader(DuckDbNative.duckdb_struct_vector_get_child(entries, 0), type.KeyType!),
                    new DuckDbVectorReader(DuckDbNative.duckdb_struct_vector_get_child(entries, 1), type.ValueType!),
                ];
                break;
            case DuckDbTypeId.Struct:
                _children = new DuckDbVectorReader[type.Fields.Count];
                for (var i = 0; i < _children.Length; i++)
                {
                    _children[i] = new DuckDbVectorReader(DuckDbNative.duckdb_struct_vector_get_child(vector, (ulong)i), type.Fields[i].Type);
                }

                break;
        }
    }

    /// <summary>The value at <paramref name="row"/>, or null for NULL.</summary>
    /// <exception cref="DuckDbValueOutOfRangeException">The value has no .NET counterpart.</exception>
    public object? Read(ulong row)
    {
        if (_validity != null && (_validity[row >> 6] & (1UL << (int)(row & 63))) == 0)
        {
            return null;
        }

        return _type.Id switch
        {
            DuckDbTypeId.Boolean => _data[row] != 0,
            DuckDbTypeId.TinyInt => Slot<sbyte>(row),
            DuckDbTypeId.SmallInt => Slot<short>(row),
            DuckDbTypeId.Integer => Slot<int>(row),
            DuckDbTypeId.BigInt => Slot<long>(row),
            DuckDbTypeId.UTinyInt => Slot<byte>(row),
            DuckDbTypeId.USmallInt => Slot<ushort>(row),
            DuckDbTypeId.UInteger => Slot<uint>(row),
            DuckDbTypeId.UBigInt => Slot<ulong>(row),
            DuckDbTypeId.HugeInt => new Int128((ulong)Slot<long>(row * 2 + 1), Slot<ulong>(row * 2)),
            DuckDbTypeId.UHugeInt => new UInt128(Slot<ulong>(row * 2 + 1), Slot<ulong>(row * 2)),
            DuckDbTypeId.Float => Slot<float>(row),
            DuckDbTypeId.Double => Slot<double>(row),
            DuckDbTypeId.Decimal => ReadDecimal(row),
            DuckDbTypeId.Varchar => Utf8.GetString(Bytes(row)),
            DuckDbTypeId.Blob => Bytes(row).ToArray(),
            DuckDbTypeId.Enum => ReadEnum(row),
            DuckDbTypeId.Uuid => ReadUuid(row),
            DuckDbTypeId.Date => ReadDate(Slot<int>(row)),
            DuckDbTypeId.Time => ReadTime(Slot<long>(row), TimeSpan.TicksPerMicrosecond, 1),
            DuckDbTypeId.TimeNs => ReadTime(Slot<long>(row), 1, TimeSpan.NanosecondsPerTick),
            DuckDbTypeId.Timestamp => new DateTime(Ticks(Slot<long>(row), TimeSpan.TicksPerMicrosecond, 1), DateTimeKind.Utc),
            DuckDbTypeId.TimestampS => new DateTime(Ticks(Slot<long>(row), TimeSpan.TicksPerSecond, 1), DateTimeKind.Utc),
            DuckDbTypeId.TimestampMs => new DateTime(Ticks(Slot<long>(row), TimeSpan.TicksPerMillisecond, 1), DateTimeKind.Utc),
            DuckDbTypeId.TimestampNs => new DateTime(Ticks(Slot<long>(row), 1, TimeSpan.NanosecondsPerTick), DateTimeKind.Utc),
            DuckDbTypeId.TimestampTz => new DateTimeOffset(Ticks(Slot<long>(row), TimeSpan.TicksPerMicrosecond, 1), TimeSpan.Zero),
            DuckDbTypeId.Interval => new DuckDbInterval(Slot<int>(row * 4), Slot<int>(row * 4 + 1), Slot<long>(row * 2 + 1)),
            DuckDbTypeId.List => ReadList(row),
            DuckDbTypeId.Array => ReadArray(row),
            DuckDbTypeId.Map => ReadMap(row),
            DuckDbTypeId.Struct => ReadStruct(row),
            DuckDbTypeId.SqlNull => null,
            _ => throw new NotSupportedException($"DuckDB type {_type.Name} is not read here; the query should have been refused."),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Slot<T>(ulong index)
        where T : unmanaged => ((T*)_data)[index];

    private ReadOnlySpan<byte> Bytes(ulong row)
    {
        var slot = _data + row * StringSize;
        var length = *(uint*)slot;
        var bytes = length <= InlineLength ? slot + 4 : *(byte**)(slot + 8);
        return new ReadOnlySpan<byte>(bytes, checked((int)length));
    }

    private object ReadDecimal(ulong row)
    {
        Int128 unscaled = _type.StorageType switch
        {
            DuckDbTypeId.SmallInt => Slot<short>(row),
            DuckDbTypeId.Integer => Slot<int>(row),
            DuckDbTypeId.BigInt => Slot<long>(row),
            _ => new Int128((ulong)Slot<long>(row * 2 + 1), Slot<ulong>(row * 2)),
        };

        // System.Decimal: a 96-bit magnitude and a scale of at most 28.
        var negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        if (_type.Scale > 28 || magnitude >> 96 != UInt128.Zero)
        {
            throw new DuckDbValueOutOfRangeException($"a {_type.Name} value does not fit System.Decimal (28 digits)");
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, _type.Scale);
    }

    private string ReadEnum(ulong row)
    {
        var index = _type.StorageType switch
        {
            DuckDbTypeId.UTinyInt => Slot<byte>(row),
            DuckDbTypeId.USmallInt => Slot<ushort>(row),
            _ => Slot<uint>(row),
        };
        return _type.EnumMembers[checked((int)index)];
    }

    private Guid ReadUuid(ulong row)
    {
        // DuckDB flips the top bit so that UUIDs sort as their text does.
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, Slot<ulong>(row * 2 + 1) ^ (1UL << 63));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Slot<ulong>(row * 2));
        return new Guid(bytes, bigEndian: true);
    }

    private static DateOnly ReadDate(int days)
    {
        var day = (long)UnixEpochDay + days;
        if (day < DateOnly.MinValue.DayNumber || day > DateOnly.MaxValue.DayNumber)
        {
            throw new DuckDbValueOutOfRangeException("a DATE value is outside System.DateOnly (years 1 to 9999, or infinity)");
        }

        return DateOnly.FromDayNumber((int)day);
    }

    private static TimeOnly ReadTime(long value, long ticksPerUnit, long unitsPerTick)
    {
        var ticks = value * ticksPerUnit / unitsPerTick;
        if (ticks < 0 || ticks > TimeOnly.MaxValue.Ticks)
        {
            throw new DuckDbValueOutOfRangeException("a TIME value is outside System.TimeOnly (24:00:00 is not a time of day there)");
        }

        return new TimeOnly(ticks);
    }

    // Ticks since 0001-01-01 of a count of units since 1970-01-01, rounded towards the past.
    private static long Ticks(long value, long ticksPerUnit, long unitsPerTick)
    {
        var ticks = (Int128)value * ticksPerUnit;
        if (unitsPerTick != 1)
        {
            var (quotient, remainder) = Int128.DivRem(ticks, unitsPerTick);
            ticks = remainder < 0 ? quotient - 1 : quotient;
        }

        ticks += DateTime.UnixEpoch.Ticks;
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            throw new DuckDbValueOutOfRangeException("a TIMESTAMP value is outside System.DateTime (years 1 to 9999, or infinity)");
        }

        return (long)ticks;
    }

    private object?[] ReadList(ulong row)
    {
        var offset = Slot<ulong>(row * 2);
        var length = Slot<ulong>(row * 2 + 1);
        var values = new object?[checked((int)length)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _element!.Read(offset + (ulong)i);
        }

        return values;
    }

    private object?[] ReadArray(ulong row)
    {
        var size = _type.ArraySize;
        var values = new object?[checked((int)size)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _element!.Read(row * size + (ulong)i);
        }

        return values;
    }

    private KeyValuePair<object, object?>[] ReadMap(ulong row)
    {
        var offset = Slot<ulong>(row * 2);
        var length = Slot<ulong>(row * 2 + 1);
        var entries = new KeyValuePair<object, object?>[checked((int)length)];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = offset + (ulong)i;
            // DuckDB refuses NULL map keys, so the key is never null.
            entries[i] = new KeyValuePair<object, object?>(_children[0].Read(entry)!, _children[1].Read(entry));
        }

        return entries;
    }

    private DuckDbStruct ReadStruct(ulong row)
    {
        var values = new object?[_children.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _children[i].Read(row);
        }

        return new DuckDbStruct(_type.Fields, values);
    }
}
