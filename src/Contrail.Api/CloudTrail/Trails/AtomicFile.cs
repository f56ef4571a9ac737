using Contrail.Journal.Segments;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// Replaces a small file so that a crash leaves either the old or the new content: write a temp
/// file beside it, fsync it, rename it over the target, fsync the directory so the rename is
/// durable (<see cref="DiskSync.Directory"/>). Failures throw: callers keep their old state.
/// </summary>
internal static class AtomicFile
{
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
        DiskSync.Directory(directory);
    }
}
