#!/usr/bin/env bash
# Multi-tenant SaaS lab: the starting point. Creates the tenant registry, the pooled and siloed tables, the usage
# queue, the functions (all on one over-broad bootstrap role) and an empty REST API; the wiring and the tenant
# isolation are the learner's work (README.md). Safe to run again.
source "$(dirname "$0")/../lib.sh"

echo "Multi-tenant SaaS: starting point on $ENDPOINT"
# Deliberately too broad: the architecture view badges it, and task 2 replaces it for the orders function.
ensure_role saas-bootstrap-role '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:*","events:PutEvents","sqs:*"],"Resource":"*"}]}'

bg ensure_table saas-tenants --attribute-definitions AttributeName=tenantId,AttributeType=S \
  --key-schema AttributeName=tenantId,KeyType=HASH
bg ensure_table saas-pool-orders --attribute-definitions AttributeName=tenantId,AttributeType=S AttributeName=orderId,AttributeType=S \
  --key-schema AttributeName=tenantId,KeyType=HASH AttributeName=orderId,KeyType=RANGE
bg ensure_table saas-silo-acme-orders --attribute-definitions AttributeName=orderId,AttributeType=S \
  --key-schema AttributeName=orderId,KeyType=HASH
bg ensure_table saas-usage --attribute-definitions AttributeName=tenantId,AttributeType=S AttributeName=period,AttributeType=S \
  --key-schema AttributeName=tenantId,KeyType=HASH AttributeName=period,KeyType=RANGE
bg ensure_queue saas-usage-dlq
bg ensure_queue saas-usage-events
bg ensure_function saas-tenant-admin admin.py saas-bootstrap-role
bg ensure_function saas-orders orders.py saas-bootstrap-role
bg ensure_function saas-usage-meter meter.py saas-bootstrap-role
bg ensure_function saas-billing billing.py saas-bootstrap-role
saas_api() { [ -n "$(rest_api_id saas-api)" ] || awsl apigateway create-rest-api --name saas-api >/dev/null; }
bg saas_api
wait_all

say "role saas-bootstrap-role"
say "tables saas-tenants, saas-pool-orders (pool), saas-silo-acme-orders (silo), saas-usage"
say "queues saas-usage-events, saas-usage-dlq"
say "functions saas-tenant-admin, saas-orders, saas-usage-meter, saas-billing"
say "REST API saas-api (no resources yet)"
echo "Done. Open README.md for the tasks."
