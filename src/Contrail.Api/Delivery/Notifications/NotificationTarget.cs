namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// Where delivery notifications are posted (<c>serve --notification-url</c>) and the key that signs
/// them (<see cref="NotificationSecret"/>). Immutable; <see cref="ToString"/> shows neither the
/// secret nor the URL's path and query, which may hold a token of their own.
/// </summary>
/// <param name="Url">An absolute http or https URL (see <see cref="TryParseUrl"/>).</param>
/// <param name="Secret">The HMAC-SHA256 key, used as its UTF-8 bytes.</param>
internal sealed record NotificationTarget(Uri Url, string Secret)
{
    /// <summary>The URL without user info, path or query: safe to log.</summary>
    public string Origin => Url.GetLeftPart(UriPartial.Authority);

    /// <summary>An absolute http or https URL without user info; anything else is refused with a reason.</summary>
    public static bool TryParseUrl(string text, out Uri? url, out string? error)
    {
        url = null;
        error = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            error = $"--notification-url must be an absolute http or https URL; got '{text}'.";
            return false;
        }

        if (parsed.UserInfo.Length > 0)
        {
            error = "--notification-url must not carry user info: receivers authenticate notifications by their signature (docs/dev/notifications.md).";
            return false;
        }

        url = parsed;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"NotificationTarget {{ Origin = {Origin} }}";
}
