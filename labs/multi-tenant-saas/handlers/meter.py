# Usage metering: adds each usage event from the saas-usage-events queue to the tenant's counter for the month.
import json
import os
import time

import boto3

usage = boto3.resource("dynamodb").Table(os.environ.get("USAGE_TABLE", "saas-usage"))


def handler(event, context):
    month = time.strftime("%Y-%m")
    for record in event.get("Records", []):
        detail = json.loads(record["body"])["detail"]
        usage.update_item(
            Key={"tenantId": detail["tenantId"], "period": f"{month}#{detail['metric']}"},
            UpdateExpression="ADD quantity :q",
            ExpressionAttributeValues={":q": int(detail.get("quantity", 1))},
        )
