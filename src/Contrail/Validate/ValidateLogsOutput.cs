using Contrail.Delivery.Validation;

namespace Contrail.Validate;

/// <summary>
/// Writes a run the way <c>aws cloudtrail validate-logs</c> prints it, byte for byte (spec §3.4; AWS CLI v1
/// <c>_write_status</c>, <c>_write_startup_text</c>, <c>_write_summary_text</c>): <c>valid</c> lines on stdout
/// with <c>--verbose</c> only, problems on stderr each followed by a blank line (and preceded by one after a
/// <c>valid</c> line), the summary on stdout. Contrail's own findings use the same form, marked
/// <c>(contrail) </c>, and a summary line of their own only when there are any.
/// </summary>
internal sealed class ValidateLogsOutput(TextWriter stdout, TextWriter stderr, bool verbose, ValidationProgress? progress)
{
    private const string ContrailMark = "(contrail) ";

    // The AWS CLI's _is_last_status_double_space: whether the last thing written ended with a blank line.
    private bool _lastDoubleSpace = true;

    public void Startup(string trailArn, DateTimeOffset start, DateTimeOffset end)
    {
        stdout.Write($"Validating log files for trail {trailArn} between {ValidationDates.Display(start)} and {ValidationDates.Display(end)}\n\n");
        stdout.Flush();
    }

    public void Write(ValidationFinding finding)
    {
        switch (finding)
        {
            case DigestFileFinding digest:
                Status($"{Backfill(digest.IsBackfill)}Digest file\ts3://{digest.Bucket}/{digest.Key}\t{Verdict(digest.Reason)}", digest.IsInvalid);
                break;
            case LogFileFinding log:
                Status($"Log file\ts3://{log.Bucket}/{log.Key}\t{Verdict(log.Reason)}", log.IsInvalid);
                break;
            case DigestGapFinding gap:
                Status($"{Backfill(gap.IsBackfill)}No log files were delivered by CloudTrail between {ValidationDates.Display(gap.From)} and {ValidationDates.Display(gap.To)}", isError: true);
                break;
            case DigestLinkFinding link:
                Status($"{ContrailMark}Digest file\ts3://{link.Bucket}/{link.Key}\tINVALID: {link.Reason}", isError: true);
                break;
            case DigestChainBreakFinding chain:
                Status($"{ContrailMark}Digest chain\ts3://{chain.Bucket}/{chain.OlderKey}\tINVALID: {chain.Reason}", isError: true);
                break;
            case UnlistedLogFileFinding unlisted:
                Status($"{ContrailMark}Log file\ts3://{unlisted.Bucket}/{unlisted.Key}\tINVALID: {unlisted.Reason}", isError: true);
                break;
            case TrailingGzipDataFinding trailing:
                Status($"{ContrailMark}Log file\ts3://{trailing.Bucket}/{trailing.Key}\tINVALID: {trailing.Reason}", isError: true);
                break;
        }

        progress?.Observe(finding);
    }

    public void Summary(ValidationTally tally, DateTimeOffset start, DateTimeOffset end)
    {
        progress?.Clear();
        if (!_lastDoubleSpace)
        {
            stdout.Write("\n");
        }

        stdout.Write($"Results requested for {ValidationDates.Display(start)} to {ValidationDates.Display(end)}\n");
        if (tally.ValidDigests + tally.ValidBackfillDigests + tally.InvalidDigests + tally.InvalidBackfillDigests == 0)
        {
            stdout.Write("No digests found\n");
            ContrailSummary(tally, string.Empty, "\n");
            stdout.Flush();
            return;
        }

        stdout.Write(tally.FoundStart is { } foundStart && tally.FoundEnd is { } foundEnd
            ? $"Results found for {ValidationDates.Display(foundStart)} to {ValidationDates.Display(foundEnd)}:\n"
            : "No valid digests found in range\n");
        Ratio(tally.ValidDigests, tally.InvalidDigests, "digest");
        Ratio(tally.ValidBackfillDigests, tally.InvalidBackfillDigests, "backfill digest");
        Ratio(tally.ValidLogFiles, tally.InvalidLogFiles, "log");
        ContrailSummary(tally, "\n", string.Empty);
        stdout.Write("\n");
        stdout.Flush();
    }

    /// <summary>A fault that ends the run, as the AWS CLI prints one: a blank line, the message, on stderr.</summary>
    public void Fatal(string message)
    {
        progress?.Clear();
        stdout.Flush();
        stderr.Write($"\n{message}\n");
        stderr.Flush();
    }

    private static string Backfill(bool isBackfill) => isBackfill ? "(backfill) " : string.Empty;

    private static string Verdict(string? reason) => reason is null ? "valid" : $"INVALID: {reason}";

    private void Status(string message, bool isError)
    {
        if (isError)
        {
            progress?.Clear();
            stdout.Flush();
            stderr.Write(_lastDoubleSpace ? $"{message}\n\n" : $"\n{message}\n\n");
            stderr.Flush();
            _lastDoubleSpace = true;
        }
        else if (verbose)
        {
            progress?.Clear();
            _lastDoubleSpace = false;
            stdout.Write($"{message}\n");
        }
    }

    private void Ratio(int valid, int invalid, string name)
    {
        var total = valid + invalid;
        if (total > 0)
        {
            stdout.Write($"\n{valid}/{total} {name} files valid");
            if (invalid > 0)
            {
                stdout.Write($", {invalid}/{total} {name} files INVALID");
            }
        }
    }

    // Only when Contrail's own checks found something: the AWS CLI's summary is otherwise unchanged.
    private void ContrailSummary(ValidationTally tally, string before, string after)
    {
        if (tally.ContrailProblems == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (tally.DigestChainProblems > 0)
        {
            parts.Add($"{tally.DigestChainProblems} digest chain {(tally.DigestChainProblems == 1 ? "problem" : "problems")}");
        }

        if (tally.UnlistedLogFiles > 0)
        {
            parts.Add($"{tally.UnlistedLogFiles} log {(tally.UnlistedLogFiles == 1 ? "file" : "files")} not listed in any digest");
        }

        if (tally.LogFilesWithTrailingData > 0)
        {
            parts.Add($"{tally.LogFilesWithTrailingData} log {(tally.LogFilesWithTrailingData == 1 ? "file" : "files")} with data after the first gzip member");
        }

        stdout.Write($"{before}{ContrailMark}INVALID: {string.Join(", ", parts)}{after}");
    }
}
