import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCases } from './_cases';
import { applyFix, createTable, findingsOf } from '../helpers';

const noThroughput = JSON.stringify(
  {
    TableName: 'Orders',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  },
  null,
  2,
);
const onDemandWithThroughput = JSON.stringify({
  TableName: 'Orders',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
});
const gsiWithout = JSON.parse(createTable({ hash: 'id', gsis: [{ name: 'ByEmail', hash: 'email' }] }));
delete gsiWithout.GlobalSecondaryIndexes[0].ProvisionedThroughput;

runCases('DDB_BILLING_CONFIG', [
  { name: 'provisioned with throughput', doc: { text: createTable({ hash: 'id' }) }, count: 0 },
  {
    name: 'on-demand without throughput',
    doc: { text: createTable({ hash: 'id', billing: 'PAY_PER_REQUEST' }) },
    count: 0,
  },
  {
    name: 'default PROVISIONED without throughput',
    doc: { text: noThroughput },
    count: 1,
    severity: 'error',
    includes: ['the default'],
    fixes: ['Add provisioned throughput', 'on-demand'],
  },
  {
    name: 'on-demand with throughput',
    doc: { text: onDemandWithThroughput },
    count: 1,
    fixes: ['Remove the provisioned throughput'],
  },
  {
    name: 'provisioned GSI without throughput',
    doc: { text: JSON.stringify(gsiWithout) },
    count: 1,
    includes: ['GSI "ByEmail"'],
  },
  {
    name: 'describe-table output of an on-demand table (zero throughput) is fine',
    doc: {
      text: JSON.stringify({
        Table: {
          TableName: 'T',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
          ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0, NumberOfDecreasesToday: 0 },
        },
      }),
    },
    count: 0,
  },
  {
    name: 'Terraform default billing without capacity',
    doc: {
      uri: 'file:///work/main.tf',
      text: 'resource "aws_dynamodb_table" "t" {\n  name     = "T"\n  hash_key = "id"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n',
    },
    count: 1,
    fixes: ['Add provisioned throughput'],
  },
]);

test('DDB_BILLING_CONFIG: the fixes produce valid, clean documents', () => {
  for (const text of [noThroughput, onDemandWithThroughput]) {
    const [f] = findingsOf({ text }, 'DDB_BILLING_CONFIG');
    const fixed = applyFix(text, f!.fixes![0]!);
    assert.doesNotThrow(() => JSON.parse(fixed), fixed);
    assert.equal(findingsOf({ text: fixed }, 'DDB_BILLING_CONFIG').length, 0, fixed);
  }
  const tf =
    'resource "aws_dynamodb_table" "t" {\n  name     = "T"\n  hash_key = "id"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n';
  const [f] = findingsOf({ uri: 'file:///work/main.tf', text: tf }, 'DDB_BILLING_CONFIG');
  const fixed = applyFix(tf, f!.fixes![0]!);
  assert.match(fixed, /write_capacity = 5/);
  assert.equal(findingsOf({ uri: 'file:///work/main.tf', text: fixed }, 'DDB_BILLING_CONFIG').length, 0, fixed);
});
