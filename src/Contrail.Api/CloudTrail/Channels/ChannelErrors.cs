using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary>The error codes of the channel operations (spec §4.10, §4.11) and their messages.</summary>
internal static class ChannelErrors
{
    public const string AlreadyExists = "ChannelAlreadyExistsException";
    public const string MaxLimitExceeded = "ChannelMaxLimitExceededException";
    public const string NotFound = "ChannelNotFoundException";
    public const string ArnInvalid = "ChannelARNInvalidException";

    public static ApiError Unknown(string given) =>
        new(NotFound, $"The channel {Clip(given)} was not found.");

    public static ApiError InvalidArn(string given) =>
        new(ArnInvalid, $"The channel ARN {Clip(given)} is not valid. The ARN format is arn:aws:cloudtrail:<region>:<account-id>:channel/<id>, or give the id alone.");

    public static ApiError NameTaken(string name) =>
        new(AlreadyExists, $"A channel with the name {Clip(name)} already exists.");

    public static ApiError TooMany(int limit) =>
        new(MaxLimitExceeded, $"Your account has the maximum number of channels ({limit}).");

    private static string Clip(string text) => text.Length <= 256 ? text : text[..256] + "…";
}
