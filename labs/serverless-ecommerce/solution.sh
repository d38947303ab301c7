#!/usr/bin/env bash
# Serverless e-commerce lab: one way to do every task (for teachers and the tests). Run setup.sh first. Safe to run
# again.
source "$(dirname "$0")/../lib.sh"

account_id >/dev/null # once, before the steps run side by side
# Task 1: the API, as Lambda proxy integrations.
API=$(rest_api_id shop-api)
bg ensure_rest_route "$API" products GET shop-catalog
bg ensure_rest_route "$API" orders POST shop-place-order
# Task 2: the orders queue triggers shop-process-order, which reports failures per message.
bg ensure_mapping "$(queue_arn shop-orders-queue)" shop-process-order --batch-size 10 \
  --function-response-types ReportBatchItemFailures
# Task 3: after three failed receives an order waits in shop-orders-dlq instead of being retried forever.
dead_letters() {
  ensure_queue shop-orders-dlq
  awsl sqs set-queue-attributes --queue-url "$(queue_url shop-orders-queue)" --attributes \
    "{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"$(queue_arn shop-orders-dlq)\\\",\\\"maxReceiveCount\\\":\\\"3\\\"}\"}"
}
bg dead_letters
# Task 4: order events fan out to an e-mail queue and an analytics queue, each with the filter it needs.
subscribe() { # queue attributes
  ensure_queue "$1"
  ensure_subscription "$(topic_arn shop-order-events)" sqs "$(queue_arn "$1")" --attributes "$2"
}
bg subscribe shop-email-queue '{"FilterPolicy":"{\"type\":[\"order_paid\",\"order_shipped\"]}"}'
bg subscribe shop-analytics-queue '{"FilterPolicy":"{\"type\":[{\"prefix\":\"order_\"}]}"}'
# Task 5: the orders table's stream drives shop-notify.
event_sourcing() {
  local stream
  stream=$(awsl dynamodb describe-table --table-name shop-orders --query Table.LatestStreamArn)
  ensure_mapping "$stream" shop-notify --starting-position LATEST
}
bg event_sourcing
# Task 6: every new image under uploads/ triggers shop-thumbnail.
images() {
  once awsl lambda add-permission --function-name shop-thumbnail --statement-id s3-invoke \
    --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn arn:aws:s3:::shop-product-images >/dev/null
  awsl s3api put-bucket-notification-configuration --bucket shop-product-images --notification-configuration \
    "{\"LambdaFunctionConfigurations\":[{\"LambdaFunctionArn\":\"$(function_arn shop-thumbnail)\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":[{\"Name\":\"prefix\",\"Value\":\"uploads/\"}]}}}]}"
}
bg images
# Task 7: least privilege, the actions the functions call on the shop's resources instead of `*` on `*`.
least_privilege() {
  local out account
  account=$(account_id)
  awsl iam put-role-policy --role-name shop-lambda-role --policy-name shop-least-privilege --policy-document "{
  \"Version\": \"2012-10-17\",
  \"Statement\": [
    {\"Effect\": \"Allow\", \"Action\": [\"dynamodb:Scan\", \"dynamodb:PutItem\", \"dynamodb:UpdateItem\"],
     \"Resource\": [\"arn:aws:dynamodb:$REGION:$account:table/shop-products\", \"arn:aws:dynamodb:$REGION:$account:table/shop-orders\"]},
    {\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetRecords\", \"dynamodb:GetShardIterator\", \"dynamodb:DescribeStream\", \"dynamodb:ListStreams\"],
     \"Resource\": \"arn:aws:dynamodb:$REGION:$account:table/shop-orders/stream/*\"},
    {\"Effect\": \"Allow\", \"Action\": [\"sqs:SendMessage\", \"sqs:ReceiveMessage\", \"sqs:DeleteMessage\", \"sqs:GetQueueAttributes\"],
     \"Resource\": \"arn:aws:sqs:$REGION:$account:shop-orders-queue\"},
    {\"Effect\": \"Allow\", \"Action\": \"sns:Publish\", \"Resource\": \"arn:aws:sns:$REGION:$account:shop-order-events\"},
    {\"Effect\": \"Allow\", \"Action\": [\"logs:CreateLogGroup\", \"logs:CreateLogStream\", \"logs:PutLogEvents\"], \"Resource\": \"*\"}
  ]
}"
  # The wide policy goes; already gone on a second run.
  if ! out=$(awsl iam delete-role-policy --role-name shop-lambda-role --policy-name shop-everything 2>&1); then
    grep -q NoSuchEntity <<<"$out" || { echo "$out" >&2; return 1; }
  fi
}
bg least_privilege
wait_all
echo "Serverless e-commerce: solution applied"
