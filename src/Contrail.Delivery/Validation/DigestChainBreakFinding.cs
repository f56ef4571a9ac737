namespace Contrail.Delivery.Validation;

/// <summary>
/// Contrail's check: the digest a valid digest names as its previous one is gone (reported
/// <c>INVALID: not found</c>, or invalid, like the AWS CLI does), and the next older digest found ends more
/// than one digest period (an hour) before the gone one starts: more than one digest was deleted, which
/// the AWS CLI, resuming at the next older digest, does not notice.
/// </summary>
/// <param name="Bucket">The bucket of the digests.</param>
/// <param name="OlderKey">The next older digest found (valid).</param>
/// <param name="MissingKey">The digest the newer one names as its previous (not found or invalid).</param>
/// <param name="NewerKey">The valid digest that names <paramref name="MissingKey"/>.</param>
/// <param name="UncoveredFrom">The end of <paramref name="OlderKey"/>.</param>
/// <param name="UncoveredTo">An hour before the end of <paramref name="MissingKey"/> (its name's time): from <paramref name="UncoveredFrom"/> to here no digest is left.</param>
public sealed record DigestChainBreakFinding(
    string Bucket,
    string OlderKey,
    string MissingKey,
    string NewerKey,
    DateTimeOffset UncoveredFrom,
    DateTimeOffset UncoveredTo) : ValidationFinding
{
    /// <inheritdoc/>
    public override bool IsInvalid => true;

    /// <inheritdoc/>
    public override bool IsContrailCheck => true;

    /// <summary>The text after <c>INVALID: </c>.</summary>
    public string Reason =>
        $"chain broken between this digest and s3://{Bucket}/{NewerKey}: more digests deleted than s3://{Bucket}/{MissingKey}, none covers {ValidationDates.Display(UncoveredFrom)} to {ValidationDates.Display(UncoveredTo)}";
}
