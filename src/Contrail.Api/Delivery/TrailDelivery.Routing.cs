using System.Buffers;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Delivery.LogFiles;

namespace Contrail.Api.Delivery;

/// <summary>Which records a trail delivers, and to which region folder: its logging switches, regions and selectors.</summary>
internal sealed partial class TrailDelivery
{
    private const string CloudTrailSource = "cloudtrail.amazonaws.com";

    private const string GlobalServiceRegion = "us-east-1";

    /// <summary>The region folder a record goes to, or null when this trail does not deliver it.</summary>
    private string? RegionOf(Trail trail, ReadOnlySpan<byte> json) => RegionOf(trail, settings.Identity.Region, json, _regionTexts);

    /// <summary>
    /// The region folder <paramref name="trail"/> files <paramref name="json"/> under, or null when the trail
    /// does not take it (another region and not multi-region, or a global service event it excludes).
    /// <paramref name="texts"/> caches region names (one per thread; not thread-safe).
    /// </summary>
    internal static string? RegionOf(Trail trail, string serviceRegion, ReadOnlySpan<byte> json, TextCache texts)
    {
        var (awsRegion, globalSource) = DeliveryFields.ReadRoute(json, texts);
        var region = awsRegion ?? serviceRegion;
        if (!IsRegionName(region))
        {
            return null;
        }

        // Global services (DeliveryFields.GlobalServiceSources) record their events in us-east-1.
        if (region == GlobalServiceRegion && globalSource)
        {
            return trail.IncludeGlobalServiceEvents ? region : null;
        }

        return region == serviceRegion || trail.IsMultiRegionTrail ? region : null;
    }

    /// <summary>
    /// Whether <paramref name="trail"/> logs <paramref name="json"/> given whether it was logging before it:
    /// its own StartLogging record switches <paramref name="logging"/> on and is logged, its StopLogging
    /// record is logged and switches it off (what delivery decides; metric filters use it too).
    /// </summary>
    internal static bool IsLogged(Trail trail, ReadOnlySpan<byte> json, ref bool logging) =>
        Switch(ToggleOf(trail, json, MayToggle(json)), ref logging, out _);

    /// <summary>
    /// Whether <paramref name="trail"/> delivers <paramref name="json"/>, and to which region folder; for a
    /// delivered record, also the log file writer's check of it (<paramref name="check"/>), made in the
    /// selection's pass over the record so that writing does not read it again.
    /// The trail's own StartLogging record switches <paramref name="logging"/> on (and is delivered);
    /// its StopLogging record is delivered and switches it off (<paramref name="stop"/>). The same
    /// sequence of records and starting state always gives the same answers (retries depend on it).
    /// </summary>
    private bool Take(Trail trail, ref bool logging, ReadOnlySpan<byte> json, bool mayToggle, out string? region, out RecordCheck check, out bool stop)
    {
        region = null;
        check = default;
        if (!Switch(ToggleOf(trail, json, mayToggle), ref logging, out stop))
        {
            return false;
        }

        region = RegionOf(trail, json);
        return region is not null && Selects(trail, json, out check);
    }

    /// <summary>Applies a record's switch to <paramref name="logging"/>; true when the record itself is logged.</summary>
    private static bool Switch(Toggle toggle, ref bool logging, out bool stop)
    {
        stop = false;
        if (toggle == Toggle.Start)
        {
            logging = true;
        }

        var logged = logging;
        if (toggle == Toggle.Stop && logging)
        {
            logging = false;
            stop = true;
        }

        return logged;
    }

    /// <summary>Whether the record can be a StartLogging/StopLogging call at all (else <see cref="ToggleOf"/> need not parse it).</summary>
    private static bool MayToggle(ReadOnlySpan<byte> json) => json.IndexOf("Logging\""u8) >= 0;

    private static Toggle ToggleOf(Trail trail, ReadOnlySpan<byte> json, bool mayToggle)
    {
        if (!mayToggle)
        {
            return Toggle.None;
        }

        var fields = DeliveryFields.Read(json);
        if (fields is not { EventSource: CloudTrailSource, ErrorCode: null } || !Names(trail, fields.RequestName))
        {
            return Toggle.None;
        }

        return fields.EventName switch
        {
            "StartLogging" => Toggle.Start,
            "StopLogging" => Toggle.Stop,
            _ => Toggle.None,
        };
    }

    private static bool Names(Trail trail, string? requestName) => requestName == trail.Name || requestName == trail.TrailArn;

    private static RegionRecords RegionOf(SortedDictionary<string, RegionRecords> byRegion, string region)
    {
        if (!byRegion.TryGetValue(region, out var records))
        {
            byRegion[region] = records = new RegionRecords();
        }

        return records;
    }

    private static bool IsRegionName(string value) =>
        value.Length is > 0 and <= 64 && !value.AsSpan().ContainsAnyExcept(RegionNameChars);

    private static readonly SearchValues<char> RegionNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private enum Toggle
    {
        None,
        Start,
        Stop,
    }
}
