// Kinesis record reading for the record browser: shards of a stream, shard iterators of every type, and batches of
// records as plain data (base64 payloads). SDK types stay here.
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
  type ShardIteratorType,
} from '@aws-sdk/client-kinesis';
import type { AwsClients } from './clients';
import type { IteratorType, ShardInfo, StreamRecord } from './records/kinesis';

export type { IteratorType, ShardInfo, StreamRecord };

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

/** Every shard of the stream, open and closed, with lineage (paged through ListShards). */
export async function listStreamShards(clients: AwsClients, stream: string, s?: Signal): Promise<ShardInfo[]> {
  const shards: ShardInfo[] = [];
  let token: string | undefined;
  do {
    const out = await clients
      .kinesis()
      .send(new ListShardsCommand(token ? { NextToken: token } : { StreamName: stream }), opts(s));
    for (const sh of out.Shards ?? []) {
      if (!sh.ShardId) continue;
      shards.push({
        shardId: sh.ShardId,
        ...(sh.ParentShardId ? { parentShardId: sh.ParentShardId } : {}),
        ...(sh.AdjacentParentShardId ? { adjacentParentShardId: sh.AdjacentParentShardId } : {}),
        startingHashKey: sh.HashKeyRange?.StartingHashKey ?? '',
        endingHashKey: sh.HashKeyRange?.EndingHashKey ?? '',
        open: !sh.SequenceNumberRange?.EndingSequenceNumber,
      });
    }
    token = out.NextToken;
  } while (token);
  return shards;
}

export interface IteratorRequest extends Signal {
  readonly stream: string;
  readonly shardId: string;
  readonly type: IteratorType;
  readonly sequenceNumber?: string;
  /** ISO 8601 */
  readonly timestamp?: string;
}

export async function openShardIterator(clients: AwsClients, req: IteratorRequest): Promise<string> {
  const out = await clients.kinesis().send(
    new GetShardIteratorCommand({
      StreamName: req.stream,
      ShardId: req.shardId,
      ShardIteratorType: req.type as ShardIteratorType,
      ...(req.type === 'AT_SEQUENCE_NUMBER' || req.type === 'AFTER_SEQUENCE_NUMBER'
        ? { StartingSequenceNumber: req.sequenceNumber }
        : {}),
      ...(req.type === 'AT_TIMESTAMP' && req.timestamp ? { Timestamp: new Date(req.timestamp) } : {}),
    }),
    opts(req),
  );
  if (!out.ShardIterator) throw new Error('the emulator returned no shard iterator');
  return out.ShardIterator;
}

export interface RecordBatch {
  readonly records: StreamRecord[];
  /** Absent when the shard is closed and everything was read. */
  readonly nextIterator?: string;
  readonly millisBehindLatest?: number;
}

export async function readRecords(
  clients: AwsClients,
  req: { iterator: string; limit: number } & Signal,
): Promise<RecordBatch> {
  const out = await clients
    .kinesis()
    .send(new GetRecordsCommand({ ShardIterator: req.iterator, Limit: req.limit }), opts(req));
  return {
    records: (out.Records ?? []).map((r) => ({
      sequenceNumber: r.SequenceNumber ?? '',
      partitionKey: r.PartitionKey ?? '',
      ...(r.ApproximateArrivalTimestamp ? { arrival: r.ApproximateArrivalTimestamp.toISOString() } : {}),
      data: r.Data ? Buffer.from(r.Data).toString('base64') : '',
    })),
    ...(out.NextShardIterator ? { nextIterator: out.NextShardIterator } : {}),
    ...(out.MillisBehindLatest !== undefined ? { millisBehindLatest: out.MillisBehindLatest } : {}),
  };
}

/** Delay before the next poll of a live tail: quick while records flow, backing off to `maxMs` while idle or failing. */
export function nextPollDelay(
  previousMs: number,
  outcome: 'records' | 'empty' | 'error',
  minMs = 1000,
  maxMs = 10_000,
): number {
  if (outcome === 'records') return minMs;
  return Math.min(maxMs, Math.max(minMs, Math.round(previousMs * (outcome === 'error' ? 2 : 1.5))));
}
