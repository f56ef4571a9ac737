using Amazon.Runtime;

namespace Contrail.Delivery.Objects;

/// <summary>The standard AWS environment variables as SDK credentials.</summary>
internal static class S3Credentials
{
    /// <summary>
    /// <c>AWS_ACCESS_KEY_ID</c> + <c>AWS_SECRET_ACCESS_KEY</c> (+ <c>AWS_SESSION_TOKEN</c> for temporary
    /// credentials), or null when either of the first two is unset or empty.
    /// </summary>
    public static AWSCredentials? FromEnvironment(Func<string, string?> variable)
    {
        var accessKeyId = variable("AWS_ACCESS_KEY_ID");
        var secret = variable("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secret))
        {
            return null;
        }

        return variable("AWS_SESSION_TOKEN") is { Length: > 0 } token
            ? new SessionAWSCredentials(accessKeyId, secret, token)
            : new BasicAWSCredentials(accessKeyId, secret);
    }
}
