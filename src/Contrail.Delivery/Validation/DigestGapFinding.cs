namespace Contrail.Delivery.Validation;

/// <summary>
/// A digest chain starts (its first digest names no previous one) and an older digest exists: the AWS CLI's
/// <c>No log files were delivered by CloudTrail between &lt;From&gt; and &lt;To&gt;</c>. Not an error.
/// </summary>
/// <param name="From">The end time (from its name) of the next older digest.</param>
/// <param name="To">The <c>digestStartTime</c> of the chain's first digest.</param>
/// <param name="IsBackfill">In the backfill chain.</param>
public sealed record DigestGapFinding(DateTimeOffset From, DateTimeOffset To, bool IsBackfill) : ValidationFinding
{
    /// <inheritdoc/>
    public override bool IsInvalid => false;
}
