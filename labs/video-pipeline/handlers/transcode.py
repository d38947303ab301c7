# Transcode worker (MediaConvert is simulated): for each upload announced on the video-transcode-jobs queue, writes one
# rendition per resolution to video-renditions. A real pipeline would submit a MediaConvert job here instead; the
# copies keep the rest of the pipeline (catalog, delivery) honest about the keys it receives.
import json
import os

import boto3

s3 = boto3.client("s3")
OUTPUT = os.environ.get("RENDITIONS_BUCKET", "video-renditions")
RESOLUTIONS = ("1080p", "720p", "480p")


def uploads(event):
    for record in event.get("Records", []):
        envelope = json.loads(record["body"])
        notification = json.loads(envelope.get("Message", "{}"))
        for s3_record in notification.get("Records", []):
            yield s3_record["s3"]["bucket"]["name"], s3_record["s3"]["object"]["key"]


def handler(event, context):
    for bucket, key in uploads(event):
        video_id = key.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        for resolution in RESOLUTIONS:
            s3.copy_object(
                Bucket=OUTPUT,
                Key=f"{video_id}/{resolution}.mp4",
                CopySource={"Bucket": bucket, "Key": key},
                Metadata={"resolution": resolution, "simulated": "mediaconvert"},
                MetadataDirective="REPLACE",
            )
