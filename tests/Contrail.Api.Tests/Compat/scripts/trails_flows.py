"""Trail control plane through boto3: lifecycle, selectors, logging, errors, the 5-trail limit."""
import json
import sys

from botocore.exceptions import ClientError

from common import ACCOUNT, REGION, cloudtrail

ct = cloudtrail()
out = {}


def code(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return {"code": None}


created = ct.create_trail(Name="boto-trail", S3BucketName="boto-bucket", S3KeyPrefix="k",
                          TagsList=[{"Key": "team", "Value": "sec"}], KmsKeyId="alias/trail-key")
created.pop("ResponseMetadata")
out["created"] = created
out["get"] = ct.get_trail(Name="boto-trail")["Trail"]
out["describe_by_arn"] = [t["Name"] for t in ct.describe_trails(
    trailNameList=[f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:trail/boto-trail"], includeShadowTrails=False)["trailList"]]
updated = ct.update_trail(Name="boto-trail", EnableLogFileValidation=False, S3KeyPrefix="")
out["updated_validation"] = updated["LogFileValidationEnabled"]
out["updated_has_prefix"] = "S3KeyPrefix" in updated
out["default_selectors"] = ct.get_event_selectors(TrailName="boto-trail")["EventSelectors"]
put = ct.put_event_selectors(TrailName="boto-trail", EventSelectors=[
    {"ReadWriteType": "ReadOnly", "IncludeManagementEvents": False,
     "ExcludeManagementEventSources": ["kms.amazonaws.com"]}])
out["put_basic"] = put["EventSelectors"]
ct.put_event_selectors(TrailName="boto-trail", AdvancedEventSelectors=[
    {"Name": "s3", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
                                      {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
                                      {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::boto-bucket/"]}]}])
out["advanced"] = ct.get_event_selectors(TrailName="boto-trail")["AdvancedEventSelectors"]
ct.start_logging(Name="boto-trail")
status = ct.get_trail_status(Name="boto-trail")
out["status_logging"] = status["IsLogging"]
out["status_start_type"] = type(status["StartLoggingTime"]).__name__
ct.stop_logging(Name="boto-trail")
out["status_stopped"] = ct.get_trail_status(Name="boto-trail")["IsLogging"]

out["errors"] = {
    "not_found": code(ct.get_trail_status, Name="missing"),
    "exists": code(ct.create_trail, Name="boto-trail", S3BucketName="boto-bucket"),
    "bad_name": code(ct.create_trail, Name="-bad", S3BucketName="boto-bucket"),
    "ip_name": code(ct.create_trail, Name="192.168.5.4", S3BucketName="boto-bucket"),
    "bad_bucket": code(ct.create_trail, Name="t-x", S3BucketName="a..b"),
    "bad_read_write": code(ct.put_event_selectors, TrailName="boto-trail", EventSelectors=[{"ReadWriteType": "Sometimes"}]),
    "bad_exclude": code(ct.put_event_selectors, TrailName="boto-trail",
                        EventSelectors=[{"ExcludeManagementEventSources": ["s3.amazonaws.com"]}]),
    "no_category": code(ct.put_event_selectors, TrailName="boto-trail",
                        AdvancedEventSelectors=[{"FieldSelectors": [{"Field": "readOnly", "Equals": ["true"]}]}]),
    "neither": code(ct.put_event_selectors, TrailName="boto-trail"),
    "bad_token": code(ct.list_trails, NextToken="not-a-token"),
    "bad_kms": code(ct.create_trail, Name="t-kms", S3BucketName="boto-bucket", KmsKeyId="not-a-key"),
    "org_without_org": code(ct.create_trail, Name="t-org", S3BucketName="boto-bucket", IsOrganizationTrail=True),
    "long_topic": code(ct.update_trail, Name="boto-trail", SnsTopicName="t" * 257),
}

for i in range(1, 5):
    ct.create_trail(Name=f"limit-{i}", S3BucketName="limit-bucket")
out["errors"]["sixth"] = code(ct.create_trail, Name="limit-5", S3BucketName="limit-bucket")
out["listed"] = [t["Name"] for t in ct.list_trails()["Trails"]]

ct.delete_trail(Name="boto-trail")
out["deleted"] = code(ct.get_trail, Name="boto-trail")["code"]
json.dump(out, sys.stdout, default=str)
