import { runCases } from './_cases';
import { createTable } from '../helpers';

const raw = (keySchema: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    TableName: 'T',
    KeySchema: keySchema,
    AttributeDefinitions: [
      { AttributeName: 'a', AttributeType: 'S' },
      { AttributeName: 'b', AttributeType: 'S' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    ...extra,
  });

runCases('DDB_KEY_SCHEMA_INVALID', [
  { name: 'a valid composite key', doc: { text: createTable({ hash: 'customerId', range: 'orderId' }) }, count: 0 },
  {
    name: 'no HASH key',
    doc: { text: raw([{ AttributeName: 'a', KeyType: 'RANGE' }]) },
    count: 1,
    severity: 'error',
    includes: ['no HASH'],
  },
  {
    name: 'two HASH keys in a table key',
    doc: {
      text: raw([
        { AttributeName: 'a', KeyType: 'HASH' },
        { AttributeName: 'b', KeyType: 'HASH' },
      ]),
    },
    count: 1,
    includes: ['2 HASH keys'],
  },
  {
    name: 'RANGE before HASH',
    doc: {
      text: raw([
        { AttributeName: 'b', KeyType: 'RANGE' },
        { AttributeName: 'a', KeyType: 'HASH' },
      ]),
    },
    count: 1,
    includes: ['must come before'],
  },
  {
    name: 'unknown key type',
    doc: { text: raw([{ AttributeName: 'a', KeyType: 'PARTITION' }]) },
    count: 2,
    includes: ['"PARTITION"', 'no HASH'],
  },
  {
    name: 'multi-attribute GSI with 4 HASH + 2 RANGE is fine',
    doc: {
      text: createTable({
        hash: 'id',
        gsis: [{ name: 'G', hash: ['tenantId', 'region', 'customerId', 'shopId'], range: 'createdAt' }],
      }),
    },
    count: 0,
  },
  {
    name: 'GSI with five HASH attributes',
    doc: { text: createTable({ hash: 'id', gsis: [{ name: 'G', hash: ['a1', 'a2', 'a3', 'a4', 'a5'] }] }) },
    count: 1,
    includes: ['5 HASH attributes: at most 4'],
  },
  {
    name: 'LSI on a table without a sort key',
    doc: { text: createTable({ hash: 'customerId', lsis: [{ name: 'ByDate', range: 'createdAt' }] }) },
    count: 1,
    includes: ['composite primary key'],
  },
  {
    name: 'duplicate index names',
    doc: {
      text: createTable({
        hash: 'id',
        gsis: [
          { name: 'G', hash: 'email' },
          { name: 'G', hash: 'phone' },
        ],
      }),
    },
    count: 1,
    includes: ['used twice'],
  },
]);
