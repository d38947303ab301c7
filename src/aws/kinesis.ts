// Kinesis stream and shard operations, plus the partition-key → shard arithmetic the explorer explains to learners.
import {
  CreateStreamCommand,
  DeleteStreamCommand,
  DescribeStreamSummaryCommand,
  ListShardsCommand,
  ListStreamConsumersCommand,
  ListStreamsCommand,
  MergeShardsCommand,
  PutRecordCommand,
  SplitShardCommand,
  type Shard,
} from '@aws-sdk/client-kinesis';
import { createHash } from 'node:crypto';
import type { AwsClients } from './clients';
import { isConnectionError } from './errors';
import type { Signal } from './s3';
import { mapLimit } from './concurrency';

export interface StreamRecord {
  readonly name: string;
  readonly arn: string;
  readonly status: string;
  readonly mode?: 'PROVISIONED' | 'ON_DEMAND';
  readonly retentionHours?: number;
  readonly openShards?: number;
  readonly created?: string;
  readonly summaryError?: string;
}

export interface ShardRecord {
  readonly shardId: string;
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly parentShardId?: string;
  readonly adjacentParentShardId?: string;
  readonly startingSequenceNumber?: string;
  /** Set when the shard was closed by a split or merge. */
  readonly endingSequenceNumber?: string;
  readonly open: boolean;
}

const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

export const MAX_HASH_KEY = (1n << 128n) - 1n;

export async function describeStream(clients: AwsClients, name: string, s?: Signal): Promise<StreamRecord> {
  const out = await clients.kinesis().send(new DescribeStreamSummaryCommand({ StreamName: name }), opts(s));
  const d = out.StreamDescriptionSummary;
  return {
    name,
    arn: d?.StreamARN ?? '',
    status: d?.StreamStatus ?? 'UNKNOWN',
    mode: d?.StreamModeDetails?.StreamMode,
    retentionHours: d?.RetentionPeriodHours,
    openShards: d?.OpenShardCount,
    created: d?.StreamCreationTimestamp?.toISOString(),
  };
}

/** One page of streams, each with its summary (status, capacity mode, retention, open shards). */
export async function listStreams(
  clients: AwsClients,
  page: { cursor?: string; pageSize: number } & Signal,
): Promise<{ streams: StreamRecord[]; next?: string }> {
  const out = await clients
    .kinesis()
    .send(new ListStreamsCommand({ Limit: page.pageSize, NextToken: page.cursor }), opts(page));
  const names = out.StreamNames ?? [];
  const summaries = new Map((out.StreamSummaries ?? []).map((s) => [s.StreamName ?? '', s]));
  const streams = await mapLimit(names, 6, async (name) => {
    try {
      return await describeStream(clients, name, page);
    } catch (err) {
      // A dead emulator fails the whole listing; other errors only mark the one row.
      if (page.signal?.aborted || isConnectionError(err)) throw err;
      const s = summaries.get(name);
      return { name, arn: s?.StreamARN ?? '', status: s?.StreamStatus ?? 'UNKNOWN', summaryError: String(err) };
    }
  });
  return { streams, next: out.HasMoreStreams && out.NextToken ? out.NextToken : undefined };
}

/**
 * Name and ARN of the first `max` streams, from ListStreams' summaries (one call per page); a stream whose summary
 * has no ARN (older backends) is described.
 */
export async function streamArns(
  clients: AwsClients,
  max: number,
  s?: Signal,
): Promise<{ name: string; arn: string }[]> {
  const out: { name: string; arn: string }[] = [];
  let token: string | undefined;
  do {
    const page = await clients.kinesis().send(new ListStreamsCommand({ Limit: 100, NextToken: token }), opts(s));
    const arns = new Map((page.StreamSummaries ?? []).map((x) => [x.StreamName ?? '', x.StreamARN ?? '']));
    const names = page.StreamNames ?? [];
    out.push(
      ...(await mapLimit(names, 6, async (name) => ({
        name,
        arn: arns.get(name) || (await describeStream(clients, name, s)).arn,
      }))),
    );
    token = page.HasMoreStreams && page.NextToken ? page.NextToken : undefined;
  } while (token && out.length < max);
  return out.slice(0, max);
}

