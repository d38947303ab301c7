#!/usr/bin/env bash
# Real-time chat lab: the starting point. Creates the tables, the file bucket, the handler functions and an empty
# WebSocket API; the wiring between them is the learner's work (README.md). Safe to run again.
source "$(dirname "$0")/../lib.sh"

echo "Real-time chat: starting point on $ENDPOINT"
ensure_role chat-handler-role '{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:DeleteItem","dynamodb:Query","dynamodb:Scan"],
   "Resource":["arn:aws:dynamodb:*:*:table/chat-connections","arn:aws:dynamodb:*:*:table/chat-messages"]},
  {"Effect":"Allow","Action":["dynamodb:GetRecords","dynamodb:GetShardIterator","dynamodb:DescribeStream","dynamodb:ListStreams"],
   "Resource":"arn:aws:dynamodb:*:*:table/chat-messages/stream/*"},
  {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::chat-files/*"},
  {"Effect":"Allow","Action":"execute-api:ManageConnections","Resource":"arn:aws:execute-api:*:*:*/*/POST/@connections/*"}]}'

bg ensure_table chat-connections --attribute-definitions AttributeName=connectionId,AttributeType=S \
  --key-schema AttributeName=connectionId,KeyType=HASH
bg ensure_table chat-messages --attribute-definitions AttributeName=roomId,AttributeType=S AttributeName=sentAt,AttributeType=S \
  --key-schema AttributeName=roomId,KeyType=HASH AttributeName=sentAt,KeyType=RANGE \
  --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE
bg ensure_bucket chat-files
bg ensure_function chat-connect connect.py chat-handler-role
bg ensure_function chat-disconnect disconnect.py chat-handler-role
bg ensure_function chat-message message.py chat-handler-role
bg ensure_function chat-broadcast broadcast.py chat-handler-role
bg ensure_function chat-file-shared file_shared.py chat-handler-role
chat_api() {
  [ -n "$(http_api_id chat-ws)" ] || awsl apigatewayv2 create-api --name chat-ws --protocol-type WEBSOCKET \
    --route-selection-expression '$request.body.action' >/dev/null
}
bg chat_api
wait_all

say "role chat-handler-role"
say "tables chat-connections, chat-messages (with a stream)"
say "bucket chat-files"
say "functions chat-connect, chat-disconnect, chat-message, chat-broadcast, chat-file-shared"
say "WebSocket API chat-ws (no routes yet)"
echo "Done. Open README.md for the tasks."
