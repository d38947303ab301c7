// Partition arithmetic shown in hovers, lenses and the live key-distribution view.
import type { Distribution } from './evidence/items';
import { n, pct } from './guidance';
import { type Capacity, PARTITION_RCU, PARTITION_WCU, type TableDef } from './model';

/** Partitions (and so evenly used key values) a capacity needs: max(RCU / 3,000, WCU / 1,000), at least 1. */
export function partitionsFor(c: Pick<Capacity, 'read' | 'write'> | undefined): number {
  if (!c) return 1;
  return Math.max(1, Math.ceil((c.read ?? 0) / PARTITION_RCU), Math.ceil((c.write ?? 0) / PARTITION_WCU));
}

export function capacityLine(t: TableDef): string {
  if (t.effectiveBillingMode === 'PAY_PER_REQUEST') {
    return `On-demand: no table-level figure, but each key value still caps at ${n(PARTITION_WCU)} WCU / ${n(PARTITION_RCU)} RCU`;
  }
  const c = t.throughput;
  if (!c || (c.read === undefined && c.write === undefined)) return 'Provisioned capacity not given as numbers';
  const p = partitionsFor(c);
  const parts = [
    c.write !== undefined ? `${n(c.write)} WCU ÷ ${n(PARTITION_WCU)}` : undefined,
    c.read !== undefined ? `${n(c.read)} RCU ÷ ${n(PARTITION_RCU)}` : undefined,
  ].filter(Boolean);
  return `Partitions for its capacity: ≥ ${n(p)} (${parts.join(', ')}) · distinct key values needed: ≥ ${n(p)}, evenly used`;
}

export function distributionLine(d: Distribution): string {
  const top = d.top[0];
  return `Sample: ${n(d.keyed)} items, ${n(d.distinct)} distinct values${top ? `, top "${top.value}" ${pct(d.topShare)}` : ''}, Gini ${d.gini.toFixed(2)}${
    d.missing ? `, ${n(d.missing)} items without the key` : ''
  }`;
}
