using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Contrail.Delivery.Objects;

/// <summary>
/// fsync(2) of a directory, so a renamed entry survives a crash. .NET cannot open a directory as a
/// file handle (<c>File.OpenHandle</c> throws), hence libc open(O_RDONLY | O_DIRECTORY | O_CLOEXEC).
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;

    // O_DIRECTORY is 0200000 on x86-64 and most architectures, 040000 on ARM and ARM64.
    private static readonly int DirectoryFlag = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64
        ? 0x4000
        : 0x10000;

    public static void Fsync(string directory)
    {
        var fd = Open(directory, ReadOnly | DirectoryFlag | CloseOnExec);
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
