namespace Contrail.Store.Lake.Schema;

/// <summary>A column of the Lake's table, or a field of one of its structs.</summary>
/// <param name="Name">The lower-case name CloudTrail Lake gives it; the record's JSON member is matched case-insensitively.</param>
/// <param name="Type">Its type.</param>
internal sealed record LakeColumn(string Name, LakeType Type);
