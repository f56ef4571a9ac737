using System.Globalization;
using System.Text;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.S3Read.Objects;
using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Buckets;

/// <summary>
/// ListObjectsV2: <c>GET /BUCKET?list-type=2[&amp;prefix&amp;start-after&amp;continuation-token&amp;max-keys&amp;delimiter&amp;encoding-type]</c>.
/// A continuation token is the base64 of the last key or common prefix returned; it wins over
/// <c>start-after</c>. <c>fetch-owner</c> is accepted and ignored (there are no owners here).
/// </summary>
internal sealed class ListObjectsV2Operation(IObjectStore store, ObjectETags etags) : S3Operation
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override string Name => "ListObjectsV2";

    public override bool Management => false;

    public override async Task<CallOutcome> InvokeAsync(S3Address address, ApiCall call, CancellationToken ct)
    {
        if (ListParameters.First(call.Query, "list-type") is { } listType && listType != "2")
        {
            return S3Outcomes.Fail(S3Errors.Argument("Invalid List Type specified in Request", "list-type", listType), address, call);
        }

        if (ListParameters.Parse(call.Query, out var parameters) is { } invalid)
        {
            return S3Outcomes.Fail(invalid, address, call);
        }

        var token = ListParameters.First(call.Query, "continuation-token");
        string? after = null;
        if (token is not null && !TryDecodeToken(token, out after))
        {
            return S3Outcomes.Fail(S3Errors.Argument("The continuation token provided is incorrect", "continuation-token", token), address, call);
        }

        var startAfter = ListParameters.First(call.Query, "start-after");
        after ??= string.IsNullOrEmpty(startAfter) ? null : startAfter;
        var page = await BucketListing.ListAsync(store, address.Bucket, parameters, after, ct).ConfigureAwait(false);
        if (page is null)
        {
            return S3Outcomes.Fail(S3Errors.MissingBucket(address.Bucket), address, call);
        }

        var result = new ListBucketResult(address.Bucket, parameters).Name("Prefix", parameters.Prefix);
        if (startAfter is not null)
        {
            result.Name("StartAfter", startAfter);
        }

        if (token is not null)
        {
            result.Text("ContinuationToken", token);
        }

        result.Text("KeyCount", (page.Contents.Count + page.CommonPrefixes.Count).ToString(CultureInfo.InvariantCulture))
            .Paging(page.IsTruncated);
        if (page.IsTruncated && page.Last is { } last)
        {
            result.Text("NextContinuationToken", Convert.ToBase64String(Encoding.UTF8.GetBytes(last)));
        }

        await BucketListing.AppendAsync(result, etags, address.Bucket, page, ct).ConfigureAwait(false);
        return S3Outcomes.Ok(new RestReply(200, "application/xml", result.ToBytes()), address, call);
    }

    private static bool TryDecodeToken(string token, out string? after)
    {
        after = null;
        try
        {
            after = StrictUtf8.GetString(Convert.FromBase64String(token));
            return after.Length > 0;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }
    }
}
