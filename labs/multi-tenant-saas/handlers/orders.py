# Orders API: every read and write is keyed by the caller's tenant, and each order records a usage event on
# EventBridge for metering. The execution role (saas-orders-role) only allows keys that start with a tenant id.
import json
import os
import time
import uuid

import boto3

from tenant import tenant_of

dynamodb = boto3.client("dynamodb")
events = boto3.client("events")


def handler(event, context):
    tenant = tenant_of(event)
    if not tenant:
        return {"statusCode": 401, "body": "no tenant in the request"}
    table = os.environ.get("ORDERS_TABLE", "saas-pool-orders")
    if event.get("httpMethod") == "GET":
        items = dynamodb.query(
            TableName=table,
            KeyConditionExpression="tenantId = :t",
            ExpressionAttributeValues={":t": {"S": tenant}},
        )["Items"]
        return {"statusCode": 200, "body": json.dumps(items)}
    order_id = str(uuid.uuid4())
    dynamodb.put_item(
        TableName=table, Item={"tenantId": {"S": tenant}, "orderId": {"S": order_id}, "at": {"N": str(int(time.time()))}}
    )
    events.put_events(
        Entries=[
            {
                "Source": "saas.orders",
                "DetailType": "UsageRecorded",
                "Detail": json.dumps({"tenantId": tenant, "metric": "orders", "quantity": 1}),
            }
        ]
    )
    return {"statusCode": 201, "body": json.dumps({"orderId": order_id})}
