using System.Collections.Frozen;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.S3Read.Buckets;
using Contrail.Api.S3Read.Objects;
using Microsoft.AspNetCore.Http;

namespace Contrail.Api.S3Read;

/// <summary>
/// Routes a path-style S3 request (<c>/BUCKET[/KEY]</c>) to the read-only subset:
/// <code>
/// GET  /B?location        GetBucketLocation      HEAD /B     HeadBucket
/// GET  /B[?list-type=2]   ListObjects[V2]        HEAD /B/K   HeadObject
/// GET  /B/K               GetObject
/// </code>
/// Everything else is refused after authentication, named as S3 names the operation for the audit
/// record: a write (PUT, POST, DELETE) is <c>AccessDenied</c> (this S3 is read-only, as for credentials
/// allowed only to read), a sub-resource (<c>?acl</c>, <c>?versioning</c>, …) or ListBuckets is
/// <c>NotImplemented</c>, another method <c>MethodNotAllowed</c>. Requests are signed for service <c>s3</c>.
/// </summary>
internal sealed class S3Router(
    GetObjectOperation getObject,
    HeadObjectOperation headObject,
    ListObjectsOperation listObjects,
    ListObjectsV2Operation listObjectsV2,
    GetBucketLocationOperation getBucketLocation,
    HeadBucketOperation headBucket)
{
    /// <summary>The audit records' <c>eventSource</c>.</summary>
    public const string EventSource = "s3.amazonaws.com";

    /// <summary>Reads carry no body; a write's body is refused before its size matters, so little is read.</summary>
    public const int MaxBodyBytes = 64 << 10;

    private static readonly FrozenSet<string> SigningServices = new[] { "s3" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Query parameters that name a sub-resource, and the stem S3 gives their operations (GetBucket<i>Acl</i>).</summary>
    private static readonly FrozenDictionary<string, string> SubResources = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["acl"] = "Acl",
        ["accelerate"] = "AccelerateConfiguration",
        ["analytics"] = "AnalyticsConfiguration",
        ["attributes"] = "Attributes",
        ["cors"] = "Cors",
        ["delete"] = "Delete",
        ["encryption"] = "Encryption",
        ["intelligent-tiering"] = "IntelligentTieringConfiguration",
        ["inventory"] = "InventoryConfiguration",
        ["legal-hold"] = "LegalHold",
        ["lifecycle"] = "LifecycleConfiguration",
        ["logging"] = "Logging",
        ["metadataTable"] = "MetadataTableConfiguration",
        ["metrics"] = "MetricsConfiguration",
        ["notification"] = "NotificationConfiguration",
        ["object-lock"] = "ObjectLockConfiguration",
        ["ownershipControls"] = "OwnershipControls",
        ["partNumber"] = "Part",
        ["policy"] = "Policy",
        ["policyStatus"] = "PolicyStatus",
        ["publicAccessBlock"] = "PublicAccessBlock",
        ["replication"] = "Replication",
        ["requestPayment"] = "RequestPayment",
        ["restore"] = "Restore",
        ["retention"] = "Retention",
        ["select"] = "Select",
        ["session"] = "Session",
        ["tagging"] = "Tagging",
        ["torrent"] = "Torrent",
        ["uploadId"] = "Parts",
        ["uploads"] = "Uploads",
        ["versioning"] = "Versioning",
        ["versions"] = "Versions",
        ["website"] = "Website",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public ApiRoute Route(HttpRequest request)
    {
        var method = request.Method;
        var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var parsed = S3Address.TryParse(ApiPipeline.RawPath(request.HttpContext, out _), out var address);
        var subResource = SubResourceOf(request.Query);
        if (!parsed)
        {
            return Refused(read ? (HttpMethods.IsGet(method) ? "GetObject" : "HeadObject") : WriteName(method, new S3Address("?", "?"), null, request), S3Errors.BadUri(), read, management: false);
        }

        if (read)
        {
            if (address.Bucket.Length == 0)
            {
                return Refused("ListBuckets", S3Errors.Unsupported("ListBuckets"), readOnly: true, management: true);
            }

            if (subResource is not null)
            {
                return Refused(ReadName(address, subResource), S3Errors.Unsupported($"?{subResource}"), readOnly: true, management: address.Key is null);
            }

            S3Operation operation = address.Key is not null ? (HttpMethods.IsGet(method) ? getObject : headObject)
                : HttpMethods.IsHead(method) ? headBucket
                : request.Query.ContainsKey("location") ? getBucketLocation
                : request.Query.ContainsKey("list-type") ? listObjectsV2
                : listObjects;
            return new ApiRoute(WireProtocol.RestXml, new S3Call(operation, address), operation.Name, EventSource, MaxBodyBytes, null,
                ReadOnly: true, Management: operation.Management, SigningServices: SigningServices);
        }

        if (HttpMethods.IsPut(method) || HttpMethods.IsPost(method) || HttpMethods.IsDelete(method))
        {
            return Refused(WriteName(method, address, subResource, request), S3Errors.Denied(), readOnly: false, management: address.Key is null);
        }

        return Refused(method.Length <= 16 ? method : "UnknownOperation", S3Errors.MethodNotAllowedHere(method), readOnly: false, management: address.Key is null);
    }

    private static ApiRoute Refused(string name, ApiError error, bool readOnly, bool management) =>
        new(WireProtocol.RestXml, null, name, EventSource, MaxBodyBytes, error, readOnly, management, SigningServices);

    /// <summary>The first sub-resource parameter; <c>versionId</c> counts unless it names the only version there is (<c>null</c>).</summary>
    private static string? SubResourceOf(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (SubResources.ContainsKey(name) || (name == "versionId" && values.ToString() != "null"))
            {
                return name;
            }
        }

        return null;
    }

    private static string ReadName(S3Address address, string subResource) => subResource switch
    {
        "versions" => "ListObjectVersions",
        "uploads" => "ListMultipartUploads",
        "uploadId" => "ListParts",
        "versionId" or "partNumber" => "GetObject",
        _ => (address.Key is null ? "GetBucket" : "GetObject") + SubResources[subResource],
    };

    private static string WriteName(string method, S3Address address, string? subResource, HttpRequest request)
    {
        var query = request.Query;
        if (HttpMethods.IsPut(method))
        {
            if (address.Key is null)
            {
                return subResource is null ? "CreateBucket" : "PutBucket" + Stem(subResource);
            }

            var copy = request.Headers.ContainsKey("x-amz-copy-source");
            return query.ContainsKey("partNumber") ? (copy ? "UploadPartCopy" : "UploadPart")
                : copy ? "CopyObject"
                : subResource is null ? "PutObject" : "PutObject" + Stem(subResource);
        }

        if (HttpMethods.IsPost(method))
        {
            return address.Key is null ? (query.ContainsKey("delete") ? "DeleteObjects" : "PostObject")
                : query.ContainsKey("uploads") ? "CreateMultipartUpload"
                : query.ContainsKey("uploadId") ? "CompleteMultipartUpload"
                : query.ContainsKey("restore") ? "RestoreObject"
                : query.ContainsKey("select") ? "SelectObjectContent"
                : "PostObject";
        }

        return address.Key is null ? (subResource is null ? "DeleteBucket" : "DeleteBucket" + Stem(subResource))
            : query.ContainsKey("uploadId") ? "AbortMultipartUpload"
            : subResource is null ? "DeleteObject" : "DeleteObject" + Stem(subResource);
    }

    private static string Stem(string subResource) => SubResources.TryGetValue(subResource, out var stem) ? stem : "";
}
