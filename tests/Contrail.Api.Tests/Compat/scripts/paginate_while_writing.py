"""Pages through LookupEvents with boto3 while new events keep arriving between pages."""
import datetime
import json

from common import cloudtrail, now, put, wait_count

SOURCE = "boto3-paging.example.com"
base = now() - datetime.timedelta(hours=1)
original = put([("Paged", f"u{i % 5}", SOURCE, base + datetime.timedelta(seconds=i * 10)) for i in range(150)])
attributes = [{"AttributeKey": "EventSource", "AttributeValue": SOURCE}]
assert wait_count(attributes, 150) >= 150

client = cloudtrail()
seen, times, token, pages = [], [], None, 0
while True:
    kwargs = {"LookupAttributes": attributes, "MaxResults": 25}
    if token:
        kwargs["NextToken"] = token
    page = client.lookup_events(**kwargs)
    pages += 1
    seen.extend(e["EventId"] for e in page["Events"])
    times.extend(e["EventTime"].timestamp() for e in page["Events"])
    # New, newer events arrive while the client is paging.
    put([("Paged", "late", SOURCE, now()) for _ in range(5)])
    token = page.get("NextToken")
    if not token:
        break

print(json.dumps({"original": original, "seen": seen, "times": times, "pages": pages}))
