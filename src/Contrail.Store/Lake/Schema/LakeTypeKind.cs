namespace Contrail.Store.Lake.Schema;

/// <summary>The kinds of value a CloudTrail Lake column holds.</summary>
internal enum LakeTypeKind
{
    /// <summary>Text (Trino <c>varchar</c>); JSON objects and arrays are kept as their JSON text.</summary>
    Varchar,

    /// <summary>A UTC time without zone (Trino <c>timestamp</c>), microsecond precision.</summary>
    Timestamp,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary><c>map(varchar, varchar)</c>: a JSON object's members, nested values as JSON text.</summary>
    Map,

    /// <summary>A struct of named fields (<see cref="LakeType.Fields"/>).</summary>
    Struct,

    /// <summary>A list of <see cref="LakeType.Element"/>.</summary>
    List,
}
