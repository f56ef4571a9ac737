namespace Contrail.Monitoring.FilterPatterns;

/// <summary>What a selector found in a record. <see cref="Missing"/> is 0, so cleared slots read as missing.</summary>
internal enum FieldKind : byte
{
    Missing = 0,
    String,
    Number,
    True,
    False,
    Null,
    Object,
    Array,
}
