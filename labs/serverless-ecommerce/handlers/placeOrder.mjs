// POST /orders: records the order as PLACED and hands it to the queue; the customer gets 202 at once, the work happens
// asynchronously in shop-process-order. (The user id would come from Cognito; the lab simulates it with a header.)
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';

const db = new DynamoDBClient({});
const sqs = new SQSClient({});

export const handler = async (event) => {
  const body = JSON.parse(event.body || '{}');
  if (!Array.isArray(body.items) || body.items.length === 0) {
    return { statusCode: 400, body: JSON.stringify({ error: 'items must be a non-empty list' }) };
  }
  const order = {
    orderId: randomUUID(),
    userId: (event.headers && (event.headers['x-user-id'] || event.headers['X-User-Id'])) || 'anonymous',
    items: body.items,
  };
  await db.send(
    new PutItemCommand({
      TableName: process.env.ORDERS_TABLE || 'shop-orders',
      Item: {
        orderId: { S: order.orderId },
        userId: { S: order.userId },
        status: { S: 'PLACED' },
        items: { S: JSON.stringify(order.items) },
      },
      ConditionExpression: 'attribute_not_exists(orderId)',
    }),
  );
  await sqs.send(
    new SendMessageCommand({ QueueUrl: process.env.ORDERS_QUEUE_URL, MessageBody: JSON.stringify(order) }),
  );
  return { statusCode: 202, body: JSON.stringify({ orderId: order.orderId, status: 'PLACED' }) };
};
