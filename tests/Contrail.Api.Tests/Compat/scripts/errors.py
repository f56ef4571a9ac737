"""Calls that must fail, through boto3; prints each case's error code, message and HTTP status."""
import json
import time

from botocore.exceptions import ClientError

from common import CHANNEL, ACCOUNT, REGION, cloudtrail, data, event_data, now

results = {}


def case(name, call):
    try:
        call()
        results[name] = {"code": None}
    except ClientError as e:
        results[name] = {
            "code": e.response["Error"]["Code"],
            "message": e.response["Error"].get("Message", ""),
            "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
        }


ct = cloudtrail()
cd = data()
case("bad_next_token", lambda: ct.lookup_events(NextToken="not-a-token"))
cd.put_audit_events(channelArn=CHANNEL, auditEvents=[
    {"id": f"seed{i}", "eventData": event_data("Seed", "bob", "errors.example.com", now())} for i in range(2)])
token = None
deadline = time.monotonic() + 30
while token is None and time.monotonic() < deadline:
    # Indexing is asynchronous (sub-second): wait until there is a second page.
    token = ct.lookup_events(MaxResults=1).get("NextToken")
    if token is None:
        time.sleep(0.05)
assert token is not None, "no second page of events appeared"
case("token_other_params", lambda: ct.lookup_events(
    NextToken=token, LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "X"}]))
case("bad_category", lambda: ct.lookup_events(EventCategory="bogus"))
case("max_results_51", lambda: ct.lookup_events(MaxResults=51))
case("value_too_long", lambda: ct.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "x" * 2001}]))
case("insight_username", lambda: ct.lookup_events(EventCategory="insight", LookupAttributes=[{"AttributeKey": "Username", "AttributeValue": "x"}]))
case("unknown_channel", lambda: cd.put_audit_events(
    channelArn=f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:channel/nope", auditEvents=[{"id": "a", "eventData": "{}"}]))
case("duplicate_ids", lambda: cd.put_audit_events(
    channelArn=CHANNEL, auditEvents=[{"id": "a", "eventData": "{}"}, {"id": "a", "eventData": "{}"}]))
case("too_many_events", lambda: cd.put_audit_events(
    channelArn=CHANNEL, auditEvents=[{"id": f"i{i}", "eventData": "{}"} for i in range(101)]))

mixed = cd.put_audit_events(channelArn=CHANNEL, auditEvents=[
    {"id": "good", "eventData": event_data("Mixed", "bob", "errors.example.com", now())},
    {"id": "bad-recipient", "eventData": event_data("Mixed", "bob", "errors.example.com", now()).replace(ACCOUNT, "999999999999")},
    {"id": "not-json", "eventData": "{nope"},
])
results["mixed"] = {
    "successful": [s["id"] for s in mixed["successful"]],
    "failed": {f["id"]: f["errorCode"] for f in mixed["failed"]},
}
print(json.dumps(results))
