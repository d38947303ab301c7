# Thumbnail worker: writes a poster image per upload next to the renditions. The image is a fixed 1x1 PNG (frame
# extraction needs ffmpeg, which a real function would carry in a layer).
import base64
import os

import boto3

from transcode import uploads

s3 = boto3.client("s3")
OUTPUT = os.environ.get("RENDITIONS_BUCKET", "video-renditions")
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def handler(event, context):
    for _bucket, key in uploads(event):
        video_id = key.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        s3.put_object(Bucket=OUTPUT, Key=f"{video_id}/thumbnail.png", Body=PIXEL, ContentType="image/png")