function toShard(s: Shard): ShardRecord {
  return {
    shardId: s.ShardId ?? '',
    startingHashKey: s.HashKeyRange?.StartingHashKey ?? '0',
    endingHashKey: s.HashKeyRange?.EndingHashKey ?? '0',
    parentShardId: s.ParentShardId,
    adjacentParentShardId: s.AdjacentParentShardId,
    startingSequenceNumber: s.SequenceNumberRange?.StartingSequenceNumber,
    endingSequenceNumber: s.SequenceNumberRange?.EndingSequenceNumber,
    open: !s.SequenceNumberRange?.EndingSequenceNumber,
  };
}

/** Every shard of a stream, open and closed (lineage needs the closed parents). */
export async function listShards(clients: AwsClients, streamName: string, s?: Signal): Promise<ShardRecord[]> {
  const shards: ShardRecord[] = [];
  let token: string | undefined;
  do {
    const out = await clients
      .kinesis()
      .send(
        new ListShardsCommand(
          token ? { NextToken: token, MaxResults: 1000 } : { StreamName: streamName, MaxResults: 1000 },
        ),
        opts(s),
      );
    shards.push(...(out.Shards ?? []).map(toShard));
    token = out.NextToken;
  } while (token);
  return shards;
}

/** Names of the enhanced fan-out consumers registered on a stream. */
export async function listStreamConsumers(clients: AwsClients, streamArn: string, s?: Signal): Promise<string[]> {
  const out = await clients.kinesis().send(new ListStreamConsumersCommand({ StreamARN: streamArn }), opts(s));
  return (out.Consumers ?? []).map((c) => c.ConsumerName ?? '');
}

export function validateStreamName(name: string): string | undefined {
  if (!name) return 'Enter a stream name';
  if (name.length > 128) return 'A stream name has at most 128 characters';
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) return 'Use letters, digits, underscores, hyphens and dots only';
  return undefined;
}

export async function createStream(
  clients: AwsClients,
  req: { name: string; mode: 'PROVISIONED' | 'ON_DEMAND'; shardCount?: number },
  s?: Signal,
): Promise<void> {
  await clients.kinesis().send(
    new CreateStreamCommand({
      StreamName: req.name,
      ShardCount: req.mode === 'PROVISIONED' ? (req.shardCount ?? 1) : undefined,
      StreamModeDetails: { StreamMode: req.mode },
    }),
    opts(s),
  );
}

/**
 * Deletes a stream. A stream still being created or resharded cannot be deleted (AWS and LocalStack answer
 * ResourceInUseException; moto does not mind): wait up to 30 s for it to become ACTIVE, then delete.
 */
export async function deleteStream(clients: AwsClients, name: string, s?: Signal): Promise<void> {
  const send = () =>
    clients.kinesis().send(new DeleteStreamCommand({ StreamName: name, EnforceConsumerDeletion: true }), opts(s));
  const deadline = Date.now() + 30_000;
  for (let wait = 100, attempt = 0; ; wait = Math.min(wait * 2, 1_000), attempt++) {
    try {
      await send();
      return;
    } catch (err) {
      const code = (err as { name?: string }).name;
      // Gone by the time of a retry: LocalStack finishes a delete asked for while the stream was still CREATING.
      if (attempt > 0 && code === 'ResourceNotFoundException') return;
      if (code !== 'ResourceInUseException' || Date.now() > deadline) throw err;
      const { status } = await describeStream(clients, name, s);
      if (status === 'DELETING') return;
    }
    await new Promise((r) => setTimeout(r, wait));
    s?.signal?.throwIfAborted();
  }
}

/** The midpoint of a shard's range: splitting there gives two shards with equal halves of the key space. */
export function midpointHashKey(shard: Pick<ShardRecord, 'startingHashKey' | 'endingHashKey'>): string {
  const start = BigInt(shard.startingHashKey);
  const end = BigInt(shard.endingHashKey);
  if (end <= start) throw new Error('This shard covers a single hash key and cannot be split');
  return ((start + end + 1n) / 2n).toString();
}

