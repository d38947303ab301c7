#!/usr/bin/env bash
# Video processing pipeline lab: one way to do every task (for teachers and the tests). Run setup.sh first.
# Safe to run again.
source "$(dirname "$0")/../lib.sh"

TOPIC=$(topic_arn video-uploaded)
# Task 1: uploads announce themselves on the topic (the topic policy lets S3 publish).
awsl sns set-topic-attributes --topic-arn "$TOPIC" --attribute-name Policy --attribute-value \
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"s3.amazonaws.com\"},\"Action\":\"sns:Publish\",\"Resource\":\"$TOPIC\",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::video-uploads\"}}}]}"
awsl s3api put-bucket-notification-configuration --bucket video-uploads --notification-configuration \
  "{\"TopicConfigurations\":[{\"TopicArn\":\"$TOPIC\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":[{\"Name\":\"suffix\",\"Value\":\".mp4\"}]}}}]}"
# Task 2: fan out to one queue per kind of work.
ensure_subscription "$TOPIC" sqs "$(queue_arn video-transcode-jobs)"
ensure_subscription "$TOPIC" sqs "$(queue_arn video-thumbnail-jobs)"
# Task 3: a poison upload ends in video-failed after three tries instead of blocking the queue.
REDRIVE="{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"$(queue_arn video-failed)\\\",\\\"maxReceiveCount\\\":\\\"3\\\"}\"}"
awsl sqs set-queue-attributes --queue-url "$(queue_url video-transcode-jobs)" --attributes "$REDRIVE"
awsl sqs set-queue-attributes --queue-url "$(queue_url video-thumbnail-jobs)" --attributes "$REDRIVE"
# Task 4: the workers consume their queues.
ensure_mapping "$(queue_arn video-transcode-jobs)" video-transcode --batch-size 1
ensure_mapping "$(queue_arn video-thumbnail-jobs)" video-thumbnail --batch-size 5
# Task 5: every rendition is catalogued.
awsl s3api put-bucket-notification-configuration --bucket video-renditions --notification-configuration \
  "{\"LambdaFunctionConfigurations\":[{\"LambdaFunctionArn\":\"$(function_arn video-catalog)\",\"Events\":[\"s3:ObjectCreated:*\"]}]}"
echo "Video pipeline: solution applied"
