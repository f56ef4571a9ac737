using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Contrail.Journal.Segments;

/// <summary>
/// fsync of a directory, so that a created, renamed or deleted file's directory entry is durable.
/// .NET refuses to open a directory as a file handle, so this goes to libc: open(2) read-only,
/// fsync(2), close(2).
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;

    public static void Fsync(string directory)
    {
        var fd = Open(directory, ReadOnly | CloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"Could not open directory '{directory}' to fsync it.",
                new Win32Exception(Marshal.GetLastPInvokeError()));
        }

        try
        {
            if (FsyncFd(fd) != 0)
            {
                throw new IOException($"fsync of directory '{directory}' failed.",
                    new Win32Exception(Marshal.GetLastPInvokeError()));
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
    private static partial int FsyncFd(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
