using Contrail.Api.Delivery.Notifications;
using Contrail.Delivery.Digests;
using Contrail.Delivery.Objects;
using Contrail.Monitoring.Insights;

namespace Contrail.Api.Service;

/// <summary>
/// Settings of a running service, validated at start and immutable after.
/// </summary>
/// <param name="DataDirectory">Everything lives here (journal, event store, credentials); created owner-only.</param>
/// <param name="Identity">Account and region.</param>
/// <param name="RootAccessKeyId">Root credentials' access key id.</param>
/// <param name="RootSecret">Root credentials' secret.</param>
/// <param name="DeliveryInterval">How often a trail's log files are cut; null means 5 minutes (as CloudTrail).</param>
/// <param name="S3">
/// Where trails deliver log files: an S3-compatible store (<c>serve --s3-endpoint</c>); null means the
/// embedded <see cref="LocalObjectStore"/> under <paramref name="DataDirectory"/>.
/// </param>
/// <param name="Notifications">Where trails with an SNS topic post a notification per delivery pass, and the signing key; null means none are sent.</param>
/// <param name="KeyRotation">
/// How long a digest signing key signs before a new one is made (<c>serve --key-rotation</c>); null means
/// <see cref="SigningKeyRing.DefaultRotation"/> (30 days, as CloudTrail).
/// </param>
/// <param name="DigestInterval">How long a digest file's window is; null means one hour (as CloudTrail).</param>
/// <param name="MetricsEndpoint">
/// Serve <c>GET /metrics</c> (Prometheus text format) without authentication (<c>serve --metrics</c>); off by default.
/// </param>
/// <param name="CisMetricFiltersLogGroup">
/// A log group to install the CIS pack's metric filters on at start (<c>serve --cis-metric-filters NAME</c>); null installs none.
/// </param>
/// <param name="Insights">How Insights decide (<c>serve --insights-*</c>); null means <see cref="InsightOptions"/>' defaults.</param>
/// <param name="RuleDelivery">
/// How rule targets are delivered to (retries, dead-lettering, the webhook signing key); null means
/// <see cref="Contrail.Api.Rules.Delivery.RuleDeliveryPolicy.Default"/> (<c>serve --rule-max-attempts</c>).
/// </param>
/// <param name="SigmaRules">Sigma rules to match records against, and their target (<c>serve --sigma-rules FILE --sigma-target ARN</c>); null loads none.</param>
internal sealed record ContrailSettings(string DataDirectory, ServiceIdentity Identity, string RootAccessKeyId, string RootSecret, TimeSpan? DeliveryInterval = null,
    S3ObjectStoreOptions? S3 = null, NotificationTarget? Notifications = null, TimeSpan? KeyRotation = null, TimeSpan? DigestInterval = null,
    bool MetricsEndpoint = false, string? CisMetricFiltersLogGroup = null, InsightOptions? Insights = null,
    Contrail.Api.Rules.Delivery.RuleDeliveryPolicy? RuleDelivery = null, Contrail.Api.Rules.Sigma.SigmaRuleSettings? SigmaRules = null)
{
    /// <summary>Where the digest signing keys live: <c>DATA_DIR/keys</c> (docs/dev/signing-keys.md).</summary>
    public string KeysDirectory => Path.Combine(DataDirectory, "keys");
}
