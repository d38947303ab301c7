#!/usr/bin/env bash
# Video processing pipeline lab: one way to do every task (for teachers and the tests). Run setup.sh first.
# Safe to run again.
source "$(dirname "$0")/../lib.sh"

account_id >/dev/null # once, before the steps run side by side
TOPIC=$(topic_arn video-uploaded)
# Task 1: uploads announce themselves on the topic (the topic policy lets S3 publish).
announce() {
  awsl sns set-topic-attributes --topic-arn "$TOPIC" --attribute-name Policy --attribute-value \
    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"s3.amazonaws.com\"},\"Action\":\"sns:Publish\",\"Resource\":\"$TOPIC\",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::video-uploads\"}}}]}"
  awsl s3api put-bucket-notification-configuration --bucket video-uploads --notification-configuration \
    "{\"TopicConfigurations\":[{\"TopicArn\":\"$TOPIC\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":[{\"Name\":\"suffix\",\"Value\":\".mp4\"}]}}}]}"
}
bg announce
# Tasks 2 to 4, per kind of work: its queue subscribes to the topic, a poison upload ends in video-failed after
# three tries instead of blocking the queue, and the worker consumes the queue.
REDRIVE="{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"$(queue_arn video-failed)\\\",\\\"maxReceiveCount\\\":\\\"3\\\"}\"}"
work_queue() {
  local queue=$1 worker=$2 batch=$3
  ensure_subscription "$TOPIC" sqs "$(queue_arn "$queue")"
  awsl sqs set-queue-attributes --queue-url "$(queue_url "$queue")" --attributes "$REDRIVE"
  ensure_mapping "$(queue_arn "$queue")" "$worker" --batch-size "$batch"
}
bg work_queue video-transcode-jobs video-transcode 1 # transcoding is slow: one upload per batch
bg work_queue video-thumbnail-jobs video-thumbnail 5
# Task 5: every rendition is catalogued.
bg awsl s3api put-bucket-notification-configuration --bucket video-renditions --notification-configuration \
  "{\"LambdaFunctionConfigurations\":[{\"LambdaFunctionArn\":\"$(function_arn video-catalog)\",\"Events\":[\"s3:ObjectCreated:*\"]}]}"
wait_all
echo "Video pipeline: solution applied"
