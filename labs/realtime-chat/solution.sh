#!/usr/bin/env bash
# Real-time chat lab: one way to do every task (for teachers and the tests). Run setup.sh first. Safe to run again.
source "$(dirname "$0")/../lib.sh"

account_id >/dev/null # once, before the steps run side by side
API=$(http_api_id chat-ws)
# Tasks 1 and 2: connect and disconnect; messages and typing indicators (one function, two routes).
bg ensure_routes "$API" '$connect=chat-connect' '$disconnect=chat-disconnect' sendMessage=chat-message typing=chat-message
# Task 3: every stored message is broadcast from the table's stream.
broadcast() {
  local stream
  stream=$(awsl dynamodb describe-table --table-name chat-messages --query Table.LatestStreamArn)
  ensure_mapping "$stream" chat-broadcast --starting-position LATEST --batch-size 50
}
bg broadcast
# Task 4: an uploaded file becomes a message.
bg awsl s3api put-bucket-notification-configuration --bucket chat-files --notification-configuration \
  "{\"LambdaFunctionConfigurations\":[{\"LambdaFunctionArn\":\"$(function_arn chat-file-shared)\",\"Events\":[\"s3:ObjectCreated:*\"]}]}"
wait_all
echo "Real-time chat: solution applied"
