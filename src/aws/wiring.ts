// Reads the emulator's wiring (issue 13) through the service modules of this layer: every service is listed page by
// page up to a node limit, its connections read a few resources at a time, and a service that fails becomes a
// ReadFailure in the result while the others still draw. Cancelling the signal stops the read (it throws AbortError).
import type { AwsClients } from './clients';
import { describeError, isAbortError } from './errors';
import { listTables } from './dynamodb';
import { listStreams } from './kinesis';
import { asyncOnFailure, listEventSourceMappings, listFunctions, type FunctionRecord } from './lambda';
import {
  buildWiring,
  EMPTY_READINGS,
  type BucketReading,
  type FunctionReading,
  type ReadFailure,
  type RoleReading,
  type TopicReading,
  type WiringGraph,
  type WiringReadings,
} from './records/wiring';
import { principalPoliciesOf } from './resourcePolicies';
import { listBuckets, notificationRoutes } from './s3';
import { getSubscription, listSubscriptions, listTopics } from './sns';
import { listQueues, mapLimit } from './sqs';
import { readApiRoutes, readPages as pages, readRules, readStateMachines } from './wiringServices';

export interface ReadWiringOptions {
  /** Most resources the graph holds (default 2,000); the result says when there were more. */
  readonly maxNodes?: number;
  readonly signal?: AbortSignal;
}

export const DEFAULT_MAX_NODES = 2_000;
/** Requests in flight per service while reading connections. */
const PARALLEL = 8;
/** Subscriptions read per topic. */
const MAX_SUBSCRIPTIONS = 1_000;

