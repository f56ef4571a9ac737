using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Contrail.Client;
using Contrail.Delivery.Validation;

namespace Contrail.Validate;

/// <summary>
/// The two CloudTrail calls <c>validate-logs</c> makes (spec §3.2): <c>DescribeTrails</c> and
/// <c>ListPublicKeys</c>, over SigV4 to a Contrail server (or any CloudTrail endpoint). Failures are
/// <see cref="LogValidationException"/>s with the AWS CLI's wording.
/// </summary>
internal sealed class CloudTrailEndpoint(ContrailClient client, Uri endpoint) : IPublicKeySource
{
    /// <summary>What <c>validate-logs</c> needs of a trail.</summary>
    public sealed record TrailInfo(string Bucket, string? Prefix, bool IsOrganizationTrail);

    /// <summary><c>DescribeTrails</c> with <c>{}</c>, and the entry whose <c>TrailARN</c> is exactly <paramref name="trailArn"/>.</summary>
    public async Task<TrailInfo> DescribeTrailAsync(string trailArn, CancellationToken cancellationToken)
    {
        using var document = await CallAsync("DescribeTrails", "{}", cancellationToken).ConfigureAwait(false);
        if (document.RootElement.TryGetProperty("trailList", out var trails) && trails.ValueKind == JsonValueKind.Array)
        {
            foreach (var trail in trails.EnumerateArray())
            {
                if (trail.ValueKind == JsonValueKind.Object && trail.TryGetProperty("TrailARN", out var arn) && arn.ValueKind == JsonValueKind.String && arn.GetString() == trailArn)
                {
                    var bucket = trail.TryGetProperty("S3BucketName", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : string.Empty;
                    var prefix = trail.TryGetProperty("S3KeyPrefix", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                    var organization = trail.TryGetProperty("IsOrganizationTrail", out var o) && o.ValueKind == JsonValueKind.True;
                    return new TrailInfo(bucket, prefix, organization);
                }
            }
        }

        throw new LogValidationException($"A trail could not be found for {trailArn}");
    }

    /// <summary><c>ListPublicKeys</c> with <c>StartTime</c>/<c>EndTime</c> in epoch seconds.</summary>
    public async Task<IReadOnlyList<DigestPublicKey>> GetPublicKeysAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{{\"StartTime\":{start.ToUnixTimeSeconds()},\"EndTime\":{end.ToUnixTimeSeconds()}}}");
        using var document = await CallAsync("ListPublicKeys", body, cancellationToken).ConfigureAwait(false);
        try
        {
            return PublicKeyListJson.Parse(Encoding.UTF8.GetBytes(document.RootElement.GetRawText()));
        }
        catch (FormatException e)
        {
            throw new LogValidationException($"The ListPublicKeys response has {e.Message}.", e);
        }
    }

    private async Task<JsonDocument> CallAsync(string operation, string body, CancellationToken cancellationToken)
    {
        ContrailResponse response;
        try
        {
            response = await client.CallAsync(operation, body, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            // botocore's EndpointConnectionError text.
            throw new LogValidationException($"Could not connect to the endpoint URL: \"{new Uri(endpoint, "/")}\"", e);
        }

        if (!response.IsSuccess)
        {
            throw new LogValidationException($"An error occurred ({response.ErrorCode ?? response.Status.ToString(CultureInfo.InvariantCulture)}) when calling the {operation} operation: {ErrorMessage(response.Body)}");
        }

        try
        {
            return JsonDocument.Parse(response.Body);
        }
        catch (JsonException e)
        {
            throw new LogValidationException($"The {operation} response is not JSON.", e);
        }
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in new[] { "message", "Message" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return message.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
        }

        return "Unknown";
    }
}
