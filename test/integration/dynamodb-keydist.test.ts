// Live key-distribution analysis against a real moto server: a deliberately skewed table is sampled with paging
// and analysed by the same core as the editor and the CLI.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ordersTableInput } from '../support/tables';
import { BatchWriteItemCommand, CreateTableCommand } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from '../../src/aws/clients';
import { describeTableJson, listTableNames, sampleTable } from '../../src/aws/dynamodbSample';
import { analyzeLiveSample } from '../../server/src/core/dynamodb/live';
import { useLab } from '../support/fixtures';

async function createSkewedTable(clients: AwsClients, name: string, count: number): Promise<void> {
  await clients.dynamodb().send(new CreateTableCommand(ordersTableInput(name)));
  // 70% of the orders belong to one customer; statuses cycle through three values.
  const items = Array.from({ length: count }, (_, i) => ({
    PutRequest: {
      Item: {
        customerId: { S: i % 10 < 7 ? 'whale' : `customer-${i}` },
        orderId: { S: `order-${String(i).padStart(5, '0')}` },
        status: { S: ['OPEN', 'SHIPPED', 'CLOSED'][i % 3]! },
        total: { N: String(i * 3) },
        blob: { B: new Uint8Array([1, 2, 3, i % 256]) },
      },
    },
  }));
  for (let i = 0; i < items.length; i += 25) {
    await clients.dynamodb().send(new BatchWriteItemCommand({ RequestItems: { [name]: items.slice(i, i + 25) } }));
  }
}

describe('DynamoDB key distribution (live, moto)', () => {
  const lab = useLab();
  beforeEach(async () => {});

  it('samples a skewed table with paging and reports the skew and the unreachable capacity', async () => {
    await createSkewedTable(lab.clients, 'orders', 400);
    const pages: number[] = [];
    const sample = await sampleTable(lab.clients, 'orders', {
      cap: 10_000,
      pageSize: 60,
      onPage: (n) => pages.push(n),
    });
    assert.equal(sample.items.length, 400);
    assert.equal(sample.complete, true);
    assert.ok(sample.pages >= 7, `paged: ${sample.pages} pages`);
    assert.deepEqual(pages.slice(0, 2), [60, 120]);
    assert.equal(typeof sample.items[0]!.blob!.B, 'string', 'binary comes out as base64');

    const analysis = analyzeLiveSample(await describeTableJson(lab.clients, 'orders'), sample.items);
    assert.equal(analysis.table, 'orders');
    const table = analysis.histograms.find((h) => h.scope === 'table')!;
    assert.equal(table.bars[0]!.value, 'whale');
    assert.equal(table.bars[0]!.count, 280);
    assert.equal(table.distinct, 121);
    const byStatus = analysis.histograms.find((h) => h.scope === 'ByStatus')!;
    assert.equal(byStatus.distinct, 3);
    const skew = analysis.findings.filter((f) => f.ruleId === 'DDB_SAMPLE_SKEW');
    assert.equal(skew.length, 2, JSON.stringify(analysis.findings, null, 2));
    assert.ok(skew.some((f) => f.severity === 'error' && f.message.includes('"whale" holds 70%')));
    const cap = analysis.findings.find((f) => f.ruleId === 'DDB_CAPACITY_UNREACHABLE');
    assert.ok(cap, JSON.stringify(analysis.findings, null, 2));
    assert.match(cap.message, /3 distinct values × 1,000 WCU = 3,000 WCU usable of 4,000 provisioned/);
  });

  it('stops at the cap and says the sample is partial; lists table names', async () => {
    await createSkewedTable(lab.clients, 'big', 150);
    await createSkewedTable(lab.clients, 'other', 1);
    const sample = await sampleTable(lab.clients, 'big', { cap: 50, pageSize: 20 });
    assert.equal(sample.items.length, 50);
    assert.equal(sample.complete, false);
    assert.deepEqual((await listTableNames(lab.clients)).sort(), ['big', 'other']);
  });

  it('cancellation stops the sampling with an error', async () => {
    await createSkewedTable(lab.clients, 'orders', 100);
    const controller = new AbortController();
    await assert.rejects(
      sampleTable(lab.clients, 'orders', {
        cap: 1000,
        pageSize: 10,
        signal: controller.signal,
        onPage: () => controller.abort(),
      }),
    );
  });

  it('a missing table is a readable error', async () => {
    await assert.rejects(
      sampleTable(lab.clients, 'nope', { cap: 10, pageSize: 10 }),
      /not found|ResourceNotFound|non-existent/i,
    );
  });
});
