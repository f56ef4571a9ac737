using System.Text.Json;

namespace Contrail.Tests.Support;

/// <summary>
/// The CIS filters of spec §8.2 read by hand, in plain C# over a record: the independent oracle of the
/// filter-pattern evaluator (CisPackTests) and of the metric filters served end to end (API tests).
/// A missing field fails = and != alike (docs/dev/filter-patterns.md, choice 1).
/// </summary>
internal static class CisReadings
{
    private static readonly string[] IamPolicyEvents =
    [
        "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy",
        "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy",
        "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
    ];

    private static readonly string[] OrganizationsEvents =
    [
        "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake", "DeleteOrganization",
        "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType", "InviteAccountToOrganization",
        "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit",
    ];

    /// <summary>Each filter's meaning, written out by hand from spec §8.2 (a missing field fails = and != alike).</summary>
    public static readonly IReadOnlyDictionary<string, Func<JsonElement, bool>> Expected = new Dictionary<string, Func<JsonElement, bool>>
    {
        ["1"] = Unauthorized,
        ["1b"] = r => (Text(r, "errorCode") is { } code && code.EndsWith("UnauthorizedOperation", StringComparison.Ordinal))
            || (Text(r, "errorCode") is { } denied && denied.StartsWith("AccessDenied", StringComparison.Ordinal)
                && NotEqual(r, "delivery.logs.amazonaws.com", "sourceIPAddress") && NotEqual(r, "HeadBucket", "eventName")),
        ["2"] = r => Equal(r, "ConsoleLogin", "eventName") && NotEqual(r, "Yes", "additionalEventData", "MFAUsed")
            && Equal(r, "IAMUser", "userIdentity", "type") && Equal(r, "Success", "responseElements", "ConsoleLogin"),
        ["2b"] = r => Equal(r, "ConsoleLogin", "eventName") && NotEqual(r, "Yes", "additionalEventData", "MFAUsed"),
        ["3"] = r => Equal(r, "Root", "userIdentity", "type") && !Exists(r, "userIdentity", "invokedBy") && NotEqual(r, "AwsServiceEvent", "eventType"),
        ["4"] = r => NameIn(r, IamPolicyEvents),
        ["5"] = r => NameIn(r, "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"),
        ["6"] = r => Equal(r, "ConsoleLogin", "eventName") && Equal(r, "Failed authentication", "errorMessage"),
        ["7"] = r => Equal(r, "kms.amazonaws.com", "eventSource") && NameIn(r, "DisableKey", "ScheduleKeyDeletion"),
        ["8"] = r => Equal(r, "s3.amazonaws.com", "eventSource") && NameIn(r, "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle",
            "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"),
        ["9"] = r => Equal(r, "config.amazonaws.com", "eventSource")
            && NameIn(r, "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"),
        ["10"] = r => NameIn(r, "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
            "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup"),
        ["11"] = r => NameIn(r, "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry",
            "ReplaceNetworkAclAssociation"),
        ["12"] = r => NameIn(r, "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway",
            "DeleteInternetGateway", "DetachInternetGateway"),
        ["13"] = r => NameIn(r, "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute",
            "DisassociateRouteTable"),
        ["14"] = r => NameIn(r, "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection",
            "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink",
            "EnableVpcClassicLink"),
        ["15"] = r => Equal(r, "organizations.amazonaws.com", "eventSource") && NameIn(r, OrganizationsEvents),
    };

    private static bool Unauthorized(JsonElement r) => Text(r, "errorCode") is { } code
        && (code.EndsWith("UnauthorizedOperation", StringComparison.Ordinal) || code.StartsWith("AccessDenied", StringComparison.Ordinal));

    private static bool NameIn(JsonElement r, params string[] names) => Text(r, "eventName") is { } name && names.Contains(name);

    private static bool Equal(JsonElement r, string value, params string[] path) => Text(r, path) == value;

    private static bool NotEqual(JsonElement r, string value, params string[] path) => Text(r, path) is { } text && text != value;

    /// <summary>The string at <paramref name="path"/>; null when absent or not a string.</summary>
    private static string? Text(JsonElement r, params string[] path) =>
        Find(r, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool Exists(JsonElement r, params string[] path) => Find(r, path) is not null;

    private static JsonElement? Find(JsonElement r, string[] path)
    {
        var current = r;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }
}
