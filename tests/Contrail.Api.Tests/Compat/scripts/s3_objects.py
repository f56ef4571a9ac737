"""Every object of a bucket on the S3 server at MOTO_ENDPOINT, read with boto3 (an independent client).

Usage: s3_objects.py BUCKET. Prints {"missing": bool, "objects": [{Key, Body (base64), ContentLength,
ServerSideEncryption, SSEKMSKeyId, SingleMember}]}; SingleMember says the body is one gzip member
that ends the file (as CloudTrail's log files are).
"""
import base64
import json
import os
import sys
import zlib

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

bucket = sys.argv[1]
s3 = boto3.client("s3", endpoint_url=os.environ["MOTO_ENDPOINT"],
                  config=Config(retries={"max_attempts": 1, "mode": "standard"}, s3={"addressing_style": "path"}))


def single_member(data):
    d = zlib.decompressobj(zlib.MAX_WBITS | 16)
    d.decompress(data)
    d.flush()
    return d.eof and d.unused_data == b""


objects = []
try:
    # Small pages, so that reading back pages too.
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, PaginationConfig={"PageSize": 5}):
        for item in page.get("Contents", []):
            got = s3.get_object(Bucket=bucket, Key=item["Key"])
            body = got["Body"].read()
            objects.append({
                "Key": item["Key"],
                "Body": base64.b64encode(body).decode("ascii"),
                "ContentLength": got["ContentLength"],
                "ServerSideEncryption": got.get("ServerSideEncryption"),
                "SSEKMSKeyId": got.get("SSEKMSKeyId"),
                "SingleMember": single_member(body),
            })
except ClientError as e:
    if e.response["Error"]["Code"] != "NoSuchBucket":
        raise
    print(json.dumps({"missing": True, "objects": []}))
    sys.exit(0)

print(json.dumps({"missing": False, "objects": objects}))
