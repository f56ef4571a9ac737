"""Trail tags through boto3: add_tags, list_tags (and its paginator), remove_tags, and their errors."""
import json
import sys

from botocore.exceptions import ClientError

from common import ACCOUNT, REGION, cloudtrail

ct = cloudtrail()
ARN = f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:trail/"
out = {}


def code(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return {"code": None}


def tags(name):
    return ct.list_tags(ResourceIdList=[ARN + name])["ResourceTagList"][0]["TagsList"]


ct.create_trail(Name="boto-tags", S3BucketName="tags-bucket", TagsList=[{"Key": "team", "Value": "sec"}])
ct.create_trail(Name="boto-bare", S3BucketName="tags-bucket")
added = ct.add_tags(ResourceId=ARN + "boto-tags",
                    TagsList=[{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "ops"}, {"Key": "flag"}])
added.pop("ResponseMetadata")
out["add_response"] = added
out["after_add"] = tags("boto-tags")
pages = list(ct.get_paginator("list_tags").paginate(ResourceIdList=[ARN + "boto-tags", ARN + "boto-bare"]))
out["paginated"] = [r for p in pages for r in p["ResourceTagList"]]
ct.remove_tags(ResourceId=ARN + "boto-tags", TagsList=[{"Key": "env", "Value": "not-the-value"}, {"Key": "flag"}])
out["after_remove"] = tags("boto-tags")

out["errors"] = {
    "by_name": code(ct.add_tags, ResourceId="boto-tags", TagsList=[{"Key": "k"}]),
    "unknown": code(ct.add_tags, ResourceId=ARN + "nope-trail", TagsList=[{"Key": "k"}]),
    "unknown_list": code(ct.list_tags, ResourceIdList=[ARN + "boto-tags", ARN + "nope-trail"]),
    "unknown_remove": code(ct.remove_tags, ResourceId=ARN + "nope-trail", TagsList=[{"Key": "k"}]),
    "bad_arn": code(ct.list_tags, ResourceIdList=["arn:aws:cloudtrail:us-east-1:bad:trail/boto-tags"]),
    "channel": code(ct.add_tags, ResourceId=f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:channel/default", TagsList=[{"Key": "k"}]),
    "duplicate": code(ct.add_tags, ResourceId=ARN + "boto-tags", TagsList=[{"Key": "d", "Value": "1"}, {"Key": "d", "Value": "2"}]),
    "long_key": code(ct.add_tags, ResourceId=ARN + "boto-tags", TagsList=[{"Key": "k" * 129}]),
    "long_value": code(ct.add_tags, ResourceId=ARN + "boto-tags", TagsList=[{"Key": "k", "Value": "v" * 257}]),
    "over_limit": code(ct.add_tags, ResourceId=ARN + "boto-tags", TagsList=[{"Key": f"k{i}"} for i in range(50)]),
    "create_over_limit": code(ct.create_trail, Name="boto-many", S3BucketName="tags-bucket",
                              TagsList=[{"Key": f"k{i}"} for i in range(51)]),
    "too_many_ids": code(ct.list_tags, ResourceIdList=[ARN + "boto-tags"] * 21),
    "token": code(ct.list_tags, ResourceIdList=[ARN + "boto-tags"], NextToken="page-2"),
}
out["after_errors"] = tags("boto-tags")

ct.delete_trail(Name="boto-tags")
out["deleted"] = code(ct.list_tags, ResourceIdList=[ARN + "boto-tags"])["code"]
json.dump(out, sys.stdout)
