// DynamoDB items view, AWS side: schema with indexes, scan/query paging, every sort-key operator, put/edit/delete
// with sets, binary and big numbers surviving the plain-JSON round trip — against a real moto server.
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  deleteItem,
  describeTableSchema,
  keyCondition,
  putItem,
  queryItems,
  scanItems,
  toViewItem,
  fromViewItem,
} from '../../src/aws/dynamodbItems';
import { checkItemText, checkKeyInput } from '../../src/webviews/protocol/items';
import { useLab } from '../support/fixtures';

describe('DynamoDB items (moto)', () => {
  const lab = useLab();
  beforeEach(async () => {
    await lab.clients.dynamodb().send(
      new CreateTableCommand({
        TableName: 'orders',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'customer', AttributeType: 'S' },
          { AttributeName: 'seq', AttributeType: 'N' },
          { AttributeName: 'status', AttributeType: 'S' },
          { AttributeName: 'placed', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'customer', KeyType: 'HASH' },
          { AttributeName: 'seq', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'by-status',
            KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: 'by-placed',
            KeySchema: [
              { AttributeName: 'customer', KeyType: 'HASH' },
              { AttributeName: 'placed', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    for (let i = 1; i <= 7; i++) {
      await putItem(lab.clients, {
        table: 'orders',
        item: { customer: 'c1', seq: i, status: i % 2 ? 'open' : 'shipped', placed: `2026-11-0${i}`, tag: `t${i}` },
      });
    }
    await putItem(lab.clients, {
      table: 'orders',
      item: { customer: 'c2', seq: 1, status: 'open', placed: '2026-10-01' },
    });
  });

  it('reads the key schema with the GSI and LSI', async () => {
    const schema = await describeTableSchema(lab.clients, 'orders');
    assert.deepEqual(schema.partitionKey, { name: 'customer', type: 'S' });
    assert.deepEqual(schema.sortKey, { name: 'seq', type: 'N' });
    const byName = Object.fromEntries(schema.indexes.map((i) => [i.name, i]));
    assert.equal(byName['by-status']?.kind, 'GSI');
    assert.deepEqual(byName['by-status']?.partitionKey, { name: 'status', type: 'S' });
    assert.equal(byName['by-placed']?.kind, 'LSI');
    assert.deepEqual(byName['by-placed']?.sortKey, { name: 'placed', type: 'S' });
  });

  it('scans page by page until there is no next key', async () => {
    const seen: unknown[] = [];
    let startKey: string | undefined;
    let pages = 0;
    do {
      const page = await scanItems(lab.clients, { table: 'orders', limit: 3, startKey });
      assert.ok(page.items.length <= 3);
      seen.push(...page.items.map((i) => `${String(i.item.customer)}/${String(i.item.seq)}`));
      startKey = page.nextKey;
      pages++;
    } while (startKey && pages < 10);
    assert.equal(new Set(seen).size, 8);
    assert.ok(pages >= 3, `expected at least 3 pages, got ${pages}`);
  });

  it('queries with every sort-key operator', async () => {
    const schema = await describeTableSchema(lab.clients, 'orders');
    const q = async (op: '=' | '<' | '<=' | '>' | '>=' | 'between', value: string, value2?: string) =>
      (
        await queryItems(lab.clients, {
          table: 'orders',
          limit: 50,
          partitionKey: schema.partitionKey,
          partitionValue: 'c1',
          sortKey: schema.sortKey,
          sort: { op, value, ...(value2 ? { value2 } : {}) },
        })
      ).items.map((i) => i.item.seq);
    assert.deepEqual(await q('=', '3'), [3]);
    assert.deepEqual(await q('<', '3'), [1, 2]);
    assert.deepEqual(await q('<=', '3'), [1, 2, 3]);
    assert.deepEqual(await q('>', '5'), [6, 7]);
    assert.deepEqual(await q('>=', '5'), [5, 6, 7]);
    assert.deepEqual(await q('between', '2', '4'), [2, 3, 4]);
    const desc = await queryItems(lab.clients, {
      table: 'orders',
      limit: 2,
      partitionKey: schema.partitionKey,
      partitionValue: 'c1',
      descending: true,
    });
    assert.deepEqual(
      desc.items.map((i) => i.item.seq),
      [7, 6],
    );
    assert.ok(desc.nextKey, 'a limited query pages');
  });

  it('queries begins_with on the LSI and equality on the GSI', async () => {
    const schema = await describeTableSchema(lab.clients, 'orders');
    const lsi = schema.indexes.find((i) => i.name === 'by-placed')!;
    const early = await queryItems(lab.clients, {
      table: 'orders',
      index: lsi.name,
      limit: 50,
      partitionKey: lsi.partitionKey,
      partitionValue: 'c1',
      sortKey: lsi.sortKey,
      sort: { op: 'begins_with', value: '2026-11-0' },
    });
    assert.equal(early.items.length, 7);
    const gsi = schema.indexes.find((i) => i.name === 'by-status')!;
    const open = await queryItems(lab.clients, {
      table: 'orders',
      index: gsi.name,
      limit: 50,
      partitionKey: gsi.partitionKey,
      partitionValue: 'open',
    });
    assert.equal(open.items.length, 5);
    assert.ok(open.items.every((i) => i.item.status === 'open'));
  });

  it('builds key conditions with placeholders only', () => {
    const c = keyCondition({
      partitionKey: { name: 'user id', type: 'S' },
      partitionValue: 'u#1',
      sortKey: { name: 'ts', type: 'N' },
      sort: { op: 'between', value: '1', value2: '9' },
    });
    assert.equal(c.expression, '#pk = :pk AND #sk BETWEEN :sk AND :sk2');
    assert.deepEqual(c.names, { '#pk': 'user id', '#sk': 'ts' });
    assert.deepEqual(c.values[':sk2'], { N: '9' });
  });

  it('edits an item keeping sets, binary and big numbers as they were stored', async () => {
    await putItem(lab.clients, {
      table: 'orders',
      item: {
        customer: 'c9',
        seq: 1,
        tags: ['a', 'b'],
        sizes: [1, 2],
        blob: 'AAEC',
        big: '123456789012345678901234567890',
      },
      hints: { tags: 'SS', sizes: 'NS', blob: 'B', big: 'N' },
    });
    const schema = await describeTableSchema(lab.clients, 'orders');
    const page = await queryItems(lab.clients, {
      table: 'orders',
      limit: 5,
      partitionKey: schema.partitionKey,
      partitionValue: 'c9',
    });
    const shown = page.items[0]!;
    assert.deepEqual(shown.hints, { tags: 'SS', sizes: 'NS', blob: 'B', big: 'N' });
    assert.deepEqual(shown.item.tags, ['a', 'b']);
    assert.equal(shown.item.blob, 'AAEC');
    assert.equal(shown.item.big, '123456789012345678901234567890');
    const back = fromViewItem(shown.item, shown.hints);
    assert.deepEqual(back.tags, { SS: ['a', 'b'] });
    assert.deepEqual(back.sizes, { NS: ['1', '2'] });
    assert.deepEqual(back.big, { N: '123456789012345678901234567890' });
    assert.deepEqual([...(back.blob?.B ?? [])], [0, 1, 2]);
    assert.deepEqual(toViewItem(back), shown);
  });

  it('refuses to create an item over an existing key, and deletes by key', async () => {
    await assert.rejects(
      putItem(lab.clients, { table: 'orders', item: { customer: 'c2', seq: 1, x: 1 }, mustNotExist: 'customer' }),
      /already exists/,
    );
    await deleteItem(lab.clients, { table: 'orders', key: { customer: 'c2', seq: 1 } });
    const page = await scanItems(lab.clients, { table: 'orders', limit: 50 });
    assert.equal(page.items.length, 7);
    assert.ok(!page.items.some((i) => i.item.customer === 'c2'));
  });

  it('checks edited JSON before anything is sent', () => {
    const schema = {
      partitionKey: { name: 'customer', type: 'S' as const },
      sortKey: { name: 'seq', type: 'N' as const },
    };
    assert.match((checkItemText('{ "customer": "c1", ', schema) as { error: string }).error, /not valid JSON/);
    assert.match((checkItemText('[1]', schema) as { error: string }).error, /JSON object/);
    assert.match(
      (checkItemText('{"seq": 1}', schema) as { error: string }).error,
      /partition key "customer" is missing/,
    );
    assert.match(
      (checkItemText('{"customer": "c", "seq": "x"}', schema) as { error: string }).error,
      /must be a number/,
    );
    const ok = checkItemText('{"customer": "c", "seq": 2, "n": 1}', schema);
    assert.ok(ok.ok);
    assert.deepEqual(ok.ok && ok.key, { customer: 'c', seq: 2 });
    assert.match(checkKeyInput({ name: 'seq', type: 'N' }, 'abc') ?? '', /not a number/);
  });
});
