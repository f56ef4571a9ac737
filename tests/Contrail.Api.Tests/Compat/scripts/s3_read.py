"""boto3's S3 client against Contrail's read-only S3 subset (path-style, CONTRAIL_ENDPOINT).

Usage: s3_read.py listing|objects|errors BUCKET. Prints one JSON object of what the scenario saw;
the C# test (S3ReadBoto3Tests) holds the expectations and seeds the objects.
"""
import base64
import json
import os
import sys
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["CONTRAIL_ENDPOINT"]
scenario, bucket = sys.argv[1], sys.argv[2]


def client(secret=None, key_id=None, signature_version=None):
    config = Config(retries={"max_attempts": 1, "mode": "standard"}, s3={"addressing_style": "path"},
                    signature_version=signature_version)
    return boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-east-1", config=config,
                        aws_access_key_id=key_id or os.environ["AWS_ACCESS_KEY_ID"],
                        aws_secret_access_key=secret or os.environ["AWS_SECRET_ACCESS_KEY"])


s3 = client()


def keys(response):
    return [o["Key"] for o in response.get("Contents", [])]


def prefixes(response):
    return [p["Prefix"] for p in response.get("CommonPrefixes", [])]


def error(call):
    try:
        call()
        return {"code": None}
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
                "error": {k: v for k, v in e.response["Error"].items()},
                "request_id": e.response["ResponseMetadata"].get("RequestId")}


def http(url):
    try:
        with urllib.request.urlopen(url) as r:
            return {"status": r.status, "body": r.read().decode("utf-8", "replace")}
    except urllib.error.HTTPError as e:
        return {"status": e.code, "body": e.read().decode("utf-8", "replace")}


def listing():
    v1_pages = [keys(p) for p in s3.get_paginator("list_objects").paginate(Bucket=bucket, PaginationConfig={"PageSize": 2})]
    first_page = s3.list_objects(Bucket=bucket, MaxKeys=2)
    delimited_pages = [{"keys": keys(p), "prefixes": prefixes(p)} for p in
                       s3.get_paginator("list_objects").paginate(Bucket=bucket, Delimiter="/", PaginationConfig={"PageSize": 1})]
    v2_pages = [{"keys": keys(p), "count": p["KeyCount"], "truncated": p["IsTruncated"]} for p in
                s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, PaginationConfig={"PageSize": 2})]
    v2_delimited = s3.list_objects_v2(Bucket=bucket, Delimiter="/", Prefix="AWSLogs/")
    entry = s3.list_objects(Bucket=bucket, Prefix="top.txt")["Contents"][0]
    head = s3.head_object(Bucket=bucket, Key="top.txt")
    return {
        "location": s3.get_bucket_location(Bucket=bucket).get("LocationConstraint"),
        "v1_all": keys(s3.list_objects(Bucket=bucket)),
        "v1_prefix": keys(s3.list_objects(Bucket=bucket, Prefix="AWSLogs/b/")),
        "v1_marker": keys(s3.list_objects(Bucket=bucket, Marker="AWSLogs/b/1.json.gz")),
        # As validate-logs asks: a prefix and the key before the first wanted one as the marker.
        "v1_prefix_marker": keys(s3.list_objects(Bucket=bucket, Prefix="AWSLogs/", Marker="AWSLogs/a/2.json.gz")),
        "v1_pages": v1_pages,
        "v1_first_page": {"truncated": first_page["IsTruncated"], "next_marker": first_page.get("NextMarker"),
                          "max_keys": first_page["MaxKeys"]},
        "v1_delimited_pages": delimited_pages,
        "v1_delimited": prefixes(s3.list_objects(Bucket=bucket, Delimiter="/", Prefix="AWSLogs/")),
        "v2_pages": v2_pages,
        "v2_start_after": keys(s3.list_objects_v2(Bucket=bucket, StartAfter="AWSLogs/b/2.json.gz")),
        "v2_delimited": {"keys": keys(v2_delimited), "prefixes": prefixes(v2_delimited), "count": v2_delimited["KeyCount"]},
        "v2_max_keys_zero": {"keys": keys(s3.list_objects_v2(Bucket=bucket, MaxKeys=0))},
        "entry": {"etag": entry["ETag"], "size": entry["Size"], "storage": entry["StorageClass"],
                  "modified": entry["LastModified"].isoformat()},
        "head": {"etag": head["ETag"], "size": head["ContentLength"]},
    }


