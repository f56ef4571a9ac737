namespace Contrail.Events.Records;

/// <summary>The JSON shape a known CloudTrail record field must have (spec §1.2).</summary>
internal enum FieldKind
{
    String,
    Object,
    ObjectOrNull,
    Boolean,
    ResourceArray,
}
