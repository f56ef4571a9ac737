using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Contrail.Delivery.LogFiles;

/// <summary>
/// What <see cref="LogFileWriter"/> learns from reading a record before writing it: whether the record
/// is exactly one JSON object, and its top-level <c>eventTime</c>. Made by a pass that reads the record
/// anyway (<see cref="Selection.EventSelectorMatcher.Matches(ReadOnlySpan{byte}, out RecordCheck)"/>)
/// so that <see cref="LogFileWriter.Write(IReadOnlyList{ReadOnlyMemory{byte}}, ReadOnlySpan{RecordCheck}, System.IO.Compression.CompressionLevel)"/>
/// need not read it again. Gives the same answers as the writer's own check, failures included: a
/// failure is kept here and raised only when the record is written.
/// </summary>
public readonly struct RecordCheck
{
    private readonly object? _failure;

    private RecordCheck(DateTimeOffset? eventTime, object? failure)
    {
        EventTime = eventTime;
        _failure = failure;
    }

    /// <summary>The record's top-level <c>eventTime</c>; null when it has none that parses.</summary>
    public DateTimeOffset? EventTime { get; }

    /// <summary>True when writing the record fails (it is not exactly one JSON object).</summary>
    public bool Failed => _failure is not null;

    internal static RecordCheck Valid(DateTimeOffset? eventTime) => new(eventTime, null);

    /// <summary>Not one JSON object: the writer's <see cref="FormatException"/> (its text after the record's index).</summary>
    internal static RecordCheck NotOneObject(string reason, Exception? inner = null) => new(null, new NotOneObjectFailure(reason, inner));

    /// <summary>Reading the record failed as the writer's own reading would (invalid UTF-8 in <c>eventTime</c>).</summary>
    internal static RecordCheck Faulted(Exception exception) => new(null, ExceptionDispatchInfo.Capture(exception));

    /// <summary>Raises the failure as <see cref="LogFileWriter"/> does for the record at <paramref name="index"/> of a file.</summary>
    internal void ThrowIfFailed(int index)
    {
        switch (_failure)
        {
            case NotOneObjectFailure failure:
                throw new FormatException($"Record {index} {failure.Reason}", failure.Inner);
            case ExceptionDispatchInfo fault:
                fault.Throw();
                break;
        }
    }

    /// <summary>
    /// Reads the value of a top-level <c>eventTime</c> member (the reader is on it) as the writer does:
    /// a string that parses replaces <paramref name="time"/>; anything else is skipped. A failure to read
    /// the string is kept in <paramref name="fault"/> rather than raised.
    /// </summary>
    internal static void ReadEventTime(ref Utf8JsonReader reader, ref DateTimeOffset? time, ref Exception? fault)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return;
        }

        try
        {
            if (Contrail.Events.Records.EventTime.TryParse(reader.GetString(), out var parsed))
            {
                time = parsed;
            }
        }
        catch (InvalidOperationException e)
        {
            fault = e;
        }
    }

    /// <summary>
    /// Reads the rest of a record from a top-level member boundary (after a member's value, or on the
    /// object's end) and makes its check, as the writer's own pass would. Never throws: a malformed rest
    /// is a failed check.
    /// </summary>
    internal static RecordCheck ReadRest(ref Utf8JsonReader reader, DateTimeOffset? time, Exception? fault)
    {
        if (fault is not null)
        {
            return Faulted(fault);
        }

        try
        {
            while (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
                {
                    break;
                }

                var isTime = reader.ValueTextEquals("eventTime"u8);
                reader.Read();
                if (isTime)
                {
                    ReadEventTime(ref reader, ref time, ref fault);
                    if (fault is not null)
                    {
                        return Faulted(fault);
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read())
            {
                return NotOneObject("is not a single JSON object.");
            }
        }
        catch (JsonException e)
        {
            return NotOneObject($"is not valid JSON: {e.Message}", e);
        }

        return Valid(time);
    }

    private sealed record NotOneObjectFailure(string Reason, Exception? Inner);
}
