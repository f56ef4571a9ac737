namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>What <see cref="EventDataStoreCatalog.Add"/> (and <see cref="EventDataStoreCatalog.Restore"/>) did.</summary>
internal enum EventDataStoreAddOutcome
{
    /// <summary>The change is in the catalog and on disk.</summary>
    Done,

    /// <summary>A store of that name exists (pending deletion included); nothing changed.</summary>
    NameTaken,

    /// <summary>The catalog holds the maximum number of stores not pending deletion; nothing changed.</summary>
    LimitReached,
}
