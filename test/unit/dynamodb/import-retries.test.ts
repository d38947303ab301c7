// BatchWriteItem's UnprocessedItems, which moto never returns (it emulates no throttling): the SDK is stubbed at the
// client boundary to hand back part of each batch, and the import retries just those, with growing waits, up to its
// bound, then reports what is left as rejected rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from '../../../src/aws/clients';
import { importItems, jsonRows } from '../../../src/aws/dynamodbImport';
import type { TableSchema } from '../../../src/aws/records/dynamodbItems';

const schema: TableSchema = { table: 't', partitionKey: { name: 'pk', type: 'S' }, indexes: [] };

/** A client whose BatchWriteItem leaves `unprocessed(call)` of the requested items unprocessed. */
function stub(unprocessed: (call: number, requested: number) => number) {
  const calls: number[] = [];
  const clients = {
    dynamodb: () => ({
      send: async (cmd: BatchWriteItemCommand) => {
        const writes = cmd.input.RequestItems?.t ?? [];
        calls.push(writes.length);
        const left = unprocessed(calls.length, writes.length);
        return { UnprocessedItems: left ? { t: writes.slice(writes.length - left) } : {} };
      },
    }),
  } as unknown as AwsClients;
  return { clients, calls };
}

describe('import retries of UnprocessedItems', () => {
  it('retries only the unprocessed items until all are written', async () => {
    const { clients, calls } = stub((call) => (call === 1 ? 10 : call === 2 ? 4 : 0));
    const rows = jsonRows(JSON.stringify(Array.from({ length: 25 }, (_, i) => ({ pk: `k${i}` }))));
    const result = await importItems(clients, schema, rows, { baseDelayMs: 1 });
    assert.deepEqual(calls, [25, 10, 4]);
    assert.equal(result.written, 25);
    assert.deepEqual(result.rejected, []);
  });

  it('gives up after the retry bound and reports the rows left, by row number', async () => {
    const { clients, calls } = stub(() => 2);
    const rows = jsonRows(JSON.stringify(Array.from({ length: 5 }, (_, i) => ({ pk: `k${i}` }))));
    const result = await importItems(clients, schema, rows, { baseDelayMs: 1, maxRetries: 3 });
    assert.deepEqual(calls, [5, 2, 2, 2]);
    assert.equal(result.written, 3);
    assert.deepEqual(result.rejected, [
      { row: 4, reason: 'not written after 3 retries' },
      { row: 5, reason: 'not written after 3 retries' },
    ]);
  });
});
