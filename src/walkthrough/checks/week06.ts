// Week 6 — caching with a local Redis: PING, cache-aside keys with a TTL, an eviction policy, a sorted-set
// leaderboard and rate-limit counters. Every check reads; none writes to the learner's Redis.
import { asStrings, RedisError, type RedisReply } from '../probes/resp';
import { type Check, type CheckEnv, done, notYet } from './types';

/** SCAN rounds per check: enough for a practice database, bounded for a big one. */
const SCAN_ROUNDS = 20;

async function run(env: CheckEnv, ...commands: string[][]): Promise<readonly RedisReply[]> {
  const replies = await env.probes.redis(env.local.host, env.local.redis, commands);
  const err = replies.find((r): r is RedisError => r instanceof RedisError);
  if (err) throw new Error(`Redis said: ${err.message}`);
  return replies;
}

/** Keys matching `pattern` (and of `type` when given), bounded by SCAN_ROUNDS. */
export async function scanKeys(env: CheckEnv, pattern: string, type?: string, max = 200): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  for (let round = 0; round < SCAN_ROUNDS; round++) {
    const args = ['SCAN', cursor, 'MATCH', pattern, 'COUNT', '1000', ...(type ? ['TYPE', type] : [])];
    const [reply] = await run(env, args);
    const [next, batch] = Array.isArray(reply) ? reply : [];
    keys.push(...asStrings(batch));
    cursor = typeof next === 'string' ? next : '0';
    if (cursor === '0' || keys.length >= max) break;
  }
  return keys.slice(0, max);
}

/** The first key among `keys` that has a TTL, with the TTL in seconds. */
async function firstWithTtl(env: CheckEnv, keys: readonly string[]) {
  if (keys.length === 0) return undefined;
  const sample = keys.slice(0, 50);
  const ttls = await run(env, ...sample.map((k) => ['TTL', k]));
  const i = ttls.findIndex((t) => typeof t === 'number' && t > 0);
  return i >= 0 ? { key: sample[i]!, ttl: ttls[i] as number } : undefined;
}

const redis: Check = async (env) => {
  const where = `${env.local.host}:${env.local.redis}`;
  try {
    const [pong] = await run(env, ['PING']);
    return pong === 'PONG' ? done(`Redis on ${where} answered PONG`) : notYet(`${where} answered ${String(pong)}`);
  } catch (err) {
    return notYet(`No Redis answers on ${where} (${(err as Error).message})`);
  }
};

const cacheAside: Check = async (env) => {
  const hit = await firstWithTtl(env, await scanKeys(env, 'user:*'));
  return hit ? done(`${hit.key} is cached for another ${hit.ttl} s`) : notYet('No user:* key with a TTL yet');
};

const EVICTING = new Set([
  'allkeys-lru',
  'allkeys-lfu',
  'volatile-lru',
  'volatile-lfu',
  'volatile-ttl',
  'allkeys-random',
  'volatile-random',
]);

const eviction: Check = async (env) => {
  const [policy, memory] = await run(env, ['CONFIG', 'GET', 'maxmemory-policy'], ['CONFIG', 'GET', 'maxmemory']);
  const p = asStrings(policy)[1] ?? '';
  const m = Number(asStrings(memory)[1] ?? '0');
  if (!EVICTING.has(p)) return notYet(`maxmemory-policy is ${p || 'unset'}, which never evicts`);
  return m > 0
    ? done(`maxmemory ${m} bytes with policy ${p}`)
    : notYet(`Policy ${p} is set, but maxmemory is 0 (no limit), so nothing is ever evicted`);
};

const leaderboard: Check = async (env) => {
  const keys = await scanKeys(env, '*', 'zset', 50);
  if (keys.length === 0) return notYet('No sorted set yet');
  const sizes = await run(env, ...keys.map((k) => ['ZCARD', k]));
  const i = sizes.findIndex((n) => typeof n === 'number' && n >= 5);
  return i >= 0
    ? done(`Sorted set ${keys[i]} ranks ${sizes[i] as number} members`)
    : notYet(`Sorted sets ${keys.join(', ')} have fewer than 5 members`);
};

const rateLimit: Check = async (env) => {
  const hit = await firstWithTtl(env, await scanKeys(env, 'ratelimit:*'));
  return hit ? done(`Counter ${hit.key} resets in ${hit.ttl} s`) : notYet('No ratelimit:* counter with a TTL yet');
};

export const week06 = { redis, 'cache-aside': cacheAside, eviction, leaderboard, 'rate-limit': rateLimit };
