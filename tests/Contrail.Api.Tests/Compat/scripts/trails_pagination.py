"""list_trails pagination through boto3's paginator over the trails the test seeded (more than a page)."""
import json
import sys

from common import cloudtrail

pages = list(cloudtrail().get_paginator("list_trails").paginate())
json.dump({"pages": len(pages), "listed": [t["Name"] for p in pages for t in p["Trails"]]}, sys.stdout)
