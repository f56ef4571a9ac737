using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Contrail.Delivery.Objects;

/// <summary>SDK failures as <see cref="ObjectStoreException"/>s with S3-style codes.</summary>
public sealed partial class S3ObjectStore
{
    /// <summary>The endpoint could not be reached (refused, reset, name not resolved, TLS failed).</summary>
    public const string ServiceUnavailable = "ServiceUnavailable";

    /// <summary>The endpoint did not answer in time.</summary>
    public const string RequestTimeout = "RequestTimeout";

    /// <summary>
    /// The exception to throw for <paramref name="e"/>, or null to let it pass unchanged (the caller's
    /// cancellation, argument errors, anything not from the store).
    /// </summary>
    private ObjectStoreException? Translate(Exception e, string operation, string bucket, string? key, CancellationToken cancellationToken)
    {
        if (e is ObjectStoreException or ArgumentException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        var code = CodeOf(e);
        if (code is null)
        {
            return null;
        }

        var detail = e is AmazonServiceException { Message.Length: > 0 } service ? service.Message : Innermost(e).Message;
        return new ObjectStoreException(code, $"S3 {operation} of s3://{bucket}/{key} at {Endpoint} failed: {code}: {detail}", e);
    }

    /// <summary>The S3-style code for a failure from the SDK, or null when it is not one.</summary>
    internal static string? CodeOf(Exception e)
    {
        // A timeout or a failed connection can arrive bare or wrapped (AmazonServiceException, TaskCanceledException).
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case TimeoutException:
                case TaskCanceledException:
                    return RequestTimeout;
                case HttpRequestException { StatusCode: null }:
                case SocketException:
                case System.Security.Authentication.AuthenticationException:
                    return ServiceUnavailable;
            }
        }

        return e switch
        {
            AmazonServiceException { ErrorCode: "Forbidden" } or AmazonServiceException { StatusCode: HttpStatusCode.Forbidden, ErrorCode: null or "" } => "AccessDenied",
            AmazonServiceException { ErrorCode: "NotFound" } or AmazonServiceException { StatusCode: HttpStatusCode.NotFound, ErrorCode: null or "" } => "NoSuchBucket",
            AmazonServiceException { ErrorCode: { Length: > 0 } code } => code,
            AmazonServiceException { StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout } => ServiceUnavailable,
            AmazonServiceException => ObjectStoreException.InternalError,
            AmazonClientException => ObjectStoreException.InternalError,
            HttpRequestException => ServiceUnavailable,
            _ => null,
        };
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
