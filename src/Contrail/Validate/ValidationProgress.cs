using Contrail.Delivery.Validation;

namespace Contrail.Validate;

/// <summary>
/// A progress line on stderr for long runs at a terminal: <c>Validating… N digests, M log files</c>, drawn
/// in place once the run has taken <see cref="Delay"/>, at most every <see cref="Interval"/>, and cleared
/// before anything else is written. Never used when stderr is not a terminal (the output stays byte-exact).
/// Driven by findings as they are reported; used from one thread.
/// </summary>
internal sealed class ValidationProgress(TextWriter stderr, TimeProvider time)
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private const string ClearLine = "\r\u001b[K";

    private readonly long _started = time.GetTimestamp();
    private long _drawn = long.MinValue;
    private bool _visible;
    private int _digests;
    private int _logFiles;

    public void Observe(ValidationFinding finding)
    {
        switch (finding)
        {
            case DigestFileFinding:
                _digests++;
                break;
            case LogFileFinding:
                _logFiles++;
                break;
        }

        var now = time.GetTimestamp();
        if (time.GetElapsedTime(_started, now) < Delay || (_drawn != long.MinValue && time.GetElapsedTime(_drawn, now) < Interval))
        {
            return;
        }

        stderr.Write($"{ClearLine}Validating… {_digests} {(_digests == 1 ? "digest" : "digests")}, {_logFiles} log {(_logFiles == 1 ? "file" : "files")}");
        stderr.Flush();
        _drawn = now;
        _visible = true;
    }

    public void Clear()
    {
        if (_visible)
        {
            stderr.Write(ClearLine);
            stderr.Flush();
            _visible = false;
        }
    }
}
