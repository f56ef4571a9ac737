namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// Why an event pattern was refused: EventBridge's reason text (its <c>InvalidEventPatternException</c>
/// wording where it is known). A refusal is a value, never an exception.
/// </summary>
/// <param name="Reason">What is wrong, e.g. <c>Empty arrays are not allowed</c>.</param>
public sealed record EventPatternError(string Reason)
{
    /// <summary>The message EventBridge answers with: <c>Event pattern is not valid. Reason: {Reason}</c>.</summary>
    public string Message => "Event pattern is not valid. Reason: " + Reason;

    /// <inheritdoc/>
    public override string ToString() => Message;
}
