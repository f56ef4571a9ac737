namespace Contrail.Api.Tests.Support;

internal static class TempDirectory
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "contrail-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
