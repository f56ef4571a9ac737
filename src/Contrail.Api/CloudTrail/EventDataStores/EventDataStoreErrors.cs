using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>The error codes of the event data store operations (spec §4.8, §4.11) and their messages.</summary>
internal static class EventDataStoreErrors
{
    public const string AlreadyExists = "EventDataStoreAlreadyExistsException";
    public const string MaxLimitExceeded = "EventDataStoreMaxLimitExceededException";
    public const string NotFound = "EventDataStoreNotFoundException";
    public const string ArnInvalid = "EventDataStoreARNInvalidException";
    public const string TerminationProtected = "EventDataStoreTerminationProtectedException";
    public const string Inactive = "InactiveEventDataStoreException";
    public const string InvalidStatus = "InvalidEventDataStoreStatusException";
    public const string InvalidCategory = "InvalidEventDataStoreCategoryException";
    public const string ChannelExistsForEds = "ChannelExistsForEDSException";
    public const string InvalidParameter = "InvalidParameterException";
    public const string InvalidMaxResults = "InvalidMaxResultsException";

    public static ApiError Unknown(string given) =>
        new(NotFound, $"The specified event data store {Clip(given)} was not found.");

    public static ApiError InvalidArn(string given) =>
        new(ArnInvalid, $"The specified event data store ARN {Clip(given)} is not valid. The ARN format is arn:aws:cloudtrail:<region>:<account-id>:eventdatastore/<id>, or give the id alone.");

    public static ApiError NameTaken(string name) =>
        new(AlreadyExists, $"An event data store with the name {Clip(name)} already exists.");

    public static ApiError TooMany(int limit) =>
        new(MaxLimitExceeded, $"Your account has the maximum number of event data stores ({limit}) not pending deletion.");

    public static ApiError Pending(string arn) =>
        new(Inactive, $"Event data store {arn} is pending deletion.");

    public static ApiError Parameter(string message) => new(InvalidParameter, message);

    private static string Clip(string text) => text.Length <= 256 ? text : text[..256] + "…";
}