/** Reads the whole wiring; never throws for a failing service (see `failures`), only when cancelled. */
export async function readWiring(clients: AwsClients, options: ReadWiringOptions = {}): Promise<WiringGraph> {
  const max = options.maxNodes ?? DEFAULT_MAX_NODES;
  const signal = options.signal;
  const failures: ReadFailure[] = [];
  const s = signal ? { signal } : {};
  /** One service's read: its failure is recorded and the rest goes on. */
  const section = async <T>(service: string, empty: T, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (err) {
      if (signal?.aborted || isAbortError(err)) throw err;
      failures.push({ service, reason: describeError(err) });
      return empty;
    }
  };
  /** Per-resource reads: one that fails is recorded under its service and leaves that resource unconnected. */
  const each = <T, R>(service: string, items: readonly T[], fallback: (t: T) => R, fn: (t: T) => Promise<R>) =>
    mapLimit(items, PARALLEL, async (item) => {
      try {
        return await fn(item);
      } catch (err) {
        if (signal?.aborted || isAbortError(err)) throw err;
        failures.push({ service, reason: describeError(err) });
        return fallback(item);
      }
    });

  const [buckets, topics, queues, functions, mappings, tables, streams, apis, rules, stateMachines] = await Promise.all(
    [
      section('s3', [], async (): Promise<BucketReading[]> => {
        const names = await pages(max, async (cursor) => {
          const p = await listBuckets(clients, { cursor, pageSize: 1000, ...s });
          return { items: p.buckets.map((b) => b.name), next: p.next };
        });
        return each(
          's3',
          names,
          (name) => ({ name, notifications: [] }),
          async (name) => ({ name, notifications: await notificationRoutes(clients, name, s) }),
        );
      }),
      section('sns', [], async (): Promise<TopicReading[]> => {
        const arns = await pages(max, async (token) => {
          const p = await listTopics(clients, { token, ...s });
          return { items: p.topics.map((t) => t.arn), next: p.next };
        });
        return each(
          'sns',
          arns,
          (arn) => ({ arn, subscriptions: [] }),
          async (arn) => ({ arn, subscriptions: await subscriptionsOf(clients, arn, signal) }),
        );
      }),
      section('sqs', [], () =>
        pages(max, async (cursor) => {
          const p = await listQueues(clients, { cursor, pageSize: 1000, ...s });
          for (const q of p.queues) if (q.attributesError) failures.push({ service: 'sqs', reason: q.attributesError });
          const items = p.queues
            .filter((q) => q.arn)
            .map((q) => ({
              arn: q.arn!,
              url: q.url,
              ...(q.deadLetterTargetArn ? { deadLetterTargetArn: q.deadLetterTargetArn } : {}),
            }));
          return { items, next: p.next };
        }),
      ),
      section('lambda', [], async (): Promise<FunctionReading[]> => {
        const fns = await pages(max, async (marker) => {
          const p = await listFunctions(clients, { marker, pageSize: 50, ...s });
          return { items: p.functions, next: p.next };
        });
        const plain = (f: FunctionRecord): FunctionReading => ({
          arn: f.arn,
          name: f.name,
          ...(f.role ? { role: f.role } : {}),
          ...(f.deadLetterArn ? { deadLetterArn: f.deadLetterArn } : {}),
        });
        return each('lambda', fns, plain, async (f) => {
          const onFailure = await asyncOnFailure(clients, f.name, s);
          return { ...plain(f), ...(onFailure ? { onFailure } : {}) };
        });
      }),
      section('lambda', [], () => listEventSourceMappings(clients, max * 4, s)),
      section('dynamodb', [], () =>
        pages(max, async (cursor) => {
          const p = await listTables(clients, { cursor, pageSize: 100, ...s });
          for (const t of p.tables)
            if (t.describeError) failures.push({ service: 'dynamodb', reason: t.describeError });
          const items = p.tables
            .filter((t) => t.arn)
            .map((t) => ({
              arn: t.arn!,
              name: t.name,
              ...(t.latestStreamArn ? { streamArn: t.latestStreamArn } : {}),
            }));
          return { items, next: p.next };
        }),
      ),
      section('kinesis', [], () =>
        pages(max, async (cursor) => {
          const p = await listStreams(clients, { cursor, pageSize: 100, ...s });
          return { items: p.streams.filter((x) => x.arn).map((x) => ({ arn: x.arn, name: x.name })), next: p.next };
        }),
      ),
      section('apigateway', [], () => readApiRoutes(clients, max, signal)),
      section('events', [], () => readRules(clients, max, signal)),
      section('stepfunctions', [], () => readStateMachines(clients, max, signal)),
    ],
  );

  // Roles are read only for the functions that use them (their policies feed the pattern checks).
  const roleArns = [...new Set(functions.map((f) => f.role).filter((r): r is string => !!r))].slice(0, max);
  const roles = await section('iam', [], () =>
    each(
      'iam',
      roleArns,
      (arn): RoleReading => ({ arn, policies: [] }),
      async (arn): Promise<RoleReading> => {
        signal?.throwIfAborted();
        const found = await principalPoliciesOf(clients, arn);
        return { arn, policies: (found?.identity ?? []).map((p) => ({ name: p.label, document: p.text })) };
      },
    ),
  );
  signal?.throwIfAborted();

  const readings: WiringReadings = {
    ...EMPTY_READINGS,
    region: clients.connection.region,
    buckets,
    topics,
    queues,
    functions,
    mappings,
    tables,
    streams,
    apis,
    rules,
    stateMachines,
    roles,
    failures: dedupe(failures),
  };
  return buildWiring(readings, { maxNodes: max });
}

async function subscriptionsOf(clients: AwsClients, topicArn: string, signal?: AbortSignal) {
  const s = signal ? { signal } : {};
  const subs = await pages(MAX_SUBSCRIPTIONS, async (token) => {
    const p = await listSubscriptions(clients, { topicArn, token, ...s });
    return { items: p.subscriptions, next: p.next };
  });
  return mapLimit(subs, 4, async (sub) => {
    // A pending subscription has no attributes to read yet.
    const filterPolicy = sub.pending ? undefined : (await getSubscription(clients, sub.arn, s)).filterPolicy;
    return { protocol: sub.protocol, endpoint: sub.endpoint, ...(filterPolicy ? { filterPolicy } : {}) };
  });
}

/** One line per distinct failure (a dead service fails each resource the same way). */
function dedupe(failures: readonly ReadFailure[]): ReadFailure[] {
  const seen = new Set<string>();
  return failures.filter((f) => {
    const key = `${f.service}\u0000${f.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
