// Heuristic: a GSI partition key with few values (AWS's own example is a `status` GSI). GSI back pressure
// throttles writes to the base table even when the table's own key is well distributed.
import { sparseIndex, writeShard } from '../fixes';
import { AWS, cite, n } from '../guidance';
import { PARTITION_WCU, partitionKey } from '../model';
import type { Fix } from '../../types';
import type { DdbRule } from '../rule';
import { cardinality, evidenceShowsManyValues, hashAttributes, verdict, where } from '../support';

export const DDB_GSI_PK_LOW_CARDINALITY: DdbRule = {
  id: 'DDB_GSI_PK_LOW_CARDINALITY',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title:
    'A GSI partition key whose name suggests few distinct values (heuristic); GSI back pressure throttles table writes.',
  check(ctx) {
    const t = ctx.table;
    const tablePk = partitionKey(t.keys);
    for (const g of t.gsis) {
      const hashes = g.keys.filter((k) => k.keyType === 'HASH' && k.literal && k.attribute);
      if (!hashes.length || hashes.length !== g.keys.filter((k) => k.keyType === 'HASH').length) continue;
      const verdicts = hashes.map((k) => verdict(k.attribute));
      // A multi-attribute key is only as weak as its strongest part.
      if (!verdicts.every((v) => v.kind === 'low-cardinality' || v.kind === 'boolean')) continue;
      const attrs = hashAttributes(g.keys);
      if (evidenceShowsManyValues(ctx.evidence, attrs)) continue;
      const first = hashes[0]!;
      const v = verdicts[0]!;
      const card = cardinality(ctx.evidence, attrs, { allowName: true });
      const arithmetic = card
        ? `${n(card.distinct)} distinct value${card.distinct === 1 ? '' : 's'} (${card.origin}) × ${n(PARTITION_WCU)} WCU = ${n(card.distinct * PARTITION_WCU)} WCU of index writes at most`
        : `each value is one index partition (${n(PARTITION_WCU)} WCU)`;
      const fixes: Fix[] = [];
      if (v.kind === 'boolean' && hashes.length === 1) {
        const f = sparseIndex(ctx.doc, t, g, first);
        if (f) fixes.push(f);
      }
      const shard = hashes.length === 1 ? writeShard(ctx.doc, t, first.attribute, 10) : undefined;
      if (shard) fixes.push(shard);
      const extra =
        tablePk && tablePk.literal && !hashes.some((h) => h.attribute === tablePk.attribute)
          ? `; or add "${tablePk.attribute}" as a second HASH attribute (multi-attribute GSI key)`
          : '';
      ctx.report({
        span: first.nameSpan,
        message: cite(
          `GSI partition key "${attrs.join(' + ')}" of ${where(t, g)} looks low-cardinality (heuristic: ${v.kind === 'boolean' ? `"${first.attribute}" reads as a yes/no flag` : `"${v.word}" usually names a handful of values`}); ${arithmetic}, and a throttled GSI throttles writes to the table — shard it or make the index sparse${extra}`,
          AWS.gsiThrottling,
        ),
        fixes,
      });
    }
  },
};
