using System.Text.Json.Serialization;

namespace Contrail.Monitoring.Insights;

/// <summary>
/// The persisted form of <see cref="InsightDetector"/>, <c>DATA_DIR/monitoring/insights.json</c>
/// (docs/dev/insights.md): the journal position it covers, when history starts, which minutes are
/// closed, and every series.
/// </summary>
public sealed class InsightDetectorState
{
    /// <summary>The version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>The journal position every record before which has been observed.</summary>
    public long Position { get; set; }

    /// <summary>The first minute observed: the baseline never reaches before it. Null until a call is seen.</summary>
    public long? HistoryStart { get; set; }

    /// <summary>Every minute before this one is closed (records for them are late and ignored). Null until the first close.</summary>
    public long? ClosedBefore { get; set; }

    /// <summary>Calls ignored because their minute was already closed.</summary>
    public long Late { get; set; }

    public List<InsightSeries> Series { get; set; } = [];
}

/// <summary>Source-generated JSON for <see cref="InsightDetectorState"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InsightDetectorState))]
internal sealed partial class InsightJsonContext : JsonSerializerContext;
