// CloudWatch Logs: log groups, streams and events, paged, with a filter pattern; and a live tail that polls with
// backoff until it is cancelled. Plain records out (./records/logs.ts), no SDK types.
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import type { AwsClients } from './clients';
import { describeError, isAbortError } from './errors';
import type { LogEventRecord, LogGroupRecord, LogStreamRecord } from './records/logs';

export * from './records/logs';

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

export async function listLogGroups(
  clients: AwsClients,
  req: { prefix?: string; token?: string; limit?: number } & Signal = {},
): Promise<{ groups: LogGroupRecord[]; next?: string }> {
  const out = await clients.logs().send(
    new DescribeLogGroupsCommand({
      logGroupNamePrefix: req.prefix || undefined,
      nextToken: req.token,
      limit: Math.min(50, req.limit ?? 50),
    }),
    opts(req),
  );
  const groups = (out.logGroups ?? []).map((g): LogGroupRecord => ({
    name: g.logGroupName ?? '',
    ...(g.arn ? { arn: g.arn } : {}),
    ...(g.storedBytes !== undefined ? { storedBytes: g.storedBytes } : {}),
    ...(g.retentionInDays !== undefined ? { retentionDays: g.retentionInDays } : {}),
    ...(g.creationTime !== undefined ? { createdAt: g.creationTime } : {}),
  }));
  return { groups, ...(out.nextToken ? { next: out.nextToken } : {}) };
}

/** Streams of a group, the most recently written first. */
export async function listLogStreams(
  clients: AwsClients,
  req: { group: string; token?: string; limit?: number } & Signal,
): Promise<{ streams: LogStreamRecord[]; next?: string }> {
  const out = await clients.logs().send(
    new DescribeLogStreamsCommand({
      logGroupName: req.group,
      orderBy: 'LastEventTime',
      descending: true,
      nextToken: req.token,
      limit: Math.min(50, req.limit ?? 50),
    }),
    opts(req),
  );
  const streams = (out.logStreams ?? []).map((s): LogStreamRecord => ({
    group: req.group,
    name: s.logStreamName ?? '',
    ...(s.firstEventTimestamp !== undefined ? { firstEventAt: s.firstEventTimestamp } : {}),
    ...(s.lastEventTimestamp !== undefined ? { lastEventAt: s.lastEventTimestamp } : {}),
    ...(s.storedBytes !== undefined ? { storedBytes: s.storedBytes } : {}),
  }));
  return { streams, ...(out.nextToken ? { next: out.nextToken } : {}) };
}

/**
 * One page of a stream's events, oldest first. GetLogEvents hands back the token it was given once the stream is
 * read to its end; that is reported as no `next`.
 */
export async function getLogEvents(
  clients: AwsClients,
  req: { group: string; stream: string; token?: string; limit?: number } & Signal,
): Promise<{ events: LogEventRecord[]; next?: string }> {
  const out = await clients.logs().send(
    new GetLogEventsCommand({
      logGroupName: req.group,
      logStreamName: req.stream,
      startFromHead: true,
      nextToken: req.token,
      limit: Math.min(10_000, req.limit ?? 100),
    }),
    opts(req),
  );
  const events = (out.events ?? []).map((e, i): LogEventRecord => ({
    id: `${req.stream}/${e.timestamp ?? 0}/${req.token ?? ''}/${i}`,
    stream: req.stream,
    timestamp: e.timestamp ?? 0,
    message: e.message ?? '',
    ...(e.ingestionTime !== undefined ? { ingestedAt: e.ingestionTime } : {}),
  }));
  const next = out.nextForwardToken;
  return { events, ...(next && next !== req.token && events.length > 0 ? { next } : {}) };
}

export interface FilterRequest {
  readonly group: string;
  /** CloudWatch Logs filter pattern syntax, e.g. `ERROR` or `{ $.level = "error" }`; empty matches everything. */
  readonly pattern?: string;
  readonly streams?: readonly string[];
  /** Milliseconds since the epoch, inclusive. */
  readonly startTime?: number;
  readonly endTime?: number;
  readonly token?: string;
  readonly limit?: number;
}

/** One page of matching events across a group's streams (or the named ones), oldest first. */
export async function filterLogEvents(
  clients: AwsClients,
  req: FilterRequest & Signal,
): Promise<{ events: LogEventRecord[]; next?: string }> {
  const out = await clients.logs().send(
    new FilterLogEventsCommand({
      logGroupName: req.group,
      filterPattern: req.pattern?.trim() || undefined,
      logStreamNames: req.streams?.length ? [...req.streams] : undefined,
      startTime: req.startTime,
      endTime: req.endTime,
      nextToken: req.token,
      limit: Math.min(10_000, req.limit ?? 100),
    }),
    opts(req),
  );
  const events = (out.events ?? []).map((e): LogEventRecord => ({
    id: e.eventId ?? `${e.logStreamName ?? ''}/${e.timestamp ?? 0}/${e.message ?? ''}`,
    ...(e.logStreamName ? { stream: e.logStreamName } : {}),
    timestamp: e.timestamp ?? 0,
    message: e.message ?? '',
    ...(e.ingestionTime !== undefined ? { ingestedAt: e.ingestionTime } : {}),
  }));
  return { events, ...(out.nextToken ? { next: out.nextToken } : {}) };
}

