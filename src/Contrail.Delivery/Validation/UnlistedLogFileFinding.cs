namespace Contrail.Delivery.Validation;

/// <summary>
/// Contrail's check: a log file whose delivery time (from its name) lies inside the time valid digests
/// cover, but which no digest lists (added, or delivered around the digests).
/// </summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The log file's key.</param>
/// <param name="DeliveryTime">The delivery time in its name (to the minute).</param>
public sealed record UnlistedLogFileFinding(string Bucket, string Key, DateTimeOffset DeliveryTime) : ValidationFinding
{
    /// <inheritdoc/>
    public override bool IsInvalid => true;

    /// <inheritdoc/>
    public override bool IsContrailCheck => true;

    /// <summary>The text after <c>INVALID: </c>.</summary>
    public string Reason => "not listed in any digest";
}
