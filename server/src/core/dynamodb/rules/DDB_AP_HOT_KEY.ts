// An access pattern whose declared rate on one key value exceeds one partition: 1,000 WCU or 3,000 RCU.
import { WRITE_OPERATIONS, unitsPerRequest } from '../evidence/accessPatterns';
import { writeShard } from '../fixes';
import { AWS, cite, n } from '../guidance';
import { PARTITION_RCU, PARTITION_WCU } from '../model';
import type { DdbRule } from '../rule';
import { where } from '../support';

export const DDB_AP_HOT_KEY: DdbRule = {
  id: 'DDB_AP_HOT_KEY',
  domain: 'dynamodb',
  defaultSeverity: 'error',
  title: 'Declared access-pattern rates above one partition (1,000 WCU / 3,000 RCU) on a single key value.',
  check(ctx) {
    const t = ctx.table;
    for (const p of ctx.evidence.patterns) {
      const index = p.index ? [...t.gsis, ...t.lsis].find((i) => i.name === p.index) : undefined;
      if (p.index && !index) continue;
      const keys = index?.keys ?? t.keys;
      const hash = keys.filter((k) => k.keyType === 'HASH' && k.literal).map((k) => k.attribute);
      if (!hash.length) continue;
      // Share of the traffic on the busiest key: declared, or all of it when the key is compared to a literal.
      const literal = hash.every((h) => p.literalKeyAttributes.includes(h));
      const share = p.busiestKeyShare ?? (literal ? 1 : undefined);
      if (share === undefined) continue;
      const u = unitsPerRequest(p);
      const file = p.uri.replace(/^.*[\\/]/, '');
      const write = WRITE_OPERATIONS.has(p.operation);
      const rate = (write ? p.writesPerSecond : p.readsPerSecond) ?? (write ? undefined : p.readsPerSecond);
      if (!rate) continue;
      const perKey = rate * share;
      const units = perKey * (write ? u.wcu : u.rcu);
      const limit = write ? PARTITION_WCU : PARTITION_RCU;
      if (units <= limit) continue;
      const unit = write ? 'WCU' : 'RCU';
      const shareText = share === 1 ? 'all on one key value' : `${n(share * 100)}% on the busiest key value`;
      const perRequest = write ? u.wcu : u.rcu;
      const shards = Math.ceil(units / limit) * 2;
      const fix = hash.length === 1 ? writeShard(ctx.doc, t, hash[0] as string, shards) : undefined;
      const span = (index ?? t).keys.find((k) => k.keyType === 'HASH')?.nameSpan ?? t.nameSpan;
      ctx.report({
        span,
        message: cite(
          `Access pattern "${p.name}" (${file}) puts ${n(perKey)} ${write ? 'writes' : 'reads'}/s (${n(rate)}/s, ${shareText}) × ${n(perRequest)} ${unit} = ${n(units)} ${unit}/s on one "${hash.join(' + ')}" value of ${where(t, index)}, above one partition's ${n(limit)} ${unit} — write-shard the key into at least ${n(shards)} suffixes${write ? '' : ' or cache the hot reads'}`,
          AWS.writeSharding,
        ),
        fixes: fix ? [fix] : [],
      });
    }
  },
};
