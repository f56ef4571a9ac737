using System.Text.Json;

namespace Contrail.Delivery.Validation;

/// <summary>
/// A JSON value as the AWS CLI prints it: Python's <c>str()</c> of what <c>json.loads</c> made of it
/// (strings as they are, <c>null</c> as <c>None</c>, <c>true</c> as <c>True</c>). Numbers, arrays and
/// objects keep their JSON text, which is what Python prints for the usual cases (integers).
/// </summary>
internal static class PythonText
{
    public static string Str(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "None",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => value.GetRawText(),
    };

    /// <summary>Python truthiness: <c>null</c>, <c>false</c>, <c>0</c>, <c>""</c>, <c>[]</c> and <c>{}</c> are false.</summary>
    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.TryGetDouble(out var number) && number != 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };
}
