using System.Diagnostics;

namespace Contrail.Api.Tests.Support;

internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the real clients of the machine image: the AWS CLI and Python (boto3).</summary>
internal static class Processes
{
    public static string ScriptsDirectory => Path.Combine(AppContext.BaseDirectory, "Compat", "scripts");

    public static Task<ProcessResult> AwsAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync("aws", args, environment);

    public static Task<ProcessResult> PythonAsync(IReadOnlyDictionary<string, string> environment, string script, params string[] args) =>
        RunAsync("python3", [Path.Combine(ScriptsDirectory, script), .. args], environment);

    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in time.");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
