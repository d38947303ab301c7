// From sample items: few distinct partition key values, one value holding a large share of the items,
// or a very uneven spread (Gini). Applies to the table key and every GSI key.
import type { Distribution } from '../evidence/items';
import { writeShard } from '../fixes';
import { AWS, cite, n, pct } from '../guidance';
import type { IndexDef, KeyElement } from '../model';
import type { DdbRule, DdbRuleContext } from '../rule';
import { MIN_DISTINCT, where } from '../support';

/** Thresholds (docs/rules/DDB_SAMPLE_SKEW.md). */
export const SKEW = { minItems: 20, topShare: 0.2, gini: 0.6, minDistinct: MIN_DISTINCT, errorTopShare: 0.5 } as const;

/** The reasons a distribution is skewed, empty when it is not. */
export function skewReasons(d: Distribution): string[] {
  if (d.keyed < SKEW.minItems) return [];
  const reasons: string[] = [];
  // Few distinct values only means something once the sample is saturated (each value seen ~10 times).
  if (d.distinct < SKEW.minDistinct && d.keyed >= 10 * d.distinct) {
    reasons.push(`only ${n(d.distinct)} distinct value${d.distinct === 1 ? '' : 's'} in ${n(d.keyed)} items`);
  }
  if (d.distinct > 1 && d.topShare > SKEW.topShare) {
    reasons.push(`"${d.top[0]?.value}" holds ${pct(d.topShare)} of the items`);
  }
  if (d.gini > SKEW.gini) reasons.push(`Gini ${d.gini.toFixed(2)}`);
  return reasons;
}

function check(ctx: DdbRuleContext, keys: readonly KeyElement[], index?: IndexDef): void {
  const hashes = keys.filter((k) => k.keyType === 'HASH' && k.literal && k.attribute);
  if (!hashes.length) return;
  const attrs = hashes.map((k) => k.attribute);
  const d = ctx.evidence.distribution(attrs);
  if (!d) return;
  const reasons = skewReasons(d);
  if (!reasons.length) return;
  const severe = d.topShare >= SKEW.errorTopShare || d.distinct <= 2;
  const shards = Math.max(2, Math.min(200, Math.ceil(d.topShare * 10) * 2));
  const fix = attrs.length === 1 ? writeShard(ctx.doc, ctx.table, attrs[0] as string, shards) : undefined;
  const sources = [...new Set(ctx.evidence.items.map((i) => i.uri.replace(/^.*[\\/]/, '')))].join(', ');
  ctx.report({
    span: hashes[0]!.nameSpan,
    severity: severe ? 'error' : 'warning',
    message: cite(
      `Sample items (${sources}) are skewed on partition key "${attrs.join(' + ')}" of ${where(ctx.table, index)}: ${reasons.join('; ')}; the busiest value is one partition (≤ 1,000 WCU / 3,000 RCU)`,
      AWS.uniformLoad,
    ),
    fixes: fix ? [fix] : [],
  });
}

export const DDB_SAMPLE_SKEW: DdbRule = {
  id: 'DDB_SAMPLE_SKEW',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title: 'Sample items show few distinct partition key values or one value holding a large share.',
  check(ctx) {
    if (!ctx.evidence.hasItems) return;
    check(ctx, ctx.table.keys);
    for (const g of ctx.table.gsis) check(ctx, g.keys, g);
  },
};