export async function splitShard(
  clients: AwsClients,
  req: { streamName: string; shardId: string; newStartingHashKey: string },
  s?: Signal,
): Promise<void> {
  await clients.kinesis().send(
    new SplitShardCommand({
      StreamName: req.streamName,
      ShardToSplit: req.shardId,
      NewStartingHashKey: req.newStartingHashKey,
    }),
    opts(s),
  );
}

/** Two open shards can merge only when their hash-key ranges touch. Returns them in range order, or a reason. */
export function checkMergeable(
  a: ShardRecord,
  b: ShardRecord,
): { ok: true; lower: ShardRecord; upper: ShardRecord } | { ok: false; reason: string } {
  if (!a.open || !b.open) return { ok: false, reason: 'Only open shards can be merged' };
  const [lower, upper] = BigInt(a.startingHashKey) < BigInt(b.startingHashKey) ? [a, b] : [b, a];
  if (BigInt(lower.endingHashKey) + 1n !== BigInt(upper.startingHashKey)) {
    return {
      ok: false,
      reason: `${lower.shardId} and ${upper.shardId} are not adjacent (their hash-key ranges do not touch)`,
    };
  }
  return { ok: true, lower, upper };
}

export async function mergeShards(
  clients: AwsClients,
  req: { streamName: string; shardId: string; adjacentShardId: string },
  s?: Signal,
): Promise<void> {
  await clients.kinesis().send(
    new MergeShardsCommand({
      StreamName: req.streamName,
      ShardToMerge: req.shardId,
      AdjacentShardToMerge: req.adjacentShardId,
    }),
    opts(s),
  );
}

/** Kinesis maps a partition key to a shard by the MD5 of the key (UTF-8), read as an unsigned 128-bit integer. */
export function hashKeyOf(partitionKey: string): bigint {
  const digest = createHash('md5').update(partitionKey, 'utf8').digest('hex');
  return BigInt(`0x${digest}`);
}

export interface ShardRouting {
  readonly hashKey: string;
  readonly md5Hex: string;
  readonly shard?: ShardRecord;
  readonly explanation: string;
}

/** Which open shard a partition key lands in, with the reasoning spelled out. */
export function routePartitionKey(
  partitionKey: string,
  shards: readonly ShardRecord[],
  explicitHashKey?: string,
): ShardRouting {
  const md5Hex = createHash('md5').update(partitionKey, 'utf8').digest('hex');
  const hash = explicitHashKey !== undefined ? BigInt(explicitHashKey) : BigInt(`0x${md5Hex}`);
  const shard = shards.find((s) => s.open && BigInt(s.startingHashKey) <= hash && hash <= BigInt(s.endingHashKey));
  const source =
    explicitHashKey !== undefined
      ? `the explicit hash key ${hash}`
      : `MD5("${partitionKey}") = 0x${md5Hex}, which as a 128-bit integer is ${hash}`;
  const explanation = shard
    ? `${source}; it falls in ${shard.shardId}'s range ${shard.startingHashKey} … ${shard.endingHashKey}.`
    : `${source}; no open shard covers it (is the stream still resharding?).`;
  return { hashKey: hash.toString(), md5Hex, shard, explanation };
}

export async function putRecord(
  clients: AwsClients,
  req: { streamName: string; partitionKey: string; data: Uint8Array; explicitHashKey?: string },
  s?: Signal,
): Promise<{ shardId: string; sequenceNumber: string }> {
  const out = await clients.kinesis().send(
    new PutRecordCommand({
      StreamName: req.streamName,
      PartitionKey: req.partitionKey,
      Data: req.data,
      ExplicitHashKey: req.explicitHashKey,
    }),
    opts(s),
  );
  return { shardId: out.ShardId ?? '', sequenceNumber: out.SequenceNumber ?? '' };
}
