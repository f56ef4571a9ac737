using Contrail.Api.Delivery.Notifications;

namespace Contrail.Api.Service;

/// <summary>
/// Settings of a running service, validated at start and immutable after.
/// </summary>
/// <param name="DataDirectory">Everything lives here (journal, event store, credentials); created owner-only.</param>
/// <param name="Identity">Account and region.</param>
/// <param name="RootAccessKeyId">Root credentials' access key id.</param>
/// <param name="RootSecret">Root credentials' secret.</param>
/// <param name="DeliveryInterval">How often a trail's log files are cut; null means 5 minutes (as CloudTrail).</param>
/// <param name="Notifications">Where trails with an SNS topic post a notification per delivery pass, and the signing key; null means none are sent.</param>
internal sealed record ContrailSettings(string DataDirectory, ServiceIdentity Identity, string RootAccessKeyId, string RootSecret, TimeSpan? DeliveryInterval = null, NotificationTarget? Notifications = null);
