namespace Contrail.Monitoring.FilterPatterns;

/// <summary>A compiled pattern node: true when the scanned record satisfies it. Pure; safe to call from any thread.</summary>
internal delegate bool Condition(in RecordValues record);
