# Nightly billing run (the payment provider is simulated): prices each tenant's usage of the month so far and
# logs the invoice lines a real integration would send to the provider's API.
import os
import time

import boto3
from boto3.dynamodb.conditions import Key

usage = boto3.resource("dynamodb").Table(os.environ.get("USAGE_TABLE", "saas-usage"))
PRICE_CENTS = {"orders": 5}


def handler(event, context):
    month = time.strftime("%Y-%m")
    lines = []
    for item in usage.scan().get("Items", []):
        if not item["period"].startswith(month):
            continue
        metric = item["period"].split("#", 1)[1]
        lines.append({"tenantId": item["tenantId"], "metric": metric, "cents": int(item["quantity"]) * PRICE_CENTS.get(metric, 0)})
    print({"simulatedInvoiceLines": lines})
    return {"lines": len(lines)}
