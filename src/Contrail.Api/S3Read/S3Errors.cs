using Contrail.Api.Protocol;

namespace Contrail.Api.S3Read;

/// <summary>
/// The S3 error codes and fixed messages the read-only subset answers with, in one place, as S3
/// words them (botocore and the AWS CLI branch on the code: <c>validate-logs</c> on <c>NoSuchKey</c>).
/// </summary>
internal static class S3Errors
{
    public const string NoSuchBucket = "NoSuchBucket";
    public const string NoSuchKey = "NoSuchKey";
    public const string AccessDenied = "AccessDenied";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string NotImplemented = "NotImplemented";
    public const string InvalidArgument = "InvalidArgument";
    public const string InvalidRange = "InvalidRange";
    public const string InvalidUri = "InvalidURI";
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";
    public const string InvalidAccessKeyId = "InvalidAccessKeyId";
    public const string RequestTimeTooSkewed = "RequestTimeTooSkewed";
    public const string AuthorizationHeaderMalformed = "AuthorizationHeaderMalformed";
    public const string AuthorizationQueryParametersError = "AuthorizationQueryParametersError";
    public const string InternalError = "InternalError";
    public const string ServiceUnavailable = "ServiceUnavailable";

    public const string AccessDeniedMessage = "Access Denied";

    public static ApiError MissingBucket(string bucket) =>
        new(NoSuchBucket, "The specified bucket does not exist", 404) { Details = [new("BucketName", bucket)] };

    public static ApiError MissingKey(string key) =>
        new(NoSuchKey, "The specified key does not exist.", 404) { Details = [new("Key", key)] };

    /// <summary>A write: this S3 is read-only, as for credentials whose policy allows only reads.</summary>
    public static ApiError Denied() => new(AccessDenied, AccessDeniedMessage, 403);

    public static ApiError MethodNotAllowedHere(string method) =>
        new(MethodNotAllowed, "The specified method is not allowed against this resource.", 405)
        {
            Details = [new("Method", method.Length <= 16 ? method : method[..16])],
        };

    /// <summary>A sub-resource or operation outside the subset (<c>?acl</c>, <c>?versioning</c>, ListBuckets, …).</summary>
    public static ApiError Unsupported(string what) =>
        new(NotImplemented, $"A header or query you provided implies functionality that is not implemented: {what}.", 501);

    public static ApiError Argument(string message, string name, string value) =>
        new(InvalidArgument, message, 400) { Details = [new("ArgumentName", name), new("ArgumentValue", value.Length <= 256 ? value : value[..256])] };

    public static ApiError BadUri() => new(InvalidUri, "Couldn't parse the specified URI.", 400);

    public static ApiError Unsatisfiable(long size) =>
        new(InvalidRange, "The requested range is not satisfiable", 416) { Details = [new("ActualObjectSize", size.ToString(System.Globalization.CultureInfo.InvariantCulture))] };

    /// <summary>The object store behind Contrail failed (an S3-compatible store unreachable, refusing, …).</summary>
    public static ApiError StoreFailed(string storeCode) => storeCode is "ServiceUnavailable" or "RequestTimeout"
        ? new(ServiceUnavailable, $"The object store is unavailable ({storeCode}).", 503)
        : new(InternalError, $"The object store failed ({storeCode}).", 500);
}
