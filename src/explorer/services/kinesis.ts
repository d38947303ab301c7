// Kinesis in the explorer: streams (status, capacity mode, retention) → shards with hash-key ranges and lineage.
import { listShards, listStreams, type ShardRecord, type StreamRecord } from '../../aws/kinesis';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';
import { keySpacePercent, plural } from './format';

function streamNode(s: StreamRecord): ExplorerNode {
  const mode = s.mode === 'ON_DEMAND' ? 'on-demand' : s.mode === 'PROVISIONED' ? 'provisioned' : undefined;
  const parts = [
    s.status,
    mode,
    s.retentionHours !== undefined ? `${s.retentionHours} h retention` : undefined,
    s.openShards !== undefined ? plural(s.openShards, 'open shard') : undefined,
  ].filter(Boolean);
  return {
    id: `kinesis:stream:${s.name}`,
    label: s.name,
    description: parts.join(' · '),
    tooltip: [
      s.arn,
      ...parts,
      s.created && `Created ${s.created}`,
      s.summaryError && `Summary unavailable: ${s.summaryError}`,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: 'pulse',
    contextValue: s.status === 'ACTIVE' ? 'lcl.kinesis.stream' : 'lcl.kinesis.stream.busy',
    collapsible: 'collapsed',
    ref: { kind: 'kinesis.stream', streamName: s.name, streamArn: s.arn },
  };
}

export function shardNode(streamName: string, s: ShardRecord): ExplorerNode {
  const lineage = [
    s.parentShardId ? `parent ${s.parentShardId}` : undefined,
    s.adjacentParentShardId ? `adjacent parent ${s.adjacentParentShardId}` : undefined,
  ].filter((l): l is string => l !== undefined);
  const range = `${keySpacePercent(s.startingHashKey)} – ${keySpacePercent(s.endingHashKey, 'end')} of key space`;
  return {
    id: `kinesis:shard:${streamName}/${s.shardId}`,
    label: s.shardId,
    description: [
      s.open ? 'open' : 'closed',
      range,
      ...lineage.map((l) => `← ${l.replace(/^(adjacent )?parent /, '')}`),
    ].join(' · '),
    tooltip: [
      `${s.shardId} (${s.open ? 'open' : 'closed by a split or merge'})`,
      `Hash keys ${s.startingHashKey} … ${s.endingHashKey}`,
      ...lineage.map((l) => `Created from ${l}`),
      s.startingSequenceNumber && `Sequence numbers from ${s.startingSequenceNumber}`,
      s.endingSequenceNumber && `… to ${s.endingSequenceNumber}`,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: s.open ? 'split-horizontal' : 'circle-slash',
    contextValue: s.open ? 'lcl.kinesis.shard' : 'lcl.kinesis.shard.closed',
    collapsible: 'none',
    ref: {
      kind: 'kinesis.shard',
      streamName,
      shardId: s.shardId,
      startingHashKey: s.startingHashKey,
      endingHashKey: s.endingHashKey,
      open: s.open,
    },
  };
}

/** Open shards first (in key order), then closed ones, so the live layout reads top to bottom. */
export function orderShards(shards: readonly ShardRecord[]): ShardRecord[] {
  return [...shards].sort((a, b) => {
    if (a.open !== b.open) return a.open ? -1 : 1;
    const d = BigInt(a.startingHashKey) - BigInt(b.startingHashKey);
    return d < 0n ? -1 : d > 0n ? 1 : a.shardId.localeCompare(b.shardId);
  });
}

const kinesis: ServiceExplorer = {
  id: 'kinesis',
  label: 'Kinesis',
  icon: 'pulse',
  order: 30,
  healthNames: ['kinesis'],
  listOperation: 'List streams',
  operationFor: () => 'List shards',

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (!parent) {
      const page = await listStreams(req.clients, req);
      return { nodes: page.streams.map(streamNode), next: page.next };
    }
    if (parent.ref.kind !== 'kinesis.stream') return { nodes: [] };
    const name = parent.ref.streamName;
    const shards = orderShards(await listShards(req.clients, name, req));
    // A stream has at most a few hundred shards here; page them locally so "Load more" works the same way.
    const offset = Number(req.cursor ?? 0) || 0;
    const end = offset + req.pageSize;
    return {
      nodes: shards.slice(offset, end).map((s) => shardNode(name, s)),
      next: end < shards.length ? String(end) : undefined,
    };
  },
};

export default kinesis;
