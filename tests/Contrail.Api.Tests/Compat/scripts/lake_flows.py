"""Event data stores and channels through boto3: round trips, PutAuditEvents on a created channel, errors."""
import json
import sys
import uuid

from botocore.exceptions import ClientError

from common import ACCOUNT, cloudtrail, data, event_data, now

ct = cloudtrail()
cd = data()
out = {}


def code(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return {"code": None}


store = ct.create_event_data_store(
    Name="boto-store", RetentionPeriod=30, TerminationProtectionEnabled=False,
    AdvancedEventSelectors=[{"Name": "audit", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["ActivityAuditLog"]}]}])
arn = store["EventDataStoreArn"]
out["created_status"] = store["Status"]
out["created_type"] = type(store["CreatedTimestamp"]).__name__
got = ct.get_event_data_store(EventDataStore=arn.split("/")[-1])
out["get_status"] = got["Status"]
out["get_retention"] = got["RetentionPeriod"]
out["listed"] = [s["Name"] for s in ct.list_event_data_stores(MaxResults=10)["EventDataStores"]]

channel = ct.create_channel(Name="boto-channel", Source="Custom",
                            Destinations=[{"Type": "EVENT_DATA_STORE", "Location": arn}])
put = cd.put_audit_events(channelArn=channel["ChannelArn"],
                          auditEvents=[{"id": "b1", "eventData": event_data("Login", "bob", "myapp", now())}])
out["put_successful"] = len(put["successful"])
status = ct.get_channel(Channel=channel["ChannelArn"])["IngestionStatus"]
out["ingested_event"] = status["LatestIngestionSuccessEventID"] == put["successful"][0]["eventID"]
out["ingested_time_type"] = type(status["LatestIngestionSuccessTime"]).__name__
out["channels"] = [c["Name"] for c in ct.list_channels()["Channels"]]

out["errors"] = {
    "not_found": code(ct.get_event_data_store, EventDataStore=str(uuid.uuid4())),
    "bad_arn": code(ct.get_event_data_store, EventDataStore=f"arn:aws:cloudtrail:us-east-1:{ACCOUNT}:trail/x-trail"),
    "channel_exists": code(ct.delete_event_data_store, EventDataStore=arn),
    "retention": code(ct.create_event_data_store, Name="boto-fixed", BillingMode="FIXED_RETENTION_PRICING", RetentionPeriod=3000),
    "channel_not_found": code(ct.get_channel, Channel=str(uuid.uuid4())),
    "put_unknown": code(cd.put_audit_events, channelArn=str(uuid.uuid4()),
                        auditEvents=[{"id": "x", "eventData": "{}"}]),
}
ct.delete_channel(Channel=channel["ChannelArn"])
ct.delete_event_data_store(EventDataStore=arn)
out["after_delete"] = ct.get_event_data_store(EventDataStore=arn)["Status"]
json.dump(out, sys.stdout)
