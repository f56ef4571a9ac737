namespace Contrail.Store.Lake;

/// <summary>What <see cref="LakeEngine.Append"/> did with a batch.</summary>
/// <param name="Appended">Records stored.</param>
/// <param name="Duplicates">Records whose eventID the store (or the batch, earlier) already held; not stored again.</param>
/// <param name="Rejected">Records that are not JSON objects, or have no string eventID; not stored.</param>
public readonly record struct LakeAppendResult(long Appended, long Duplicates, long Rejected);
