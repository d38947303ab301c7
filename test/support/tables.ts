// Table definitions the tests create on the emulator (integration, VS Code and end to end).
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * Orders keyed by customer, provisioned at 4,000 WCU, with a `status` GSI: a few status values cannot use that
 * capacity (DDB_CAPACITY_UNREACHABLE) and a few busy customers skew the sample (DDB_SAMPLE_SKEW).
 */
export function ordersTableInput(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    KeySchema: [
      { AttributeName: 'customerId', KeyType: 'HASH' },
      { AttributeName: 'orderId', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'orderId', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    BillingMode: 'PROVISIONED',
    ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 4000 },
    GlobalSecondaryIndexes: [
      {
        IndexName: 'ByStatus',
        KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 4000 },
      },
    ],
  };
}

/** The smallest on-demand table: one string hash key `id` (CreateTable JSON, as a learner's file would hold it). */
export function simpleTableJson(name: string): string {
  return JSON.stringify({
    TableName: name,
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  });
}

/** An on-demand table with a string hash key `pk` and a string range key `sk`. */
export function pkSkTableInput(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ],
  };
}

/** The smallest on-demand table: one string hash key (`pk` unless named). */
export function hashKeyTableInput(name: string, key = 'pk'): CreateTableCommandInput {
  return {
    TableName: name,
    KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  };
}
