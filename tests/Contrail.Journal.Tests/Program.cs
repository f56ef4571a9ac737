using System.Globalization;
using Contrail.Journal.Tests.Processes;

namespace Contrail.Journal.Tests;

/// <summary>
/// Entry point when this test assembly runs as a process of its own, for the tests that need one:
/// <c>dotnet Contrail.Journal.Tests.dll crash-child DIR FIRST-ID</c> (killed by the crash test) and
/// <c>throughput DIR APPENDERS APPENDS BATCH</c>. The test runner does not use it.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["crash-child", var directory, var firstId]:
                await CrashChild.RunAsync(directory, long.Parse(firstId, CultureInfo.InvariantCulture));
                return 0;
            case ["throughput", var directory, var appenders, var appends, var batch]:
                await ThroughputChild.RunAsync(directory, Parse(appenders), Parse(appends), Parse(batch));
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: crash-child DIR FIRST-ID | throughput DIR APPENDERS APPENDS BATCH");
                return 2;
        }
    }

    private static int Parse(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
