import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCases } from './_cases';
import { applyFix, createTable, findingsOf } from '../helpers';

runCases('DDB_GSI_PK_LOW_CARDINALITY', [
  {
    name: "AWS's example: a status GSI on a customerId table",
    doc: { text: createTable({ hash: 'customerId', gsis: [{ name: 'ByStatus', hash: 'status' }] }) },
    count: 1,
    severity: 'warning',
    includes: ['GSI "ByStatus"', 'throttles writes to the table', 'second HASH attribute'],
    fixes: ['Write-shard'],
  },
  {
    name: 'boolean GSI key offers a sparse index',
    doc: { text: createTable({ hash: 'customerId', gsis: [{ name: 'Open', hash: 'is_open' }] }) },
    count: 1,
    fixes: ['sparse index', 'Write-shard'],
  },
  {
    name: 'multi-attribute GSI key with a high-cardinality part is fine',
    doc: { text: createTable({ hash: 'customerId', gsis: [{ name: 'G', hash: ['status', 'customerId'] }] }) },
    count: 0,
  },
  {
    name: 'high-cardinality GSI key',
    doc: { text: createTable({ hash: 'orderId', gsis: [{ name: 'G', hash: 'customerId' }] }) },
    count: 0,
  },
  {
    name: 'generic GSI1PK is not judged by name',
    doc: { text: createTable({ hash: 'PK', gsis: [{ name: 'G', hash: 'GSI1PK' }] }) },
    count: 0,
  },
]);

test('DDB_GSI_PK_LOW_CARDINALITY: the sparse-index fix rekeys the GSI on the table key (JSON and YAML)', () => {
  const text = createTable({ hash: 'customerId', gsis: [{ name: 'Open', hash: 'isOpen' }] });
  const [f] = findingsOf({ text }, 'DDB_GSI_PK_LOW_CARDINALITY');
  const sparse = f!.fixes!.find((x) => x.title.includes('sparse'))!;
  const fixed = JSON.parse(applyFix(text, sparse));
  assert.deepEqual(fixed.GlobalSecondaryIndexes[0].KeySchema, [
    { AttributeName: 'customerId', KeyType: 'HASH' },
    { AttributeName: 'isOpen', KeyType: 'RANGE' },
  ]);
  const yaml = [
    'Resources:',
    '  Orders:',
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    '      BillingMode: PAY_PER_REQUEST',
    '      KeySchema:',
    '        - AttributeName: customerId',
    '          KeyType: HASH',
    '      AttributeDefinitions:',
    '        - AttributeName: customerId',
    '          AttributeType: S',
    '        - AttributeName: isOpen',
    '          AttributeType: S',
    '      GlobalSecondaryIndexes:',
    '        - IndexName: Open',
    '          KeySchema:',
    '            - AttributeName: isOpen',
    '              KeyType: HASH',
    '          Projection:',
    '            ProjectionType: KEYS_ONLY',
    '',
  ].join('\n');
  const doc = { uri: 'file:///work/t.yaml', text: yaml };
  const [g] = findingsOf(doc, 'DDB_GSI_PK_LOW_CARDINALITY');
  const out = applyFix(
    yaml,
    g!.fixes!.find((x) => x.title.includes('sparse'))!,
  );
  assert.equal(findingsOf({ ...doc, text: out }, 'DDB_GSI_PK_LOW_CARDINALITY').length, 0, out);
  assert.equal(findingsOf({ ...doc, text: out }, 'DDB_KEY_SCHEMA_INVALID').length, 0, out);
});
