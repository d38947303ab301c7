// Provisioned capacity the key cardinality cannot use: each key value lives in one partition, which
// serves at most 1,000 WCU and 3,000 RCU, so distinct values × those limits caps the usable capacity.
import { writeShard } from '../fixes';
import { AWS, cite, n } from '../guidance';
import { type Capacity, type IndexDef, PARTITION_RCU, PARTITION_WCU } from '../model';
import type { DdbRule, DdbRuleContext } from '../rule';
import { cardinality, hashAttributes, where } from '../support';

function check(ctx: DdbRuleContext, capacity: Capacity | undefined, attrs: readonly string[], index?: IndexDef): void {
  if (!capacity || !attrs.length) return;
  const card = cardinality(ctx.evidence, attrs, { allowName: true });
  if (!card || card.distinct <= 0) return;
  const usableW = card.distinct * PARTITION_WCU;
  const usableR = card.distinct * PARTITION_RCU;
  const parts: string[] = [];
  let span = capacity.span;
  if (capacity.write !== undefined && capacity.write > usableW) {
    parts.push(
      `${n(card.distinct)} distinct value${card.distinct === 1 ? '' : 's'} × ${n(PARTITION_WCU)} WCU = ${n(usableW)} WCU usable of ${n(capacity.write)} provisioned`,
    );
    span = capacity.writeSpan ?? span;
  }
  if (capacity.read !== undefined && capacity.read > usableR) {
    parts.push(
      `${n(card.distinct)} × ${n(PARTITION_RCU)} RCU = ${n(usableR)} RCU usable of ${n(capacity.read)} provisioned`,
    );
    if (!capacity.write || capacity.write <= usableW) span = capacity.readSpan ?? span;
  }
  if (!parts.length) return;
  const needed = Math.max(
    Math.ceil((capacity.write ?? 0) / PARTITION_WCU),
    Math.ceil((capacity.read ?? 0) / PARTITION_RCU),
  );
  const attr = attrs.join(' + ');
  const fix = attrs.length === 1 ? writeShard(ctx.doc, ctx.table, attrs[0] as string, Math.max(needed, 2)) : undefined;
  ctx.report({
    span,
    // Evidence-backed figures may be errors; a name guess stays a warning.
    severity: card.from === 'name' ? 'warning' : 'error',
    message: cite(
      `Capacity of ${where(ctx.table, index)} is unreachable with partition key "${attr}" (${card.origin}): ${parts.join('; ')} — it needs at least ${n(needed)} evenly used key values`,
      AWS.partitionKeyDesign,
    ),
    fixes: fix ? [fix] : [],
  });
}

export const DDB_CAPACITY_UNREACHABLE: DdbRule = {
  id: 'DDB_CAPACITY_UNREACHABLE',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title: 'Provisioned capacity above distinct key values × 1,000 WCU / 3,000 RCU.',
  check(ctx) {
    const t = ctx.table;
    if (t.effectiveBillingMode === 'PAY_PER_REQUEST') return;
    check(ctx, t.throughput, hashAttributes(t.keys));
    for (const g of t.gsis) check(ctx, g.throughput, hashAttributes(g.keys), g);
  },
};
