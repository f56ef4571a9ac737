using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;

namespace Contrail.Api.S3Read;

/// <summary>
/// Outcomes of S3 reads with what their audit records say, as S3 records its calls: the request's
/// bucket, key and query parameters as <c>requestParameters</c> (signing parameters left out), and the
/// object and bucket ARNs as <c>resources</c>.
/// </summary>
internal static class S3Outcomes
{
    public static CallOutcome Ok(RestReply reply, S3Address address, ApiCall call) => new()
    {
        Reply = reply,
        RequestParameters = Parameters(address, call),
        Resources = Resources(address),
    };

    public static CallOutcome Fail(ApiError error, S3Address address, ApiCall call) => new()
    {
        Error = error,
        RequestParameters = Parameters(address, call),
        Resources = Resources(address),
    };

    /// <summary>An object: <c>AWS::S3::Object</c> then <c>AWS::S3::Bucket</c>; a bucket: <c>AWS::S3::Bucket</c>.</summary>
    public static IReadOnlyList<(string Type, string Arn)> Resources(S3Address address) => address.Key is { } key
        ? [("AWS::S3::Object", $"arn:aws:s3:::{address.Bucket}/{key}"), ("AWS::S3::Bucket", $"arn:aws:s3:::{address.Bucket}")]
        : [("AWS::S3::Bucket", $"arn:aws:s3:::{address.Bucket}")];

    private static Action<Utf8JsonWriter> Parameters(S3Address address, ApiCall call) => writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("bucketName", address.Bucket);
        if (address.Key is { } key)
        {
            writer.WriteString("key", key);
        }

        writer.WriteString("Host", call.Headers.Host.ToString());
        foreach (var (name, values) in call.Query)
        {
            // The presigned form's X-Amz-Signature and friends are credentials, not parameters.
            if (!name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase) && name is not ("bucketName" or "key" or "Host"))
            {
                writer.WriteString(name, values.ToString());
            }
        }

        writer.WriteEndObject();
    };
}
