# $connect: remember who is on which connection. The user id stands in for the Cognito token's `sub` claim
# (Cognito is simulated in this lab): the client connects with ?user=<id>&room=<room>.
import os
import time

import boto3

connections = boto3.resource("dynamodb").Table(os.environ.get("CONNECTIONS_TABLE", "chat-connections"))


def handler(event, context):
    query = event.get("queryStringParameters") or {}
    user = query.get("user")
    if not user:
        return {"statusCode": 401, "body": "user is required (the simulated sign-in)"}
    connections.put_item(
        Item={
            "connectionId": event["requestContext"]["connectionId"],
            "userId": user,
            "roomId": query.get("room", "lobby"),
            "expiresAt": int(time.time()) + 2 * 3600,
        }
    )
    return {"statusCode": 200}
