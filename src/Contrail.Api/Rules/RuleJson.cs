using System.Text.Json;
using Contrail.Api.Service;

namespace Contrail.Api.Rules;

/// <summary>Writes a rule as <c>DescribeRule</c> and <c>ListRules</c> answer it.</summary>
internal static class RuleJson
{
    public static void WriteMembers(Utf8JsonWriter writer, EventRule rule, ServiceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rule);
        writer.WriteString("Name", rule.Name);
        writer.WriteString("Arn", RulesOperation.RuleArn(identity, rule.Name));
        writer.WriteString("EventPattern", rule.EventPattern);
        writer.WriteString("State", rule.State);
        if (rule.Description is not null)
        {
            writer.WriteString("Description", rule.Description);
        }

        writer.WriteString("EventBusName", RulesErrors.DefaultBus);
    }

    public static void WriteTarget(Utf8JsonWriter writer, RuleTarget target)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(target);
        writer.WriteStartObject();
        writer.WriteString("Id", target.Id);
        writer.WriteString("Arn", target.Arn);
        if (target.Input is not null)
        {
            writer.WriteString("Input", target.Input);
        }

        writer.WriteEndObject();
    }
}
