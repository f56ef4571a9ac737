using System.Reflection;
using System.Runtime.InteropServices;

namespace Contrail.Store.Lake.DuckDb.Native;

/// <summary>
/// Loads <c>libduckdb.so</c> from beside the application (where the build copies it, see
/// <c>libduckdb.targets</c>), never from the system's library path or another package: the
/// declarations in <see cref="DuckDbNative"/> are written against exactly that library (DuckDB 1.5.6).
/// </summary>
internal static class DuckDbLibrary
{
    /// <summary>The name the <see cref="DuckDbNative"/> imports use.</summary>
    public const string ImportName = "duckdb";

    /// <summary>The file the build puts in every output directory.</summary>
    public const string FileName = "libduckdb.so";

    private static int _registered;

    /// <summary>Installs the resolver for this assembly's imports; idempotent and thread-safe.</summary>
    public static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(DuckDbLibrary).Assembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != ImportName)
        {
            return 0;
        }

        string[] directories = [AppContext.BaseDirectory, Path.GetDirectoryName(assembly.Location) ?? ""];
        foreach (var directory in directories)
        {
            var path = Path.Combine(directory, FileName);
            if (File.Exists(path))
            {
                return NativeLibrary.Load(path);
            }
        }

        throw new DllNotFoundException(
            $"{FileName} is not beside the application (looked in {string.Join(", ", directories.Distinct())}). "
            + "Building the solution fetches it (docs/dev/duckdb.md).");
    }
}
