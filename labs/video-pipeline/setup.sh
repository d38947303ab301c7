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

bg ensure_bucket video-uploads
bg ensure_bucket video-renditions
bg ensure_table video-catalog --attribute-definitions AttributeName=videoId,AttributeType=S \
  --key-schema AttributeName=videoId,KeyType=HASH
bg ensure_topic video-uploaded
bg ensure_queue video-transcode-jobs '{"VisibilityTimeout":"180"}'
bg ensure_queue video-thumbnail-jobs '{"VisibilityTimeout":"180"}'
bg ensure_queue video-failed
bg ensure_function video-transcode transcode.py video-pipeline-role
bg ensure_function video-thumbnail thumbnail.py video-pipeline-role
bg ensure_function video-catalog catalog.py video-pipeline-role
wait_all

say "role video-pipeline-role"
say "buckets video-uploads, video-renditions"
say "table video-catalog"
say "topic video-uploaded; queues video-transcode-jobs, video-thumbnail-jobs, video-failed"
say "functions video-transcode, video-thumbnail, video-catalog"
echo "Done. Open README.md for the tasks."
