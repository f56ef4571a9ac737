using System.Text.Json;
using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>Readers for the member types <see cref="JsonInput"/> lacks; a wrong JSON type is a <c>SerializationException</c>, as there.</summary>
internal static class TrailInput
{
    public static ApiError? Boolean(JsonElement parent, string name, out bool? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return ApiError.Serialization($"{name} must be a boolean; got {JsonInput.Kind(element)}.");
        }

        value = element.GetBoolean();
        return null;
    }

    /// <summary>A required string member: missing is a <c>ValidationException</c>, as AWS's request validation answers.</summary>
    public static ApiError? RequiredString(JsonElement parent, string name, out string value)
    {
        var error = JsonInput.String(parent, name, out var text);
        value = text ?? "";
        return error ?? (text is null ? TrailErrors.Missing(name) : null);
    }

    /// <summary>A list of strings; null when absent.</summary>
    public static ApiError? Strings(JsonElement parent, string name, out List<string>? values)
    {
        values = null;
        var error = JsonInput.Array(parent, name, out var array);
        if (error is not null || array is not { } items)
        {
            return error;
        }

        values = new List<string>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                values = null;
                return ApiError.Serialization($"{name} must be a list of strings; got {JsonInput.Kind(item)} in it.");
            }

            values.Add(item.GetString()!);
        }

        return null;
    }

    public static ApiError? First(params ReadOnlySpan<ApiError?> errors)
    {
        foreach (var error in errors)
        {
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
