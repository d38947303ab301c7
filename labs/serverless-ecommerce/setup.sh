#!/usr/bin/env bash
# Serverless e-commerce lab: the starting point. Creates the tables (orders with a stream), the images bucket, the
# orders queue, the order-events topic, the REST API with its two resources, one execution role with a policy far too
# wide and five functions with the handlers in handlers/; the wiring between them is the learner's work (README.md).
# Safe to run again.
source "$(dirname "$0")/../lib.sh"

echo "Serverless e-commerce: starting point on $ENDPOINT"
# One role for every function, with a policy far too wide: narrowing it is the last task.
ensure_role shop-lambda-role
awsl iam put-role-policy --role-name shop-lambda-role --policy-name shop-everything --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'

products() {
  ensure_table shop-products --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH
  awsl dynamodb put-item --table-name shop-products \
    --item '{"id":{"S":"p1"},"name":{"S":"Mechanical keyboard"},"price":{"N":"89"}}' >/dev/null
}
bg products
bg ensure_table shop-orders --attribute-definitions AttributeName=orderId,AttributeType=S \
  --key-schema AttributeName=orderId,KeyType=HASH --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES
bg ensure_bucket shop-product-images
bg ensure_topic shop-order-events
shop_api() {
  local api
  api=$(rest_api_id shop-api)
  [ -n "$api" ] || api=$(awsl apigateway create-rest-api --name shop-api --query id)
  ensure_rest_resource "$api" products >/dev/null
  ensure_rest_resource "$api" orders >/dev/null
}
bg shop_api
# The functions get the queue's URL in their environment: the queue first (CreateQueue answers an existing one).
QUEUE_URL=$(awsl sqs create-queue --queue-name shop-orders-queue --query QueueUrl)
ENV="Variables={PRODUCTS_TABLE=shop-products,ORDERS_TABLE=shop-orders,ORDERS_QUEUE_URL=$QUEUE_URL,ORDER_EVENTS_TOPIC=$(topic_arn shop-order-events)}"
bg ensure_function shop-catalog catalog.mjs shop-lambda-role --environment "$ENV"
bg ensure_function shop-place-order placeOrder.mjs shop-lambda-role --environment "$ENV"
bg ensure_function shop-process-order processOrder.mjs shop-lambda-role --environment "$ENV"
bg ensure_function shop-notify notify.mjs shop-lambda-role --environment "$ENV"
bg ensure_function shop-thumbnail thumbnail.mjs shop-lambda-role --environment "$ENV"
wait_all

say "role shop-lambda-role (policy shop-everything: * on *)"
say "tables shop-products (one product), shop-orders (with a stream)"
say "bucket shop-product-images, queue shop-orders-queue, topic shop-order-events"
say "REST API shop-api with /products and /orders (no methods yet)"
say "functions shop-catalog, shop-place-order, shop-process-order, shop-notify, shop-thumbnail"
echo "Done. Open README.md for the tasks."
