# The sendMessage and typing routes. A message is stored (the table's stream then broadcasts it and the table is
# the history); a typing signal is only relayed to the room, never stored.
import json
import os
import time

import boto3

dynamodb = boto3.resource("dynamodb")
messages = dynamodb.Table(os.environ.get("MESSAGES_TABLE", "chat-messages"))
connections = dynamodb.Table(os.environ.get("CONNECTIONS_TABLE", "chat-connections"))


def handler(event, context):
    ctx = event["requestContext"]
    body = json.loads(event.get("body") or "{}")
    sender = connections.get_item(Key={"connectionId": ctx["connectionId"]}).get("Item")
    if sender is None:
        return {"statusCode": 403, "body": "unknown connection"}
    room = body.get("room", sender["roomId"])
    if ctx.get("routeKey") == "typing":
        from broadcast import send_to_room

        send_to_room(room, {"type": "typing", "user": sender["userId"]}, ctx)
        return {"statusCode": 200}
    messages.put_item(
        Item={
            "roomId": room,
            "sentAt": f"{int(time.time() * 1000):015d}#{ctx['requestId']}",
            "userId": sender["userId"],
            "text": str(body.get("text", ""))[:4000],
        }
    )
    return {"statusCode": 200}
