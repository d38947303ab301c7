// SQS and Kinesis access layers against a real moto server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { type AwsClients } from '../../src/aws/clients';
import * as kinesis from '../../src/aws/kinesis';
import * as sqs from '../../src/aws/sqs';
import { onLocalStack } from '../support/emulator';
import { useLab } from '../support/fixtures';

async function waitActive(clients: AwsClients, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await kinesis.describeStream(clients, name)).status === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} never became ACTIVE`);
}

describe('aws/sqs and aws/kinesis against the emulator', () => {
  const lab = useLab();

  it('creates standard and FIFO queues with a DLQ and lists them with attributes, paged', async () => {
    const dlqUrl = await sqs.createQueue(lab.clients, { name: 'orders-dlq', fifo: false });
    const dlq = await sqs.getQueue(lab.clients, dlqUrl);
    await sqs.createQueue(lab.clients, {
      name: 'orders',
      fifo: false,
      deadLetterTargetArn: dlq.arn,
      maxReceiveCount: 3,
    });
    const fifoUrl = await sqs.createQueue(lab.clients, {
      name: 'payments',
      fifo: true,
      contentBasedDeduplication: true,
    });
    assert.match(fifoUrl, /payments\.fifo$/);
    await lab.clients.sqs().send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: 'x' }));
    await lab.clients.sqs().send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: 'later', DelaySeconds: 60 }));

    const first = await sqs.listQueues(lab.clients, { pageSize: 2 });
    assert.equal(first.queues.length, 2);
    assert.ok(first.next, 'paged with a NextToken');
    const second = await sqs.listQueues(lab.clients, { pageSize: 2, cursor: first.next });
    const all = [...first.queues, ...second.queues];
    assert.deepEqual(all.map((q) => q.name).sort(), ['orders', 'orders-dlq', 'payments.fifo']);
    const orders = all.find((q) => q.name === 'orders');
    assert.equal(orders?.deadLetterTargetArn, dlq.arn);
    assert.equal(orders?.maxReceiveCount, 3);
    const dlqRec = all.find((q) => q.name === 'orders-dlq');
    assert.equal(dlqRec?.visible, 1);
    assert.equal(dlqRec?.delayed, 1);
    assert.equal(dlqRec?.inFlight, 0);
    assert.equal(all.find((q) => q.name === 'payments.fifo')?.fifo, true);
    const sources = await sqs.deadLetterSources(lab.clients, dlqUrl);
    assert.deepEqual(sources.map(sqs.queueNameFromUrl), ['orders']);
  });

  it('receives (raising in-flight), deletes a message and purges a queue', async () => {
    const url = await sqs.createQueue(lab.clients, { name: 'work', fifo: false });
    for (const body of ['a', 'b', 'c'])
      await lab.clients.sqs().send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
    const got = await sqs.receiveMessages(lab.clients, url, { max: 1, visibilityTimeout: 30 });
    assert.equal(got.length, 1);
    assert.equal(got[0]?.attributes.ApproximateReceiveCount, '1');
    assert.equal((await sqs.getQueue(lab.clients, url)).inFlight, 1);
    await sqs.deleteMessage(lab.clients, url, got[0]?.receiptHandle ?? '');
    const q = await sqs.getQueue(lab.clients, url);
    assert.equal((q.visible ?? 0) + (q.inFlight ?? 0), 2);
    await sqs.purgeQueue(lab.clients, url);
    assert.equal((await sqs.getQueue(lab.clients, url)).visible, 0);
    await sqs.deleteQueue(lab.clients, url);
    assert.deepEqual((await sqs.listQueues(lab.clients, { pageSize: 10 })).queues, []);
  });

  it('redrives a DLQ back to its source (move task where supported, else copy) with progress', async () => {
    const dlqUrl = await sqs.createQueue(lab.clients, { name: 'jobs-dlq', fifo: false });
    const dlq = await sqs.getQueue(lab.clients, dlqUrl);
    const srcUrl = await sqs.createQueue(lab.clients, { name: 'jobs', fifo: false, deadLetterTargetArn: dlq.arn });
    for (let i = 0; i < 13; i++) {
      await lab.clients.sqs().send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: `job-${i}` }));
    }
    const progress: number[] = [];
    const outcome = await sqs.redrive(lab.clients, {
      dlqUrl,
      dlqArn: dlq.arn ?? '',
      targetUrl: srcUrl,
      progress: (n) => progress.push(n),
    });
    // moto has no StartMessageMoveTask (the copy path runs); LocalStack runs a move task, followed to its end.
    assert.equal(outcome.method, onLocalStack ? 'move-task' : 'copy');
    assert.equal(outcome.moved, 13);
    assert.equal(progress.at(-1), 13);
    const src = await sqs.getQueue(lab.clients, srcUrl);
    const after = await sqs.getQueue(lab.clients, dlqUrl);
    assert.equal(src.visible, 13);
    assert.equal((after.visible ?? 0) + (after.inFlight ?? 0), 0);
  });

  it('validates queue names', () => {
    assert.equal(sqs.validateQueueName('ok_name-1', false), undefined);
    assert.match(sqs.validateQueueName('bad name', false) ?? '', /letters, digits/);
    assert.match(sqs.validateQueueName('x.fifo', false) ?? '', /Only FIFO/);
    assert.equal(sqs.validateQueueName('x.fifo', true), undefined);
  });

  it('lists streams with status, mode and retention, and shards with hash ranges', async () => {
    await kinesis.createStream(lab.clients, { name: 'clicks', mode: 'PROVISIONED', shardCount: 2 });
    await kinesis.createStream(lab.clients, { name: 'events', mode: 'ON_DEMAND' });
    await waitActive(lab.clients, 'clicks');
    const page = await kinesis.listStreams(lab.clients, { pageSize: 10 });
    const clicks = page.streams.find((s) => s.name === 'clicks');
    assert.equal(clicks?.status, 'ACTIVE');
    assert.equal(clicks?.mode, 'PROVISIONED');
    assert.equal(clicks?.retentionHours, 24);
    assert.equal(clicks?.openShards, 2);
    assert.equal(page.streams.find((s) => s.name === 'events')?.mode, 'ON_DEMAND');
    const shards = await kinesis.listShards(lab.clients, 'clicks');
    assert.equal(shards.length, 2);
    assert.equal(shards[0]?.startingHashKey, '0');
    assert.equal(shards[1]?.endingHashKey, kinesis.MAX_HASH_KEY.toString());
    assert.equal(BigInt(shards[0]?.endingHashKey ?? 0) + 1n, BigInt(shards[1]?.startingHashKey ?? 0));
  });

  it('splits a shard at its midpoint and merges the children back, keeping lineage', async () => {
    await kinesis.createStream(lab.clients, { name: 'reshard', mode: 'PROVISIONED', shardCount: 1 });
    await waitActive(lab.clients, 'reshard');
    const [only] = await kinesis.listShards(lab.clients, 'reshard');
    assert.ok(only);
    const mid = kinesis.midpointHashKey(only);
    assert.equal(BigInt(mid), 1n << 127n);
    await kinesis.splitShard(lab.clients, { streamName: 'reshard', shardId: only.shardId, newStartingHashKey: mid });
    await waitActive(lab.clients, 'reshard');
    const afterSplit = await kinesis.listShards(lab.clients, 'reshard');
    const children = afterSplit.filter((s) => s.parentShardId === only.shardId);
    assert.equal(children.length, 2);
    assert.equal(afterSplit.find((s) => s.shardId === only.shardId)?.open, false);
    const [a, b] = children as [kinesis.ShardRecord, kinesis.ShardRecord];
    const check = kinesis.checkMergeable(a, b);
    assert.ok(check.ok);
    if (!check.ok) return;
    await kinesis.mergeShards(lab.clients, {
      streamName: 'reshard',
      shardId: check.lower.shardId,
      adjacentShardId: check.upper.shardId,
    });
    await waitActive(lab.clients, 'reshard');
    const afterMerge = await kinesis.listShards(lab.clients, 'reshard');
    const merged = afterMerge.find((s) => s.open);
    assert.ok(merged);
    assert.equal(merged.parentShardId, check.lower.shardId);
    assert.equal(merged.adjacentParentShardId, check.upper.shardId);
    assert.equal(merged.startingHashKey, '0');
    assert.equal(merged.endingHashKey, kinesis.MAX_HASH_KEY.toString());
  });

  it('puts records on the shard the MD5 of the partition key points at', async () => {
    await kinesis.createStream(lab.clients, { name: 'routing', mode: 'PROVISIONED', shardCount: 4 });
    await waitActive(lab.clients, 'routing');
    const shards = await kinesis.listShards(lab.clients, 'routing');
    for (const key of ['user-1', 'user-2', 'order-42', 'ünïcode', 'x']) {
      const predicted = kinesis.routePartitionKey(key, shards);
      assert.ok(predicted.shard, predicted.explanation);
      const put = await kinesis.putRecord(lab.clients, {
        streamName: 'routing',
        partitionKey: key,
        data: new TextEncoder().encode(`{"k":"${key}"}`),
      });
      assert.equal(put.shardId, predicted.shard.shardId, `${key}: ${predicted.explanation}`);
      assert.ok(put.sequenceNumber);
    }
    const explicit = kinesis.routePartitionKey('ignored', shards, '0');
    assert.equal(explicit.shard?.shardId, shards[0]?.shardId);
    assert.match(kinesis.routePartitionKey('user-1', shards).explanation, /MD5\("user-1"\) = 0x[0-9a-f]{32}/);
  });

  it('refuses to merge shards whose ranges do not touch', async () => {
    await kinesis.createStream(lab.clients, { name: 'apart', mode: 'PROVISIONED', shardCount: 3 });
    await waitActive(lab.clients, 'apart');
    const [s0, , s2] = await kinesis.listShards(lab.clients, 'apart');
    assert.ok(s0 && s2);
    const check = kinesis.checkMergeable(s0, s2);
    assert.equal(check.ok, false);
    assert.match(check.ok ? '' : check.reason, /not adjacent/);
  });

  it('deletes a stream and validates stream names', async () => {
    await kinesis.createStream(lab.clients, { name: 'gone', mode: 'PROVISIONED', shardCount: 1 });
    await kinesis.deleteStream(lab.clients, 'gone');
    const page = await kinesis.listStreams(lab.clients, { pageSize: 10 });
    assert.equal(
      page.streams.find((s) => s.name === 'gone' && s.status === 'ACTIVE'),
      undefined,
    );
    assert.equal(kinesis.validateStreamName('ok.name_1-2'), undefined);
    assert.match(kinesis.validateStreamName('bad name') ?? '', /letters/);
  });
});
