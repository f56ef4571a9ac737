namespace Contrail.Journal.Tests.Support;

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contrail-journal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Segment(long basePosition) => System.IO.Path.Combine(Path, basePosition.ToString("D20") + ".seg");

    public string[] SegmentFiles() => [.. Directory.GetFiles(Path, "*.seg").Order(StringComparer.Ordinal)];

    /// <summary>A copy of this directory's files in a new test directory.</summary>
    public TestDirectory Copy()
    {
        var copy = new TestDirectory();
        foreach (var file in Directory.GetFiles(Path))
        {
            File.Copy(file, System.IO.Path.Combine(copy.Path, System.IO.Path.GetFileName(file)));
        }

        return copy;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
