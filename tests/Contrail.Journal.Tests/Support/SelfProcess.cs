using System.Diagnostics;

namespace Contrail.Journal.Tests.Support;

/// <summary>Runs this test assembly as a child process (see <see cref="Program"/>).</summary>
internal static class SelfProcess
{
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
    }
}
