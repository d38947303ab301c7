// Kinesis record browser: contract between the host (src/webviews/records.ts) and the view (webviews/records/main.ts).
import type { HostCommon } from './common';
import { ITERATOR_TYPES, type IteratorType, type ShardInfo, type StreamRecord } from '../../aws/records/kinesis';
import { bool, int, literal, obj, oneOf, optional, str, tagged } from './validate';

export const RECORDS_VIEW_TYPE = 'localCloudLab.kinesisRecords';

export interface RecordsTarget {
  readonly stream: string;
  readonly shardId?: string;
}
export const recordsTarget = obj({
  stream: str({ min: 1, max: 128 }),
  shardId: optional(str({ min: 1, max: 128 })),
});

export { ITERATOR_TYPES, type IteratorType, type ShardInfo, type StreamRecord } from '../../aws/records/kinesis';

export const MAX_RECORDS_PER_READ = 1000;
/** The most records a view keeps; older ones drop off the top. */
export const MAX_RECORDS_IN_VIEW = 2000;
const requestId = int({ min: 0 });

/** View → host. */
export const recordsFromView = tagged({
  /** Opens a new iterator and reads the first batch. */
  read: obj({
    type: literal('read'),
    requestId,
    shardId: str({ min: 1, max: 128 }),
    iterator: oneOf(ITERATOR_TYPES),
    sequenceNumber: optional(str({ min: 1, max: 128, pattern: /^\d+$/ })),
    /** ISO 8601 date-time. */
    timestamp: optional(str({ min: 1, max: 64 })),
    limit: int({ min: 1, max: MAX_RECORDS_PER_READ }),
  }),
  /** Reads the next batch from where the last read stopped. */
  more: obj({ type: literal('more'), requestId, limit: int({ min: 1, max: MAX_RECORDS_PER_READ }) }),
  /** Starts or stops the live tail (polling GetRecords with backoff). */
  tail: obj({ type: literal('tail'), on: bool() }),
  refreshShards: obj({ type: literal('refreshShards') }),
  shown: obj({ type: literal('shown'), rows: int({ min: 0 }), columns: int({ min: 0 }) }),
});
export type RecordsFromView = ReturnType<typeof recordsFromView>;

export type TailState = 'running' | 'stopped';

/** Host → view. */
export type RecordsToView =
  | HostCommon
  | { type: 'init'; target: RecordsTarget; shards: ShardInfo[]; tail: TailState }
  | {
      type: 'records';
      requestId?: number;
      /** True: a new read (the view clears its list). */
      reset: boolean;
      records: StreamRecord[];
      millisBehindLatest?: number;
      /** False when the shard is closed and fully read. */
      hasMore: boolean;
      fromTail: boolean;
    }
  | { type: 'tail'; state: TailState; reason?: string; nextPollMs?: number };

/** Checks the fields an iterator type needs; returns the reason it cannot be opened, if any. */
export function checkIteratorInput(
  type: IteratorType,
  sequenceNumber?: string,
  timestamp?: string,
  now = Date.now(),
): string | undefined {
  if ((type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') && !sequenceNumber?.trim()) {
    return `${type} needs a sequence number.`;
  }
  if (type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') {
    if (!/^\d+$/.test(sequenceNumber!.trim())) return 'A sequence number is a string of digits.';
  }
  if (type === 'AT_TIMESTAMP') {
    if (!timestamp?.trim()) return 'AT_TIMESTAMP needs a date and time.';
    if (Number.isNaN(Date.parse(timestamp)))
      return `"${timestamp}" is not a date and time (e.g. 2026-11-21T10:00:00Z).`;
    // Kinesis (and LocalStack) refuse a future time; moto quietly returns nothing. Say it before calling.
    if (Date.parse(timestamp) > now) {
      return `${timestamp} is in the future: AT_TIMESTAMP reads records that have arrived. Use LATEST to wait for new ones.`;
    }
  }
  return undefined;
}
