# Admin API: POST /tenants registers a tenant with its tier. Pool tenants share saas-pool-orders; a silo tenant
# gets its own table (the bridge model mixes both, by tier).
import json
import os

import boto3

dynamodb = boto3.client("dynamodb")
REGISTRY = os.environ.get("REGISTRY_TABLE", "saas-tenants")


def handler(event, context):
    body = json.loads(event.get("body") or "{}")
    tenant, tier = body.get("tenantId"), body.get("tier", "pool")
    if not tenant or tier not in ("pool", "silo"):
        return {"statusCode": 400, "body": "tenantId and a tier of pool or silo are required"}
    table = "saas-pool-orders"
    if tier == "silo":
        table = f"saas-silo-{tenant}-orders"
        dynamodb.create_table(
            TableName=table,
            BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "orderId", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "orderId", "KeyType": "HASH"}],
        )
    dynamodb.put_item(
        TableName=REGISTRY,
        Item={"tenantId": {"S": tenant}, "tier": {"S": tier}, "ordersTable": {"S": table}},
        ConditionExpression="attribute_not_exists(tenantId)",
    )
    return {"statusCode": 201, "body": json.dumps({"tenantId": tenant, "tier": tier, "ordersTable": table})}
