"""Shared helpers for the boto3 compatibility scripts: clients pointed at CONTRAIL_ENDPOINT."""
import datetime
import json
import os
import time
import uuid

import boto3
from botocore.config import Config

ENDPOINT = os.environ["CONTRAIL_ENDPOINT"]
ACCOUNT = os.environ.get("CONTRAIL_TEST_ACCOUNT", "111122223333")
REGION = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
CHANNEL = f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:channel/default"
_config = Config(retries={"max_attempts": 1, "mode": "standard"})


def cloudtrail():
    return boto3.client("cloudtrail", endpoint_url=ENDPOINT, config=_config)


def data():
    return boto3.client("cloudtrail-data", endpoint_url=ENDPOINT, config=_config)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def event_data(name, principal, source, when):
    return json.dumps({
        "version": "1.0",
        "userIdentity": {"type": "User", "principalId": principal},
        "eventSource": source,
        "eventName": name,
        "eventTime": iso(when),
        "UID": str(uuid.uuid4()),
        "recipientAccountId": ACCOUNT,
    })


def put(events):
    """events: list of (name, principal, source, when); returns the assigned eventIDs in order."""
    ids = []
    client = data()
    for start in range(0, len(events), 100):
        chunk = events[start:start + 100]
        response = client.put_audit_events(
            channelArn=CHANNEL,
            auditEvents=[{"id": f"p{start + i}", "eventData": event_data(*e)} for i, e in enumerate(chunk)])
        assert not response["failed"], response["failed"]
        by_id = {s["id"]: s["eventID"] for s in response["successful"]}
        ids.extend(by_id[f"p{start + i}"] for i in range(len(chunk)))
    return ids


def wait_count(attributes, count, deadline=20.0):
    client = cloudtrail()
    until = time.time() + deadline
    while True:
        seen = sum(len(p["Events"]) for p in client.get_paginator("lookup_events").paginate(LookupAttributes=attributes))
        if seen >= count or time.time() > until:
            return seen
        time.sleep(0.05)


def now():
    return datetime.datetime.now(datetime.timezone.utc)
