namespace Contrail.Api.Rules;

/// <summary>Where a target sends matched events.</summary>
internal enum RuleTargetKind
{
    /// <summary>An HTTP(S) POST, signed, retried, dead-lettered after the last attempt.</summary>
    Webhook,

    /// <summary>A JSON Lines file under <c>DATA_DIR/rules/logs</c>.</summary>
    LogFile,
}
