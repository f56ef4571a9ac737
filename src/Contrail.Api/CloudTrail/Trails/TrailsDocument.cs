namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// The persisted form of the catalog, <c>DATA_DIR/config/trails.json</c>:
/// <code>{"Version": 1, "Trails": [Trail, …]}</code>
/// </summary>
internal sealed record TrailsDocument(int Version, IReadOnlyList<Trail> Trails)
{
    public const int CurrentVersion = 1;
}
