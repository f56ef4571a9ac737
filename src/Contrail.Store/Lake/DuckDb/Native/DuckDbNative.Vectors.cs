using System.Runtime.InteropServices;

namespace Contrail.Store.Lake.DuckDb.Native;

/// <summary>Data chunks, vectors and logical types.</summary>
internal static unsafe partial class DuckDbNative
{
    // --- Data chunks and vectors ------------------------------------------------------------

    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_size(nint chunk);

    /// <summary>Owned by the chunk.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_data_chunk_get_vector(nint chunk, ulong column);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_data_chunk(ref nint chunk);

    /// <summary>The values, one fixed-size slot per row (see <see cref="DuckDbVectorReader"/>); null for a STRUCT.</summary>
    [LibraryImport(Library)]
    internal static partial void* duckdb_vector_get_data(nint vector);

    /// <summary>One bit per row, set when the row is valid (not NULL), 64 rows per word; null when every row is valid.</summary>
    [LibraryImport(Library)]
    internal static partial ulong* duckdb_vector_get_validity(nint vector);

    /// <summary>The vector holding the elements of every list in a LIST (or MAP) vector; owned by the parent.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_list_vector_get_child(nint vector);

    /// <summary>The vector holding the elements of an ARRAY vector, row after row; owned by the parent.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_array_vector_get_child(nint vector);

    /// <summary>The vector of a STRUCT vector's field; owned by the parent.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_struct_vector_get_child(nint vector, ulong index);

    // --- Logical types -------------------------------------------------------------------------

    [LibraryImport(Library)]
    internal static partial DuckDbTypeId duckdb_get_type_id(nint type);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(ref nint type);

    /// <summary>The alias (JSON for a JSON column), or null; must be freed with <see cref="duckdb_free"/>.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_logical_type_get_alias(nint type);

    /// <summary>Must be destroyed.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_list_type_child_type(nint type);

    /// <summary>Must be destroyed.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_array_type_child_type(nint type);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_array_type_array_size(nint type);

    /// <summary>Must be destroyed.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_map_type_key_type(nint type);

    /// <summary>Must be destroyed.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_map_type_value_type(nint type);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_struct_type_child_count(nint type);

    /// <summary>Must be freed with <see cref="duckdb_free"/>.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_struct_type_child_name(nint type, ulong index);

    /// <summary>Must be destroyed.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_struct_type_child_type(nint type, ulong index);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_width(nint type);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(nint type);

    /// <summary>SMALLINT, INTEGER, BIGINT or HUGEINT: how the unscaled value is stored.</summary>
    [LibraryImport(Library)]
    internal static partial DuckDbTypeId duckdb_decimal_internal_type(nint type);

    /// <summary>UTINYINT, USMALLINT or UINTEGER: how the member's index is stored.</summary>
    [LibraryImport(Library)]
    internal static partial DuckDbTypeId duckdb_enum_internal_type(nint type);

    [LibraryImport(Library)]
    internal static partial uint duckdb_enum_dictionary_size(nint type);

    /// <summary>Must be freed with <see cref="duckdb_free"/>.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_enum_dictionary_value(nint type, ulong index);
}
