// Host side of the Kinesis record browser: open iterators of every type, read batches, and a live tail that polls
// GetRecords with backoff, stops on request, when the panel is hidden or disposed, and after repeated failures.
import { listStreamShards, nextPollDelay, openShardIterator, readRecords } from '../aws/kinesisRecords';
import { describeError } from '../aws/errors';
import type { PanelKind } from './panel';
import { requireClients, type PanelDeps } from './deps';
import {
  RECORDS_VIEW_TYPE,
  checkIteratorInput,
  recordsFromView,
  recordsTarget,
  type RecordsFromView,
  type RecordsTarget,
  type RecordsToView,
  type TailState,
} from './protocol/records';

export interface TailTiming {
  readonly minMs: number;
  readonly maxMs: number;
  /** Consecutive failed polls after which the tail stops. */
  readonly maxFailures: number;
  readonly batch: number;
}

export const DEFAULT_TAIL: TailTiming = { minMs: 1000, maxMs: 10_000, maxFailures: 5, batch: 500 };

export function recordsPanel(
  deps: PanelDeps,
  timing: TailTiming = DEFAULT_TAIL,
): PanelKind<RecordsTarget, RecordsFromView, RecordsToView> {
  return {
    viewType: RECORDS_VIEW_TYPE,
    script: 'records',
    title: (t) => `Records: ${t.stream}`,
    key: (t) => t.stream,
    target: recordsTarget,
    fromView: recordsFromView,
    create(host, target) {
      const stream = target.stream;
      let iterator: string | undefined;
      let shardClosed = false;
      let tail:
        { timer?: ReturnType<typeof setTimeout>; abort: AbortController; delay: number; failures: number } | undefined;

      const tailState = (): TailState => (tail ? 'running' : 'stopped');
      const stopTail = (reason: string): void => {
        if (!tail) return;
        if (tail.timer) clearTimeout(tail.timer);
        tail.abort.abort();
        tail = undefined;
        host.post({ type: 'tail', state: 'stopped', reason });
      };
      const schedule = (): void => {
        if (!tail) return;
        const t = tail;
        t.timer = setTimeout(() => void poll(t), t.delay);
      };
      const poll = async (t: NonNullable<typeof tail>): Promise<void> => {
        if (tail !== t || !iterator) return;
        try {
          const batch = await readRecords(await requireClients(deps), {
            iterator,
            limit: timing.batch,
            signal: t.abort.signal,
          });
          if (tail !== t) return;
          iterator = batch.nextIterator;
          t.failures = 0;
          t.delay = nextPollDelay(t.delay, batch.records.length ? 'records' : 'empty', timing.minMs, timing.maxMs);
          if (batch.records.length || !batch.nextIterator) {
            host.post({
              type: 'records',
              reset: false,
              records: batch.records,
              ...(batch.millisBehindLatest !== undefined ? { millisBehindLatest: batch.millisBehindLatest } : {}),
              hasMore: !!batch.nextIterator,
              fromTail: true,
            });
          }
          if (!batch.nextIterator) {
            shardClosed = true;
            stopTail('the shard is closed and every record has been read');
            return;
          }
          host.post({ type: 'tail', state: 'running', nextPollMs: t.delay });
        } catch (err) {
          if (tail !== t) return;
          t.failures++;
          t.delay = nextPollDelay(t.delay, 'error', timing.minMs, timing.maxMs);
          if (t.failures >= timing.maxFailures) {
            stopTail(`Read records from ${stream} failed ${t.failures} times: ${describeError(err)}`);
            return;
          }
          host.post({ type: 'tail', state: 'running', nextPollMs: t.delay, reason: describeError(err) });
        }
        schedule();
      };

      return {
        async onReady() {
          await host.run(0, `List shards of ${stream}`, async (signal) => {
            const shards = await listStreamShards(await requireClients(deps), stream, { signal });
            host.post({ type: 'init', target, shards, tail: tailState() });
          });
        },
        onVisibility(visible) {
          if (!visible) stopTail('the panel was hidden');
        },
        dispose() {
          if (tail) {
            if (tail.timer) clearTimeout(tail.timer);
            tail.abort.abort();
            tail = undefined;
          }
        },
        async onMessage(m) {
          switch (m.type) {
            case 'shown':
              return;
            case 'refreshShards':
              await this.onReady();
              return;
            case 'read': {
              const problem = checkIteratorInput(m.iterator, m.sequenceNumber, m.timestamp);
              if (problem) {
                host.post({ type: 'error', requestId: m.requestId, message: problem });
                return;
              }
              stopTail('a new read started');
              await host.run(m.requestId, `Read records from ${stream}/${m.shardId}`, async (signal) => {
                const clients = await requireClients(deps);
                iterator = await openShardIterator(clients, {
                  stream,
                  shardId: m.shardId,
                  type: m.iterator,
                  sequenceNumber: m.sequenceNumber?.trim(),
                  timestamp: m.timestamp,
                  signal,
                });
                const batch = await readRecords(clients, { iterator, limit: m.limit, signal });
                iterator = batch.nextIterator;
                shardClosed = !batch.nextIterator;
                host.post({
                  type: 'records',
                  requestId: m.requestId,
                  reset: true,
                  records: batch.records,
                  ...(batch.millisBehindLatest !== undefined ? { millisBehindLatest: batch.millisBehindLatest } : {}),
                  hasMore: !!batch.nextIterator,
                  fromTail: false,
                });
              });
              return;
            }
            case 'more':
              await host.run(m.requestId, `Read more records from ${stream}`, async (signal) => {
                if (!iterator) {
                  throw new Error(shardClosed ? 'the shard is closed and fully read' : 'start with Read first');
                }
                const batch = await readRecords(await requireClients(deps), { iterator, limit: m.limit, signal });
                iterator = batch.nextIterator;
                shardClosed = !batch.nextIterator;
                host.post({
                  type: 'records',
                  requestId: m.requestId,
                  reset: false,
                  records: batch.records,
                  ...(batch.millisBehindLatest !== undefined ? { millisBehindLatest: batch.millisBehindLatest } : {}),
                  hasMore: !!batch.nextIterator,
                  fromTail: false,
                });
              });
              return;
            case 'tail':
              if (!m.on) {
                stopTail('stopped');
                return;
              }
              if (tail) return;
              if (!iterator) {
                host.post({
                  type: 'error',
                  message: shardClosed
                    ? 'The shard is closed and fully read: there is nothing to tail.'
                    : 'Pick a shard and press Read first (LATEST tails only new records).',
                });
                return;
              }
              tail = { abort: new AbortController(), delay: timing.minMs, failures: 0 };
              host.post({ type: 'tail', state: 'running', nextPollMs: 0 });
              void poll(tail);
              return;
          }
        },
      };
    },
  };
}
