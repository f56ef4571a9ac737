namespace Contrail.Api.Protocol;

/// <summary>An expected failure of a call: answered as <c>{"__type", "message"}</c> with <paramref name="Status"/>.</summary>
internal sealed record ApiError(string Code, string Message, int Status = 400)
{
    public static ApiError Validation(string message) => new(ErrorCodes.ValidationException, message);

    public static ApiError Serialization(string message) => new(ErrorCodes.SerializationException, message);
}
