# $disconnect: forget the connection so broadcasts stop trying it.
import os

import boto3

connections = boto3.resource("dynamodb").Table(os.environ.get("CONNECTIONS_TABLE", "chat-connections"))


def handler(event, context):
    connections.delete_item(Key={"connectionId": event["requestContext"]["connectionId"]})
    return {"statusCode": 200}
