// The live-sample analysis: histograms per key, the sample rules, and the capacity line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeLiveSample } from '../../../server/src/core/dynamodb/live';

const describe = JSON.stringify({
  Table: {
    TableName: 'Orders',
    KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 5000 },
    BillingModeSummary: { BillingMode: 'PROVISIONED' },
    GlobalSecondaryIndexes: [
      {
        IndexName: 'ByStatus',
        KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5000 },
      },
    ],
  },
});

test('a skewed live sample: histogram, skew error, capacity on the GSI', () => {
  const items = Array.from({ length: 1000 }, (_, i) => ({
    customerId: { S: i < 600 ? 'whale' : `c${i}` },
    status: { S: ['OPEN', 'CLOSED'][i % 2]! },
  }));
  const r = analyzeLiveSample(describe, items, { topN: 5 });
  assert.equal(r.table, 'Orders');
  assert.equal(r.sampled, 1000);
  const t = r.histograms.find((h) => h.scope === 'table')!;
  assert.equal(t.distinct, 401);
  assert.deepEqual(t.bars[0], { value: 'whale', count: 600 });
  assert.equal(t.bars.length, 5);
  assert.equal(t.other, 1000 - 600 - 4);
  assert.ok(t.gini > 0.5);
  const g = r.histograms.find((h) => h.scope === 'ByStatus')!;
  assert.equal(g.distinct, 2);
  const ids = r.findings.map((f) => `${f.ruleId}:${f.severity}`).sort();
  assert.deepEqual(ids, ['DDB_CAPACITY_UNREACHABLE:error', 'DDB_SAMPLE_SKEW:error', 'DDB_SAMPLE_SKEW:error']);
  assert.match(
    r.findings.find((f) => f.ruleId === 'DDB_CAPACITY_UNREACHABLE')!.message,
    /2 distinct values × 1,000 WCU = 2,000 WCU usable of 5,000 provisioned/,
  );
  assert.match(r.capacity, /≥ 5/);
});

test('an even sample has no findings; an empty one neither; a broken describe never throws', () => {
  const even = Array.from({ length: 500 }, (_, i) => ({ customerId: `c${i}`, status: `s${i}` }));
  assert.deepEqual(analyzeLiveSample(describe, even).findings, []);
  assert.deepEqual(analyzeLiveSample(describe, []).findings, []);
  const broken = analyzeLiveSample('{"Table": ', even);
  assert.equal(broken.histograms.length, 0);
});
