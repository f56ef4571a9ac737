using System.Globalization;
using System.Text.Json;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>GetTrailStatus</c> (spec §4.3): IsLogging, Start/StopLoggingTime (epoch seconds) and the
/// deprecated TimeLoggingStarted/TimeLoggingStopped strings (ISO 8601, or "" when never). The
/// Latest* delivery members are left out until delivery exists.
/// </summary>
internal sealed class GetTrailStatusOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "GetTrailStatus";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = FindTrail(request, "Name", out var trail, out var arn, notFoundByArn: true);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteBoolean("IsLogging", trail!.IsLogging);
            if (trail.StartLoggingTime is { } started)
            {
                TrailResponses.WriteTime(w, "StartLoggingTime", started);
            }

            if (trail.StopLoggingTime is { } stopped)
            {
                TrailResponses.WriteTime(w, "StopLoggingTime", stopped);
            }

            w.WriteString("TimeLoggingStarted", Iso(trail.StartLoggingTime));
            w.WriteString("TimeLoggingStopped", Iso(trail.StopLoggingTime));
        }), arn);
    }

    private static string Iso(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
