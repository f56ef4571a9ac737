using Contrail.Journal.Segments;
using Contrail.Journal.Tests.Support;

namespace Contrail.Journal.Tests;

public sealed class DiskSyncTests
{
    /// <summary>Why the journal P/Invokes open/fsync for directories: .NET will not open one.</summary>
    [Fact]
    public void FileOpenHandle_OnDirectory_IsRefusedSoDiskSyncUsesLibc()
    {
        using var dir = new TestDirectory();
        Should.Throw<UnauthorizedAccessException>(() => File.OpenHandle(dir.Path, FileMode.Open, FileAccess.Read).Dispose());

        DiskSync.Directory(dir.Path);
        Should.Throw<IOException>(() => DiskSync.Directory(Path.Combine(dir.Path, "missing")));
    }
}
