using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// An EventBridge event pattern (e.g. <c>{"source": ["aws.iam"], "detail": {"eventName": [{"prefix": "Delete"}]}}</c>),
/// parsed and validated once, then matched against any number of events. <see cref="Parse"/> never throws
/// for bad pattern text: it returns <see cref="EventPatternError"/>. Immutable; matching is thread-safe.
/// Supported: exact values (arrays as OR), <c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c>,
/// <c>anything-but</c> (values, <c>prefix</c>, <c>suffix</c>, <c>wildcard</c>, <c>equals-ignore-case</c>),
/// <c>numeric</c>, <c>exists</c>, <c>wildcard</c>, <c>cidr</c>, <c>exactly</c> and <c>$or</c>
/// (docs/dev/rules.md).
/// </summary>
public sealed class EventPattern
{
    /// <summary>EventBridge's limit on an event pattern's length (characters).</summary>
    public const int MaxLength = 4096;

    private readonly PatternObject _root;

    private EventPattern(string text, PatternObject root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary>Parses and validates <paramref name="text"/>.</summary>
    public static (EventPattern? Pattern, EventPatternError? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, error) = EventPatternParser.Parse(text);
        return root is null ? (null, new EventPatternError(error!)) : (new EventPattern(text, root), null);
    }

    /// <summary>Whether the event (a JSON object with <c>source</c>, <c>detail-type</c>, <c>detail</c>, …) matches.</summary>
    public bool Matches(JsonElement @event) => _root.Matches(@event, null);

    /// <summary>
    /// Whether the event made of <paramref name="header"/> (its top-level members other than <c>detail</c>)
    /// and <paramref name="detail"/> matches: how a CloudTrail record is matched without copying it into an
    /// envelope (<see cref="CloudTrailEnvelope"/>).
    /// </summary>
    public bool Matches(JsonElement header, JsonElement detail) => _root.Matches(header, detail);

    /// <summary>Whether the UTF-8 JSON event matches; text that is not JSON matches nothing.</summary>
    public bool Matches(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            return Matches(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
