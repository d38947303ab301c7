// Reads the emulator's wiring (issue 13) through the service modules of this layer: every service is listed page by
// page up to a node limit, its connections read a few resources at a time, and a service that fails becomes a
// ReadFailure in the result while the others still draw. Cancelling the signal stops the read (it throws AbortError).
import type { AwsClients } from './clients';
import { describeError, isAbortError } from './errors';
import { tableArns } from './dynamodb';
import { rolePolicies } from './iam';
import { streamArns } from './kinesis';
import { asyncOnFailure, listEventSourceMappings, listFunctions, type FunctionRecord } from './lambda';
import {
  buildWiring,
  EMPTY_READINGS,
  type BucketReading,
  type FunctionReading,
  type QueueReading,
  type ReadFailure,
  type RoleReading,
  type TopicReading,
  type WiringGraph,
  type WiringReadings,
} from './records/wiring';
import { principalPoliciesOf } from './resourcePolicies';
import { listBuckets, notificationRoutes } from './s3';
import { getSubscription, listAllSubscriptions, listTopics } from './sns';
import { mapLimit } from './concurrency';
import { isUnsupportedOperation, parseRedrivePolicy, queueAttributes, queueUrls } from './sqs';
import {
  readHttpApiRoutes,
  readPages as pages,
  readRestApiRoutes,
  readRules,
  readStateMachines,
} from './wiringServices';

export interface ReadWiringOptions {
  /** Most resources the graph holds (default 2,000); the result says when there were more. */
  readonly maxNodes?: number;
  readonly signal?: AbortSignal;
}

export const DEFAULT_MAX_NODES = 2_000;
/** Requests in flight per service while reading connections. */
const PARALLEL = 8;
/** Subscriptions read per topic, on average (the account-wide listing stops at max × this). */
const MAX_SUBSCRIPTIONS_PER_TOPIC = 20;

