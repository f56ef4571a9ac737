namespace Contrail.Tests.Support;

/// <summary>Finds ../shared/data beside the repository (as CI lays it out).</summary>
internal static class SharedData
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Contrail.slnx")))
            {
                directory = directory.Parent;
            }

            var shared = directory?.Parent is { } parent ? System.IO.Path.Combine(parent.FullName, "shared", "data") : null;
            return shared is not null && Directory.Exists(shared)
                ? shared
                : throw new DirectoryNotFoundException("../shared/data was not found beside the repository.");
        }
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
