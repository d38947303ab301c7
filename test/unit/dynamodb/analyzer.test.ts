// The analyser's editor features: applies(), hover with partition arithmetic, lenses per table, and the driver.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allRules, analyzers } from '../../../server/src/core/analyze';
import { createDynamoAnalyzer } from '../../../server/src/core/dynamodb/analyzer';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { AnalysisContext } from '../../../server/src/core/analyzer';
import { createTable, itemsFile } from './helpers';

const ctx = (companions: { uri: string; text: string }[] = []): AnalysisContext => ({
  iamData: () => {
    throw new Error('not needed');
  },
  options: {},
  companions: () => companions,
});

test('applies() only to table definitions', () => {
  const a = createDynamoAnalyzer();
  assert.ok(a.applies(parseDocument({ uri: 'file:///t.json', text: createTable({ hash: 'id' }) })));
  assert.ok(!a.applies(parseDocument({ uri: 'file:///p.json', text: '{"Version":"2012-10-17","Statement":[]}' })));
});

test('hover on a partition key shows the partition arithmetic and the sample', () => {
  const text = createTable({ name: 'Orders', hash: 'status', wcu: 10000, rcu: 6000 });
  const doc = parseDocument({ uri: 'file:///work/orders.json', text });
  const at = text.indexOf('"status"') + 2;
  const items = Array.from({ length: 300 }, (_, i) => ({ status: ['OPEN', 'CLOSED', 'PENDING'][i % 3] }));
  const h = createDynamoAnalyzer().hover!(doc, at, ctx([itemsFile('Orders', items)]));
  assert.ok(h);
  assert.equal(text.slice(h.span.start, h.span.end), 'status');
  assert.match(h.contents, /partition key of table `Orders`/);
  assert.match(h.contents, /1,000 WCU/);
  assert.match(h.contents, /at least \*\*10\*\* evenly used key values \(10,000 ÷ 1,000, 6,000 ÷ 3,000\)/);
  assert.match(h.contents, /\*\*3\*\* values \(seen in 300 sample items\) × 1,000 WCU = \*\*3,000 WCU\*\*/);
  assert.match(h.contents, /Sample: 300 items, 3 distinct values/);
  assert.equal(createDynamoAnalyzer().hover!(doc, 1, ctx()), undefined);
});

test('lens per table: partitions and distinct values needed; on-demand says so', () => {
  const text = `Resources:
  A:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: a
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      ProvisionedThroughput: { ReadCapacityUnits: 12000, WriteCapacityUnits: 2500 }
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
`;
  const lenses = createDynamoAnalyzer().lenses!(parseDocument({ uri: 'file:///t.yaml', text }), ctx());
  assert.equal(lenses.length, 2);
  assert.equal(
    lenses[0]!.title,
    'Partitions for its capacity: ≥ 4 (2,500 WCU ÷ 1,000, 12,000 RCU ÷ 3,000) · distinct key values needed: ≥ 4, evenly used',
  );
  assert.match(lenses[1]!.title, /^On-demand/);
  assert.equal(lenses[0]!.span.start, text.indexOf('  A:') + 2, 'above the resource');
});

test('the analysis driver runs the DynamoDB analyser and lists its rules', () => {
  assert.ok(analyzers.some((a) => a.domain === 'dynamodb'));
  assert.equal(allRules().filter((r) => r.domain === 'dynamodb').length, 18);
});

test('hover on the attribute definition of a GSI key explains that key', () => {
  const text = createTable({ name: 'Orders', hash: 'orderId', gsis: [{ name: 'ByStatus', hash: 'status' }] });
  const doc = parseDocument({ uri: 'file:///work/orders.json', text });
  const at = text.indexOf('"status"', text.indexOf('AttributeDefinitions')) + 2;
  const h = createDynamoAnalyzer().hover!(doc, at, ctx());
  assert.ok(h);
  assert.equal(text.slice(h.span.start, h.span.end), 'status');
  assert.match(h.contents, /partition key of GSI `ByStatus`/);
});

test('completion: value sets and the attribute names of the table (JSON, YAML, Terraform)', () => {
  const a = createDynamoAnalyzer();
  const json = createTable({ name: 'Orders', hash: 'customerId', range: 'orderId' });
  const at = (text: string, needle: string, delta = 1) => text.indexOf(needle) + delta;
  const labels = (uri: string, text: string, offset: number) =>
    a.complete!(parseDocument({ uri, text }), offset, ctx()).map((c) => c.label);
  assert.deepEqual(labels('file:///t.json', json, at(json, '"HASH"')), ['HASH', 'RANGE']);
  assert.deepEqual(labels('file:///t.json', json, at(json, '"S"')), ['S', 'N', 'B']);
  assert.deepEqual(labels('file:///t.json', json, at(json, '"PROVISIONED"')), ['PAY_PER_REQUEST', 'PROVISIONED']);
  assert.deepEqual(labels('file:///t.json', json, at(json, '"customerId"')), ['customerId', 'orderId']);
  const yaml =
    'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema:\n        - AttributeName: id\n          KeyType: HA\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n';
  const item = a.complete!(parseDocument({ uri: 'file:///t.yaml', text: yaml }), at(yaml, 'HA', 2), ctx());
  assert.deepEqual(
    item.map((c) => c.label),
    ['HASH', 'RANGE'],
  );
  assert.equal(yaml.slice(item[0]!.replace!.start, item[0]!.replace!.end), 'HA');
  const hcl =
    'resource "aws_dynamodb_table" "t" {\n  name = "T"\n  billing_mode = "PAY"\n  hash_key = "i"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n';
  assert.deepEqual(labels('file:///main.tf', hcl, at(hcl, '"PAY"')), ['PAY_PER_REQUEST', 'PROVISIONED']);
  assert.deepEqual(labels('file:///main.tf', hcl, at(hcl, '"i"')), ['id']);
  assert.deepEqual(labels('file:///t.json', json, at(json, 'TableName')), []);
});
