using System.Globalization;

namespace Contrail.Journal.Segments;

/// <summary>A segment file: its base position and path. Its length is read from the file.</summary>
internal sealed record SegmentFile(long BasePosition, string Path)
{
    public const string Extension = ".seg";

    public string FileName => System.IO.Path.GetFileName(Path);

    public static string NameFor(long basePosition) =>
        basePosition.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    public static SegmentFile For(string directory, long basePosition) =>
        new(basePosition, System.IO.Path.Combine(directory, NameFor(basePosition)));

    /// <summary>Cuts the file to <paramref name="length"/> bytes and fsyncs it.</summary>
    public void Truncate(long length)
    {
        using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Write);
        RandomAccess.SetLength(handle, length);
        RandomAccess.FlushToDisk(handle);
    }

    /// <summary>The segment files of a journal directory, in position order.</summary>
    public static List<SegmentFile> List(string directory)
    {
        var segments = new List<SegmentFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            var stem = System.IO.Path.GetFileNameWithoutExtension(path);
            if (stem.Length == 20
                && long.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var basePosition))
            {
                segments.Add(new SegmentFile(basePosition, path));
            }
        }

        segments.Sort((a, b) => a.BasePosition.CompareTo(b.BasePosition));
        return segments;
    }
}
