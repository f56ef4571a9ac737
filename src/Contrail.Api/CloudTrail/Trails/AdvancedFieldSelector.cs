using System.Text.Json.Serialization;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// One condition of an advanced selector; a null operator list was not given. (<c>Equals</c> is
/// named <see cref="EqualTo"/> here: a record cannot have a member called Equals.)
/// </summary>
internal sealed record AdvancedFieldSelector(
    string Field,
    [property: JsonPropertyName("Equals")] IReadOnlyList<string>? EqualTo,
    IReadOnlyList<string>? StartsWith,
    IReadOnlyList<string>? EndsWith,
    IReadOnlyList<string>? NotEquals,
    IReadOnlyList<string>? NotStartsWith,
    IReadOnlyList<string>? NotEndsWith);