def objects():
    weird = json.loads(os.environ["S3_READ_KEYS"])
    got = {}
    for key in weird:
        body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        got[key] = body.decode("utf-8")
    listed = [k for p in s3.get_paginator("list_objects").paginate(Bucket=bucket, Prefix="weird/") for k in keys(p)]
    listed_v2 = [k for p in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="weird/") for k in keys(p)]
    log = s3.get_object(Bucket=bucket, Key="logs/file.json.gz")
    log_body = log["Body"].read()
    head = s3.head_object(Bucket=bucket, Key="logs/file.json.gz")
    part = s3.get_object(Bucket=bucket, Key="logs/file.json.gz", Range="bytes=2-5")
    suffix = s3.get_object(Bucket=bucket, Key="logs/file.json.gz", Range="bytes=-3")
    presigned = client(signature_version="s3v4").generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": "weird/a b.txt"}, ExpiresIn=300)
    return {
        "bodies": got,
        "listed": listed,
        "listed_v2": listed_v2,
        "log": {"body": base64.b64encode(log_body).decode("ascii"), "metadata": log["Metadata"], "etag": log["ETag"],
                "length": log["ContentLength"], "type": log["ContentType"], "encoding": log.get("ContentEncoding"),
                "status": log["ResponseMetadata"]["HTTPStatusCode"]},
        "head": {"metadata": head["Metadata"], "etag": head["ETag"], "length": head["ContentLength"],
                 "modified": head["LastModified"].isoformat()},
        "range": {"body": base64.b64encode(part["Body"].read()).decode("ascii"), "content_range": part["ContentRange"],
                  "status": part["ResponseMetadata"]["HTTPStatusCode"]},
        "suffix": base64.b64encode(suffix["Body"].read()).decode("ascii"),
        "presigned": http(presigned),
    }


def errors():
    sigv2 = client(signature_version="s3").generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": "present.txt"}, ExpiresIn=300)
    return {
        "missing_key": error(lambda: s3.get_object(Bucket=bucket, Key="no/such key")),
        "head_missing_key": error(lambda: s3.head_object(Bucket=bucket, Key="no/such key")),
        "missing_bucket_list": error(lambda: s3.list_objects(Bucket="no-such-bucket")),
        "missing_bucket_list_v2": error(lambda: s3.list_objects_v2(Bucket="no-such-bucket")),
        "missing_bucket_get": error(lambda: s3.get_object(Bucket="no-such-bucket", Key="k")),
        "missing_bucket_location": error(lambda: s3.get_bucket_location(Bucket="no-such-bucket")),
        "put": error(lambda: s3.put_object(Bucket=bucket, Key="written.txt", Body=b"not allowed")),
        "delete": error(lambda: s3.delete_object(Bucket=bucket, Key="present.txt")),
        "create_bucket": error(lambda: s3.create_bucket(Bucket="new-bucket")),
        "acl": error(lambda: s3.get_bucket_acl(Bucket=bucket)),
        "bad_max_keys": error(lambda: s3.list_objects(Bucket=bucket, MaxKeys=-1)),
        "wrong_secret": error(lambda: client(secret="not-the-secret").get_object(Bucket=bucket, Key="present.txt")),
        "unknown_key": error(lambda: client(key_id="AKIAUNKNOWN000000000").list_objects(Bucket=bucket)),
        "unsigned": http(f"{ENDPOINT}/{bucket}/present.txt"),
        "sigv2_presigned": http(sigv2),
    }


print(json.dumps({"listing": listing, "objects": objects, "errors": errors}[scenario]()))
