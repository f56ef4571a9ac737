using Contrail.Api.Delivery.Notifications;
using Contrail.Delivery.Objects;

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
internal sealed record ContrailSettings(string DataDirectory, ServiceIdentity Identity, string RootAccessKeyId, string RootSecret, TimeSpan? DeliveryInterval = null,
    S3ObjectStoreOptions? S3 = null, NotificationTarget? Notifications = null);
