using System.Text.Json;

namespace Contrail.Monitoring.Rules.Sigma;

/// <summary>
/// Loads Sigma rules for CloudTrail from the JSON form in <c>data/rules/sigma-aws-cloudtrail-rules.json</c>
/// (<c>{"rules": [{"id", "title", "level", "file", "logsource", "detection", "condition", …}]}</c>) or a
/// JSON array of such rules. Rules whose <c>logsource</c> is not <c>aws</c>/<c>cloudtrail</c> are unsupported.
/// Every rule comes back, supported or not with its reason (<see cref="SigmaRule.Unsupported"/>).
/// </summary>
public static class SigmaRuleSet
{
    public static IReadOnlyList<SigmaRule> Load(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var rules = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("rules", out var list) ? list : root;
        if (rules.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("A Sigma rule set is a JSON array of rules or an object with \"rules\".");
        }

        return [.. rules.EnumerateArray().Select(Rule)];
    }

    public static IReadOnlyList<SigmaRule> LoadFile(string path) => Load(File.ReadAllBytes(path));

    private static SigmaRule Rule(JsonElement rule)
    {
        var id = Text(rule, "id") ?? "";
        var title = Text(rule, "title") ?? id;
        var level = Text(rule, "level") ?? "";
        var file = Text(rule, "file") ?? "";
        if (rule.TryGetProperty("logsource", out var source)
            && (Text(source, "product") is { } product && product != "aws" || Text(source, "service") is { } service && service != "cloudtrail"))
        {
            return new SigmaRule(id, title, level, file, null, "the logsource is not aws/cloudtrail");
        }

        if (!rule.TryGetProperty("detection", out var detection))
        {
            return new SigmaRule(id, title, level, file, null, "the rule has no detection");
        }

        var condition = rule.TryGetProperty("condition", out var c) ? c : detection.TryGetProperty("condition", out var inner) ? inner : default;
        var (matcher, unsupported) = SigmaCompiler.Compile(detection, condition);
        return new SigmaRule(id, title, level, file, matcher, unsupported);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
