using System.Net;
using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// Validates an event pattern's JSON and builds its <see cref="PatternObject"/> tree. The first fault is
/// reported with EventBridge's own wording where it is known (docs/dev/rules.md lists them); the walk
/// unwinds with <see cref="Refusal"/>, which <see cref="Parse"/> turns into a value.
/// </summary>
internal static class EventPatternParser
{
    private const int MaxDepth = 64;

    public static (PatternObject? Root, string? Error) Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth + 8 });
        }
        catch (JsonException e)
        {
            return (null, $"Malformed JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}");
        }

        using (document)
        {
            try
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new Refusal("Filter is not an object");
                }

                return (Object(document.RootElement, 0), null);
            }
            catch (Refusal refusal)
            {
                return (null, refusal.Message);
            }
        }
    }

    private static PatternObject Object(JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new Refusal("Event pattern is nested too deeply");
        }

        var fields = new List<PatternField>();
        var ors = new List<PatternObject[]>();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "$or")
            {
                ors.Add(Or(property.Value, depth));
                continue;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    fields.Add(new PatternField(property.Name, Object(property.Value, depth + 1), []));
                    break;
                case JsonValueKind.Array:
                    fields.Add(new PatternField(property.Name, null, Alternatives(property.Value)));
                    break;
                default:
                    throw new Refusal($"\"{property.Name}\" must be an object or an array");
            }
        }

        if (fields.Count == 0 && ors.Count == 0)
        {
            throw new Refusal("Empty objects are not allowed");
        }

        return new PatternObject([.. fields], [.. ors]);
    }

    private static PatternObject[] Or(JsonElement value, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < 2)
        {
            throw new Refusal("\"$or\" must be an array of at least two objects");
        }

        var alternatives = new List<PatternObject>();
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new Refusal("\"$or\" must be an array of at least two objects");
            }

            alternatives.Add(Object(element, depth + 1));
        }

        return [.. alternatives];
    }

    private static ValueMatcher[] Alternatives(JsonElement list)
    {
        if (list.GetArrayLength() == 0)
        {
            throw new Refusal("Empty arrays are not allowed");
        }

        var matchers = new List<ValueMatcher>();
        foreach (var item in list.EnumerateArray())
        {
            matchers.Add(item.ValueKind switch
            {
                JsonValueKind.String => ExactMatcher.String(item.GetString()!),
                JsonValueKind.Number => ExactMatcher.Number(Number(item, "equals")),
                JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => ExactMatcher.Literal(item.ValueKind),
                JsonValueKind.Object => Expression(item),
                _ => throw new Refusal("Match value must be String, number, true, false, or null"),
            });
        }

        return [.. matchers];
    }

    private static ValueMatcher Expression(JsonElement expression)
    {
        using var members = expression.EnumerateObject();
        if (!members.MoveNext())
        {
            throw new Refusal("Match expression name not found");
        }

        var first = members.Current;
        ValueMatcher matcher = first.Name switch
        {
            "exactly" => ExactMatcher.String(RequireString(first.Value, "exact match pattern must be a string")),
            "prefix" => Affix(first.Value, "prefix", suffix: false),
            "suffix" => Affix(first.Value, "suffix", suffix: true),
            "equals-ignore-case" => new EqualsIgnoreCaseMatcher(RequireString(first.Value, "equals-ignore-case match pattern must be a string")),
            "wildcard" => new WildcardMatcher(Glob(first.Value)),
            "cidr" => Cidr(first.Value),
            "numeric" => Numeric(first.Value),
            "exists" => first.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new ExistsMatcher(first.Value.GetBoolean())
                : throw new Refusal("exists match pattern must be either true or false."),
            "anything-but" => AnythingBut(first.Value),
            _ => throw new Refusal($"Unrecognized match type {first.Name}"),
        };
        if (members.MoveNext())
        {
            throw new Refusal(first.Name is "numeric" or "anything-but" ? "Too many elements in numeric expression" : "Only one key allowed in match expression");
        }

        return matcher;
    }

    private static AffixMatcher Affix(JsonElement operand, string name, bool suffix)
    {
        if (operand.ValueKind == JsonValueKind.Object)
        {
            var inner = Single(operand, char.ToUpperInvariant(name[0]) + name[1..] + " expression name not found");
            if (inner.Name != "equals-ignore-case")
            {
                throw new Refusal($"Unsupported {name} pattern: {inner.Name}");
            }

            return new AffixMatcher(RequireString(inner.Value, "equals-ignore-case match pattern must be a string"), suffix, ignoreCase: true);
        }

        return new AffixMatcher(RequireString(operand, $"{name} match pattern must be a string"), suffix, ignoreCase: false);
    }

    private static WildcardGlob Glob(JsonElement operand)
    {
        var (glob, error) = WildcardGlob.Compile(RequireString(operand, "wildcard match pattern must be a string"));
        return glob ?? throw new Refusal(error!);
    }

    private static CidrMatcher Cidr(JsonElement operand)
    {
        // "prefix" in this message is EventBridge's own wording for a non-string cidr operand.
        var text = RequireString(operand, "prefix match pattern must be a string");
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0)
        {
            throw new Refusal("Malformed CIDR, one '/' required");
        }

        if (!int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var bits))
        {
            throw new Refusal("Malformed CIDR, mask bits must be an integer");
        }

        if (bits < 0)
        {
            throw new Refusal("Malformed CIDR, mask bits must not be negative");
        }

        var addressText = text[..slash];
        if (!IPAddress.TryParse(addressText, out var address)
            || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            throw new Refusal($"Nonstandard IP address: {addressText}");
        }

        var v4 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        if (v4 && bits > 31)
        {
            throw new Refusal("IPv4 mask bits must be < 32");
        }

        if (!v4 && bits > 127)
        {
            throw new Refusal("IPv6 mask bits must be < 128");
        }

        return new CidrMatcher(address, bits);
    }

    private static NumericMatcher Numeric(JsonElement operand)
    {
        if (operand.ValueKind != JsonValueKind.Array)
        {
            throw new Refusal("Value of numeric must be an array.");
        }

        var terms = operand.EnumerateArray().ToArray();
        if (terms.Length == 0)
        {
            throw new Refusal("Invalid member in numeric match: ]");
        }

        if (terms[0].ValueKind != JsonValueKind.String)
        {
            throw new Refusal($"Invalid member in numeric match: {Token(terms[0])}");
        }

        var op = terms[0].GetString()!;
        var opName = op switch
        {
            "=" => "equals",
            ">" or ">=" or "<" or "<=" => op,
            _ => throw new Refusal($"Unrecognized numeric range operator: {op}"),
        };
        if (terms.Length < 2)
        {
            throw new Refusal($"Value of {opName} must be numeric");
        }

        var first = Number(terms[1], opName);
        if (terms.Length == 2)
        {
            return op switch
            {
                "=" => new NumericMatcher(first, true, first, true),
                ">" => new NumericMatcher(first, false, double.PositiveInfinity, true),
                ">=" => new NumericMatcher(first, true, double.PositiveInfinity, true),
                "<" => new NumericMatcher(double.NegativeInfinity, true, first, false),
                _ => new NumericMatcher(double.NegativeInfinity, true, first, true),
            };
        }

        if (op is not (">" or ">="))
        {
            throw new Refusal("Too many elements in numeric expression");
        }

        if (terms.Length > 4)
        {
            throw new Refusal("Too many terms in numeric range expression");
        }

        if (terms[2].ValueKind != JsonValueKind.String)
        {
            throw new Refusal($"Bad value in numeric range: {Token(terms[2])}");
        }

        var upperOp = terms[2].GetString()!;
        if (upperOp is not ("<" or "<="))
        {
            throw new Refusal($"Bad numeric range operator: {upperOp}");
        }

        if (terms.Length < 4)
        {
            throw new Refusal($"Value of {upperOp} must be numeric");
        }

        var second = Number(terms[3], upperOp);
        if (!(first < second))
        {
            throw new Refusal("Bottom must be less than top");
        }

        return new NumericMatcher(first, op == ">=", second, upperOp == "<=");
    }

    private static AnythingButMatcher AnythingBut(JsonElement operand)
    {
        switch (operand.ValueKind)
        {
            case JsonValueKind.String:
                return new AnythingButMatcher([ExactMatcher.String(operand.GetString()!)]);
            case JsonValueKind.Number:
                return new AnythingButMatcher([ExactMatcher.Number(Number(operand, "anything-but"))]);
            case JsonValueKind.Array:
                var values = operand.EnumerateArray().ToArray();
                if (values.Any(v => v.ValueKind is not (JsonValueKind.String or JsonValueKind.Number)))
                {
                    throw new Refusal("Inside anything but list, start|null|boolean is not supported.");
                }

                if (values.Length == 0 || (values.Any(v => v.ValueKind == JsonValueKind.String) && values.Any(v => v.ValueKind == JsonValueKind.Number)))
                {
                    throw new Refusal("Inside anything but list, either all values are number or string, mixed type is not supported");
                }

                return new AnythingButMatcher([.. values.Select(v => v.ValueKind == JsonValueKind.String
                    ? ExactMatcher.String(v.GetString()!)
                    : (ValueMatcher)ExactMatcher.Number(Number(v, "anything-but")))]);
            case JsonValueKind.Object:
                var inner = Single(operand, "Anything-But expression name not found");
                if (inner.Name is not ("prefix" or "suffix" or "wildcard" or "equals-ignore-case"))
                {
                    throw new Refusal($"Unsupported anything-but pattern: {inner.Name}");
                }

                var candidates = inner.Value.ValueKind == JsonValueKind.Array ? inner.Value.EnumerateArray().ToArray() : [inner.Value];
                if (candidates.Length == 0)
                {
                    throw new Refusal("Empty arrays are not allowed");
                }

                return new AnythingButMatcher([.. candidates.Select(c => Excluded(inner.Name, c))]);
            default:
                throw new Refusal("Value of anything-but must be an array or single string/number value.");
        }
    }

    private static ValueMatcher Excluded(string kind, JsonElement candidate)
    {
        if (candidate.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)
        {
            throw new Refusal("Value of anything-but must be an array or single string/number value.");
        }

        switch (kind)
        {
            case "prefix" or "suffix":
                var affix = RequireString(candidate, "prefix/suffix match pattern must be a string");
                return affix.Length == 0
                    ? throw new Refusal("Null prefix/suffix not allowed")
                    : new AffixMatcher(affix, kind == "suffix", ignoreCase: false);
            case "equals-ignore-case":
                return new EqualsIgnoreCaseMatcher(RequireString(candidate, "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."));
            default:
                return new WildcardMatcher(Glob(candidate));
        }
    }

    private static JsonProperty Single(JsonElement operand, string emptyMessage)
    {
        using var members = operand.EnumerateObject();
        if (!members.MoveNext())
        {
            throw new Refusal(emptyMessage);
        }

        var inner = members.Current;
        return members.MoveNext() ? throw new Refusal("Only one key allowed in match expression") : inner;
    }

    private static string RequireString(JsonElement value, string message) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new Refusal(message);

    private static double Number(JsonElement value, string operandName)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new Refusal($"Value of {operandName} must be numeric");
        }

        return value.TryGetDouble(out var number) && double.IsFinite(number) ? number : throw new Refusal($"Cannot compare number : {value.GetRawText()}");
    }

    private static string Token(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "[",
        JsonValueKind.Object => "{",
        _ => value.GetRawText(),
    };

    /// <summary>The walk's way out on the first fault; never leaves <see cref="Parse"/>.</summary>
    private sealed class Refusal(string message) : Exception(message);
}