/** Creates a group (and a stream) and writes events: the tests and the demo seed use it; Lambda does it for real. */
export async function writeLogEvents(
  clients: AwsClients,
  req: {
    group: string;
    stream: string;
    events: readonly { timestamp: number; message: string }[];
    create?: boolean;
  } & Signal,
): Promise<void> {
  if (req.create) {
    await clients
      .logs()
      .send(new CreateLogGroupCommand({ logGroupName: req.group }), opts(req))
      .catch((err: unknown) => {
        if ((err as { name?: string }).name !== 'ResourceAlreadyExistsException') throw err;
      });
    await clients
      .logs()
      .send(new CreateLogStreamCommand({ logGroupName: req.group, logStreamName: req.stream }), opts(req))
      .catch((err: unknown) => {
        if ((err as { name?: string }).name !== 'ResourceAlreadyExistsException') throw err;
      });
  }
  // PutLogEvents takes at most 10,000 events per call.
  for (let i = 0; i < req.events.length; i += 10_000) {
    await clients.logs().send(
      new PutLogEventsCommand({
        logGroupName: req.group,
        logStreamName: req.stream,
        logEvents: req.events.slice(i, i + 10_000).map((e) => ({ timestamp: e.timestamp, message: e.message })),
      }),
      opts(req),
    );
  }
}

export interface TailOptions {
  readonly group: string;
  readonly pattern?: string;
  /** Events from this time on (milliseconds since the epoch); default: now. */
  readonly startTime?: number;
  readonly signal: AbortSignal;
  /** New events, oldest first, never one twice. */
  onEvents(events: readonly LogEventRecord[]): void;
  /** Polling state for a status line: waiting for the group to exist, a failed poll, or back to normal. */
  onStatus?(status: { readonly kind: 'live' | 'waiting' | 'error'; readonly detail?: string }): void;
  /** Delay after a poll that found events (default 1 s); it doubles while polls find nothing, up to `maxDelayMs`. */
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Pages read per poll at most (a burst beyond it is read on the next poll). Default 10. */
  readonly maxPagesPerPoll?: number;
  readonly pageSize?: number;
  /** Injected for tests and benchmarks; defaults to a timer that stops early on abort. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now?: () => number;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Follows a log group until `signal` aborts: polls FilterLogEvents from the newest timestamp seen (inclusive, with the
 * ids already delivered at that timestamp left out), backing off while nothing arrives or the group does not exist
 * yet. Resolves when cancelled; never rejects.
 */
export async function tailLogs(clients: AwsClients, o: TailOptions): Promise<void> {
  const sleep = o.sleep ?? abortableSleep;
  const now = o.now ?? Date.now;
  const minDelay = o.minDelayMs ?? 1_000;
  const maxDelay = Math.max(minDelay, o.maxDelayMs ?? 10_000);
  const maxPages = o.maxPagesPerPoll ?? 10;
  let cursor = o.startTime ?? now();
  let seenAtCursor = new Set<string>();
  let delay = minDelay;
  let status: 'live' | 'waiting' | 'error' | undefined;
  const report = (kind: 'live' | 'waiting' | 'error', detail?: string) => {
    if (kind === status && kind === 'live') return;
    status = kind;
    o.onStatus?.({ kind, ...(detail ? { detail } : {}) });
  };
  while (!o.signal.aborted) {
    let found = 0;
    try {
      let token: string | undefined;
      for (let page = 0; page < maxPages; page++) {
        const out = await filterLogEvents(clients, {
          group: o.group,
          pattern: o.pattern,
          startTime: cursor,
          token,
          limit: o.pageSize ?? 1_000,
          signal: o.signal,
        });
        const fresh = out.events.filter((e) => !(e.timestamp === cursor && seenAtCursor.has(e.id)));
        fresh.sort((a, b) => a.timestamp - b.timestamp);
        if (fresh.length > 0) {
          const last = fresh[fresh.length - 1]!.timestamp;
          if (last > cursor) {
            cursor = last;
            seenAtCursor = new Set();
          }
          for (const e of fresh) if (e.timestamp === cursor) seenAtCursor.add(e.id);
          found += fresh.length;
          o.onEvents(fresh);
        }
        token = out.next;
        if (!token || o.signal.aborted) break;
      }
      report('live');
    } catch (err) {
      if (isAbortError(err) || o.signal.aborted) break;
      if (err instanceof ResourceNotFoundException) report('waiting', `log group ${o.group} does not exist yet`);
      else report('error', describeError(err));
    }
    delay = found > 0 ? minDelay : Math.min(maxDelay, delay * 2);
    await sleep(delay, o.signal);
  }
}
