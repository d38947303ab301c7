// Plain records of the Kinesis record browser: iterator types, shards with their lineage, records with base64 data.
// The webview protocol (src/webviews/protocol/records.ts) shares them, so this file imports nothing.

export const ITERATOR_TYPES = [
  'TRIM_HORIZON',
  'LATEST',
  'AT_SEQUENCE_NUMBER',
  'AFTER_SEQUENCE_NUMBER',
  'AT_TIMESTAMP',
] as const;
export type IteratorType = (typeof ITERATOR_TYPES)[number];

export interface ShardInfo {
  readonly shardId: string;
  readonly parentShardId?: string;
  readonly adjacentParentShardId?: string;
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  /** False once a split or merge closed the shard. */
  readonly open: boolean;
}

export interface StreamRecord {
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  /** ISO 8601 */
  readonly arrival?: string;
  /** The record data, base64. */
  readonly data: string;
}
