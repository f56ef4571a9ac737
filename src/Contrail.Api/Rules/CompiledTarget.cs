namespace Contrail.Api.Rules;

/// <summary>
/// A target ready to deliver to: its kind, the webhook URL or the log file's path, and the
/// <c>Input</c> bytes that replace the event (null: the event itself is sent).
/// </summary>
internal sealed record CompiledTarget(RuleTarget Target, RuleTargetKind Kind, Uri? Url, string? LogPath, byte[]? Input)
{
    /// <summary>Where log-file targets write: <c>DATA_DIR/rules/logs/NAME.jsonl</c>.</summary>
    public static string LogPathOf(string rulesDirectory, string name) => Path.Combine(rulesDirectory, "logs", name + ".jsonl");

    public static CompiledTarget Of(RuleTarget target, string rulesDirectory)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (kind, error) = RuleTargetArn.Classify(target.Arn, out var url, out var logName);
        if (error is not null)
        {
            throw new InvalidDataException($"The stored target {target.Id} does not parse: {error}");
        }

        return new CompiledTarget(target, kind, url, logName is null ? null : LogPathOf(rulesDirectory, logName),
            target.Input is null ? null : System.Text.Encoding.UTF8.GetBytes(target.Input));
    }
}
