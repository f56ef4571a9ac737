using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Contrail.Journal.Segments;

/// <summary>
/// The durability calls .NET does not offer, made through libc. <see cref="Directory"/> fsyncs a
/// directory so a created, renamed or deleted entry survives a crash (.NET refuses to open a
/// directory as a file handle: <c>File.OpenHandle</c> throws UnauthorizedAccessException, checked
/// by a test), <see cref="Data"/> is fdatasync(2), used for group commits: it flushes the data and
/// the file size but skips timestamps, which a full fsync (<c>RandomAccess.FlushToDisk</c>) also writes.
/// </summary>
public static partial class DiskSync
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;

    // O_DIRECTORY is 0200000 on x86-64 and most architectures, 040000 on ARM and ARM64.
    private static readonly int DirectoryFlag = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64
        ? 0x4000
        : 0x10000;

    /// <summary>
    /// fsync(2) of a directory (open(2) with O_DIRECTORY, fsync, close), so entries created, renamed
    /// or deleted in it survive a crash. Throws <see cref="IOException"/> if it is missing, not a
    /// directory, or the fsync fails. Used by every part that writes files durably.
    /// </summary>
    public static void Directory(string directory)
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

    /// <summary>
    /// Replaces a small file so that a crash leaves either the old or the new content: writes
    /// <c>PATH.tmp</c> (owner-only), fsyncs it, renames it over <paramref name="path"/> and fsyncs the
    /// directory. Callers serialize writes to one path. Failures throw and leave the old file.
    /// </summary>
    public static void ReplaceFile(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
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

        File.Move(temp, full, overwrite: true);
        Directory(Path.GetDirectoryName(full)!);
    }

    /// <summary>
    /// fdatasync(2) of an open file: its data and the metadata needed to read it back (size),
    /// without the timestamps a full fsync also forces out.
    /// </summary>
    internal static void Data(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            if (FdataSync((int)file.DangerousGetHandle()) != 0)
            {
                throw new IOException("fdatasync of a journal segment failed.", new Win32Exception(Marshal.GetLastPInvokeError()));
            }
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int FdataSync(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncFd(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
