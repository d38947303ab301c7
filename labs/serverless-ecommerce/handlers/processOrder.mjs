// Reads orders from shop-orders-queue in batches: "charges" them (payment is simulated), marks them PAID and
// publishes an order_paid event for the other services. A failed record is reported on its own, so only it is retried
// (and, after maxReceiveCount, moved to the dead-letter queue).
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';

const db = new DynamoDBClient({});
const sns = new SNSClient({});

export const handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records || []) {
    try {
      const order = JSON.parse(record.body);
      await db.send(
        new UpdateItemCommand({
          TableName: process.env.ORDERS_TABLE || 'shop-orders',
          Key: { orderId: { S: order.orderId } },
          UpdateExpression: 'SET #s = :paid',
          ConditionExpression: '#s = :placed',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':paid': { S: 'PAID' }, ':placed': { S: 'PLACED' } },
        }),
      );
      await sns.send(
        new PublishCommand({
          TopicArn: process.env.ORDER_EVENTS_TOPIC,
          Message: JSON.stringify({ type: 'order_paid', orderId: order.orderId }),
          MessageAttributes: { type: { DataType: 'String', StringValue: 'order_paid' } },
        }),
      );
    } catch (err) {
      console.error('order failed', record.messageId, err);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
