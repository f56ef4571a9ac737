namespace Contrail.Api.Rules.Delivery;

/// <summary>One event owed to one webhook target of one rule: the exact bytes to POST, retried until sent or dead-lettered.</summary>
internal sealed class RuleDelivery(string ruleName, RuleTarget target, Uri url, string eventId, byte[] body, PendingBatch? batch)
{
    public string RuleName => ruleName;

    public RuleTarget Target => target;

    public Uri Url => url;

    public string EventId => eventId;

    public byte[] Body => body;

    /// <summary>The journal batch it belongs to; null for an event published in process.</summary>
    public PendingBatch? Batch => batch;

    /// <summary>Attempts made so far (the dispatcher's worker owns it while sending).</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
