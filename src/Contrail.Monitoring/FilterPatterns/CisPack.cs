namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// The CIS AWS Foundations Benchmark CloudTrail metric filters (spec §8.2): Security Hub controls
/// CloudWatch.1–.14 (CIS v1.2.0 §3.1–3.14, v1.4.0 §4.1–4.14), CIS v1.4.0's own texts of 4.1 and
/// 4.2, and 4.15 (AWS Organizations). Each publishes <see cref="MetricValue"/> to its
/// <see cref="CisFilter.MetricName"/> in <see cref="MetricNamespace"/>; the usual alarm is
/// <c>Sum &gt;= 1</c> over 300 seconds.
/// </summary>
public static class CisPack
{
    /// <summary>The metric namespace the filters publish to.</summary>
    public const string MetricNamespace = "CISBenchmark";

    /// <summary>The value each matching event adds to its metric.</summary>
    public const string MetricValue = "1";

    /// <summary>The 17 filters in spec §8.2's order: 1, 1b, 2, 2b, 3 … 15.</summary>
    public static IReadOnlyList<CisFilter> Filters { get; } =
    [
        new("1", "Unauthorized API calls", "CloudWatch.2", "3.1", "4.1", "UnauthorizedAPICalls",
            """{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}"""),
        new("1b", "Unauthorized API calls, CIS v1.4 text (ignores S3 log delivery and HeadBucket)", null, null, "4.1", "UnauthorizedAPICallsCisV14",
            """{ ($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }"""),
        new("2", "Management Console sign-in without MFA (IAM users, successful sign-ins)", "CloudWatch.3", "3.2", "4.2", "ConsoleSignInWithoutMfa",
            """{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }"""),
        new("2b", "Management Console sign-in without MFA, CIS text", null, "3.2", "4.2", "ConsoleSignInWithoutMfaCis",
            """{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }"""),
        new("3", "Usage of the root user", "CloudWatch.1", "3.3", "4.3", "RootAccountUsage",
            """{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}"""),
        new("4", "IAM policy changes", "CloudWatch.4", "3.4", "4.4", "IAMPolicyChanges",
            """{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}"""),
        new("5", "CloudTrail configuration changes", "CloudWatch.5", "3.5", "4.5", "CloudTrailConfigChanges",
            """{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}"""),
        new("6", "Management Console authentication failures", "CloudWatch.6", "3.6", "4.6", "ConsoleSignInFailures",
            """{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}"""),
        new("7", "Disabling or scheduled deletion of customer managed KMS keys", "CloudWatch.7", "3.7", "4.7", "DisableOrDeleteCMK",
            """{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}"""),
        new("8", "S3 bucket policy changes", "CloudWatch.8", "3.8", "4.8", "S3BucketPolicyChanges",
            """{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}"""),
        new("9", "AWS Config configuration changes", "CloudWatch.9", "3.9", "4.9", "AWSConfigChanges",
            """{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}"""),
        new("10", "Security group changes", "CloudWatch.10", "3.10", "4.10", "SecurityGroupChanges",
            """{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}"""),
        new("11", "Network ACL changes", "CloudWatch.11", "3.11", "4.11", "NACLChanges",
            """{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}"""),
        new("12", "Network gateway changes", "CloudWatch.12", "3.12", "4.12", "NetworkGatewayChanges",
            """{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}"""),
        new("13", "Route table changes", "CloudWatch.13", "3.13", "4.13", "RouteTableChanges",
            """{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}"""),
        new("14", "VPC changes", "CloudWatch.14", "3.14", "4.14", "VPCChanges",
            """{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}"""),
        new("15", "AWS Organizations changes", null, null, "4.15", "OrganizationsChanges",
            """{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }"""),
    ];
}
