#!/usr/bin/env bash
# Video processing pipeline lab: the starting point. Creates the buckets, the catalog table, the topic, the work
# queues and the worker functions; the wiring between them is the learner's work (README.md). Safe to run again.
source "$(dirname "$0")/../lib.sh"

echo "Video pipeline: starting point on $ENDPOINT"
ensure_role video-pipeline-role '{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::video-uploads/*"},
  {"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"arn:aws:s3:::video-renditions/*"},
  {"Effect":"Allow","Action":"dynamodb:UpdateItem","Resource":"arn:aws:dynamodb:*:*:table/video-catalog"},
  {"Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:DeleteMessage","sqs:GetQueueAttributes"],
   "Resource":["arn:aws:sqs:*:*:video-transcode-jobs","arn:aws:sqs:*:*:video-thumbnail-jobs"]}]}'
say "role video-pipeline-role"
ensure_bucket video-uploads
ensure_bucket video-renditions
say "buckets video-uploads, video-renditions"
ensure_table video-catalog --attribute-definitions AttributeName=videoId,AttributeType=S \
  --key-schema AttributeName=videoId,KeyType=HASH
say "table video-catalog"
ensure_topic video-uploaded
ensure_queue video-transcode-jobs '{"VisibilityTimeout":"180"}'
ensure_queue video-thumbnail-jobs '{"VisibilityTimeout":"180"}'
ensure_queue video-failed
say "topic video-uploaded; queues video-transcode-jobs, video-thumbnail-jobs, video-failed"
ensure_function video-transcode transcode.py video-pipeline-role
ensure_function video-thumbnail thumbnail.py video-pipeline-role
ensure_function video-catalog catalog.py video-pipeline-role
say "functions video-transcode, video-thumbnail, video-catalog"
echo "Done. Open README.md for the tasks."
