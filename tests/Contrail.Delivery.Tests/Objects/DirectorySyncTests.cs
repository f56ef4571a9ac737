using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;
using Contrail.Journal.Segments;

namespace Contrail.Delivery.Tests.Objects;

public sealed class DirectorySyncTests
{
    [Fact]
    public void Fsync_ExistingDirectory_Succeeds_MissingOrFileThrowsIOException()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "f");
        File.WriteAllBytes(file, [1]);

        Should.NotThrow(() => DiskSync.Directory(directory.Path));
        Should.Throw<IOException>(() => DiskSync.Directory(Path.Combine(directory.Path, "missing")));
        // O_DIRECTORY: a regular file is refused (ENOTDIR), which shows the flag value is right for this architecture.
        Should.Throw<IOException>(() => DiskSync.Directory(file));
    }

    [Fact]
    public void FileOpenHandle_OnDirectory_Throws_WhichIsWhyLibcIsUsed()
    {
        using var directory = new TempDirectory();

        Should.Throw<UnauthorizedAccessException>(() => File.OpenHandle(directory.Path, FileMode.Open, FileAccess.Read).Dispose());
    }
}