/** Reads the whole wiring; never throws for a failing service (see `failures`), only when cancelled. */
export async function readWiring(clients: AwsClients, options: ReadWiringOptions = {}): Promise<WiringGraph> {
  const max = options.maxNodes ?? DEFAULT_MAX_NODES;
  const signal = options.signal;
  const failures: ReadFailure[] = [];
  const unsupported: string[] = [];
  const s = signal ? { signal } : {};
  /** One service's read: its failure is recorded and the rest goes on. */
  const section = async <T>(service: string, empty: T, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (err) {
      if (signal?.aborted || isAbortError(err)) throw err;
      // An emulator without the service (LocalStack community has no HTTP APIs, say) is not a failed read.
      if (isUnsupportedOperation(err)) unsupported.push(service);
      else failures.push({ service, reason: describeError(err) });
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
        // Gone since it was listed (404), or a read this emulator does not offer: the resource stays, unconnected.
        if (!isUnsupportedOperation(err)) failures.push({ service, reason: describeError(err) });
        return fallback(item);
      }
    });

  // The function list feeds two reads that run beside the other services: each function's async destination, and
  // the roles the functions use (their policies feed the pattern checks). Started as soon as the list is in, the
  // roles do not wait for the slowest service and then run alone against a single-process emulator.
  const listed = section('lambda', [], () =>
    pages(max, async (marker) => {
      const p = await listFunctions(clients, { marker, pageSize: 50, ...s });
      return { items: p.functions, next: p.next };
    }),
  );
  const plain = (f: FunctionRecord): FunctionReading => ({
    arn: f.arn,
    name: f.name,
    ...(f.role ? { role: f.role } : {}),
    ...(f.deadLetterArn ? { deadLetterArn: f.deadLetterArn } : {}),
  });
  const functions = listed.then((fns) =>
    each('lambda', fns, plain, async (f) => {
      const onFailure = await asyncOnFailure(clients, f.name, s);
      return { ...plain(f), ...(onFailure ? { onFailure } : {}) };
    }),
  );
  // Roles are read only for the functions that use them.
  const roles = listed.then((fns) =>
    section('iam', [], async (): Promise<RoleReading[]> => {
      const arns = [...new Set(fns.map((f) => f.role).filter((r): r is string => !!r))].slice(0, max);
      try {
        const found = await rolePolicies(clients, arns, s);
        return arns.map((arn) => ({ arn, policies: found.get(arn) ?? [] }));
      } catch (err) {
        if (signal?.aborted || isAbortError(err) || !isUnsupportedOperation(err)) throw err;
      }
      // An emulator without GetAccountAuthorizationDetails: each role is read on its own.
      return each(
        'iam',
        arns,
        (arn): RoleReading => ({ arn, policies: [] }),
        async (arn): Promise<RoleReading> => {
          signal?.throwIfAborted();
          const found = await principalPoliciesOf(clients, arn);
          // Labels read `role app / inline orders`: the role is the node already, keep the policy's own name.
          const policies = (found?.identity ?? []).map((p) => ({
            name: p.label.replace(/^(?:user|role) \S+ \/ /, ''),
            document: p.text,
          }));
          return { arn, policies };
        },
      );
    }),
  );

  const [
    buckets,
    topics,
    queues,
    functionReadings,
    mappings,
    tables,
    streams,
    restApis,
    httpApis,
    rules,
    stateMachines,
    roleReadings,
  ] = await Promise.all([
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
      // Every subscription of the account in a few calls, then each one's filter policy.
      const subs = await pages(max * MAX_SUBSCRIPTIONS_PER_TOPIC, async (token) => {
        const p = await listAllSubscriptions(clients, { token, ...s });
        return { items: p.subscriptions, next: p.next };
      });
      const byTopic = new Map<string, TopicReading['subscriptions'][number][]>(arns.map((arn) => [arn, []]));
      const read = await each(
        'sns',
        subs.filter((sub) => byTopic.has(sub.topicArn)),
        (sub) => ({ topicArn: sub.topicArn, protocol: sub.protocol, endpoint: sub.endpoint }),
        async (sub) => {
          // A pending subscription has no attributes to read yet.
          const filterPolicy = sub.pending ? undefined : (await getSubscription(clients, sub.arn, s)).filterPolicy;
          return {
            topicArn: sub.topicArn,
            protocol: sub.protocol,
            endpoint: sub.endpoint,
            ...(filterPolicy ? { filterPolicy } : {}),
          };
        },
      );
      for (const { topicArn, ...sub } of read) byTopic.get(topicArn)?.push(sub);
      return arns.map((arn) => ({ arn, subscriptions: byTopic.get(arn) ?? [] }));
    }),
    section('sqs', [], async (): Promise<QueueReading[]> => {
      const urls = await queueUrls(clients, max, s);
      const read = await each(
        'sqs',
        urls,
        () => undefined,
        async (url): Promise<QueueReading | undefined> => {
          const a = await queueAttributes(clients, url, s, ['QueueArn', 'RedrivePolicy']);
          const dlq = parseRedrivePolicy(a.RedrivePolicy).arn;
          return a.QueueArn ? { arn: a.QueueArn, url, ...(dlq ? { deadLetterTargetArn: dlq } : {}) } : undefined;
        },
      );
      return read.filter((q): q is QueueReading => q !== undefined);
    }),
    functions,
    section('lambda', [], () => listEventSourceMappings(clients, max * 4, s)),
    section('dynamodb', [], () => tableArns(clients, max, s)),
    section('kinesis', [], () => streamArns(clients, max, s)),
    section('apigateway', [], () => readRestApiRoutes(clients, max, signal)),
    section('apigatewayv2', [], () => readHttpApiRoutes(clients, max, signal)),
    section('events', [], () => readRules(clients, max, signal)),
    section('stepfunctions', [], () => readStateMachines(clients, max, signal)),
    roles,
  ]);

  signal?.throwIfAborted();

  const readings: WiringReadings = {
    ...EMPTY_READINGS,
    region: clients.connection.region,
    buckets,
    topics,
    queues,
    functions: functionReadings,
    mappings,
    tables,
    streams,
    apis: [...restApis, ...httpApis],
    rules,
    stateMachines,
    roles: roleReadings,
    failures: dedupe(failures),
    unsupported,
  };
  return buildWiring(readings, { maxNodes: max });
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
