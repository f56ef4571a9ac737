#!/usr/bin/env python3
"""Signs fixed requests with botocore's own SigV4 signers at a fixed time and prints them as JSON.

Regenerate: python3 botocore_vectors.py > botocore-vectors.json
Read by BotocoreVectorTests; the verifier must accept every vector exactly as printed.
"""
import base64
import datetime
import json
from unittest import mock

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

TIME = datetime.datetime(2024, 1, 1, 0, 0, 0)
CREDS = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
REGION = "us-east-1"


def sign(name, signer, method, url, headers=None, body=b"", context=None):
    request = AWSRequest(method=method, url=url, headers=headers or {}, data=body)
    request.context.update(context or {})
    with mock.patch("botocore.auth.get_current_datetime", return_value=TIME):
        signer.add_auth(request)
    prepared = request.prepare()
    path, _, query = prepared.url.split("://", 1)[1].partition("/")[2].partition("?")
    sent = [[k, v] for k, v in prepared.headers.items()]
    sent.append(["Host", botocore.auth._host_from_url(prepared.url)])
    return {
        "name": name,
        "method": prepared.method,
        "path": "/" + path,
        "query": query,
        "headers": sent,
        "body": base64.b64encode(prepared.body or b"").decode(),
    }


def main():
    ct = botocore.auth.SigV4Auth(CREDS, "cloudtrail", REGION)
    data = botocore.auth.SigV4Auth(CREDS, "cloudtrail-data", REGION)
    vectors = [
        sign("json11-lookup-events", ct, "POST", "http://localhost:4566/",
             {"X-Amz-Target": "CloudTrail_20131101.LookupEvents",
              "Content-Type": "application/x-amz-json-1.1"},
             b'{"MaxResults":5}'),
        sign("rest-put-audit-events-with-query", data, "POST",
             "http://localhost:4566/PutAuditEvents?channelArn=arn%3Aaws%3Acloudtrail%3Aus-east-1%3A123456789012%3Achannel%2Fabc&externalId=a%20b",
             {"Content-Type": "application/json"},
             b'{"auditEvents":[{"id":"1","eventData":"{}"}]}'),
        sign("path-needing-encoding", ct, "GET",
             "http://localhost:4566/a%20b/%E2%9C%93/x~y/c%2Fd",
             {}),
        sign("unsigned-payload-over-https", ct, "POST", "https://contrail.example:8443/",
             {"X-Amz-Target": "CloudTrail_20131101.LookupEvents",
              "Content-Type": "application/x-amz-json-1.1"},
             b"{}", {"payload_signing_enabled": False}),
        sign("date-header-instead-of-x-amz-date", ct, "POST", "http://localhost:4566/",
             {"Date": "Mon, 01 Jan 2024 00:00:00 GMT",
              "X-Amz-Target": "CloudTrail_20131101.LookupEvents",
              "Content-Type": "application/x-amz-json-1.1"},
             b"{}"),
        sign("presigned-get-with-query", botocore.auth.SigV4QueryAuth(CREDS, "cloudtrail", REGION, expires=300), "GET",
             "http://localhost:4566/?Action=LookupEvents&Filter=a%20b%2Bc&Empty="),
    ]
    print(json.dumps({"botocore": botocore.__version__, "time": "20240101T000000Z", "region": REGION,
                      "accessKeyId": CREDS.access_key, "secret": CREDS.secret_key, "vectors": vectors}, indent=2))


if __name__ == "__main__":
    main()
