import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCases } from './_cases';
import { applyFix, createTable, findingsOf } from '../helpers';

const missing = JSON.stringify(
  {
    TableName: 'Orders',
    KeySchema: [
      { AttributeName: 'customerId', KeyType: 'HASH' },
      { AttributeName: 'orderCount', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [{ AttributeName: 'customerId', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  },
  null,
  2,
);

runCases('DDB_ATTRIBUTE_DEFINITION_MISMATCH', [
  {
    name: 'definitions match the keys',
    doc: { text: createTable({ hash: 'a', range: 'b', gsis: [{ name: 'G', hash: 'c' }] }) },
    count: 0,
  },
  {
    name: 'unused definition',
    doc: { text: createTable({ hash: 'a', extraDefs: { email: 'S' } }) },
    count: 1,
    severity: 'error',
    includes: ['"email"', 'no table or index key uses it'],
    fixes: ['Remove the unused definition'],
  },
  {
    name: 'key attribute not defined',
    doc: { text: missing },
    count: 1,
    includes: ['"orderCount"', 'no attribute definition'],
    fixes: ['(N)'],
  },
  {
    name: 'computed key name (CloudFormation !Ref) is left alone',
    doc: {
      uri: 'file:///work/t.yaml',
      text: 'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      KeySchema:\n        - AttributeName: !Ref KeyName\n          KeyType: HASH\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n',
    },
    count: 0,
  },
]);

test('DDB_ATTRIBUTE_DEFINITION_MISMATCH: both fixes give a clean document (JSON)', () => {
  let text = createTable({ hash: 'a', extraDefs: { email: 'S' } });
  const [f] = findingsOf({ text }, 'DDB_ATTRIBUTE_DEFINITION_MISMATCH');
  text = applyFix(text, f!.fixes![0]!);
  assert.doesNotThrow(() => JSON.parse(text));
  assert.equal(findingsOf({ text }, 'DDB_ATTRIBUTE_DEFINITION_MISMATCH').length, 0);
  let t2 = missing;
  const [g] = findingsOf({ text: t2 }, 'DDB_ATTRIBUTE_DEFINITION_MISMATCH');
  t2 = applyFix(t2, g!.fixes![0]!);
  assert.equal(JSON.parse(t2).AttributeDefinitions[1].AttributeType, 'N');
  assert.equal(findingsOf({ text: t2 }, 'DDB_ATTRIBUTE_DEFINITION_MISMATCH').length, 0);
});
