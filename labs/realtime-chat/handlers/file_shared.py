# An upload to chat-files/<room>/<user>/<name> becomes a chat message pointing at the file, so the room's history
# and broadcast treat files like text.
import os
import time
import urllib.parse

import boto3

messages = boto3.resource("dynamodb").Table(os.environ.get("MESSAGES_TABLE", "chat-messages"))


def handler(event, context):
    for record in event.get("Records", []):
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        parts = key.split("/", 2)
        if len(parts) != 3:
            continue
        room, user, name = parts
        messages.put_item(
            Item={
                "roomId": room,
                "sentAt": f"{int(time.time() * 1000):015d}#{record['s3']['object'].get('eTag', '')}",
                "userId": user,
                "file": f"s3://{record['s3']['bucket']['name']}/{key}",
                "text": name,
            }
        )
