using System.Diagnostics;

namespace Contrail.Delivery.Tests.Support;

/// <summary>Runs a python3 script (the machine image's, with the AWS CLI's libraries) and returns its standard output.</summary>
internal static class Python
{
    public static string Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromSeconds(60)).ShouldBeTrue("python3 did not finish");
        process.ExitCode.ShouldBe(0, error.Result);
        return output.Result;
    }
}
