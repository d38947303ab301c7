// Week 8 — Kinesis streams: shards, partition keys, resharding, enhanced fan-out consumers and retention.
import type { AwsClients } from '../../aws/clients';
import { listShards, listStreamConsumers, listStreams } from '../../aws/kinesis';
import { openShardIterator, readRecords } from '../../aws/kinesisRecords';
import { type Check, type CheckEnv, done, notYet, once, SCAN_LIMIT } from './types';

export async function streamSummaries(aws: AwsClients) {
  const { streams } = await listStreams(aws, { pageSize: SCAN_LIMIT });
  return streams
    .filter((s) => s.summaryError === undefined)
    .map((s) => ({
      name: s.name,
      arn: s.arn,
      status: s.status,
      openShards: s.openShards ?? 0,
      retentionHours: s.retentionHours ?? 24,
    }));
}

export const streams = (env: CheckEnv) => once(env, 'kinesis.streams', () => streamSummaries(env.aws));

/**
 * The streams whose shards can be read: a stream still CREATING (or DELETING) refuses GetShardIterator and ListShards
 * with ResourceInUseException. LocalStack keeps a new stream CREATING for a moment after CreateStream answers, so a
 * check that runs right after the learner's command must wait for the next round instead of failing.
 */
const readableStreams = async (env: CheckEnv) =>
  (await streams(env)).filter((s) => s.status === 'ACTIVE' || s.status === 'UPDATING');

/** "No … yet", naming the streams a later round will look at once they are ready. */
function notYetWaiting(env: CheckEnv, reason: string) {
  return streams(env).then((all) => {
    const busy = all.filter((s) => s.status !== 'ACTIVE' && s.status !== 'UPDATING');
    return notYet(busy.length ? `${reason} (${busy.map((s) => `${s.name} is ${s.status}`).join(', ')})` : reason);
  });
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
  for (const s of await readableStreams(env)) {
    const keys = new Set<string>();
    let count = 0;
    for (const shard of (await listShards(aws, s.name)).slice(0, SHARD_LIMIT)) {
      const iterator = await openShardIterator(aws, { stream: s.name, shardId: shard.shardId, type: 'TRIM_HORIZON' });
      const got = await readRecords(aws, { iterator, limit: RECORD_LIMIT });
      for (const r of got.records) {
        count++;
        keys.add(r.partitionKey);
      }
    }
    if (count >= 5 && keys.size >= 2) return done(`${s.name} holds ${count} records under ${keys.size} partition keys`);
  }
  return notYetWaiting(env, 'No stream holds five records under at least two partition keys yet');
};

const reshard: Check = async (env) => {
  for (const s of await readableStreams(env)) {
    const list = await listShards(env.aws, s.name);
    const open = list.filter((x) => x.open);
    const children = list.filter((x) => x.parentShardId !== undefined);
    if (open.length >= 2 && children.length > 0) {
      return done(
        `${s.name} has ${open.length} open shards; ${children[0]!.shardId} came from ${children[0]!.parentShardId}`,
      );
    }
  }
  return notYetWaiting(env, 'No stream has two open shards after a split yet');
};

const consumer: Check = async (env) => {
  for (const s of await streams(env)) {
    const c = (await listStreamConsumers(env.aws, s.arn))[0];
    if (c !== undefined) return done(`${c} reads ${s.name} with enhanced fan-out`);
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
