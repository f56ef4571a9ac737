using Microsoft.Extensions.Logging;

namespace Contrail.Journal;

/// <summary>The journal's log events; ids are stable (operators alert on them).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Journal torn tail truncated: segment {SegmentFile} at offset {Offset}, {BytesDropped} byte(s) of an unacknowledged write dropped")]
    public static partial void TornTailTruncated(ILogger logger, string segmentFile, long offset, long bytesDropped);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Summary}")]
    public static partial void Recovered(ILogger logger, string summary);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Critical,
        Message = "Journal stopped after an I/O error; appends fail until the service restarts")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "Journal segment {SegmentFile} deleted: every consumer has moved past it")]
    public static partial void SegmentDeleted(ILogger logger, string segmentFile);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error,
        Message = "Journal consumer positions could not be saved; retrying (old segments are kept meanwhile)")]
    public static partial void CursorSaveFailed(ILogger logger, Exception exception);
}
