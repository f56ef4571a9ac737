namespace Contrail.Delivery.Selection;

/// <summary>A record's eventCategory as basic selectors see it.</summary>
internal enum EventKind
{
    /// <summary><c>Management</c>, or no eventCategory (records before eventVersion 1.07).</summary>
    Management,

    /// <summary><c>Data</c>.</summary>
    Data,

    /// <summary>Anything else (Insight, NetworkActivity, ActivityAuditLog, …): never selected by basic selectors.</summary>
    Other,
}
