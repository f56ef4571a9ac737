namespace Contrail.Api.CloudTrail.Trails;

/// <summary>What <see cref="TrailCatalog.Add"/> did.</summary>
internal enum TrailAddOutcome
{
    /// <summary>The trail is in the catalog and on disk.</summary>
    Added,

    /// <summary>A trail of that name exists; nothing changed.</summary>
    NameTaken,

    /// <summary>The catalog holds the maximum number of trails; nothing changed.</summary>
    LimitReached,
}
