using System.Text.Json;
using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// The tag rules of spec §4.10 and the model's <c>Tag</c> shape, shared by CreateTrail, AddTags and
/// RemoveTags: a <c>TagsList</c> holds at most <see cref="MaxPerRequest"/> tags; a key has 1–128
/// characters and a value 1–256 (counted in Unicode characters, not UTF-16 units); a key without a
/// value has the value null; a key given twice in one list is an <c>InvalidTagParameterException</c>;
/// a trail has at most <see cref="MaxPerTrail"/> tags (<c>TagsLimitExceededException</c>).
/// </summary>
internal static class TrailTags
{
    public const int MaxPerTrail = 50;
    public const int MaxPerRequest = 200;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    /// <summary>Reads the <c>TagsList</c> member: null when absent; an error for a malformed list or tag.</summary>
    public static ApiError? Parse(JsonElement request, out List<TrailTag>? tags) => Parse(request, "TagsList", out tags);

    /// <summary>Reads the tag list member <paramref name="member"/> (CreateChannel's is <c>Tags</c>): null when absent.</summary>
    public static ApiError? Parse(JsonElement request, string member, out List<TrailTag>? tags)
    {
        tags = null;
        var error = JsonInput.Array(request, member, out var list);
        if (error is not null || list is not { } items)
        {
            return error;
        }

        if (items.GetArrayLength() > MaxPerRequest)
        {
            return TrailErrors.ListLength(member, items.GetArrayLength(), 0, MaxPerRequest);
        }

        var parsed = new List<TrailTag>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return ApiError.Serialization($"{member} must be a list of objects; got {JsonInput.Kind(item)} in it.");
            }

            error = TrailInput.First(JsonInput.String(item, "Key", out var key), JsonInput.String(item, "Value", out var value));
            if (error is not null)
            {
                return error;
            }

            error = Check(key, value);
            if (error is not null)
            {
                return error;
            }

            if (parsed.Exists(t => t.Key == key))
            {
                return Invalid($"The tag key {Clip(key!)} is given more than once; tag keys must be unique.");
            }

            parsed.Add(new TrailTag(key!, value));
        }

        tags = parsed;
        return null;
    }

    /// <summary>
    /// <paramref name="current"/> with <paramref name="added"/> applied: an existing key takes the new
    /// value (in its place), a new key is appended. More than <see cref="MaxPerTrail"/> tags in the
    /// result is a <c>TagsLimitExceededException</c> and changes nothing.
    /// </summary>
    public static ApiError? Add(IReadOnlyList<TrailTag> current, IReadOnlyList<TrailTag> added, out List<TrailTag> result)
    {
        result = [.. current];
        foreach (var tag in added)
        {
            var index = result.FindIndex(t => t.Key == tag.Key);
            if (index >= 0)
            {
                result[index] = tag;
            }
            else
            {
                result.Add(tag);
            }
        }

        return result.Count > MaxPerTrail ? TrailErrors.TooManyTags(MaxPerTrail) : null;
    }

    /// <summary>
    /// <paramref name="current"/> without the keys of <paramref name="removed"/>. Removal is by key: a
    /// value given with the key is not compared (see docs/dev/trails-format.md); a key the trail does
    /// not have is ignored.
    /// </summary>
    public static List<TrailTag> Remove(IReadOnlyList<TrailTag> current, IReadOnlyList<TrailTag> removed) =>
        [.. current.Where(t => !removed.Any(r => r.Key == t.Key))];

    private static ApiError? Check(string? key, string? value)
    {
        if (key is null)
        {
            return Invalid("Every tag needs a Key.");
        }

        var keyLength = UnicodeLength(key);
        if (keyLength is < 1 or > MaxKeyLength)
        {
            return Invalid($"A tag key must have 1 to {MaxKeyLength} characters; {Clip(key)} has {keyLength}.");
        }

        var valueLength = value is null ? 1 : UnicodeLength(value);
        return valueLength is < 1 or > MaxValueLength
            ? Invalid($"A tag value must have 1 to {MaxValueLength} characters; the value of {Clip(key)} has {valueLength}.")
            : null;
    }

    private static int UnicodeLength(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static ApiError Invalid(string message) => new(TrailErrors.InvalidTagParameter, message);

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
