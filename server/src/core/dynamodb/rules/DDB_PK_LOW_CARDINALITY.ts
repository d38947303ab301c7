// Heuristic: a table partition key whose name suggests a handful of values (status, type, country,
// isActive, …). Each value is one partition's worth of throughput. Generic single-table names (PK, GSI1PK)
// switch the heuristic off; the rule then asks for evidence instead (an info finding).
import { writeShard } from '../fixes';
import { AWS, cite, n } from '../guidance';
import { PARTITION_WCU, partitionKey } from '../model';
import { isGenericKeyName } from '../names';
import type { DdbRule, DdbRuleContext } from '../rule';
import { partitionsFor } from '../arithmetic';
import { cardinality, evidenceShowsManyValues, verdict, where } from '../support';

/** "; the 5,000 WCU provisioned need at least 5 evenly used values" when the table provisions more than one partition. */
function needs(t: DdbRuleContext['table']): string {
  if (t.effectiveBillingMode !== 'PROVISIONED') return '';
  const p = partitionsFor(t.throughput);
  if (p < 2) return '';
  const c = t.throughput;
  const what = [c?.write ? `${n(c.write)} WCU` : '', c?.read ? `${n(c.read)} RCU` : ''].filter(Boolean).join(' / ');
  return `, so the ${what} provisioned need at least ${n(p)} evenly used values`;
}

export const DDB_PK_LOW_CARDINALITY: DdbRule = {
  id: 'DDB_PK_LOW_CARDINALITY',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title: 'A partition key whose name suggests few distinct values (heuristic), or a generic key name with no evidence.',
  check(ctx) {
    const t = ctx.table;
    const pk = partitionKey(t.keys);
    if (!pk || !pk.literal || !pk.attribute) return;
    const v = verdict(pk.attribute);
    const ev = ctx.evidence;
    if (v.kind === 'generic') {
      if (ev.hasItems || ev.patterns.length || ev.distinctValues.size) return;
      const generic = [pk, ...t.gsis.flatMap((g) => g.keys)].filter((k) => k.literal && isGenericKeyName(k.attribute));
      const names = [...new Set(generic.map((k) => k.attribute))].join(', ');
      ctx.report({
        span: pk.nameSpan,
        severity: 'info',
        message: cite(
          `Generic key names (${names}) on ${where(t)} say nothing about their values, so the name heuristics are off; add sample items (${t.name}.items.json) or access patterns (${t.name}.access-patterns.yaml) beside this file to check key cardinality`,
          AWS.partitionKeyDesign,
        ),
      });
      return;
    }
    if (v.kind !== 'low-cardinality' && v.kind !== 'boolean') return;
    if (evidenceShowsManyValues(ev, [pk.attribute])) return;
    const card = cardinality(ev, [pk.attribute], { allowName: true });
    const values = card ? card.distinct : undefined;
    const arithmetic =
      values !== undefined
        ? `${n(values)} distinct value${values === 1 ? '' : 's'} (${card!.origin}) × ${n(PARTITION_WCU)} WCU = ${n(values * PARTITION_WCU)} WCU at most`
        : `each value gets at most one partition: ${n(PARTITION_WCU)} WCU and 3,000 RCU${needs(t)}`;
    const why =
      v.kind === 'boolean'
        ? `"${pk.attribute}" reads as a yes/no flag`
        : `"${v.word}" usually names a handful of values`;
    const shards = 10;
    const fix = writeShard(ctx.doc, t, pk.attribute, shards);
    ctx.report({
      span: pk.nameSpan,
      message: cite(
        `Partition key "${pk.attribute}" of ${where(t)} looks low-cardinality (heuristic: ${why}); ${arithmetic} — key on a high-cardinality id, or write-shard it`,
        AWS.uniformLoad,
      ),
      fixes: fix ? [fix] : [],
    });
  },
};
