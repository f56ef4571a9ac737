using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Contrail.Api.Logs.LogGroups;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.Logs.MetricFilters;

/// <summary>
/// <c>DescribeMetricFilters</c>: the filters of one log group (optionally by name prefix), or of every
/// log group, optionally only those publishing to one metric (<c>metricName</c> with <c>metricNamespace</c>);
/// ordered by log group, then filter name; pages of <c>limit</c> (1–50, default 50) with an opaque <c>nextToken</c>.
/// </summary>
internal sealed class DescribeMetricFiltersOperation(MetricFilterCatalog catalog, LogGroupDirectory logGroups, ServiceIdentity identity)
    : LogsOperation(identity)
{
    public const int MaxLimit = 50;

    public override string Name => "DescribeMetricFilters";

    public override bool ReadOnly => true;

    protected override (byte[]? Body, ApiError? Error, string? LogGroup) Execute(JsonElement request, ApiCall call)
    {
        var error = MetricFilterInput.First(
            JsonInput.String(request, "logGroupName", out var logGroup),
            JsonInput.String(request, "filterNamePrefix", out var prefix),
            JsonInput.String(request, "metricName", out var metricName),
            JsonInput.String(request, "metricNamespace", out var metricNamespace),
            JsonInput.String(request, "nextToken", out var nextToken),
            JsonInput.Integer(request, "limit", out var limit));
        if (error is not null)
        {
            return (null, error, null);
        }

        error = (logGroup is null ? null : MetricFilterInput.LogGroupName(logGroup))
            ?? (prefix is null ? null : MetricFilterInput.FilterName(prefix, "filterNamePrefix"))
            ?? (metricName is null ? null : MetricFilterInput.MetricName(metricName, "metricName"))
            ?? (metricNamespace is null ? null : MetricFilterInput.MetricName(metricNamespace, "metricNamespace"))
            ?? (limit is { } l && l is < 1 or > MaxLimit ? LogsErrors.NotInRange("limit", l, 1, MaxLimit) : null)
            ?? (nextToken is { Length: 0 } ? LogsErrors.TooShort("nextToken", 1) : null);
        if (error is not null)
        {
            return (null, error, logGroup);
        }

        if ((metricName is null) != (metricNamespace is null))
        {
            return (null, LogsErrors.Invalid("metricName and metricNamespace must be specified together."), logGroup);
        }

        (string Group, string Name)? after = null;
        if (nextToken is not null)
        {
            after = DecodeToken(nextToken);
            if (after is null)
            {
                return (null, LogsErrors.Invalid("The specified nextToken is invalid."), logGroup);
            }
        }

        if (logGroup is not null && !logGroups.Exists(logGroup))
        {
            return (null, LogsErrors.LogGroupNotFound(), logGroup);
        }

        // filterNamePrefix applies only with logGroupName (the CloudWatch Logs API reference says so).
        var selected = catalog.List().Where(f =>
            (logGroup is null || f.LogGroupName == logGroup)
            && (logGroup is null || prefix is null || f.FilterName.StartsWith(prefix, StringComparison.Ordinal))
            && (metricName is null || (f.Transformation.MetricName == metricName && f.Transformation.MetricNamespace == metricNamespace))
            && (after is not { } a || IsAfter(f, a)));
        var page = selected.Take((limit ?? MaxLimit) + 1).ToList();
        var more = page.Count > (limit ?? MaxLimit);
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var body = Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("metricFilters");
            foreach (var filter in page)
            {
                MetricFilterJson.Write(w, filter);
            }

            w.WriteEndArray();
            if (more)
            {
                w.WriteString("nextToken", EncodeToken(page[^1]));
            }

            w.WriteEndObject();
        });
        return (body, null, logGroup);
    }

    private static bool IsAfter(MetricFilterDefinition filter, (string Group, string Name) after)
    {
        var byGroup = string.CompareOrdinal(filter.LogGroupName, after.Group);
        return byGroup > 0 || (byGroup == 0 && string.CompareOrdinal(filter.FilterName, after.Name) > 0);
    }

    // The token is the last filter returned: base64url of "LENGTH:GROUPNAME" (the group's length, so any name splits back).
    private static string EncodeToken(MetricFilterDefinition last) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{last.LogGroupName.Length}:{last.LogGroupName}{last.FilterName}"));

    private static (string Group, string Name)? DecodeToken(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            || length < 1 || length > text.Length - colon - 1)
        {
            return null;
        }

        return (text.Substring(colon + 1, length), text[(colon + 1 + length)..]);
    }
}
