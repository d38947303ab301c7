#!/usr/bin/env bash
# One way to do the lab's tasks (README.md), for comparing with yours — try them yourself first.
#   bash labs/serverless-ecommerce/solution.sh [endpoint] [--allow-remote]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REGION="$AWS_DEFAULT_REGION"

# 1. The API: GET /products → shop-catalog, POST /orders → shop-place-order (Lambda proxy integrations).
API=$(awsl apigateway get-rest-apis --query 'items[?name==`shop-api`].id')
route() { # method path function
  local res
  res=$(awsl apigateway get-resources --rest-api-id "$API" --query "items[?path==\`$2\`].id")
  awsl apigateway put-method --rest-api-id "$API" --resource-id "$res" --http-method "$1" --authorization-type NONE >/dev/null
  awsl apigateway put-integration --rest-api-id "$API" --resource-id "$res" --http-method "$1" --type AWS_PROXY \
    --integration-http-method POST \
    --uri "arn:aws:apigateway:$REGION:lambda:path/2015-03-31/functions/$(function_arn "$3")/invocations" >/dev/null
}
route GET /products shop-catalog
route POST /orders shop-place-order

# 2. Asynchronous processing: the orders queue triggers shop-process-order, reporting failures per message.
awsl lambda create-event-source-mapping --function-name shop-process-order --batch-size 10 \
  --function-response-types ReportBatchItemFailures --event-source-arn "$(queue_arn shop-orders-queue)" >/dev/null

# 3. A dead-letter queue: after 3 failed receives an order waits in shop-orders-dlq instead of being retried forever.
awsl sqs create-queue --queue-name shop-orders-dlq >/dev/null
awsl sqs set-queue-attributes --queue-url "$(queue_url shop-orders-queue)" --attributes \
  "{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"$(queue_arn shop-orders-dlq)\\\",\\\"maxReceiveCount\\\":\\\"3\\\"}\"}"

# 4. Fan-out: order events to an email queue and an analytics queue, each with the filter it needs.
TOPIC=$(awsl sns list-topics --query "Topics[?ends_with(TopicArn, ':shop-order-events')].TopicArn")
for q in email analytics; do
  awsl sqs create-queue --queue-name "shop-$q-queue" >/dev/null
done
awsl sns subscribe --topic-arn "$TOPIC" --protocol sqs --notification-endpoint "$(queue_arn shop-email-queue)" \
  --attributes '{"FilterPolicy":"{\"type\":[\"order_paid\",\"order_shipped\"]}"}' >/dev/null
awsl sns subscribe --topic-arn "$TOPIC" --protocol sqs --notification-endpoint "$(queue_arn shop-analytics-queue)" \
  --attributes '{"FilterPolicy":"{\"type\":[{\"prefix\":\"order_\"}]}"}' >/dev/null

# 5. Event sourcing: the orders table's stream drives shop-notify.
awsl lambda create-event-source-mapping --function-name shop-notify --starting-position LATEST \
  --event-source-arn "$(awsl dynamodb describe-table --table-name shop-orders --query Table.LatestStreamArn)" >/dev/null

# 6. Event-driven processing: every new image triggers shop-thumbnail.
awsl lambda add-permission --function-name shop-thumbnail --statement-id s3-invoke --action lambda:InvokeFunction \
  --principal s3.amazonaws.com --source-arn arn:aws:s3:::shop-product-images >/dev/null
awsl s3api put-bucket-notification-configuration --bucket shop-product-images --notification-configuration \
  "{\"LambdaFunctionConfigurations\":[{\"LambdaFunctionArn\":\"$(function_arn shop-thumbnail)\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":[{\"Name\":\"prefix\",\"Value\":\"uploads/\"}]}}}]}"

# 7. Least privilege: replace the `*` policy with what the functions call, on the shop's resources.
ACCOUNT=$(awsl sts get-caller-identity --query Account)
awsl iam delete-role-policy --role-name shop-lambda-role --policy-name shop-everything
awsl iam put-role-policy --role-name shop-lambda-role --policy-name shop-least-privilege --policy-document "{
  \"Version\": \"2012-10-17\",
  \"Statement\": [
    {\"Effect\": \"Allow\", \"Action\": [\"dynamodb:Scan\", \"dynamodb:PutItem\", \"dynamodb:UpdateItem\"],
     \"Resource\": [\"arn:aws:dynamodb:$REGION:$ACCOUNT:table/shop-products\", \"arn:aws:dynamodb:$REGION:$ACCOUNT:table/shop-orders\"]},
    {\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetRecords\", \"dynamodb:GetShardIterator\", \"dynamodb:DescribeStream\", \"dynamodb:ListStreams\"],
     \"Resource\": \"arn:aws:dynamodb:$REGION:$ACCOUNT:table/shop-orders/stream/*\"},
    {\"Effect\": \"Allow\", \"Action\": [\"sqs:SendMessage\", \"sqs:ReceiveMessage\", \"sqs:DeleteMessage\", \"sqs:GetQueueAttributes\"],
     \"Resource\": \"arn:aws:sqs:$REGION:$ACCOUNT:shop-orders-queue\"},
    {\"Effect\": \"Allow\", \"Action\": \"sns:Publish\", \"Resource\": \"arn:aws:sns:$REGION:$ACCOUNT:shop-order-events\"},
    {\"Effect\": \"Allow\", \"Action\": [\"logs:CreateLogGroup\", \"logs:CreateLogStream\", \"logs:PutLogEvents\"], \"Resource\": \"*\"}
  ]
}"
echo "Done: compare with node labs/serverless-ecommerce/check.mjs $ENDPOINT"
