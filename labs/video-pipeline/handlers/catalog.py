# Catalog: each object landing in video-renditions is recorded under its video, so the player can list what exists.
import os
import urllib.parse

import boto3

catalog = boto3.resource("dynamodb").Table(os.environ.get("CATALOG_TABLE", "video-catalog"))
CDN = os.environ.get("CDN_BASE_URL", "https://cdn.example.test")  # CloudFront is simulated: a base URL only


def handler(event, context):
    for record in event.get("Records", []):
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        video_id, _, name = key.partition("/")
        catalog.update_item(
            Key={"videoId": video_id},
            UpdateExpression="SET #f.#n = :url",
            ExpressionAttributeNames={"#f": "files", "#n": name},
            ExpressionAttributeValues={":url": f"{CDN}/{key}"},
        )
