// Week 8 — Kinesis streams: shards, partition keys, resharding, enhanced fan-out consumers and retention.
import {
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
  ListStreamConsumersCommand,
  ListStreamsCommand,
  type KinesisClient,
} from '@aws-sdk/client-kinesis';
import { type Check, type CheckEnv, done, notYet, once, SCAN_LIMIT } from './types';

export async function streamSummaries(kinesis: KinesisClient) {
  const list = await kinesis.send(new ListStreamsCommand({ Limit: SCAN_LIMIT }));
  const out = [];
  for (const name of list.StreamNames ?? []) {
    const s = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }));
    const d = s.StreamDescriptionSummary;
    if (d) {
      out.push({
        name,
        arn: d.StreamARN ?? '',
        status: d.StreamStatus ?? '',
        openShards: d.OpenShardCount ?? 0,
        retentionHours: d.RetentionPeriodHours ?? 24,
      });
    }
  }
  return out;
}

export const streams = (env: CheckEnv) => once(env, 'kinesis.streams', () => streamSummaries(env.aws.kinesis()));

async function shards(kinesis: KinesisClient, stream: string) {
  const out = await kinesis.send(new ListShardsCommand({ StreamName: stream, MaxResults: 100 }));
  return (out.Shards ?? []).map((s) => ({
    id: s.ShardId ?? '',
    parent: s.ParentShardId,
    open: s.SequenceNumberRange?.EndingSequenceNumber === undefined,
  }));
}

const stream: Check = async (env) => {
  const s = (await streams(env)).find((x) => x.status === 'ACTIVE');
  return s ? done(`${s.name} is active with ${s.openShards} open shard(s)`) : notYet('No active stream yet');
};

/** Reads at most this many shards and records per stream. */
const SHARD_LIMIT = 8;
const RECORD_LIMIT = 100;

const records: Check = async (env) => {
  const { aws } = env;
  const kinesis = aws.kinesis();
  for (const s of await streams(env)) {
    const keys = new Set<string>();
    let count = 0;
    for (const shard of (await shards(kinesis, s.name)).slice(0, SHARD_LIMIT)) {
      const it = await kinesis.send(
        new GetShardIteratorCommand({ StreamName: s.name, ShardId: shard.id, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      if (!it.ShardIterator) continue;
      const got = await kinesis.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator, Limit: RECORD_LIMIT }));
      for (const r of got.Records ?? []) {
        count++;
        keys.add(r.PartitionKey ?? '');
      }
    }
    if (count >= 5 && keys.size >= 2) return done(`${s.name} holds ${count} records under ${keys.size} partition keys`);
  }
  return notYet('No stream holds five records under at least two partition keys yet');
};

const reshard: Check = async (env) => {
  const { aws } = env;
  const kinesis = aws.kinesis();
  for (const s of await streams(env)) {
    const list = await shards(kinesis, s.name);
    const open = list.filter((x) => x.open);
    const children = list.filter((x) => x.parent !== undefined);
    if (open.length >= 2 && children.length > 0) {
      return done(`${s.name} has ${open.length} open shards; ${children[0]!.id} came from ${children[0]!.parent}`);
    }
  }
  return notYet('No stream has two open shards after a split yet');
};

const consumer: Check = async (env) => {
  const { aws } = env;
  const kinesis = aws.kinesis();
  for (const s of await streams(env)) {
    const out = await kinesis.send(new ListStreamConsumersCommand({ StreamARN: s.arn }));
    const c = (out.Consumers ?? [])[0];
    if (c) return done(`${c.ConsumerName} reads ${s.name} with enhanced fan-out`);
  }
  return notYet('No enhanced fan-out consumer is registered yet');
};

const retention: Check = async (env) => {
  const s = (await streams(env)).find((x) => x.retentionHours > 24);
  return s
    ? done(`${s.name} keeps records for ${s.retentionHours} hours`)
    : notYet('Every stream still keeps records for the default 24 hours');
};

export const week08 = { stream, records, reshard, consumer, retention };
