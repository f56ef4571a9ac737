using System.Collections;

namespace Contrail.Validate;

/// <summary>What <c>validate-logs</c> runs against: its streams, environment and clock (tests give their own).</summary>
/// <param name="Out">stdout.</param>
/// <param name="Error">stderr.</param>
/// <param name="ErrorIsTerminal">Whether stderr is a terminal (then long runs show a progress line).</param>
/// <param name="Environment">Environment variables.</param>
/// <param name="Time">The clock: the default end time, SigV4 dates, the progress line.</param>
internal sealed record ValidateLogsHost(TextWriter Out, TextWriter Error, bool ErrorIsTerminal, IReadOnlyDictionary<string, string?> Environment, TimeProvider Time)
{
    public static ValidateLogsHost FromConsole() => new(
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected,
        System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal),
        TimeProvider.System);
}
