using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// Replaces a small file so that a crash leaves either the old or the new content: write a temp
/// file beside it, fsync it, rename it over the target, fsync the directory so the rename is
/// durable. (.NET cannot open a directory as a file handle, hence the libc calls, as in the
/// journal's DiskSync.) Failures throw: callers keep their old state.
/// </summary>
internal static partial class AtomicFile
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;

    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        SyncDirectory(directory);
    }

    /// <summary>open(2) read-only, fsync(2), close(2).</summary>
    public static void SyncDirectory(string directory)
    {
        var fd = Open(directory, ReadOnly | CloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"Could not open directory '{directory}' to fsync it.", new Win32Exception(Marshal.GetLastPInvokeError()));
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{directory}' failed.", new Win32Exception(Marshal.GetLastPInvokeError()));
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
