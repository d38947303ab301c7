// DynamoDB batch import against the run's emulator (DynamoDB is moto on both passes): rows are checked against the
// table's key schema before anything is sent, good rows go up with BatchWriteItem in batches of 25, repeated keys never
// share a batch, and every rejected row is reported with its number and reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as ddb from '../../src/aws/dynamodb';
import { describeTableSchema } from '../../src/aws/dynamodbItems';
import { csvRows, importItems, importReport, jsonRows, MAX_ITEM_BYTES } from '../../src/aws/dynamodbImport';
import { useLab } from '../support/fixtures';

describe('DynamoDB batch import', () => {
  const lab = useLab();

  async function table(name: string, sortKey = false) {
    const parsed = ddb.tableInputFromJson(
      JSON.stringify({
        TableName: name,
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          ...(sortKey ? [{ AttributeName: 'n', AttributeType: 'N' }] : []),
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          ...(sortKey ? [{ AttributeName: 'n', KeyType: 'RANGE' }] : []),
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    assert.ok(parsed.ok);
    if (parsed.ok) await ddb.createTable(lab.clients, parsed.input);
    return describeTableSchema(lab.clients, name);
  }

  async function scanAll(name: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, never> | undefined;
    do {
      const out = await lab.clients.dynamodb().send(new ScanCommand({ TableName: name, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []).map((i) => unmarshall(i)));
      start = out.LastEvaluatedKey as Record<string, never> | undefined;
    } while (start);
    return items;
  }

  it('imports 60 plain JSON objects in batches of 25, rejecting bad rows with their numbers and reasons', async () => {
    const schema = await table('orders', true);
    const good = Array.from({ length: 60 }, (_, i) => ({ pk: `c${i % 7}`, n: i, note: `order ${i}` }));
    const rows = jsonRows(
      JSON.stringify([
        ...good,
        { n: 1 }, // 61: no partition key
        { pk: 'x', n: 'one' }, // 62: sort key of the wrong type
        'just text', // 63
        { pk: 'big', n: 1, blob: 'x'.repeat(MAX_ITEM_BYTES) }, // 64
      ]),
    );
    const progress: number[] = [];
    const result = await importItems(lab.clients, schema, rows, { onProgress: (w) => progress.push(w) });
    assert.equal(result.written, 60);
    assert.deepEqual(progress, [25, 50, 60]);
    assert.deepEqual(result.rejected, [
      { row: 61, reason: 'missing key attribute "pk"' },
      { row: 62, reason: 'wrong key type: "n" is S, the table wants N' },
      { row: 63, reason: 'malformed line: not an object' },
      { row: 64, reason: `item too large (${MAX_ITEM_BYTES + 12} bytes, the limit is ${MAX_ITEM_BYTES})` },
    ]);
    const stored = await scanAll('orders');
    assert.equal(stored.length, 60);
    assert.ok(stored.some((i) => i.pk === 'c3' && i.n === 3 && i.note === 'order 3'));
    const report = importReport('orders', 'orders.json', result);
    assert.match(report, /60 items written, 4 rows rejected\./);
    assert.match(report, /\| 62 \| wrong key type: "n" is S, the table wants N \|/);
  });

  it('imports DynamoDB-JSON items as they are, and puts a repeated key in a later batch (last write wins)', async () => {
    const schema = await table('typed');
    const rows = jsonRows(
      JSON.stringify([
        { pk: { S: 'a' }, tags: { SS: ['x', 'y'] }, count: { N: '1' } },
        { pk: { S: 'a' }, tags: { SS: ['z'] }, count: { N: '2' } },
        { pk: { N: '5' } },
      ]),
    );
    const result = await importItems(lab.clients, schema, rows);
    assert.equal(result.written, 2);
    assert.deepEqual(result.rejected, [{ row: 3, reason: 'wrong key type: "pk" is N, the table wants S' }]);
    const [item] = await scanAll('typed');
    assert.deepEqual(item, { pk: 'a', tags: new Set(['z']), count: 2 });
  });

  it('imports CSV: quoted fields with commas and line breaks, numeric keys typed by the schema; bad lines reported', async () => {
    const schema = await table('csv-items', true);
    const text = [
      'pk,n,comment',
      'alpha,1,"hello, world"',
      'alpha,2,"two',
      'lines"',
      ',3,no key',
      'beta,x,not a number',
      'gamma,4',
      'delta,5,"unclosed',
    ].join('\n');
    const result = await importItems(lab.clients, schema, csvRows(text, schema));
    assert.equal(result.written, 2);
    assert.deepEqual(result.rejected, [
      { row: 5, reason: 'missing key attribute "pk"' },
      { row: 6, reason: 'wrong key type: "n" is not a number' },
      { row: 7, reason: 'malformed line: 2 fields, the header has 3' },
      { row: 8, reason: 'malformed line: a quoted field is not closed' },
    ]);
    const stored = (await scanAll('csv-items')).sort((a, b) => Number(a.n) - Number(b.n));
    assert.deepEqual(stored, [
      { pk: 'alpha', n: 1, comment: 'hello, world' },
      { pk: 'alpha', n: 2, comment: 'two\nlines' },
    ]);
  });

  it('a cancelled import stops between batches and says how many rows were not sent', async () => {
    const schema = await table('cancelled');
    const rows = jsonRows(JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ pk: `k${i}` }))));
    const aborter = new AbortController();
    const result = await importItems(lab.clients, schema, rows, {
      signal: aborter.signal,
      onProgress: (written) => written >= 50 && aborter.abort(),
    });
    assert.equal(result.written, 50);
    assert.equal(result.notSent, 50);
    assert.equal((await scanAll('cancelled')).length, 50);
  });
});
