using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// A plain value in a pattern list: a string equals a string exactly (ordinal); a number equals a number
/// numerically (<c>5</c> matches <c>5.0</c>); <c>true</c>, <c>false</c> and <c>null</c> match themselves.
/// </summary>
internal sealed class ExactMatcher : ValueMatcher
{
    private readonly JsonValueKind _kind;
    private readonly string? _text;
    private readonly double _number;

    private ExactMatcher(JsonValueKind kind, string? text, double number)
    {
        _kind = kind;
        _text = text;
        _number = number;
    }

    public static ExactMatcher String(string text) => new(JsonValueKind.String, text, 0);

    public static ExactMatcher Number(double number) => new(JsonValueKind.Number, null, number);

    public static ExactMatcher Literal(JsonValueKind kind) => new(kind, null, 0);

    public override bool Matches(JsonElement value) => value.ValueKind == _kind && _kind switch
    {
        JsonValueKind.String => value.ValueEquals(_text),
        JsonValueKind.Number => value.TryGetDouble(out var number) && number == _number,
        _ => true,
    };
}
