// A date, day or hour as a GSI partition key ("recent orders by day"): the index's current period is one
// hot key, and a throttled GSI throttles the table's writes.
import { writeShard } from '../fixes';
import { AWS, cite } from '../guidance';
import type { DdbRule } from '../rule';
import { hashAttributes, where } from '../support';
import { timeBucketFinding } from '../timeBucket';

export const DDB_GSI_PK_TIME_BUCKET: DdbRule = {
  id: 'DDB_GSI_PK_TIME_BUCKET',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title: 'A date, day or hour bucket as a GSI partition key: the current period is one hot index key.',
  check(ctx) {
    const t = ctx.table;
    for (const g of t.gsis) {
      const attrs = hashAttributes(g.keys);
      if (!attrs.length || attrs.length !== g.keys.filter((k) => k.keyType === 'HASH').length) continue;
      // With several HASH attributes the other parts spread the period over many keys.
      if (attrs.length > 1) continue;
      const found = timeBucketFinding(ctx.evidence, attrs);
      if (!found) continue;
      const key = g.keys.find((k) => k.keyType === 'HASH')!;
      const fix = writeShard(ctx.doc, t, key.attribute, 10);
      ctx.report({
        span: key.nameSpan,
        message: cite(
          `GSI partition key "${key.attribute}" of ${where(t, g)} is a time bucket (${found.why}); every index write of the current ${found.period} lands on one key, and GSI throttling throttles table writes — shard it as "${key.attribute}#<0..N-1>" and query every shard`,
          AWS.gsiSharding,
        ),
        fixes: fix ? [fix] : [],
      });
    }
  },
};
