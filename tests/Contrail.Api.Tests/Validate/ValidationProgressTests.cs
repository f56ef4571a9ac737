using Contrail.Delivery.Validation;
using Contrail.Validate;

namespace Contrail.Api.Tests.Validate;

/// <summary>The progress line: only after two seconds, redrawn in place at most every 100 ms, cleared before any output.</summary>
public sealed class ValidationProgressTests
{
    private static readonly DigestFileFinding Digest = new("b", "d", DigestFileStatus.Valid, null, false, null, null);
    private static readonly LogFileFinding Log = new("b", "l", LogFileStatus.Valid);

    [Fact]
    public void Observe_BeforeTwoSeconds_DrawsNothing()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        using var stderr = new StringWriter();
        var progress = new ValidationProgress(stderr, clock);

        progress.Observe(Digest);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        progress.Observe(Log);
        progress.Clear();

        stderr.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Observe_AfterTwoSeconds_DrawsInPlaceThrottledAndClears()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        using var stderr = new StringWriter();
        var progress = new ValidationProgress(stderr, clock);
        progress.Observe(Digest);
        clock.Advance(TimeSpan.FromSeconds(2));

        progress.Observe(Log);
        progress.Observe(Log);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        progress.Observe(Log);
        progress.Clear();
        progress.Clear();

        stderr.ToString().ShouldBe("\r\u001b[KValidating… 1 digest, 1 log file\r\u001b[KValidating… 1 digest, 3 log files\r\u001b[K");
    }

    [Fact]
    public void Output_ErrorLineWhileProgressShows_ProgressClearedFirst()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = new ValidateLogsOutput(stdout, stderr, verbose: false, new ValidationProgress(stderr, clock));
        clock.Advance(TimeSpan.FromSeconds(3));

        output.Write(Digest);
        output.Write(new LogFileFinding("b", "k", LogFileStatus.NotFound));

        stderr.ToString().ShouldBe("\r\u001b[KValidating… 1 digest, 0 log files\r\u001b[KLog file\ts3://b/k\tINVALID: not found\n\n");
    }
}
