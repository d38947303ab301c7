#!/usr/bin/env bash
# Serverless e-commerce lab, starting point: creates the skeleton in the emulator — two tables (orders with a stream),
# an images bucket, the orders queue, the order-events topic, the REST API with its two resources, one execution role
# and five functions with the handlers in handlers/. The wiring between them is the lab (see README.md).
#   bash labs/serverless-ecommerce/setup.sh [endpoint] [--allow-remote]
# Run it on an empty emulator (Local Cloud Lab: Reset Emulator, or restart it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

echo "Creating the skeleton at $ENDPOINT"
awsl dynamodb create-table --table-name shop-products --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH >/dev/null
awsl dynamodb create-table --table-name shop-orders --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=orderId,AttributeType=S --key-schema AttributeName=orderId,KeyType=HASH \
  --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES >/dev/null
awsl dynamodb put-item --table-name shop-products \
  --item '{"id":{"S":"p1"},"name":{"S":"Mechanical keyboard"},"price":{"N":"89"}}' >/dev/null
awsl s3api create-bucket --bucket shop-product-images >/dev/null
awsl sqs create-queue --queue-name shop-orders-queue >/dev/null
TOPIC=$(awsl sns create-topic --name shop-order-events --query TopicArn)

API=$(awsl apigateway create-rest-api --name shop-api --query id)
ROOT=$(awsl apigateway get-resources --rest-api-id "$API" --query 'items[?path==`/`].id')
awsl apigateway create-resource --rest-api-id "$API" --parent-id "$ROOT" --path-part products >/dev/null
awsl apigateway create-resource --rest-api-id "$API" --parent-id "$ROOT" --path-part orders >/dev/null

# One role for every function, with a policy far too wide: narrowing it is task 7.
ROLE=$(awsl iam create-role --role-name shop-lambda-role --query Role.Arn --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}')
awsl iam put-role-policy --role-name shop-lambda-role --policy-name shop-everything --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ENV="Variables={PRODUCTS_TABLE=shop-products,ORDERS_TABLE=shop-orders,ORDERS_QUEUE_URL=$(queue_url shop-orders-queue),ORDER_EVENTS_TOPIC=$TOPIC}"
for fn in catalog:catalog place-order:placeOrder process-order:processOrder notify:notify thumbnail:thumbnail; do
  name="shop-${fn%%:*}"
  file="${fn##*:}"
  cp "$HERE/handlers/$file.mjs" "$WORK/index.mjs"
  (cd "$WORK" && rm -f code.zip && python3 -m zipfile -c code.zip index.mjs)
  awsl lambda create-function --function-name "$name" --runtime nodejs20.x --handler index.handler --role "$ROLE" \
    --timeout 15 --environment "$ENV" --zip-file "fileb://$WORK/code.zip" >/dev/null
done
echo "Done: open Local Cloud Lab: Show Architecture, or run node dist/cli.js graph --endpoint $ENDPOINT --format mermaid"
