# Consumes the chat-messages stream: every new message is pushed to each connection in its room through the
# WebSocket API's management endpoint. Connections that are gone (410) are removed.
import json
import os

import boto3
from boto3.dynamodb.conditions import Attr

connections = boto3.resource("dynamodb").Table(os.environ.get("CONNECTIONS_TABLE", "chat-connections"))


def send_to_room(room, payload, request_context):
    endpoint = os.environ.get("WS_MANAGEMENT_URL") or (
        f"https://{request_context['domainName']}/{request_context['stage']}"
    )
    api = boto3.client("apigatewaymanagementapi", endpoint_url=endpoint)
    members = connections.scan(FilterExpression=Attr("roomId").eq(room)).get("Items", [])
    for member in members:
        try:
            api.post_to_connection(ConnectionId=member["connectionId"], Data=json.dumps(payload).encode())
        except api.exceptions.GoneException:
            connections.delete_item(Key={"connectionId": member["connectionId"]})


def handler(event, context):
    for record in event.get("Records", []):
        if record.get("eventName") != "INSERT":
            continue
        image = record["dynamodb"]["NewImage"]
        message = {k: list(v.values())[0] for k, v in image.items()}
        send_to_room(message["roomId"], {"type": "message", **message}, {"domainName": "", "stage": ""})
