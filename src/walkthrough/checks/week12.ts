// Week 12 — architecture patterns and design exercises, each checked by the shape of what the learner built.
import { timeToLive } from '../../aws/dynamodb';
import { getWebsiteIndex } from '../../aws/s3';
import { readWiring } from '../../aws/wiring';
import { checkPatterns, PATTERN_CHECKS } from '../../graph/patterns';
import { buckets, objectsOf } from './week01';
import { globalIndexes, isComposite, keyOf, mappings, tables } from './week02';
import { allTopics, subscriptionsOf } from './week07';
import { type Check, done, firstMatch, notYet, once } from './types';

const staticSite: Check = async (env) => {
  const hit = await firstMatch(await buckets(env), async (b) => {
    const index = await getWebsiteIndex(env.aws, b);
    if (!index) return undefined;
    return (await objectsOf(env.aws, b, index, 1)).some((o) => o.key === index) ? index : undefined;
  });
  return hit
    ? done(`Bucket ${hit.item} serves ${hit.result} as a website`)
    : notYet('No bucket with website hosting and its index document uploaded yet');
};

const eventDriven: Check = async (env) => {
  const subscribedQueues = new Set<string>();
  for (const t of await allTopics(env)) {
    for (const s of await subscriptionsOf(env, t)) if (s.protocol === 'sqs') subscribedQueues.add(s.endpoint);
  }
  const m = (await mappings(env)).find((x) => subscribedQueues.has(x.source));
  return m
    ? done(`Topic → ${m.source.split(':').pop()} → ${m.fn.split(':').pop()}`)
    : notYet('No queue that is subscribed to a topic triggers a function yet');
};

const analytics: Check = async (env) => {
  const m = (await mappings(env)).find((x) => x.source.includes(':kinesis:'));
  return m
    ? done(`${m.fn.split(':').pop()} consumes stream ${m.source.split('/').pop()}`)
    : notYet('No function consumes a Kinesis stream yet');
};

const urlShortener: Check = async (env) => {
  for (const t of await tables(env)) {
    if (keyOf(t, 'RANGE') !== undefined) continue;
    const ttl = await timeToLive(env.aws, t.name);
    if (ttl.status === 'ENABLED') {
      return done(`${t.name} looks links up by ${keyOf(t, 'HASH')} and expires them by ${ttl.attribute}`);
    }
  }
  return notYet('No table with a single partition key and TTL enabled yet');
};

const feed: Check = async (env) => {
  const candidates = (await tables(env)).filter(
    (t) => isComposite(t) && globalIndexes(t).length > 0 && t.latestStreamArn,
  );
  if (candidates.length === 0) return notYet('No composite-key table with a GSI and a stream yet');
  const consumers = await mappings(env);
  const t = candidates.find((x) => consumers.some((m) => m.source === x.latestStreamArn));
  return t
    ? done(`${t.name}'s stream fans new posts out to a function`)
    : notYet(`${candidates[0]!.name} has a stream; now let a function consume it to fan posts out`);
};

/** The four patterns of week 12, as the architecture graph's pattern checks name them. */
export const WEEK12_PATTERNS = [
  'fan-out',
  'queue-load-levelling',
  'event-driven-processing',
  'event-sourcing-streams',
] as const;
/** Resources the check reads into the graph: a learner's wiring, bounded for a busy emulator. */
const WIRING_LIMIT = 500;

/** Ticks when the architecture graph shows all four patterns; says which are still missing. */
const patterns: Check = async (env) => {
  const graph = await once(env, 'wiring', () => readWiring(env.aws, { maxNodes: WIRING_LIMIT }));
  const found = checkPatterns(graph).filter((f) => f.kind === 'pattern');
  const seen = new Set(found.map((f) => f.check));
  const missing = WEEK12_PATTERNS.filter((p) => !seen.has(p));
  if (missing.length === 0) {
    return done(
      `The graph shows all four: ${WEEK12_PATTERNS.map((p) => found.find((f) => f.check === p)!.message).join('; ')}`,
    );
  }
  const title = (id: string) => PATTERN_CHECKS.find((c) => c.id === id)?.title ?? id;
  return notYet(`${4 - missing.length} of 4 patterns in the graph; still missing: ${missing.map(title).join(', ')}`);
};

export const week12 = {
  'static-site': staticSite,
  'event-driven': eventDriven,
  analytics,
  'url-shortener': urlShortener,
  feed,
  patterns,
};
