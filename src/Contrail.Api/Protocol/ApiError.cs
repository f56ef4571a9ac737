namespace Contrail.Api.Protocol;

/// <summary>An expected failure of a call: answered as <c>{"__type", "message"}</c> with <paramref name="Status"/>.</summary>
internal sealed record ApiError(string Code, string Message, int Status = 400)
{
    /// <summary>More members of a REST-XML error after <c>Message</c> (S3's <c>Key</c>, <c>BucketName</c>); the JSON protocols leave them out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];

    public static ApiError Validation(string message) => new(ErrorCodes.ValidationException, message);

    public static ApiError Serialization(string message) => new(ErrorCodes.SerializationException, message);
}
