// Kinesis record browser, AWS side: shards, every iterator type, paging with the next iterator, and the tail's
// backoff — against a real moto server.
import { CreateStreamCommand, PutRecordCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { listStreamShards, nextPollDelay, openShardIterator, readRecords } from '../../src/aws/kinesisRecords';
import { checkIteratorInput } from '../../src/webviews/protocol/records';
import { useLab } from '../support/fixtures';

describe('Kinesis records (moto)', () => {
  const lab = useLab();
  const sequence: string[] = [];
  let shardId = '';
  beforeEach(async () => {
    sequence.length = 0;
    await lab.clients.kinesis().send(new CreateStreamCommand({ StreamName: 'clicks', ShardCount: 1 }));
    for (;;) {
      const s = await lab.clients.kinesis().send(new DescribeStreamSummaryCommand({ StreamName: 'clicks' }));
      if (s.StreamDescriptionSummary?.StreamStatus === 'ACTIVE') break;
    }
    for (let i = 0; i < 5; i++) {
      const out = await lab.clients.kinesis().send(
        new PutRecordCommand({
          StreamName: 'clicks',
          PartitionKey: `user-${i}`,
          Data: new TextEncoder().encode(JSON.stringify({ n: i })),
        }),
      );
      sequence.push(out.SequenceNumber!);
      shardId = out.ShardId!;
    }
  });

  it('lists the shards with hash-key ranges', async () => {
    const shards = await listStreamShards(lab.clients, 'clicks');
    assert.equal(shards.length, 1);
    assert.equal(shards[0]!.shardId, shardId);
    assert.equal(shards[0]!.startingHashKey, '0');
    assert.equal(shards[0]!.endingHashKey, '340282366920938463463374607431768211455');
    assert.equal(shards[0]!.open, true);
  });

  it('reads from TRIM_HORIZON and pages with the next iterator', async () => {
    const it0 = await openShardIterator(lab.clients, { stream: 'clicks', shardId, type: 'TRIM_HORIZON' });
    const first = await readRecords(lab.clients, { iterator: it0, limit: 3 });
    assert.deepEqual(
      first.records.map((r) => r.partitionKey),
      ['user-0', 'user-1', 'user-2'],
    );
    assert.equal(Buffer.from(first.records[0]!.data, 'base64').toString(), '{"n":0}');
    assert.ok(first.records[0]!.arrival && !Number.isNaN(Date.parse(first.records[0]!.arrival)));
    assert.ok(first.nextIterator);
    const second = await readRecords(lab.clients, { iterator: first.nextIterator!, limit: 10 });
    assert.deepEqual(
      second.records.map((r) => r.sequenceNumber),
      sequence.slice(3),
    );
  });

  it('reads nothing at LATEST until a new record arrives', async () => {
    const latest = await openShardIterator(lab.clients, { stream: 'clicks', shardId, type: 'LATEST' });
    const empty = await readRecords(lab.clients, { iterator: latest, limit: 10 });
    assert.equal(empty.records.length, 0);
    await lab.clients
      .kinesis()
      .send(
        new PutRecordCommand({ StreamName: 'clicks', PartitionKey: 'late', Data: new TextEncoder().encode('hello') }),
      );
    const next = await readRecords(lab.clients, { iterator: empty.nextIterator!, limit: 10 });
    assert.deepEqual(
      next.records.map((r) => r.partitionKey),
      ['late'],
    );
  });

  it('reads AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER', async () => {
    const at = await openShardIterator(lab.clients, {
      stream: 'clicks',
      shardId,
      type: 'AT_SEQUENCE_NUMBER',
      sequenceNumber: sequence[2],
    });
    assert.equal((await readRecords(lab.clients, { iterator: at, limit: 1 })).records[0]?.sequenceNumber, sequence[2]);
    const afterIt = await openShardIterator(lab.clients, {
      stream: 'clicks',
      shardId,
      type: 'AFTER_SEQUENCE_NUMBER',
      sequenceNumber: sequence[2],
    });
    assert.equal(
      (await readRecords(lab.clients, { iterator: afterIt, limit: 1 })).records[0]?.sequenceNumber,
      sequence[3],
    );
  });

  it('reads AT_TIMESTAMP: a time before the records gives them all, a time after the last gives none', async () => {
    const before = await openShardIterator(lab.clients, {
      stream: 'clicks',
      shardId,
      type: 'AT_TIMESTAMP',
      timestamp: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const all = (await readRecords(lab.clients, { iterator: before, limit: 100 })).records;
    assert.equal(all.length, 5);
    // A second after the last arrival (LocalStack compares whole seconds), once that time has come: a future time
    // is refused by Kinesis and LocalStack, and by checkIteratorInput.
    const after = new Date(Math.max(...all.map((r) => Date.parse(r.arrival!))) + 1_000);
    while (Date.now() <= after.getTime()) await new Promise((r) => setTimeout(r, after.getTime() - Date.now() + 1));
    const later = await openShardIterator(lab.clients, {
      stream: 'clicks',
      shardId,
      type: 'AT_TIMESTAMP',
      timestamp: after.toISOString(),
    });
    assert.equal((await readRecords(lab.clients, { iterator: later, limit: 100 })).records.length, 0);
  });

  it('names the operation when the stream does not exist', async () => {
    await assert.rejects(
      openShardIterator(lab.clients, { stream: 'nope', shardId: 'shardId-000000000000', type: 'LATEST' }),
      /ResourceNotFound|not found/i,
    );
  });

  it('checks iterator input and backs off the tail while idle', () => {
    assert.match(checkIteratorInput('AT_SEQUENCE_NUMBER') ?? '', /needs a sequence number/);
    assert.match(checkIteratorInput('AT_SEQUENCE_NUMBER', '12a') ?? '', /digits/);
    assert.match(checkIteratorInput('AT_TIMESTAMP', undefined, 'yesterday') ?? '', /not a date/);
    assert.equal(checkIteratorInput('AT_TIMESTAMP', undefined, '2026-11-21T10:00:00Z'), undefined);
    assert.equal(checkIteratorInput('TRIM_HORIZON'), undefined);
    let d = 1000;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) delays.push((d = nextPollDelay(d, 'empty')));
    assert.ok(delays.every((x, i) => i === 0 || x >= delays[i - 1]!));
    assert.equal(delays.at(-1), 10_000);
    assert.equal(nextPollDelay(8000, 'records'), 1000);
    assert.equal(nextPollDelay(3000, 'error'), 6000);
  });
});
