using System.Runtime.InteropServices;

namespace Contrail.Store.Lake.DuckDb.Native;

/// <summary>C strings coming back from DuckDB (UTF-8, NUL-terminated).</summary>
internal static partial class DuckDbNative
{
    /// <summary>The library's version, "v1.5.6".</summary>
    internal static string LibraryVersion => Borrow(duckdb_library_version()) ?? "";

    /// <summary>Reads a string DuckDB keeps owning (an error message, a column name of a result).</summary>
    internal static string? Borrow(nint utf8) => utf8 == 0 ? null : Marshal.PtrToStringUTF8(utf8);

    /// <summary>Reads a string the caller owns, and frees it.</summary>
    internal static string? Take(nint utf8)
    {
        if (utf8 == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(utf8);
        }
        finally
        {
            duckdb_free(utf8);
        }
    }
}
